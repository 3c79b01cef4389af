package tvmm.cpu.simd;

import tvmm.cpu.fpu.FpEnv;
import tvmm.cpu.fpu.FpMisc;

/**
 * SSE/SSE2/SSE3/SSE4.1 floating-point instructions over XMM registers. Each routine reads the
 * destination d and source s registers of a {@link SseState}, computes every lane and ends with
 * {@link SseState#commit}; a false return means an unmasked exception: raise #XM. The op
 * argument is a compile-time constant at each call site, so partial evaluation keeps one branch.
 */
public final class SsePacked {
    private SsePacked() {
    }

    public static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MIN = 4, MAX = 5, SQRT = 6;

    static int op32(FpEnv e, int op, int a, int b) {
        return switch (op) {
            case ADD -> SseFloat.add32(e, a, b);
            case SUB -> SseFloat.sub32(e, a, b);
            case MUL -> SseFloat.mul32(e, a, b);
            case DIV -> SseFloat.div32(e, a, b);
            case MIN -> SseFloat.minMax32(e, a, b, false);
            case MAX -> SseFloat.minMax32(e, a, b, true);
            default -> SseFloat.sqrt32(e, b);
        };
    }

    static long op64(FpEnv e, int op, long a, long b) {
        return switch (op) {
            case ADD -> SseFloat.add64(e, a, b);
            case SUB -> SseFloat.sub64(e, a, b);
            case MUL -> SseFloat.mul64(e, a, b);
            case DIV -> SseFloat.div64(e, a, b);
            case MIN -> SseFloat.minMax64(e, a, b, false);
            case MAX -> SseFloat.minMax64(e, a, b, true);
            default -> SseFloat.sqrt64(e, b);
        };
    }

    static long pack(int lo, int hi) {
        return (lo & 0xffffffffL) | ((long) hi << 32);
    }

    /** ADDPS, SUBPS, MULPS, DIVPS, MINPS, MAXPS, SQRTPS. */
    public static boolean ps(SseState st, int op, int d, int s) {
        FpEnv e = st.env;
        long a0 = st.lo(d);
        long a1 = st.hi(d);
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int r0 = op32(e, op, (int) a0, (int) b0);
        int r1 = op32(e, op, (int) (a0 >>> 32), (int) (b0 >>> 32));
        int r2 = op32(e, op, (int) a1, (int) b1);
        int r3 = op32(e, op, (int) (a1 >>> 32), (int) (b1 >>> 32));
        return st.commit(d, pack(r0, r1), pack(r2, r3));
    }

    /** ADDSS ... SQRTSS: lane 0, lanes 1-3 of the destination kept. */
    public static boolean ss(SseState st, int op, int d, int s) {
        long a0 = st.lo(d);
        int r = op32(st.env, op, (int) a0, (int) st.lo(s));
        return st.commit(d, (a0 & 0xffffffff00000000L) | (r & 0xffffffffL), st.hi(d));
    }

    public static boolean pd(SseState st, int op, int d, int s) {
        FpEnv e = st.env;
        long r0 = op64(e, op, st.lo(d), st.lo(s));
        long r1 = op64(e, op, st.hi(d), st.hi(s));
        return st.commit(d, r0, r1);
    }

    public static boolean sd(SseState st, int op, int d, int s) {
        long r = op64(st.env, op, st.lo(d), st.lo(s));
        return st.commit(d, r, st.hi(d));
    }

    /** ADDSUBPS (SSE3): subtract in even lanes, add in odd lanes. */
    public static boolean addsubps(SseState st, int d, int s) {
        FpEnv e = st.env;
        long a0 = st.lo(d);
        long a1 = st.hi(d);
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int r0 = SseFloat.sub32(e, (int) a0, (int) b0);
        int r1 = SseFloat.add32(e, (int) (a0 >>> 32), (int) (b0 >>> 32));
        int r2 = SseFloat.sub32(e, (int) a1, (int) b1);
        int r3 = SseFloat.add32(e, (int) (a1 >>> 32), (int) (b1 >>> 32));
        return st.commit(d, pack(r0, r1), pack(r2, r3));
    }

