package tvmm.cpu.fpu;

import java.util.Random;

/** Corner-case and random 80-bit operands (significand, sign/exponent) for the oracle tests. */
public final class Operands80 {
    private Operands80() {
    }

    /** Interesting values: zeros, (pseudo-)denormals, boundaries, infinities, NaNs, unsupported encodings. */
    public static final long[][] CORNERS = {
        {0, 0}, {0, 0x8000}, {1, 0}, {0x7fffffffffffffffL, 0}, {0x8000000000000000L, 0}, {0x8000000000000001L, 0x8000},
        {0x4000000000000000L, 0x8000}, {0x8000000000000000L, 1}, {0xffffffffffffffffL, 1}, {0x8000000000000000L, 0x3fff},
        {0xc000000000000000L, 0x3fff}, {0xffffffffffffffffL, 0x3fff}, {0x8000000000000001L, 0x3fff},
        {0x8000000000000400L, 0x3fff}, {0x8000000000000800L, 0xbfff}, {0x8000008000000000L, 0x3fff},
        {0xffffffffffffffffL, 0x7ffe}, {0x8000000000000000L, 0x7ffe}, {0xfffffffffffff800L, 0x43fe},
        {0xffffff0000000000L, 0x407e}, {0x8000000000000000L, 0x3c01}, {0x8000000000000000L, 0x3f81},
        {0x8000000000000000L, 0x7fff}, {0x8000000000000000L, 0xffff}, {0xc000000000000000L, 0xffff},
        {0xc000000000000001L, 0x7fff}, {0x8000000000000001L, 0x7fff}, {0xa5a5a5a5a5a5a5a5L, 0xffff},
        {0x4000000000000000L, 0x7fff}, {0x0000000000000000L, 0x7fff}, {0x4000000000000000L, 0x3fff},
        {0x1234567890abcdefL, 0x4000}, {0xc90fdaa22168c234L, 0x4000}, {0xb17217f7d1cf79acL, 0x3ffe},
        {0x8000000000000000L, 0x403e}, {0xffffffffffffffffL, 0x403d}, {0x8000000000000000L, 0xc03e},
    };

    public static long randomSig(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return Long.MIN_VALUE | (r.nextLong() & 0xffffff0000000000L); // few bits: exact cases
            case 1:
                return -1L << r.nextInt(64) | Long.MIN_VALUE;
            case 2:
                return Long.MIN_VALUE | (1L << r.nextInt(63)) | (r.nextBoolean() ? 1 : 0);
            default:
                return Long.MIN_VALUE | r.nextLong();
        }
    }

    /** A random operand; exponents cluster near 'near' so that additions interact. */
    public static long[] random(Random r, int near) {
        int k = r.nextInt(100);
        if (k < 8) {
            return CORNERS[r.nextInt(CORNERS.length)].clone();
        }
        int sign = r.nextBoolean() ? 0x8000 : 0;
        int exp;
        if (k < 60) {
            exp = near + r.nextInt(140) - 70;
        } else if (k < 70) {
            exp = r.nextInt(0x7ffe) + 1;
        } else if (k < 80) {
            exp = r.nextInt(200); // near the denormal range
        } else if (k < 85) {
            exp = 0x7ffe - r.nextInt(100);
        } else if (k < 90) {
            return new long[] {r.nextLong() >>> r.nextInt(64), sign};
        } else {
            exp = near + r.nextInt(5) - 2;
        }
        exp = Math.max(1, Math.min(0x7ffe, exp));
        return new long[] {randomSig(r), sign | exp};
    }

    public static String hex(long sig, long se) {
        return Long.toHexString(sig) + " " + Long.toHexString(se & 0xffff);
    }
}
