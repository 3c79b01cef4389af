package tvmm.cpu.svm;

/**
 * SVM exit codes as the VMCB's EXITCODE field holds them (AMD64 APM vol. 2, Appendix C).
 * tvmm's CPU leaves {@code vmrun} with exactly these values, so the VMM is written like a
 * real SVM hypervisor.
 */
public final class ExitCode {
    private ExitCode() {
    }

    /** CR0..CR15 read: CR_READ + n. */
    public static final int CR_READ = 0x000;
    /** CR0..CR15 write: CR_WRITE + n. */
    public static final int CR_WRITE = 0x010;
    /** DR0..DR15 read: DR_READ + n. */
    public static final int DR_READ = 0x020;
    /** DR0..DR15 write: DR_WRITE + n. */
    public static final int DR_WRITE = 0x030;
    /** Exception vector 0..31: EXCEPTION + vector. */
    public static final int EXCEPTION = 0x040;
    public static final int INTR = 0x060;
    public static final int NMI = 0x061;
    public static final int SMI = 0x062;
    public static final int INIT = 0x063;
    public static final int VINTR = 0x064;
    public static final int CR0_SEL_WRITE = 0x065;
    public static final int IDTR_READ = 0x066;
    public static final int GDTR_READ = 0x067;
    public static final int LDTR_READ = 0x068;
    public static final int TR_READ = 0x069;
    public static final int IDTR_WRITE = 0x06A;
    public static final int GDTR_WRITE = 0x06B;
    public static final int LDTR_WRITE = 0x06C;
    public static final int TR_WRITE = 0x06D;
    public static final int RDTSC = 0x06E;
    public static final int RDPMC = 0x06F;
    public static final int PUSHF = 0x070;
    public static final int POPF = 0x071;
    public static final int CPUID = 0x072;
    public static final int RSM = 0x073;
    public static final int IRET = 0x074;
    public static final int SWINT = 0x075;
    public static final int INVD = 0x076;
    public static final int PAUSE = 0x077;
    public static final int HLT = 0x078;
    public static final int INVLPG = 0x079;
    public static final int INVLPGA = 0x07A;
    public static final int IOIO = 0x07B;
    public static final int MSR = 0x07C;
    public static final int TASK_SWITCH = 0x07D;
    public static final int FERR_FREEZE = 0x07E;
    /** Triple fault (or another shutdown condition): the guest cannot continue. */
    public static final int SHUTDOWN = 0x07F;
    public static final int VMRUN = 0x080;
    public static final int VMMCALL = 0x081;
    public static final int VMLOAD = 0x082;
    public static final int VMSAVE = 0x083;
    public static final int STGI = 0x084;
    public static final int CLGI = 0x085;
    public static final int SKINIT = 0x086;
    public static final int RDTSCP = 0x087;
    public static final int ICEBP = 0x088;
    public static final int WBINVD = 0x089;
    public static final int MONITOR = 0x08A;
    public static final int MWAIT = 0x08B;
    public static final int MWAIT_CONDITIONAL = 0x08C;
    public static final int XSETBV = 0x08D;
    public static final int RDPRU = 0x08E;
    public static final int EFER_WRITE_TRAP = 0x08F;
    /** CR0..CR15 write trap (after the write): CR_WRITE_TRAP + n. */
    public static final int CR_WRITE_TRAP = 0x090;
    /** Nested page fault: EXITINFO1 = fault error code, EXITINFO2 = guest-physical address. */
    public static final int NPF = 0x400;
    public static final int AVIC_INCOMPLETE_IPI = 0x401;
    public static final int AVIC_NOACCEL = 0x402;
    public static final int VMGEXIT = 0x403;
    /** VMRUN found an illegal guest state in the VMCB. */
    public static final long INVALID = -1L;

    /** A short name for logs and statistics, e.g. "IOIO" or "EXCP14". */
    public static String name(long code) {
        if (code == INVALID) {
            return "INVALID";
        }
        int c = (int) code;
        if (c >= CR_READ && c < CR_READ + 16) {
            return "CR" + (c - CR_READ) + "_READ";
        }
        if (c >= CR_WRITE && c < CR_WRITE + 16) {
            return "CR" + (c - CR_WRITE) + "_WRITE";
        }
        if (c >= DR_READ && c < DR_READ + 16) {
            return "DR" + (c - DR_READ) + "_READ";
        }
        if (c >= DR_WRITE && c < DR_WRITE + 16) {
            return "DR" + (c - DR_WRITE) + "_WRITE";
        }
        if (c >= EXCEPTION && c < EXCEPTION + 32) {
            return "EXCP" + (c - EXCEPTION);
        }
        if (c >= CR_WRITE_TRAP && c < CR_WRITE_TRAP + 16) {
            return "CR" + (c - CR_WRITE_TRAP) + "_WRITE_TRAP";
        }
        return switch (c) {
            case INTR -> "INTR";
            case NMI -> "NMI";
            case SMI -> "SMI";
            case INIT -> "INIT";
            case VINTR -> "VINTR";
            case CR0_SEL_WRITE -> "CR0_SEL_WRITE";
            case IDTR_READ -> "IDTR_READ";
            case GDTR_READ -> "GDTR_READ";
            case LDTR_READ -> "LDTR_READ";
            case TR_READ -> "TR_READ";
            case IDTR_WRITE -> "IDTR_WRITE";
            case GDTR_WRITE -> "GDTR_WRITE";
            case LDTR_WRITE -> "LDTR_WRITE";
            case TR_WRITE -> "TR_WRITE";
            case RDTSC -> "RDTSC";
            case RDPMC -> "RDPMC";
            case PUSHF -> "PUSHF";
            case POPF -> "POPF";
            case CPUID -> "CPUID";
            case RSM -> "RSM";
            case IRET -> "IRET";
            case SWINT -> "SWINT";
            case INVD -> "INVD";
            case PAUSE -> "PAUSE";
            case HLT -> "HLT";
            case INVLPG -> "INVLPG";
            case INVLPGA -> "INVLPGA";
            case IOIO -> "IOIO";
            case MSR -> "MSR";
            case TASK_SWITCH -> "TASK_SWITCH";
            case FERR_FREEZE -> "FERR_FREEZE";
            case SHUTDOWN -> "SHUTDOWN";
            case VMRUN -> "VMRUN";
            case VMMCALL -> "VMMCALL";
            case VMLOAD -> "VMLOAD";
            case VMSAVE -> "VMSAVE";
            case STGI -> "STGI";
            case CLGI -> "CLGI";
            case SKINIT -> "SKINIT";
            case RDTSCP -> "RDTSCP";
            case ICEBP -> "ICEBP";
            case WBINVD -> "WBINVD";
            case MONITOR -> "MONITOR";
            case MWAIT -> "MWAIT";
            case MWAIT_CONDITIONAL -> "MWAIT_CONDITIONAL";
            case XSETBV -> "XSETBV";
            case RDPRU -> "RDPRU";
            case EFER_WRITE_TRAP -> "EFER_WRITE_TRAP";
            case NPF -> "NPF";
            case AVIC_INCOMPLETE_IPI -> "AVIC_INCOMPLETE_IPI";
            case AVIC_NOACCEL -> "AVIC_NOACCEL";
            case VMGEXIT -> "VMGEXIT";
            default -> String.format("0x%X", code);
        };
    }
}