    public static boolean addsubpd(SseState st, int d, int s) {
        FpEnv e = st.env;
        long r0 = SseFloat.sub64(e, st.lo(d), st.lo(s));
        long r1 = SseFloat.add64(e, st.hi(d), st.hi(s));
        return st.commit(d, r0, r1);
    }

    /** HADDPS/HSUBPS (SSE3): pairs within the destination, then within the source. */
    public static boolean hps(SseState st, int d, int s, boolean sub) {
        FpEnv e = st.env;
        long a0 = st.lo(d);
        long a1 = st.hi(d);
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int op = sub ? SUB : ADD;
        int r0 = op32(e, op, (int) a0, (int) (a0 >>> 32));
        int r1 = op32(e, op, (int) a1, (int) (a1 >>> 32));
        int r2 = op32(e, op, (int) b0, (int) (b0 >>> 32));
        int r3 = op32(e, op, (int) b1, (int) (b1 >>> 32));
        return st.commit(d, pack(r0, r1), pack(r2, r3));
    }

    public static boolean hpd(SseState st, int d, int s, boolean sub) {
        FpEnv e = st.env;
        int op = sub ? SUB : ADD;
        long r0 = op64(e, op, st.lo(d), st.hi(d));
        long r1 = op64(e, op, st.lo(s), st.hi(s));
        return st.commit(d, r0, r1);
    }

    // ---- compares ----

    public static boolean cmpps(SseState st, int pred, int d, int s) {
        FpEnv e = st.env;
        long a0 = st.lo(d);
        long a1 = st.hi(d);
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int r0 = SseFloat.cmp32(e, (int) a0, (int) b0, pred) ? -1 : 0;
        int r1 = SseFloat.cmp32(e, (int) (a0 >>> 32), (int) (b0 >>> 32), pred) ? -1 : 0;
        int r2 = SseFloat.cmp32(e, (int) a1, (int) b1, pred) ? -1 : 0;
        int r3 = SseFloat.cmp32(e, (int) (a1 >>> 32), (int) (b1 >>> 32), pred) ? -1 : 0;
        return st.commit(d, pack(r0, r1), pack(r2, r3));
    }

    public static boolean cmpss(SseState st, int pred, int d, int s) {
        long a0 = st.lo(d);
        int r = SseFloat.cmp32(st.env, (int) a0, (int) st.lo(s), pred) ? -1 : 0;
        return st.commit(d, (a0 & 0xffffffff00000000L) | (r & 0xffffffffL), st.hi(d));
    }

    public static boolean cmppd(SseState st, int pred, int d, int s) {
        FpEnv e = st.env;
        long r0 = SseFloat.cmp64(e, st.lo(d), st.lo(s), pred) ? -1L : 0;
        long r1 = SseFloat.cmp64(e, st.hi(d), st.hi(s), pred) ? -1L : 0;
        return st.commit(d, r0, r1);
    }

    public static boolean cmpsd(SseState st, int pred, int d, int s) {
        long r = SseFloat.cmp64(st.env, st.lo(d), st.lo(s), pred) ? -1L : 0;
        return st.commit(d, r, st.hi(d));
    }

    /**
     * COMISS/UCOMISS/COMISD/UCOMISD: returns the new ZF|PF|CF bits (OF, SF, AF cleared), or -1
     * when an unmasked exception must raise #XM (RFLAGS unchanged).
     */
    public static int comis(SseState st, int d, int s, boolean dbl, boolean signaling) {
        int fl = dbl ? SseFloat.comi64(st.env, st.lo(d), st.lo(s), signaling)
                : SseFloat.comi32(st.env, (int) st.lo(d), (int) st.lo(s), signaling);
        return st.commitFlags() ? fl : -1;
    }

    // ---- ROUNDPS/PD/SS/SD (SSE4.1) ----

    /** imm8 bit 2: use MXCSR.RC, else bits 1:0; bit 3: suppress the precision exception. */
    private static int roundMode(FpEnv e, int imm) {
        return (imm & 4) != 0 ? e.rc : imm & 3;
    }

