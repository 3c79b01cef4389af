package tvmm.cpu.simd;

/**
 * RCPPS/RCPSS and RSQRTPS/RSQRTSS. The architecture only bounds the relative error (at most
 * 1.5 * 2^-12) and Intel and AMD processors return different bits, so tvmm returns the exact
 * value rounded to a 12-bit significand. Denormal inputs count as zero, tiny results flush to
 * zero, and no MXCSR flag is ever raised (SDM Vol. 2 RCPPS, RSQRTPS).
 */
public final class SseApprox {
    private SseApprox() {
    }

    private static int round12(double v) {
        long b = Double.doubleToRawLongBits(v);
        b = (b + (1L << 40)) & ~((1L << 41) - 1);
        double r = Double.longBitsToDouble(b);
        // Tiny before rounding flushes to zero even when the 12-bit rounding would reach 2^-126
        // (host-observed: RCPSS of 1.99 * 2^126 is 0, not the smallest normal).
        if (Math.abs(v) < 0x1p-126) {
            return Float.floatToRawIntBits(r < 0 ? -0.0f : 0.0f);
        }
        return Float.floatToRawIntBits((float) r);
    }

    /** One RCP lane. */
    public static int rcp(int a) {
        int sign = a & 0x80000000;
        int mag = a & 0x7fffffff;
        if (mag > 0x7f800000) {
            return a | 0x400000; // NaN: quieted
        }
        if (mag < 0x800000) {
            return sign | 0x7f800000; // zero or denormal: infinity
        }
        if (mag == 0x7f800000) {
            return sign;
        }
        return round12(1.0 / Float.intBitsToFloat(a));
    }

    /** One RSQRT lane. */
    public static int rsqrt(int a) {
        int mag = a & 0x7fffffff;
        if (mag > 0x7f800000) {
            return a | 0x400000;
        }
        if (mag < 0x800000) {
            return (a & 0x80000000) | 0x7f800000;
        }
        if (a < 0) {
            return 0xffc00000; // negative: the default NaN
        }
        if (mag == 0x7f800000) {
            return 0;
        }
        return round12(1.0 / Math.sqrt(Float.intBitsToFloat(a)));
    }

    public static void rcpps(SseState st, int d, int s) {
        long lo = st.lo(s);
        long hi = st.hi(s);
        st.set(d, SsePacked.pack(rcp((int) lo), rcp((int) (lo >>> 32))), SsePacked.pack(rcp((int) hi), rcp((int) (hi >>> 32))));
    }

    public static void rsqrtps(SseState st, int d, int s) {
        long lo = st.lo(s);
        long hi = st.hi(s);
        st.set(d, SsePacked.pack(rsqrt((int) lo), rsqrt((int) (lo >>> 32))),
                SsePacked.pack(rsqrt((int) hi), rsqrt((int) (hi >>> 32))));
    }

    public static void rcpss(SseState st, int d, int s) {
        st.set(d, (st.lo(d) & 0xffffffff00000000L) | (rcp((int) st.lo(s)) & 0xffffffffL), st.hi(d));
    }

    public static void rsqrtss(SseState st, int d, int s) {
        st.set(d, (st.lo(d) & 0xffffffff00000000L) | (rsqrt((int) st.lo(s)) & 0xffffffffL), st.hi(d));
    }
}
