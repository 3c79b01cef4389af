package tvmm.cpu.svm;

/**
 * EXITINFO1 of an IOIO intercept (AMD64 APM vol. 2, §15.10.2, figure 15-2): direction,
 * string/rep, operand size (one-hot), address size (one-hot), effective segment of a
 * string instruction, and the port. EXITINFO2 holds the RIP of the next instruction.
 */
public final class IoioInfo {
    private IoioInfo() {
    }

    public static final int TYPE_IN = 1;
    public static final int STR = 1 << 2;
    public static final int REP = 1 << 3;
    public static final int SZ8 = 1 << 4;
    public static final int SZ16 = 1 << 5;
    public static final int SZ32 = 1 << 6;
    public static final int A16 = 1 << 7;
    public static final int A32 = 1 << 8;
    public static final int A64 = 1 << 9;

    /**
     * Encodes one port access.
     *
     * @param in          true for IN/INS
     * @param sizeBytes   1, 2 or 4
     * @param addrBytes   address size of a string instruction: 2, 4 or 8 (hardware sets it for all)
     * @param segment     effective segment (0=ES … 5=GS) of OUTS; 0 otherwise
     */
    public static long encode(int port, boolean in, int sizeBytes, boolean string, boolean rep, int addrBytes, int segment) {
        long v = ((long) (port & 0xFFFF) << 16) | ((segment & 7L) << 10);
        v |= in ? TYPE_IN : 0;
        v |= string ? STR : 0;
        v |= rep ? REP : 0;
        v |= switch (sizeBytes) {
            case 1 -> SZ8;
            case 2 -> SZ16;
            default -> SZ32;
        };
        v |= switch (addrBytes) {
            case 2 -> A16;
            case 4 -> A32;
            default -> A64;
        };
        return v;
    }

    public static int port(long info) {
        return (int) ((info >>> 16) & 0xFFFF);
    }

    public static boolean isIn(long info) {
        return (info & TYPE_IN) != 0;
    }

    public static boolean isString(long info) {
        return (info & STR) != 0;
    }

    public static boolean isRep(long info) {
        return (info & REP) != 0;
    }

    public static int sizeBytes(long info) {
        if ((info & SZ8) != 0) {
            return 1;
        }
        return (info & SZ16) != 0 ? 2 : 4;
    }

    public static int addressBytes(long info) {
        if ((info & A16) != 0) {
            return 2;
        }
        return (info & A32) != 0 ? 4 : 8;
    }

    public static int segment(long info) {
        return (int) ((info >>> 10) & 7);
    }
}