    public static boolean roundps(SseState st, int imm, int d, int s) {
        FpEnv e = st.env;
        int rc = roundMode(e, imm);
        boolean pe = (imm & 8) == 0;
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int r0 = FpMisc.roundInt32(e, (int) b0, rc, pe);
        int r1 = FpMisc.roundInt32(e, (int) (b0 >>> 32), rc, pe);
        int r2 = FpMisc.roundInt32(e, (int) b1, rc, pe);
        int r3 = FpMisc.roundInt32(e, (int) (b1 >>> 32), rc, pe);
        return st.commit(d, pack(r0, r1), pack(r2, r3));
    }

    public static boolean roundss(SseState st, int imm, int d, int s) {
        FpEnv e = st.env;
        int r = FpMisc.roundInt32(e, (int) st.lo(s), roundMode(e, imm), (imm & 8) == 0);
        return st.commit(d, (st.lo(d) & 0xffffffff00000000L) | (r & 0xffffffffL), st.hi(d));
    }

    public static boolean roundpd(SseState st, int imm, int d, int s) {
        FpEnv e = st.env;
        int rc = roundMode(e, imm);
        boolean pe = (imm & 8) == 0;
        long r0 = FpMisc.roundInt64(e, st.lo(s), rc, pe);
        long r1 = FpMisc.roundInt64(e, st.hi(s), rc, pe);
        return st.commit(d, r0, r1);
    }

    public static boolean roundsd(SseState st, int imm, int d, int s) {
        FpEnv e = st.env;
        long r = FpMisc.roundInt64(e, st.lo(s), roundMode(e, imm), (imm & 8) == 0);
        return st.commit(d, r, st.hi(d));
    }

    // ---- DPPS/DPPD (SSE4.1) ----

    /** imm8 bits 7:4 select the products (others are +0.0), bits 3:0 the lanes that receive the sum. */
    public static boolean dpps(SseState st, int imm, int d, int s) {
        FpEnv e = st.env;
        long a0 = st.lo(d);
        long a1 = st.hi(d);
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        int p0 = (imm & 0x10) != 0 ? SseFloat.mul32(e, (int) a0, (int) b0) : 0;
        int p1 = (imm & 0x20) != 0 ? SseFloat.mul32(e, (int) (a0 >>> 32), (int) (b0 >>> 32)) : 0;
        int p2 = (imm & 0x40) != 0 ? SseFloat.mul32(e, (int) a1, (int) b1) : 0;
        int p3 = (imm & 0x80) != 0 ? SseFloat.mul32(e, (int) (a1 >>> 32), (int) (b1 >>> 32)) : 0;
        // Two stages (host-observed): the multiplies' flags are final before the adds start, and an
        // unmasked exception there stops the instruction (#XM) without the adds' flags.
        if (!st.commitFlags()) {
            return false;
        }
        int t1 = SseFloat.add32(e, p0, p1);
        int t2 = SseFloat.add32(e, p2, p3);
        int sum = SseFloat.add32(e, t1, t2);
        int r0 = (imm & 1) != 0 ? sum : 0;
        int r1 = (imm & 2) != 0 ? sum : 0;
        int r2 = (imm & 4) != 0 ? sum : 0;
        int r3 = (imm & 8) != 0 ? sum : 0;
        return st.commit(d, pack(r0, r1), pack(r2, r3));
    }

    public static boolean dppd(SseState st, int imm, int d, int s) {
        FpEnv e = st.env;
        long p0 = (imm & 0x10) != 0 ? SseFloat.mul64(e, st.lo(d), st.lo(s)) : 0;
        long p1 = (imm & 0x20) != 0 ? SseFloat.mul64(e, st.hi(d), st.hi(s)) : 0;
        if (!st.commitFlags()) { // the multiplies are a stage of their own, as in DPPS
            return false;
        }
        long sum = SseFloat.add64(e, p0, p1);
        return st.commit(d, (imm & 1) != 0 ? sum : 0, (imm & 2) != 0 ? sum : 0);
    }
}
