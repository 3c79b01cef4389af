package tvmm.cpu.simd;

/**
 * MMX (and SSSE3-on-MMX) instructions on 64-bit register values: a is MMdst (first source),
 * b the second source. Lane-wise operations are {@link SseInt#half} with the same selectors as
 * the SSE forms; this class adds the forms whose 64-bit layout differs from one SSE half.
 */
public final class MmxOps {
    private MmxOps() {
    }

    /** PADD*, PSUB*, PCMP*, PMIN/PMAX, PAVG, PMUL*, PMADDWD, PSADBW, PABS, PSIGN, PAND/PANDN/POR/PXOR... */
    public static long lanes(int op, long a, long b) {
        return SseInt.half(op, a, b);
    }

    /** PSLL/PSRL/PSRA W/D/Q by an imm8 or an MMX count. */
    public static long shift(int kind, int width, long a, long count) {
        return width == 16 ? SimdInt.shiftW(kind, a, count) : width == 32 ? SimdInt.shiftD(kind, a, count) : SimdInt.shiftQ(kind, a, count);
    }

    /** PACKSSWB/PACKUSWB (words=true), PACKSSDW. */
    public static long pack(long a, long b, boolean words, boolean unsigned) {
        if (words) {
            return (SimdInt.packWB(a, unsigned) & 0xffffffffL) | ((long) SimdInt.packWB(b, unsigned) << 32);
        }
        return (SimdInt.packDW(a, unsigned) & 0xffffffffL) | ((long) SimdInt.packDW(b, unsigned) << 32);
    }

    /** PUNPCKL* (high=false) / PUNPCKH* with laneBytes 1, 2 or 4. */
    public static long unpack(long a, long b, int laneBytes, boolean high) {
        return high ? SimdInt.interleave((int) (a >>> 32), (int) (b >>> 32), laneBytes)
                : SimdInt.interleave((int) a, (int) b, laneBytes);
    }

    /** PHADDW/PHSUBW/PHADDSW/PHSUBSW (width 16), PHADDD/PHSUBD (32). */
    public static long horizontal(long a, long b, int width, boolean sub, boolean sat) {
        if (width == 16) {
            return (SimdInt.hwords(a, sub, sat) & 0xffffffffL) | ((long) SimdInt.hwords(b, sub, sat) << 32);
        }
        return (SimdInt.hdword(a, sub) & 0xffffffffL) | ((long) SimdInt.hdword(b, sub) << 32);
    }

    public static long pshufw(long b, int imm) {
        return SimdInt.pshufw(b, imm);
    }

    public static long pshufb(long a, long b) {
        return SimdInt.pshufb64(a, b);
    }

    public static long palignr(long a, long b, int imm) {
        return SimdInt.palignr64(a, b, imm);
    }

    public static int pmovmskb(long b) {
        return SimdInt.pmovmskb(b);
    }

    /** PEXTRW r32, mm, imm8: word imm & 3, zero-extended. */
    public static int pextrw(long b, int imm) {
        return (int) (b >>> (16 * (imm & 3))) & 0xffff;
    }

    /** PINSRW mm, r32/m16, imm8. */
    public static long pinsrw(long a, int v, int imm) {
        int sh = 16 * (imm & 3);
        return (a & ~(0xffffL << sh)) | ((long) (v & 0xffff) << sh);
    }
}
