package tvmm.cpu.interrupts;

import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.msr.MsrFile;
import tvmm.cpu.seg.SegmentChecks;
import tvmm.cpu.seg.SegmentState;
import tvmm.cpu.seg.Selectors;
import tvmm.cpu.state.Flags;

/**
 * SYSCALL, SYSRET, SYSENTER, SYSEXIT and SWAPGS with Intel's rules (the CPU model's vendor):
 * SYSCALL/SYSRET only in 64-bit mode, SYSENTER/SYSEXIT in every protected mode (SDM vol. 2).
 * The segment caches are loaded with the fixed flat values the instructions define, not from
 * the GDT. {@code nextRip} is the address after the instruction.
 */
public final class FastSystemCalls {
    static final int RCX = 1;
    static final int RDX = 2;
    static final int RSP = 4;
    static final int R11 = 11;
    /** Flat code/data caches: base 0, limit 4 GiB, G; accessed code (type B) / data (type 3). */
    static final int CODE64 = 0x9b | 0xa00;
    static final int CODE32 = 0x9b | 0xc00;
    static final int DATA = 0x93 | 0xc00;
    static final int DPL3 = 3 << 5;

    private FastSystemCalls() {
    }

    public static void syscall(InterruptState s, MsrFile msrs, long nextRip) {
        if ((s.efer() & ControlBits.EFER_SCE) == 0 || !Selectors.is64BitMode(s)) {
            throw GuestFault.ud();
        }
        long star = msrs.star();
        int cs = (int) (star >>> 32) & 0xfffc;
        long rflags = s.rflags();
        s.setGpr(RCX, nextRip);
        s.setGpr(R11, rflags & ~Flags.RF);
        s.loadSegment(SegmentState.CS, cs, 0, 0xffff_ffff, CODE64);
        s.loadSegment(SegmentState.SS, cs + 8, 0, 0xffff_ffff, DATA);
        s.setCpl(0);
        s.setRflags((rflags & ~msrs.fmask() & ~Flags.RF) | Flags.FIXED1);
        s.setRip(msrs.lstar());
    }

    /** @param operandSize 8 (SYSRETQ, to 64-bit code) or 4 (SYSRET, to compatibility mode) */
    public static void sysret(InterruptState s, MsrFile msrs, int operandSize) {
        if ((s.efer() & ControlBits.EFER_SCE) == 0 || !Selectors.is64BitMode(s)) {
            throw GuestFault.ud();
        }
        if (s.cpl() != 0) {
            throw GuestFault.gp(0);
        }
        long rcx = s.gpr(RCX);
        // Intel checks RCX before leaving ring 0: the #GP is taken at CPL 0 on the kernel stack.
        if (operandSize == 8 && !SegmentChecks.isCanonical(rcx)) {
            throw GuestFault.gp(0);
        }
        int base = (int) (msrs.star() >>> 48) & 0xffff;
        if (operandSize == 8) {
            s.loadSegment(SegmentState.CS, (base + 16) | 3, 0, 0xffff_ffff, CODE64 | DPL3);
            s.setRip(rcx);
        } else {
            s.loadSegment(SegmentState.CS, base | 3, 0, 0xffff_ffff, CODE32 | DPL3);
            s.setRip(rcx & 0xffff_ffffL);
        }
        // SS's selector is set from STAR, its cache keeps flat data at DPL 3 (Intel).
        s.loadSegment(SegmentState.SS, (base + 8) | 3, 0, 0xffff_ffff, DATA | DPL3);
        s.setCpl(3);
        s.setRflags((s.gpr(R11) & 0x3c_7fd7L) | Flags.FIXED1);
    }

    public static void sysenter(InterruptState s, MsrFile msrs) {
        long cs = msrs.sysenterCs() & 0xfffc;
        if (!Selectors.isProtected(s) || cs == 0) {
            throw GuestFault.gp(0);
        }
        boolean lma = Selectors.isLongMode(s);
        s.setRflags(s.rflags() & ~(Flags.VM | Flags.IF | Flags.RF));
        s.loadSegment(SegmentState.CS, (int) cs, 0, 0xffff_ffff, lma ? CODE64 : CODE32);
        s.loadSegment(SegmentState.SS, (int) cs + 8, 0, 0xffff_ffff, DATA);
        s.setCpl(0);
        s.setGpr(RSP, lma ? msrs.sysenterEsp() : msrs.sysenterEsp() & 0xffff_ffffL);
        s.setRip(lma ? msrs.sysenterEip() : msrs.sysenterEip() & 0xffff_ffffL);
    }

    /** @param operandSize 8 (REX.W: return to 64-bit code) or 4 */
    public static void sysexit(InterruptState s, MsrFile msrs, int operandSize) {
        int cs = (int) msrs.sysenterCs() & 0xfffc;
        if (!Selectors.isProtected(s) || cs == 0 || s.cpl() != 0) {
            throw GuestFault.gp(0);
        }
        long rip = s.gpr(RDX);
        long rsp = s.gpr(RCX);
        if (operandSize == 8) {
            if (!SegmentChecks.isCanonical(rip) || !SegmentChecks.isCanonical(rsp)) {
                throw GuestFault.gp(0);
            }
            s.loadSegment(SegmentState.CS, (cs + 32) | 3, 0, 0xffff_ffff, CODE64 | DPL3);
            s.loadSegment(SegmentState.SS, (cs + 40) | 3, 0, 0xffff_ffff, DATA | DPL3);
        } else {
            rip &= 0xffff_ffffL;
            rsp &= 0xffff_ffffL;
            s.loadSegment(SegmentState.CS, (cs + 16) | 3, 0, 0xffff_ffff, CODE32 | DPL3);
            s.loadSegment(SegmentState.SS, (cs + 24) | 3, 0, 0xffff_ffff, DATA | DPL3);
        }
        s.setCpl(3);
        s.setGpr(RSP, rsp);
        s.setRip(rip);
    }

    /** SWAPGS: exchanges GS.base and IA32_KERNEL_GS_BASE; 64-bit mode, CPL 0 only. */
    public static void swapgs(InterruptState s, MsrFile msrs) {
        if (!Selectors.is64BitMode(s)) {
            throw GuestFault.ud();
        }
        if (s.cpl() != 0) {
            throw GuestFault.gp(0);
        }
        long gs = s.base(SegmentState.GS);
        s.loadSegment(SegmentState.GS, s.selector(SegmentState.GS), msrs.kernelGsBase(), s.limit(SegmentState.GS),
                s.attributes(SegmentState.GS));
        msrs.setKernelGsBase(gs);
    }
}
