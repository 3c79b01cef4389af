package tvmm.cpu.msr;

import tvmm.cpu.cpuid.CpuFeatures;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.seg.SegmentChecks;

/**
 * The model-specific registers of one vCPU, as RDMSR/WRMSR see them (SDM vol. 4 ch. 2 for
 * indices and reserved bits). Unknown MSRs raise #GP(0) as on hardware; a VMM that intercepts
 * MSRs (the SVM MSR exit) asks {@link #isImplemented} first or catches the fault. The fields
 * SYSCALL/SYSENTER/SWAPGS/RDTSCP read are exposed through getters so the engine's instructions
 * use the same storage.
 */
public final class MsrFile {
    /** Power-on PAT: WB, WT, UC-, UC repeated (SDM §12.12.4). */
    public static final long PAT_DEFAULT = 0x0007_0406_0007_0406L;
    /** MISC_ENABLE: fast strings (0), BTS unavailable (11), PEBS unavailable (12). */
    static final long MISC_ENABLE_DEFAULT = 1L | 1L << 11 | 1L << 12;
    /** Bits the guest may change: fast strings, limit-CPUID-maxval. */
    static final long MISC_ENABLE_WRITABLE = 1L | 1L << 22;

    /**
     * IA32_ARCH_CAPABILITIES (read-only; CPUID.7.0:EDX[29]): the "not affected" bits of the
     * speculative-execution flaws (SDM vol. 4 table 2-2; Linux's msr-index.h names them). tvmm's
     * CPU executes nothing speculatively, so it is immune to all of them, and saying so spares
     * the guest mitigations that cost an emulator dearly: page-table isolation (a CR3 switch
     * and TLB flush per kernel entry), VERW on every return to user, return thunks.
     */
    public static final long ARCH_CAPABILITIES = 1L << 0 // RDCL_NO: no Meltdown
            | 1L << 1   // IBRS_ALL: IBRS set once protects every later mode (no retpolines needed)
            | 1L << 3   // SKIP_L1DFL_VMENTRY
            | 1L << 4   // SSB_NO: no speculative store bypass
            | 1L << 5   // MDS_NO
            | 1L << 6   // PSCHANGE_MC_NO: no machine check on page-size change (iTLB multihit)
            | 1L << 8   // TAA_NO
            | 1L << 13  // SBDR_SSDP_NO
            | 1L << 14  // FBSDP_NO
            | 1L << 15  // PSDP_NO: with the two above, not affected by MMIO stale data
            | 1L << 20  // BHI_NO
            | 1L << 24  // PBRSB_NO
            | 1L << 26  // GDS_NO
            | 1L << 27  // RFDS_NO
            | 1L << 62; // ITS_NO (synthesized by VMMs)

    /**
     * IA32_SPEC_CTRL's bits tvmm advertises: IBRS, STIBP, SSBD and BHI_DIS_S (bit 10; SDM vol. 4
     * table 2-2). Stored and read back; with no branch predictor and no speculative store bypass
     * they change nothing else.
     */
    static final long SPEC_CTRL_BITS = 0b111 | 1L << 10;
    /** IA32_PRED_CMD.IBPB: a barrier for a predictor tvmm does not have. */
    static final long PRED_CMD_IBPB = 1;

    private final MsrHost host;
    private long specCtrl;
    private final Mtrrs mtrrs = new Mtrrs();
    private long pat = PAT_DEFAULT;
    private long miscEnable = MISC_ENABLE_DEFAULT;
    private long sysenterCs;
    private long sysenterEsp;
    private long sysenterEip;
    private long star;
    private long lstar;
    private long cstar;
    private long fmask;
    private long kernelGsBase;

    public MsrFile(MsrHost host) {
        this.host = host;
    }

    public boolean isImplemented(int msr) {
        return switch (msr) {
            case Msrs.IA32_TSC, Msrs.IA32_PLATFORM_ID, Msrs.IA32_FEATURE_CONTROL, Msrs.IA32_BIOS_SIGN_ID,
                    Msrs.IA32_ARCH_CAPABILITIES, Msrs.IA32_SPEC_CTRL, Msrs.IA32_PRED_CMD,
                    Msrs.IA32_SYSENTER_CS, Msrs.IA32_SYSENTER_ESP, Msrs.IA32_SYSENTER_EIP, Msrs.IA32_MISC_ENABLE,
                    Msrs.IA32_PAT, Msrs.IA32_EFER, Msrs.IA32_STAR, Msrs.IA32_LSTAR, Msrs.IA32_CSTAR, Msrs.IA32_FMASK,
                    Msrs.IA32_FS_BASE, Msrs.IA32_GS_BASE, Msrs.IA32_KERNEL_GS_BASE, Msrs.IA32_TSC_AUX -> true;
            default -> Mtrrs.handles(msr) || Msrs.isPlatform(msr);
        };
    }

