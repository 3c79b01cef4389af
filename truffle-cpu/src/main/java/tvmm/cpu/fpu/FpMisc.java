package tvmm.cpu.fpu;

import static tvmm.cpu.fpu.Fp.DENORM;
import static tvmm.cpu.fpu.Fp.INF;
import static tvmm.cpu.fpu.Fp.SNAN;
import static tvmm.cpu.fpu.Fp.ZERO;

/** Compare, FRNDINT, FXTRACT, FSCALE and FPREM/FPREM1 on 80-bit values (and compares of float32/64). */
public final class FpMisc {
    private FpMisc() {
    }

    /** Compare results: ST(0)/first operand is less, equal, greater, or the pair is unordered. */
    public static final int LT = 0, EQ = 1, GT = 2, UN = 3;

    /** FCOM (signaling: any NaN raises IE) or FUCOM (quiet: only SNaN/unsupported raise IE). */
    public static int compare80(FpEnv e, long as, int ae, long bs, int be, boolean signaling) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack80(e, true, bs, be);
        return compareAB(e, signaling);
    }

    /** COMISS (signaling) / UCOMISS and CMPSS predicates. */
    public static int compare32(FpEnv e, int a, int b, boolean signaling) {
        Fp.unpack32(e, false, a);
        Fp.unpack32(e, true, b);
        return compareAB(e, signaling);
    }

    public static int compare64(FpEnv e, long a, long b, boolean signaling) {
        Fp.unpack64(e, false, a);
        Fp.unpack64(e, true, b);
        return compareAB(e, signaling);
    }

    static int compareAB(FpEnv e, boolean signaling) {
        int ac = e.aCls;
        int bc = e.bCls;
        if (ac > INF || bc > INF) {
            if (signaling || ac >= SNAN || bc >= SNAN) {
                e.flags |= FpEnv.IE;
            }
            return UN;
        }
        FpArith.denormCheck2(e);
        int c = magnitudeCompare(e);
        if (c == 0) {
            return EQ;
        }
        return c < 0 ? LT : GT;
    }

    /** Signed comparison of two ordered slot values: -1, 0, 1. */
    private static int magnitudeCompare(FpEnv e) {
        boolean az = e.aCls == ZERO;
        boolean bz = e.bCls == ZERO;
        if (az && bz) {
            return 0;
        }
        int as = e.aSign;
        int bs = e.bSign;
        if (az) {
            return bs != 0 ? 1 : -1;
        }
        if (bz) {
            return as != 0 ? -1 : 1;
        }
        if (as != bs) {
            return as != 0 ? -1 : 1;
        }
        int m;
        if (e.aCls == INF || e.bCls == INF) {
            m = e.aCls == e.bCls ? 0 : e.aCls == INF ? 1 : -1;
        } else if (e.aExp != e.bExp) {
            m = e.aExp > e.bExp ? 1 : -1;
        } else {
            m = Long.compareUnsigned(e.aSig, e.bSig);
            m = m == 0 ? 0 : m > 0 ? 1 : -1;
        }
        return as != 0 ? -m : m;
    }

    /** FRNDINT: rounds ST(0) to an integer with FCW.RC (precision control does not apply). */
    public static long frndint(FpEnv e, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        return roundIntA(e, Fp.F80X, e.rc, true, true);
    }

    /** ROUNDSS lane: rounds a float32 to an integral value with mode rc; PE unless suppressed. */
    public static int roundInt32(FpEnv e, int bits, int rc, boolean signalInexact) {
        Fp.unpack32(e, false, bits);
        return (int) roundIntA(e, Fp.F32, rc, signalInexact, false);
    }

    /** ROUNDSD lane. */
    public static long roundInt64(FpEnv e, long bits, int rc, boolean signalInexact) {
        Fp.unpack64(e, false, bits);
        return roundIntA(e, Fp.F64, rc, signalInexact, false);
    }

    /**
     * Rounds slot a to an integral value in the same format with rounding mode rc; reports PE
     * only if signalInexact (ROUNDSS imm8 bit 3 suppresses it).
     */
    static long roundIntA(FpEnv e, int fmt, int rc, boolean signalInexact, boolean raiseDenormal) {
        int c = e.aCls;
        if (c > INF) {
            return Fp.nanResult1(e, fmt);
        }
        if (c == INF) {
            return Fp.packInf(e, fmt, e.aSign);
        }
        if (c == ZERO) {
            return Fp.packZero(e, fmt, e.aSign);
        }
        if (c == DENORM && raiseDenormal) {
            // FRNDINT raises DE; ROUNDSS/SD/PS/PD do not (host).
            e.flags |= FpEnv.DE;
        }
        int exp = e.aExp;
        int sign = e.aSign;
        long sig = e.aSig;
        if (exp >= 63) {
            return FpRound.round(e, fmt, sign, exp, sig, 0);
        }
        long ip;
        boolean roundBit;
        boolean sticky;
        if (exp < 0) {
            ip = 0;
            roundBit = exp == -1;
            sticky = exp != -1 || (sig << 1) != 0;
        } else {
            int shift = 63 - exp;
            ip = sig >>> shift;
            long frac = sig << (64 - shift);
            roundBit = frac < 0;
            sticky = (frac << 1) != 0;
        }
        boolean inexact = roundBit || sticky;
        boolean inc = FpRound.roundIncrement(rc, sign, (ip & 1) != 0, roundBit, sticky);
        if (inc) {
            ip++;
        }
        if (inexact) {
            if (signalInexact) {
                e.flags |= FpEnv.PE;
            }
            e.c1 = inc;
        }
        if (ip == 0) {
            return Fp.packZero(e, fmt, sign);
        }
        int lz = Long.numberOfLeadingZeros(ip);
        int saved = e.flags;
        boolean c1 = e.c1;
        long r = FpRound.round(e, fmt, sign, 63 - lz, ip << lz, 0);
        // An integral value below 2^63 that came from this format is exact in it.
        e.flags = saved;
        e.c1 = c1;
        return r;
    }

    /** FXTRACT: significand (exponent 0) in e.sig/e.se and the unbiased exponent as a value in e.sig2/e.se2. */
    public static void fxtract(FpEnv e, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        int c = e.aCls;
        if (c > INF) {
            e.sig = Fp.nanResult1(e, Fp.F80X);
            e.sig2 = e.sig;
            e.se2 = e.se;
            return;
        }
        if (c == ZERO) {
            e.flags |= FpEnv.ZE;
            e.sig2 = Fp.INT_BIT;
            e.se2 = 0xffff; // -infinity
            e.sig = 0;
            e.se = e.aSign << 15;
            return;
        }
        if (c == INF) {
            e.sig2 = Fp.INT_BIT;
            e.se2 = 0x7fff;
            e.sig = Fp.INT_BIT;
            e.se = (e.aSign << 15) | 0x7fff;
            return;
        }
        if (c == DENORM) {
            e.flags |= FpEnv.DE;
        }
        int exp = e.aExp;
        e.sig2 = FpConvert.fromInt80(e, exp);
        e.se2 = e.se;
        e.sig = e.aSig;
        e.se = (e.aSign << 15) | 16383;
    }

    /** FSCALE: ST(0) * 2^trunc(ST(1)), result in 64-bit precision. */
    public static long fscale(FpEnv e, long as, int ae, long bs, int be) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack80(e, true, bs, be);
        int ac = e.aCls;
        int bc = e.bCls;
        if (ac > INF || bc > INF) {
            return Fp.nanResult2(e, Fp.F80X);
        }
        if (bc == INF) {
            if ((ac == ZERO && e.bSign == 0) || (ac == INF && e.bSign != 0)) {
                e.flags |= FpEnv.IE;
                return Fp.defaultNaN(e, Fp.F80X);
            }
            FpArith.denormCheck2(e);
            if (ac == ZERO || ac == INF) {
                return ac == ZERO ? Fp.packZero(e, Fp.F80X, e.aSign) : Fp.packInf(e, Fp.F80X, e.aSign);
            }
            return e.bSign == 0 ? Fp.packInf(e, Fp.F80X, e.aSign) : Fp.packZero(e, Fp.F80X, e.aSign);
        }
        FpArith.denormCheck2(e);
        if (ac == ZERO) {
            return Fp.packZero(e, Fp.F80X, e.aSign);
        }
        if (ac == INF) {
            return Fp.packInf(e, Fp.F80X, e.aSign);
        }
        int n = 0;
        if (bc != ZERO && e.bExp >= 0) {
            // Any |scale| >= 2^20 over- or underflows every operand; clamping keeps the int exact.
            n = e.bExp >= 20 ? (1 << 20) : (int) (e.bSig >>> (63 - e.bExp));
            if (e.bSign != 0) {
                n = -n;
            }
        }
        return FpRound.round(e, Fp.F80X, e.aSign, e.aExp + n, e.aSig, 0);
    }
}
