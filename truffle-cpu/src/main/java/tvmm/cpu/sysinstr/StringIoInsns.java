package tvmm.cpu.sysinstr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.interrupts.CpuStateView;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.seg.IoPermission;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * INS and OUTS, with or without REP (SDM vol. 2 INS/OUTS, REP): port DX, memory ES:rDI for
 * INS (no override) and seg:rSI for OUTS, rSI/rDI stepped by ±size per DF, rCX counting in
 * the address size. Each iteration commits its register updates, so a fault in the middle
 * leaves a state from which the instruction restarts where it stopped (RIP stays on it);
 * a REP form also stops between iterations for a pending event or a write into translated code.
 */
final class StringIoInsns {
    private StringIoInsns() {
    }

    static final class StringIo extends LeavingInsn {
        private final boolean in;
        private final int size;
        private final int addrSize;
        private final int seg;
        private final boolean rep;

        StringIo(long address, int length, boolean in, int size, int addrSize, int seg, boolean rep) {
            super(address, length);
            this.in = in;
            this.size = size;
            this.addrSize = addrSize;
            this.seg = seg;
            this.rep = rep;
        }

        private long mask(long v) {
            return addrSize == 2 ? v & 0xffff : addrSize == 4 ? v & 0xffff_ffffL : v;
        }

        /** Writes an index register at the address size (a 32-bit write zero-extends, 16 bits merge). */
        private void setIndex(CpuState s, int reg, long v) {
            s.gpr[reg] = addrSize == 2 ? (s.gpr[reg] & ~0xffffL) | (v & 0xffff) : mask(v);
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            int port = (int) s.gpr[CpuState.RDX] & 0xffff;
            if (IoInsns.needsCheck(s)) {
                CpuStateView v = new CpuStateView(s);
                IoPermission.check(v, v, port, size);
            }
            boolean m64 = s.codeSize == 8;
            long step = (s.rflags & Flags.DF) != 0 ? -size : size;
            int index = in ? CpuState.RDI : CpuState.RSI;
            while (!rep || mask(s.gpr[CpuState.RCX]) != 0) {
                long offset = mask(s.gpr[index]);
                if (in) {
                    long linear = MemOperand.linear(s, CpuState.ES, offset, size, m64, true);
                    s.mem.readForWrite(linear, size); // fault before the device sees the read
                    s.mem.write(linear, size, s.mem.exits().ioInString(port, size, rep, addrSize));
                } else {
                    long linear = MemOperand.linear(s, seg, offset, size, m64, false);
                    s.mem.exits().ioOutString(port, size, s.mem.read(linear, size), rep, addrSize, seg);
                }
                setIndex(s, index, offset + step);
                if (!rep) {
                    break;
                }
                long count = mask(s.gpr[CpuState.RCX]) - 1;
                setIndex(s, CpuState.RCX, count);
                if (count != 0 && (s.codeModified || s.eventsActionable())) {
                    // An interrupt (or a kick) is taken between iterations; RIP stays on the
                    // instruction so the rest follows after it (SDM vol. 2 REP: "interruptible").
                    s.rip = address;
                    return;
                }
            }
            s.rip = next();
        }
    }
}
