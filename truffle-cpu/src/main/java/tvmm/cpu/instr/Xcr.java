package tvmm.cpu.instr;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.state.CpuState;

/**
 * XGETBV and XSETBV (SDM Vol. 2): read or write XCR0 (ECX = 0) as EDX:EAX. Both are #UD while
 * CR4.OSXSAVE is clear. XSETBV needs CPL 0 and a valid value — bit 0 (x87) set and nothing
 * beyond bit 1 (SSE), since tvmm implements no other state component — else #GP(0); any other
 * ECX is #GP(0) for both (XGETBV with ECX = 1 is not enumerated).
 */
final class Xcr extends Insn {
    /** The XCR0 bits a guest may set: x87 and SSE. */
    static final long SUPPORTED = 3;

    private final boolean set;

    Xcr(long address, int length, boolean set) {
        super(address, length);
        this.set = set;
    }

    @Override
    public void execute(CpuState s) {
        if ((s.cr4 & ControlBits.CR4_OSXSAVE) == 0) {
            throw GuestFault.ud();
        }
        if (set && s.cpl != 0) {
            throw GuestFault.gp(0);
        }
        if ((int) s.gpr[CpuState.RCX] != 0) {
            throw GuestFault.gp(0);
        }
        if (!set) {
            s.gpr[CpuState.RAX] = s.xcr0 & 0xffffffffL;
            s.gpr[CpuState.RDX] = s.xcr0 >>> 32;
            return;
        }
        long v = (s.gpr[CpuState.RDX] << 32) | (s.gpr[CpuState.RAX] & 0xffffffffL);
        if ((v & 1) == 0 || (v & ~SUPPORTED) != 0) {
            throw GuestFault.gp(0);
        }
        s.xcr0 = v;
    }
}
