package tvmm.cpu.state;

/**
 * RFLAGS bits (SDM Vol. 1 §3.4.3) and the lazy evaluation of the six arithmetic flags.
 *
 * <p>An arithmetic instruction does not compute CF..OF: it records its kind, operand size,
 * operands and result in {@link CpuState#flagOp} and friends; a reader (Jcc, SETcc, ADC,
 * PUSHF…) derives only the flag it needs. Inside a compiled unit the recorded op is a
 * constant after store forwarding, so the switch below folds and dead flag work vanishes.
 * Carry/borrow and overflow are derived from operands and result alone, which makes ADC and
 * SBB the same kinds as ADD and SUB (the carry-in is visible in the result).
 */
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

    /** The six status flags that the lazy state describes. */
    public static final long ARITH = CF | PF | AF | ZF | SF | OF;

    // Lazy kinds; the operation code is kind << 2 | log2(size in bytes).
    /** Flags are materialized in {@link CpuState#rflags}. */
    public static final int NONE = 0;
    /** res = a + b (+ carry-in): ADD, ADC. */
    public static final int ADD = 1;
    /** res = a - b (- borrow-in): SUB, SBB, CMP, NEG (a = 0), CMPS/SCAS, CMPXCHG. */
    public static final int SUB = 2;
    /** AND/OR/XOR/TEST: CF = OF = 0, AF undefined (0 as on the hardware we compare with). */
    public static final int LOGIC = 3;
    /** INC (b = 1): CF unchanged, kept in rflags. */
    public static final int INC = 4;
    /** DEC (b = 1): CF unchanged, kept in rflags. */
    public static final int DEC = 5;

    private Flags() {
    }

    public static int op(int kind, int size) {
        return kind << 2 | sizeLog(size);
    }

    public static int sizeLog(int size) {
        return size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
    }

    public static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    public static long signBit(int size) {
        return 1L << (size * 8 - 1);
    }

    private static int kind(int op) {
        return op >>> 2;
    }

    private static int bits(int op) {
        return 8 << (op & 3);
    }

    /** Records the flags of an operation lazily. */
    public static void set(CpuState s, int op, long a, long b, long res) {
        s.flagOp = op;
        s.flagA = a;
        s.flagB = b;
        s.flagRes = res;
    }

    /** Sets the six status flags at once (eagerly computed instructions). */
    public static void setArith(CpuState s, long arith) {
        s.rflags = (s.rflags & ~ARITH) | (arith & ARITH);
        s.flagOp = NONE;
    }

    /** Folds the lazy flags into {@link CpuState#rflags}; afterwards flagOp is NONE. */
    public static void materialize(CpuState s) {
        if (s.flagOp != NONE) {
            long v = (cf(s) ? CF : 0) | (pf(s) ? PF : 0) | (af(s) ? AF : 0) | (zf(s) ? ZF : 0) | (sf(s) ? SF : 0)
                    | (of(s) ? OF : 0);
            s.rflags = (s.rflags & ~ARITH) | v;
            s.flagOp = NONE;
        }
    }

    /** The architectural RFLAGS value (bit 1 always set). */
    public static long read(CpuState s) {
        materialize(s);
        return s.rflags | FIXED1;
    }

    public static boolean cf(CpuState s) {
        int op = s.flagOp;
        int shift = bits(op) - 1;
        long a = s.flagA;
        long b = s.flagB;
        long r = s.flagRes;
        switch (kind(op)) {
            case ADD:
                return (((a & b) | ((a | b) & ~r)) >>> shift & 1) != 0;
            case SUB:
                return (((~a & b) | ((~a | b) & r)) >>> shift & 1) != 0;
            case LOGIC:
                return false;
            default:
                return (s.rflags & CF) != 0;
        }
    }

    public static boolean of(CpuState s) {
        int op = s.flagOp;
        int shift = bits(op) - 1;
        long a = s.flagA;
        long b = s.flagB;
        long r = s.flagRes;
        switch (kind(op)) {
            case ADD:
            case INC:
                return (((a ^ r) & (b ^ r)) >>> shift & 1) != 0;
            case SUB:
            case DEC:
                return (((a ^ b) & (a ^ r)) >>> shift & 1) != 0;
            case LOGIC:
                return false;
            default:
                return (s.rflags & OF) != 0;
        }
    }

    public static boolean zf(CpuState s) {
        int op = s.flagOp;
        if (op == NONE) {
            return (s.rflags & ZF) != 0;
        }
        int bits = bits(op);
        return (bits == 64 ? s.flagRes : s.flagRes & ((1L << bits) - 1)) == 0;
    }

    public static boolean sf(CpuState s) {
        int op = s.flagOp;
        if (op == NONE) {
            return (s.rflags & SF) != 0;
        }
        return (s.flagRes >>> (bits(op) - 1) & 1) != 0;
    }

    public static boolean pf(CpuState s) {
        if (s.flagOp == NONE) {
            return (s.rflags & PF) != 0;
        }
        return parity(s.flagRes);
    }

    public static boolean af(CpuState s) {
        int op = s.flagOp;
        switch (kind(op)) {
            case ADD:
            case SUB:
            case INC:
            case DEC:
                return ((s.flagA ^ s.flagB ^ s.flagRes) & 0x10) != 0;
            case LOGIC:
                return false;
            default:
                return (s.rflags & AF) != 0;
        }
    }

    /** PF: set when the low byte of the result has an even number of one bits. */
    public static boolean parity(long res) {
        return (Integer.bitCount((int) res & 0xff) & 1) == 0;
    }

    /** SF, ZF, PF of a result of {@code size} bytes, as eager instructions need them. */
    public static long szp(long res, int size) {
        long m = res & mask(size);
        return (m == 0 ? ZF : 0) | ((m & signBit(size)) != 0 ? SF : 0) | (parity(m) ? PF : 0);
    }

    /**
     * Condition code {@code cc} (SDM Vol. 1 Appendix B): O, NO, B, AE, E, NE, BE, A, S, NS, P,
     * NP, L, GE, LE, G.
     */
    public static boolean condition(CpuState s, int cc) {
        boolean r;
        switch (cc >>> 1) {
            case 0:
                r = of(s);
                break;
            case 1:
                r = cf(s);
                break;
            case 2:
                r = zf(s);
                break;
            case 3:
                r = cf(s) || zf(s);
                break;
            case 4:
                r = sf(s);
                break;
            case 5:
                r = pf(s);
                break;
            case 6:
                r = sf(s) != of(s);
                break;
            default:
                r = zf(s) || sf(s) != of(s);
                break;
        }
        return r ^ ((cc & 1) != 0);
    }
}
