package tvmm.cpu.fpu;

import static tvmm.cpu.fpu.Fp.INF;
import static tvmm.cpu.fpu.Fp.ZERO;

/**
 * FPREM / FPREM1 partial remainder (SDM Vol. 2 FPREM): exact remainder when the exponent
 * difference D is below 64 (quotient bits to C0/C3/C1, C2 clear), else a partial reduction by
 * 2^(D-N) with C2 set. The remainder is always exact, so no rounding flags arise.
 */
public final class FpRem {
    private FpRem() {
    }

    /** Condition-code bits returned by {@link #fprem}: C0, C1, C2, C3 in their status-word positions. */
    public static final int C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000;
    public static final int NO_QUOTIENT = -1;

    /** Reduction step used when D >= 64 (the "implementation-dependent N" of the SDM pseudo-code). */
    static int partialN(int d) {
        return 32 + ((d - 32) & 31);
    }

    /**
     * Computes ST(0) rem ST(1) (nearest=true for FPREM1); the result goes to e.sig/e.se and the
     * condition codes C0..C3 are returned (C1 only meaningful when no exception), or
     * {@link #NO_QUOTIENT} when no division took place (a NaN or an invalid operand): the processor then clears C1 and C2 and leaves C0 and
     * C3 as they were (host-observed).
     */
    public static int fprem(FpEnv e, long as, int ae, long bs, int be, boolean nearest) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack80(e, true, bs, be);
        int ac = e.aCls;
        int bc = e.bCls;
        if (ac > INF || bc > INF) {
            e.sig = Fp.nanResult2(e, Fp.F80X);
            return NO_QUOTIENT;
        }
        if (ac == INF || bc == ZERO) {
            e.flags |= FpEnv.IE;
            e.sig = Fp.defaultNaN(e, Fp.F80X);
            return NO_QUOTIENT;
        }
        FpArith.denormCheck2(e);
        if (ac == ZERO || bc == INF) {
            // The dividend is returned unchanged (a denormal stays denormal), except that a
            // pseudo-denormal comes back with its exponent field 1, the same value (host).
            e.sig = as;
            e.se = (ae & 0x7fff) == 0 && as < 0 ? ae | 1 : ae;
            return 0; // quotient 0: C0 = C1 = C3 = 0 (host-observed)
        }
        int sign = e.aSign;
        long a = e.aSig;
        long b = e.bSig;
        int d = e.aExp - e.bExp;
        if (d < 0) {
            if (nearest && d == -1 && Long.compareUnsigned(a, b) > 0) {
                // |a| in (|b|/2, |b|): quotient 1, remainder |b| - |a| with the sign flipped.
                long m = b - (a - b);
                e.sig = FpRound.normRound(e, Fp.F80X, sign ^ 1, e.aExp, m, 0);
                return C1;
            }
            e.sig = FpRound.round(e, Fp.F80X, sign, e.aExp, a, 0);
            return 0;
        }
        boolean partial = d >= 64;
        int steps = partial ? partialN(d) : d;
        int rexp = e.aExp - steps;
        // Long division of a by b producing steps+1 quotient bits; r < b after each step.
        long r = a;
        long q = 0;
        boolean carry = false;
        for (int i = 0; i <= steps; i++) {
            boolean ge = carry || Long.compareUnsigned(r, b) >= 0;
            if (ge) {
                r -= b;
            }
            q = (q << 1) | (ge ? 1 : 0);
            if (i < steps) {
                carry = r < 0;
                r <<= 1;
            }
        }
        int rsign = sign;
        if (nearest && !partial && r != 0) {
            // Round the quotient to nearest-even: compare 2r with b.
            int c = r < 0 ? 1 : Long.compareUnsigned(r << 1, b);
            if (c > 0 || (c == 0 && (q & 1) != 0)) {
                q++;
                r = b - r;
                rsign ^= 1;
            }
        }
        int cc = partial ? C2 : 0;
        if (!partial) {
            cc |= ((q & 4) != 0 ? C0 : 0) | ((q & 2) != 0 ? C3 : 0) | ((q & 1) != 0 ? C1 : 0);
        }
        if (r == 0) {
            e.sig = Fp.packZero(e, Fp.F80X, sign);
            return cc;
        }
        e.sig = FpRound.normRound(e, Fp.F80X, rsign, rexp, r, 0);
        return cc;
    }
}
