package tvmm.cpu.interrupts;

/** RFLAGS bits (SDM vol. 1 §3.4.3, vol. 3 §2.3). */
public final class Flags {
    public static final long CF = 1L;
    public static final long FIXED1 = 1L << 1;
    public static final long PF = 1L << 2;
    public static final long AF = 1L << 4;
    public static final long ZF = 1L << 6;
    public static final long SF = 1L << 7;
    public static final long TF = 1L << 8;
    public static final long IF = 1L << 9;
    public static final long DF = 1L << 10;
    public static final long OF = 1L << 11;
    public static final long IOPL = 3L << 12;
    public static final long NT = 1L << 14;
    public static final long RF = 1L << 16;
    public static final long VM = 1L << 17;
    public static final long AC = 1L << 18;
    public static final long VIF = 1L << 19;
    public static final long VIP = 1L << 20;
    public static final long ID = 1L << 21;

    private Flags() {
    }

    public static int iopl(long rflags) {
        return (int) (rflags >>> 12) & 3;
    }
}
