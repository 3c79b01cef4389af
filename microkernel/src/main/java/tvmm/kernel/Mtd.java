package tvmm.kernel;

import java.util.StringJoiner;

/**
 * Message transfer descriptor: a bitmask naming which groups of vCPU state travel with a portal
 * call (NOVA's MTD). A portal declares the groups its handler reads; the kernel has the caller's
 * {@link Utcb} bring exactly those in, and the handler names in its reply the groups it changed,
 * which are the only ones written back. Groups follow the VMCB layout (AMD APM vol. 2, App. B).
 */
public final class Mtd {
    private Mtd() {
    }

    /** RAX, RCX, RDX, RBX. */
    public static final int GPR_ACDB = 1 << 0;
    /** RBP, RSI, RDI. */
    public static final int GPR_BSD = 1 << 1;
    public static final int RSP = 1 << 2;
    /** RIP and the length of the exiting instruction (NextRIP). */
    public static final int RIP_LEN = 1 << 3;
    public static final int RFLAGS = 1 << 4;
    public static final int DS_ES = 1 << 5;
    public static final int FS_GS = 1 << 6;
    public static final int CS_SS = 1 << 7;
    public static final int TR = 1 << 8;
    public static final int LDTR = 1 << 9;
    public static final int GDTR = 1 << 10;
    public static final int IDTR = 1 << 11;
    /** CR0, CR2, CR3, CR4 (and CR8 via V_TPR). */
    public static final int CR = 1 << 12;
    /** DR6, DR7. */
    public static final int DR = 1 << 13;
    /** SYSENTER_CS/ESP/EIP. */
    public static final int SYSENTER = 1 << 14;
    /** Exit qualification: EXITCODE, EXITINFO1, EXITINFO2. */
    public static final int QUAL = 1 << 15;
    /** Intercept bits of the control area. */
    public static final int CTRL = 1 << 16;
    /** Event injection: EVENTINJ and EXITINTINFO. */
    public static final int INJ = 1 << 17;
    /** Interrupt shadow (INTERRUPT_SHADOW). */
    public static final int STA = 1 << 18;
    /** TSC offset. */
    public static final int TSC = 1 << 19;
    public static final int EFER = 1 << 20;
    public static final int PAT = 1 << 21;
    /** R8 to R15. */
    public static final int GPR_R8_R15 = 1 << 22;
    /** STAR, LSTAR, CSTAR, SFMASK, KernelGsBase. */
    public static final int SYSCALL_SWAPGS = 1 << 23;
    /** V_IRQ, V_INTR_VECTOR, V_TPR: virtual interrupt delivery. */
    public static final int VINTR = 1 << 24;
    /** x87/SSE state. */
    public static final int FPU = 1 << 25;

    public static final int GPRS = GPR_ACDB | GPR_BSD | RSP | GPR_R8_R15;
    public static final int SEGS = DS_ES | FS_GS | CS_SS | TR | LDTR;
    public static final int DTRS = GDTR | IDTR;
    public static final int ALL = (1 << 26) - 1;

    private static final String[] NAMES = {"GPR_ACDB", "GPR_BSD", "RSP", "RIP_LEN", "RFLAGS", "DS_ES",
        "FS_GS", "CS_SS", "TR", "LDTR", "GDTR", "IDTR", "CR", "DR", "SYSENTER", "QUAL", "CTRL", "INJ",
        "STA", "TSC", "EFER", "PAT", "GPR_R8_R15", "SYSCALL_SWAPGS", "VINTR", "FPU"};

    /** True if {@code mtd} names only defined groups. */
    public static boolean valid(int mtd) {
        return (mtd & ~ALL) == 0;
    }

    /** True if every group of {@code groups} is in {@code mtd}. */
    public static boolean has(int mtd, int groups) {
        return (mtd & groups) == groups;
    }

    /** "GPR_ACDB|RIP_LEN|QUAL", for logs and test messages. */
    public static String toString(int mtd) {
        StringJoiner j = new StringJoiner("|");
        for (int i = 0; i < NAMES.length; i++) {
            if ((mtd & (1 << i)) != 0) {
                j.add(NAMES[i]);
            }
        }
        if (!valid(mtd)) {
            j.add("0x" + Integer.toHexString(mtd & ~ALL));
        }
        return j.length() == 0 ? "NONE" : j.toString();
    }
}