    public long read(int msr) {
        return switch (msr) {
            case Msrs.IA32_TSC -> host.readTsc();
            case Msrs.IA32_PLATFORM_ID, Msrs.IA32_BIOS_SIGN_ID -> 0;
            case Msrs.IA32_FEATURE_CONTROL -> 1; // locked, VMX off: firmware did its job
            case Msrs.IA32_ARCH_CAPABILITIES -> ARCH_CAPABILITIES;
            case Msrs.IA32_SPEC_CTRL -> specCtrl;
            case Msrs.IA32_PRED_CMD -> throw GuestFault.gp(0); // write-only
            case Msrs.IA32_SYSENTER_CS -> sysenterCs;
            case Msrs.IA32_SYSENTER_ESP -> sysenterEsp;
            case Msrs.IA32_SYSENTER_EIP -> sysenterEip;
            case Msrs.IA32_MISC_ENABLE -> miscEnable;
            case Msrs.IA32_PAT -> pat;
            case Msrs.IA32_EFER -> host.efer();
            case Msrs.IA32_STAR -> star;
            case Msrs.IA32_LSTAR -> lstar;
            case Msrs.IA32_CSTAR -> cstar;
            case Msrs.IA32_FMASK -> fmask;
            case Msrs.IA32_FS_BASE -> host.fsBase();
            case Msrs.IA32_GS_BASE -> host.gsBase();
            case Msrs.IA32_KERNEL_GS_BASE -> kernelGsBase;
            case Msrs.IA32_TSC_AUX -> host.tscAux();
            default -> {
                if (Mtrrs.handles(msr)) {
                    yield mtrrs.read(msr);
                }
                if (Msrs.isPlatform(msr)) {
                    yield host.readPlatform(msr);
                }
                throw GuestFault.gp(0);
            }
        };
    }

    public void write(int msr, long value) {
        switch (msr) {
            case Msrs.IA32_TSC -> host.writeTsc(value);
            case Msrs.IA32_BIOS_SIGN_ID -> {
                // Linux writes 0 before CPUID to read the microcode revision: accepted, ignored.
            }
            case Msrs.IA32_PLATFORM_ID, Msrs.IA32_FEATURE_CONTROL, Msrs.IA32_ARCH_CAPABILITIES ->
                throw GuestFault.gp(0); // read-only / locked
            case Msrs.IA32_SPEC_CTRL -> {
                if ((value & ~SPEC_CTRL_BITS) != 0) {
                    throw GuestFault.gp(0);
                }
                specCtrl = value;
            }
            case Msrs.IA32_PRED_CMD -> {
                if ((value & ~PRED_CMD_IBPB) != 0) {
                    throw GuestFault.gp(0);
                }
            }
            case Msrs.IA32_SYSENTER_CS -> sysenterCs = value & 0xffff_ffffL;
            case Msrs.IA32_SYSENTER_ESP -> sysenterEsp = canonical(value);
            case Msrs.IA32_SYSENTER_EIP -> sysenterEip = canonical(value);
            case Msrs.IA32_MISC_ENABLE -> {
                if (((value ^ miscEnable) & ~MISC_ENABLE_WRITABLE) != 0) {
                    throw GuestFault.gp(0);
                }
                miscEnable = value;
            }
            case Msrs.IA32_PAT -> pat = checkPat(value);
            case Msrs.IA32_EFER -> host.setEfer(checkEfer(value, host.efer(), host.cr0()));
            case Msrs.IA32_STAR -> star = value;
            case Msrs.IA32_LSTAR -> lstar = canonical(value);
            case Msrs.IA32_CSTAR -> cstar = canonical(value);
            case Msrs.IA32_FMASK -> fmask = value & 0xffff_ffffL; // bits 63:32 reserved, read as 0
            case Msrs.IA32_FS_BASE -> host.setFsBase(canonical(value));
            case Msrs.IA32_GS_BASE -> host.setGsBase(canonical(value));
            case Msrs.IA32_KERNEL_GS_BASE -> kernelGsBase = canonical(value);
            case Msrs.IA32_TSC_AUX -> {
                if ((value >>> 32) != 0) {
                    throw GuestFault.gp(0);
                }
                host.setTscAux(value);
            }
            default -> {
                if (Mtrrs.handles(msr)) {
                    mtrrs.write(msr, value);
                } else if (Msrs.isPlatform(msr)) {
                    host.writePlatform(msr, value);
                } else {
                    throw GuestFault.gp(0);
                }
            }
        }
    }

    private static long canonical(long value) {
        if (!SegmentChecks.isCanonical(value)) {
            throw GuestFault.gp(0);
        }
        return value;
    }

    /** Each PAT entry is a memory type 0, 1, 4, 5, 6 or 7 (UC-); bits 7:3 of each byte reserved. */
    static long checkPat(long value) {
        for (int i = 0; i < 8; i++) {
            long t = (value >>> (8 * i)) & 0xff;
            if (t == 2 || t == 3 || t > 7) {
                throw GuestFault.gp(0);
            }
        }
        return value;
    }

    /**
     * EFER: reserved bits and NXE without NX are #GP; LME may not change while CR0.PG = 1
     * (SDM §9.8.5); LMA is read-only and keeps the CPU's value.
     */
    static long checkEfer(long value, long old, long cr0) {
        if ((value & ~CpuFeatures.eferWritableMask()) != 0) {
            throw GuestFault.gp(0);
        }
        if ((cr0 & ControlBits.CR0_PG) != 0 && ((value ^ old) & ControlBits.EFER_LME) != 0) {
            throw GuestFault.gp(0);
        }
        return (value & ~ControlBits.EFER_LMA) | (old & ControlBits.EFER_LMA);
    }

    public long pat() { return pat; }
    public long sysenterCs() { return sysenterCs; }
    public long sysenterEsp() { return sysenterEsp; }
    public long sysenterEip() { return sysenterEip; }
    public long star() { return star; }
    public long lstar() { return lstar; }
    public long cstar() { return cstar; }
    public long fmask() { return fmask; }
    public long kernelGsBase() { return kernelGsBase; }
    public void setKernelGsBase(long base) { kernelGsBase = base; }
}
