package tvmm.cpu.simd;

import tvmm.cpu.fpu.FpEnv;

/**
 * SSE/SSE2 conversions (CVT*, CVTT*) over XMM registers. Integer results that overflow or come
 * from NaN are the integer indefinite with IE; the routines end with {@link SseState#commit}
 * (false = raise #XM). Routines producing a general register value return it and the caller
 * checks {@link SseState#commitFlags()}.
 */
public final class SseConvert {
    private SseConvert() {
    }

    /** CVTSS2SD: lane 0 of s to the low double of d. */
    public static boolean cvtss2sd(SseState st, int d, int s) {
        long r = SseFloat.cvtss2sd(st.env, (int) st.lo(s));
        return st.commit(d, r, st.hi(d));
    }

    /** CVTSD2SS. */
    public static boolean cvtsd2ss(SseState st, int d, int s) {
        int r = SseFloat.cvtsd2ss(st.env, st.lo(s));
        return st.commit(d, (st.lo(d) & 0xffffffff00000000L) | (r & 0xffffffffL), st.hi(d));
    }

    /** CVTPS2PD: the two low floats of s. */
    public static boolean cvtps2pd(SseState st, int d, int s) {
        long b = st.lo(s);
        long r0 = SseFloat.cvtss2sd(st.env, (int) b);
        long r1 = SseFloat.cvtss2sd(st.env, (int) (b >>> 32));
        return st.commit(d, r0, r1);
    }

    /** CVTPD2PS: upper half of the destination zeroed. */
    public static boolean cvtpd2ps(SseState st, int d, int s) {
        int r0 = SseFloat.cvtsd2ss(st.env, st.lo(s));
        int r1 = SseFloat.cvtsd2ss(st.env, st.hi(s));
        return st.commit(d, SsePacked.pack(r0, r1), 0);
    }

    /** CVTDQ2PS. */
    public static boolean cvtdq2ps(SseState st, int d, int s) {
        FpEnv e = st.env;
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int r0 = SseFloat.cvtIntTo32(e, (int) b0);
        int r1 = SseFloat.cvtIntTo32(e, (int) (b0 >>> 32));
        int r2 = SseFloat.cvtIntTo32(e, (int) b1);
        int r3 = SseFloat.cvtIntTo32(e, (int) (b1 >>> 32));
        return st.commit(d, SsePacked.pack(r0, r1), SsePacked.pack(r2, r3));
    }

    /** CVTPS2DQ / CVTTPS2DQ. */
    public static boolean cvtps2dq(SseState st, int d, int s, boolean truncate) {
        FpEnv e = st.env;
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int r0 = (int) SseFloat.cvtToInt32(e, (int) b0, 32, truncate);
        int r1 = (int) SseFloat.cvtToInt32(e, (int) (b0 >>> 32), 32, truncate);
        int r2 = (int) SseFloat.cvtToInt32(e, (int) b1, 32, truncate);
        int r3 = (int) SseFloat.cvtToInt32(e, (int) (b1 >>> 32), 32, truncate);
        return st.commit(d, SsePacked.pack(r0, r1), SsePacked.pack(r2, r3));
    }

    /** CVTDQ2PD: the two low int32 of s (always exact). */
    public static boolean cvtdq2pd(SseState st, int d, int s) {
        long b = st.lo(s);
        return st.commit(d, SseFloat.cvtIntTo64(st.env, (int) b), SseFloat.cvtIntTo64(st.env, (int) (b >>> 32)));
    }

    /** CVTPD2DQ / CVTTPD2DQ: upper half zeroed. */
    public static boolean cvtpd2dq(SseState st, int d, int s, boolean truncate) {
        int r0 = (int) SseFloat.cvtToInt64(st.env, st.lo(s), 32, truncate);
        int r1 = (int) SseFloat.cvtToInt64(st.env, st.hi(s), 32, truncate);
        return st.commit(d, SsePacked.pack(r0, r1), 0);
    }

    /** CVTSI2SS with a 32- or 64-bit integer source (already sign-extended by the caller). */
    public static boolean cvtsi2ss(SseState st, int d, long v) {
        int r = SseFloat.cvtIntTo32(st.env, v);
        return st.commit(d, (st.lo(d) & 0xffffffff00000000L) | (r & 0xffffffffL), st.hi(d));
    }

    public static boolean cvtsi2sd(SseState st, int d, long v) {
        long r = SseFloat.cvtIntTo64(st.env, v);
        return st.commit(d, r, st.hi(d));
    }

    /** CVT(T)SS2SI: width 32 or 64; the caller checks commitFlags() before writing the GPR. */
    public static long cvtss2si(SseState st, int s, int width, boolean truncate) {
        return SseFloat.cvtToInt32(st.env, (int) st.lo(s), width, truncate);
    }

    public static long cvtsd2si(SseState st, int s, int width, boolean truncate) {
        return SseFloat.cvtToInt64(st.env, st.lo(s), width, truncate);
    }

    // ---- MMX forms (the MMX operand is passed as a long) ----

    /** CVTPI2PS: two int32 into the low two floats of d. */
    public static boolean cvtpi2ps(SseState st, int d, long mm) {
        int r0 = SseFloat.cvtIntTo32(st.env, (int) mm);
        int r1 = SseFloat.cvtIntTo32(st.env, (int) (mm >>> 32));
        return st.commit(d, SsePacked.pack(r0, r1), st.hi(d));
    }

    /** CVTPI2PD. */
    public static boolean cvtpi2pd(SseState st, int d, long mm) {
        return st.commit(d, SseFloat.cvtIntTo64(st.env, (int) mm), SseFloat.cvtIntTo64(st.env, (int) (mm >>> 32)));
    }

    /** CVT(T)PS2PI: returns the MMX value; the caller checks commitFlags(). */
    public static long cvtps2pi(SseState st, int s, boolean truncate) {
        long b = st.lo(s);
        int r0 = (int) SseFloat.cvtToInt32(st.env, (int) b, 32, truncate);
        int r1 = (int) SseFloat.cvtToInt32(st.env, (int) (b >>> 32), 32, truncate);
        return SsePacked.pack(r0, r1);
    }

    /** CVT(T)PD2PI. */
    public static long cvtpd2pi(SseState st, int s, boolean truncate) {
        int r0 = (int) SseFloat.cvtToInt64(st.env, st.lo(s), 32, truncate);
        int r1 = (int) SseFloat.cvtToInt64(st.env, st.hi(s), 32, truncate);
        return SsePacked.pack(r0, r1);
    }
}
