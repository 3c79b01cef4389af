package tvmm.cpu.msr;

/** MSR indices (SDM vol. 4 ch. 2; AMD APM vol. 2 appendix A). */
public final class Msrs {
    public static final int IA32_TSC = 0x10;
    public static final int IA32_PLATFORM_ID = 0x17;
    public static final int IA32_APIC_BASE = 0x1b;
    public static final int IA32_FEATURE_CONTROL = 0x3a;
    public static final int IA32_SPEC_CTRL = 0x48;
    public static final int IA32_PRED_CMD = 0x49;        // write-only
    public static final int IA32_BIOS_SIGN_ID = 0x8b;     // microcode revision
    public static final int IA32_MTRRCAP = 0xfe;
    public static final int IA32_ARCH_CAPABILITIES = 0x10a;
    public static final int IA32_SYSENTER_CS = 0x174;
    public static final int IA32_SYSENTER_ESP = 0x175;
    public static final int IA32_SYSENTER_EIP = 0x176;
    public static final int IA32_MISC_ENABLE = 0x1a0;
    public static final int IA32_MTRR_PHYSBASE0 = 0x200;  // PHYSBASEn = 0x200 + 2n, PHYSMASKn = 0x201 + 2n
    public static final int IA32_MTRR_FIX64K_00000 = 0x250;
    public static final int IA32_MTRR_FIX16K_80000 = 0x258;
    public static final int IA32_MTRR_FIX16K_A0000 = 0x259;
    public static final int IA32_MTRR_FIX4K_C0000 = 0x268; // … 0x26f = FIX4K_F8000
    public static final int IA32_PAT = 0x277;
    public static final int IA32_MTRR_DEF_TYPE = 0x2ff;
    public static final int IA32_TSC_DEADLINE = 0x6e0;
    public static final int X2APIC_FIRST = 0x800;
    public static final int X2APIC_LAST = 0x8ff;
    public static final int IA32_EFER = 0xc000_0080;
    public static final int IA32_STAR = 0xc000_0081;
    public static final int IA32_LSTAR = 0xc000_0082;
    public static final int IA32_CSTAR = 0xc000_0083;
    public static final int IA32_FMASK = 0xc000_0084;
    public static final int IA32_FS_BASE = 0xc000_0100;
    public static final int IA32_GS_BASE = 0xc000_0101;
    public static final int IA32_KERNEL_GS_BASE = 0xc000_0102;
    public static final int IA32_TSC_AUX = 0xc000_0103;

    /** Variable-range MTRR pairs (MTRRcap.VCNT). */
    public static final int MTRR_VARIABLE_COUNT = 8;

    private Msrs() {
    }

    /** MSRs that belong to the platform (local APIC), not the core: {@link MsrHost#readPlatform}. */
    public static boolean isPlatform(int msr) {
        return msr == IA32_APIC_BASE || msr == IA32_TSC_DEADLINE || (msr >= X2APIC_FIRST && msr <= X2APIC_LAST);
    }
}
