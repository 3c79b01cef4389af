package tvmm.cpu.difftest;

import java.util.SplittableRandom;

/**
 * Operand values for the x87/MMX/SSE classes, biased towards the corners where
 * implementations differ: ±0, denormals (smallest, largest), the smallest and largest
 * normals, ±∞, quiet and signalling NaNs with payloads, values near 1 and near the integer
 * conversion limits, mantissas with all-ones or single low bits (rounding boundaries in every
 * mode), and for the 80-bit format also the encodings the 8087 allowed and later processors
 * reject (unnormals, pseudo-denormals, pseudo-infinities, pseudo-NaNs); for integer lanes the
 * saturation limits.
 */
final class FpValues {
    private FpValues() {
    }

    /** A mantissa of {@code bits} bits: zero, one, all ones, the top bit, a half-way pattern or random. */
    static long mantissa(SplittableRandom r, int bits) {
        long all = bits == 64 ? -1L : (1L << bits) - 1;
        switch (r.nextInt(10)) {
            case 0:
                return 0;
            case 1:
                return 1;
            case 2:
                return all;
            case 3:
                return 1L << (bits - 1);
            case 4:
                return all ^ (r.nextLong() & 7); // just below a power of two
            case 5:
                return r.nextLong() & all & ~0xffL | (1L << r.nextInt(8)); // one low bit: rounding
            case 6:
                return (r.nextLong() & all) | 1; // sticky bit set
            default:
                return r.nextLong() & all;
        }
    }

    /** A biased exponent in [0, max] near the interesting places (0, 1, bias, max, integer limits). */
    static int exponent(SplittableRandom r, int max, int bias, int mantBits) {
        switch (r.nextInt(10)) {
            case 0:
                return 0;
            case 1:
                return max;
            case 2:
                return 1;
            case 3:
                return max - 1;
            case 4:
                return bias + r.nextInt(-2, 3);
            case 5:
                return bias + mantBits + r.nextInt(-2, 3); // where ulp crosses 1 (round to integer)
            case 6:
                return bias + r.nextInt(14, 66); // 16/32/64-bit integer conversion limits
            case 7:
                return r.nextInt(1, 2 * mantBits + 4); // results that underflow into denormals
            default:
                return r.nextInt(max + 1);
        }
    }

    static int f32(SplittableRandom r) {
        if (r.nextInt(8) == 0) {
            int[] k = {0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0x7fbfffff, 0x3f800000,
                0xbf800000, 0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x4f000000, 0xcf000000, 0x3f000000, 0x4b400000};
            return k[r.nextInt(k.length)];
        }
        int s = r.nextInt(2) << 31;
        return s | exponent(r, 0xff, 127, 23) << 23 | (int) mantissa(r, 23);
    }

    static long f64(SplittableRandom r) {
        if (r.nextInt(8) == 0) {
            long[] k = {0, Long.MIN_VALUE, 0x7ff0000000000000L, 0xfff0000000000000L, 0x7ff8000000000000L, 0xfff8000000000000L,
                0x7ff0000000000001L, 0x7ff7ffffffffffffL, 0x3ff0000000000000L, 0xbff0000000000000L, 1, 0x000fffffffffffffL,
                0x0010000000000000L, 0x7fefffffffffffffL, 0x41e0000000000000L, 0xc1e0000000000000L, 0x43e0000000000000L,
                0xc3e0000000000000L, 0x3fe0000000000000L, 0x4338000000000000L};
            return k[r.nextInt(k.length)];
        }
        long s = (long) r.nextInt(2) << 63;
        return s | (long) exponent(r, 0x7ff, 1023, 52) << 52 | mantissa(r, 52);
    }

    /** An 80-bit value: {@code [0]} the 64-bit significand, {@code [1]} sign and exponent. */
    static long[] f80(SplittableRandom r) {
        int se = r.nextInt(2) << 15 | exponent(r, 0x7fff, 16383, 63);
        long sig = mantissa(r, 63);
        int e = se & 0x7fff;
        // The explicit integer bit: set for normals, infinities and NaNs, clear for zeros and
        // denormals; sometimes the other way (unsupported encodings: #IA on use, or pseudo-denormals).
        boolean j = e != 0;
        if (r.nextInt(16) == 0) {
            j = !j;
        }
        if (j) {
            sig |= Long.MIN_VALUE;
        }
        return new long[] {sig, se};
    }

    /** An integer lane of {@code bytes} bytes: a saturation limit, a small value or random bits. */
    static long lane(SplittableRandom r, int bytes) {
        int bits = 8 * bytes;
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
        switch (r.nextInt(8)) {
            case 0:
                return new long[] {max, min, max - 1, min + 1, -1, 0, 1, max >>> 1, (max << 1) | 1}[r.nextInt(9)];
            case 1:
                return r.nextLong(-300, 300);
            case 2:
                return 1L << r.nextInt(bits);
            default:
                return r.nextLong();
        }
    }

    /** Eight bytes of the given lane type, for an MMX register, an XMM half or memory. */
    static long qword(SplittableRandom r, Type t) {
        switch (t) {
            case PS, SS:
                return (f32(r) & 0xffffffffL) | (long) f32(r) << 32;
            case PD, SD:
                return f64(r);
            case STR:
                return strChars(r);
            case ANY:
                return r.nextLong();
            default:
                int b = t.laneBytes;
                long v = 0;
                for (int i = 0; i < 8; i += b) {
                    long lane = lane(r, b);
                    v |= (b == 8 ? lane : lane & ((1L << (8 * b)) - 1)) << (8 * i);
                }
                return v;
        }
    }

    /** Text for PCMPxSTRx: few distinct characters (so ranges and matches happen), some NULs. */
    private static long strChars(SplittableRandom r) {
        long v = 0;
        byte[] alphabet = {0, 'a', 'b', 'z', 'A', 0x7f, (byte) 0x80, (byte) 0xff, '0', '9'};
        for (int i = 0; i < 8; i++) {
            int c = r.nextInt(6) == 0 ? r.nextInt(256) : alphabet[r.nextInt(r.nextInt(4) == 0 ? 10 : 5)] & 0xff;
            v |= (long) c << (8 * i);
        }
        return v;
    }

    /** What kind of values an instruction's operands should hold. */
    enum Type {
        PS(4), PD(8), SS(4), SD(8), B(1), W(2), D(4), Q(8), STR(1), ANY(1);

        final int laneBytes;

        Type(int laneBytes) {
            this.laneBytes = laneBytes;
        }
    }
}
