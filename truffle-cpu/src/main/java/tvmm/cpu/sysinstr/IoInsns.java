package tvmm.cpu.sysinstr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.interrupts.CpuStateView;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.seg.IoPermission;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * IN and OUT through the vCPU's exit port (the SVM IOIO path), after the IOPL / TSS I/O
 * bitmap check; CLI and STI with the IOPL rule. STI that sets IF opens the interrupt shadow
 * ({@link CpuState#interruptShadow}) and ends the unit, so the engine runs exactly one more
 * instruction before it accepts an event.
 */
final class IoInsns {
    private IoInsns() {
    }

    /**
     * {@code port} ≥ 0 is the immediate port, else DX. Ends the unit: a device may stop the
     * vCPU (exit port 0xF4) or change what code sees.
     */
    static final class Io extends LeavingInsn {
        private final boolean in;
        private final int port;
        private final RegOperand data;

        Io(long address, int length, boolean in, int port, RegOperand data) {
            super(address, length);
            this.in = in;
            this.port = port;
            this.data = data;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            int p = port >= 0 ? port : (int) s.gpr[CpuState.RDX] & 0xffff;
            int size = data.size;
            if (needsCheck(s)) {
                CpuStateView v = new CpuStateView(s);
                IoPermission.check(v, v, p, size);
            }
            s.rip = next();
            if (in) {
                data.set(s, s.mem.exits().ioIn(p, size));
            } else {
                s.mem.exits().ioOut(p, size, data.get(s));
            }
        }
    }

    /** Protected mode with CPL > IOPL, or VM86: the bitmap decides. */
    static boolean needsCheck(CpuState s) {
        if ((s.cr0 & ControlBits.CR0_PE) == 0) {
            return false;
        }
        return (s.rflags & Flags.VM) != 0 || s.cpl > IoPermission.iopl(s.rflags);
    }

    /** {@link IoPermission#mayChangeIf} read straight from CpuState (no view, no allocation). */
    static boolean mayChangeIf(CpuState s) {
        if ((s.cr0 & ControlBits.CR0_PE) == 0) {
            return true;
        }
        int iopl = IoPermission.iopl(s.rflags);
        return (s.rflags & Flags.VM) == 0 ? s.cpl <= iopl : iopl == 3;
    }

    static final class Cli extends Insn {
        Cli(long address, int length) {
            super(address, length);
        }

        @Override
        public void execute(CpuState s) {
            if (!mayChangeIf(s)) {
                throw GuestFault.gp(0);
            }
            s.rflags &= ~Flags.IF;
        }
    }

    static final class Sti extends LeavingInsn {
        Sti(long address, int length) {
            super(address, length);
        }

        @Override
        public void execute(CpuState s) {
            if (!mayChangeIf(s)) {
                throw GuestFault.gp(0);
            }
            if ((s.rflags & Flags.IF) == 0) {
                s.interruptShadow = true; // only an STI that sets IF opens a shadow (SDM vol. 2 STI)
            }
            s.rflags |= Flags.IF;
            s.rip = next();
        }
    }
}
