package tvmm.cpu.instr;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.simd.SseState;
import tvmm.cpu.state.CpuState;

/**
 * What every SSE node shares (SDM Vol. 3 §13.1-13.4, Vol. 2 §2.5 "exceptions type" tables):
 * #UD when CR0.EM is set or CR4.OSFXSR is clear, #NM when CR0.TS is set, #GP(0) for a
 * misaligned 16-byte operand of an aligned form, and #XM (or #UD when CR4.OSXMMEXCPT is clear)
 * for an unmasked SIMD floating-point exception. Memory sources are loaded into the scratch
 * register {@link SseState#TMP} before the register routine runs.
 */
abstract class SseNode extends Insn {
    SseNode(long address, int length) {
        super(address, length);
    }

    static SseState enter(CpuState s) {
        if ((s.cr0 & ControlBits.CR0_EM) != 0 || (s.cr4 & ControlBits.CR4_OSFXSR) == 0) {
            throw GuestFault.ud();
        }
        if ((s.cr0 & ControlBits.CR0_TS) != 0) {
            throw GuestFault.of(Vectors.NM, 0);
        }
        return s.sse;
    }

    /** An unmasked SIMD floating-point exception (the flags are already in MXCSR). */
    static GuestFault simdFault(CpuState s) {
        return (s.cr4 & ControlBits.CR4_OSXMMEXCPT) != 0 ? GuestFault.of(Vectors.XM, 0) : GuestFault.ud();
    }

    /** The linear address of a memory operand, #GP(0) if an aligned form is not 16-byte aligned. */
    static long locate(CpuState s, MemOperand m, boolean aligned) {
        long loc = m.locate(s);
        if (aligned && (loc & 15) != 0) {
            throw GuestFault.gp(0);
        }
        return loc;
    }

    /** Loads {@code size} bytes (4, 8 or 16) zero-extended into XMM register r (normally TMP). */
    static void load(CpuState s, SseState x, int r, long loc, int size) {
        if (size == 16) {
            long lo = s.mem.read(loc, 8);
            long hi = s.mem.read(loc + 8, 8);
            x.set(r, lo, hi);
        } else {
            x.set(r, s.mem.read(loc, size), 0);
        }
    }

    /** Stores the low {@code size} bytes of (lo, hi) after checking the whole range is writable. */
    static void store(CpuState s, long loc, int size, long lo, long hi) {
        if (size == 16) {
            // Probe both pages before writing anything; a fault on the second page reports its
            // first byte (CR2), as the processor does, not the operand's last byte.
            s.mem.readForWrite(loc, 1);
            s.mem.readForWrite(Math.max(loc, (loc + 15) & ~0xfffL), 1);
            s.mem.write(loc, 8, lo);
            s.mem.write(loc + 8, 8, hi);
        } else {
            s.mem.write(loc, size, lo);
        }
    }
}
