package tvmm.cpu.fpu;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * x87 transcendental instructions (FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X, FYL2XP1),
 * evaluated in 45-digit decimal arithmetic and rounded once to the 64-bit significand with
 * FCW.RC, so results are correctly rounded except where the argument reduction follows the
 * hardware: FSIN/FCOS/FPTAN reduce by the 66-bit approximation of pi that Intel's FPU uses
 * (SDM Vol. 1 §8.3.10), and report C2=1 without computing for |x| >= 2^63. Rare and heavy:
 * every entry point is a TruffleBoundary. Results go to env.sig/se (and sig2/se2 for the
 * second value of FSINCOS/FPTAN); the return value is the condition-code C2 flag.
 */
public final class FpTranscendental {
    private FpTranscendental() {
    }

    private static final MathContext MC = new MathContext(45, RoundingMode.HALF_EVEN);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899863");
    private static final BigDecimal LN2 = new BigDecimal(
            "0.693147180559945309417232121458176568075500134360255254120680009493393621969694715606");
    /** pi rounded to 66 bits, the constant the FPU reduces trigonometric arguments with. */
    private static final BigDecimal PI66 = new BigDecimal(
            BigInteger.valueOf(0xC90FDAA22168C234L).and(BigInteger.valueOf(Long.MAX_VALUE)).setBit(63).shiftLeft(2)
                    .add(BigInteger.valueOf(3))).divide(new BigDecimal(BigInteger.ONE.shiftLeft(64)));
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** Selects the reduction constant: true = the 66-bit pi (Intel), false = exact pi. */
    static boolean intelReduction = true;

    // ---- exact conversions ----

    /** |value| of an unpacked finite slot as mantissa in [1,2) (exact) with binary exponent in the slot. */
    private static BigDecimal mantissa(long sig) {
        BigInteger m = new BigInteger(1, toBytes(sig));
        return new BigDecimal(m).divide(new BigDecimal(BigInteger.ONE.shiftLeft(63)));
    }

    private static byte[] toBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }

    private static BigDecimal pow2(int k) {
        return k >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(k))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-k)));
    }

    /** Rounds sign * v * 2^exp2 to 80 bits in env (sig returned, se in env.se). v >= 0. */
    static long roundBig(FpEnv e, int sign, BigDecimal v, int exp2) {
        if (v.signum() == 0) {
            return Fp.packZero(e, Fp.F80X, sign);
        }
        // Normalize v into [1, 2) tracking the binary exponent.
        int k = (int) Math.floor((v.unscaledValue().bitLength() - v.scale() * 3.321928094887362) - 1);
        BigDecimal m = v.multiply(pow2(-k));
        while (m.compareTo(TWO) >= 0) {
            m = m.divide(TWO);
            k++;
        }
        while (m.compareTo(BigDecimal.ONE) < 0) {
            m = m.multiply(TWO);
            k--;
        }
        BigDecimal scaled = m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(63)));
        BigInteger ip = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigDecimal frac = scaled.subtract(new BigDecimal(ip));
        int c = frac.compareTo(new BigDecimal("0.5"));
        long lo = c > 0 ? Long.MIN_VALUE | 1 : c == 0 ? Long.MIN_VALUE : frac.signum() != 0 ? 1 : 0;
        return FpRound.round(e, Fp.F80X, sign, k + exp2, ip.longValue(), lo);
    }

    private static BigDecimal exact(FpEnv e) {
        return mantissa(e.aSig).multiply(pow2(e.aExp));
    }

    // ---- series ----

    private static BigDecimal sinSeries(BigDecimal r) {
        BigDecimal r2 = r.multiply(r, MC);
        BigDecimal term = r;
        BigDecimal sum = r;
        for (int n = 1; n < 60; n++) {
            term = term.multiply(r2, MC).divide(BigDecimal.valueOf((2L * n) * (2L * n + 1)), MC).negate();
            sum = sum.add(term, MC);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(47)) < 0) {
                break;
            }
        }
        return sum;
    }

    private static BigDecimal cosSeries(BigDecimal r) {
        BigDecimal r2 = r.multiply(r, MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 60; n++) {
            term = term.multiply(r2, MC).divide(BigDecimal.valueOf((2L * n - 1) * (2L * n)), MC).negate();
            sum = sum.add(term, MC);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(47)) < 0) {
                break;
            }
        }
        return sum;
    }

    /** atan for |z| <= 1 via two argument halvings and the Taylor series. */
    private static BigDecimal atanSmall(BigDecimal z) {
        for (int i = 0; i < 2; i++) {
            z = z.divide(BigDecimal.ONE.add(BigDecimal.ONE.add(z.multiply(z, MC)).sqrt(MC)), MC);
        }
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal p = z;
        BigDecimal sum = z;
        for (int n = 1; n < 200; n++) {
            p = p.multiply(z2, MC).negate();
            BigDecimal t = p.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(t, MC);
            if (t.signum() == 0 || t.abs().compareTo(sum.abs().movePointLeft(47)) < 0) {
                break;
            }
        }
        return sum.multiply(BigDecimal.valueOf(4));
    }

    /** atanh(z) for |z| <= 1/3: z + z^3/3 + ... */
    private static BigDecimal atanh(BigDecimal z) {
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal p = z;
        BigDecimal sum = z;
        for (int n = 1; n < 300; n++) {
            p = p.multiply(z2, MC);
            BigDecimal t = p.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(t, MC);
            if (t.signum() == 0 || t.abs().compareTo(sum.abs().movePointLeft(47)) < 0) {
                break;
            }
        }
        return sum;
    }

    /** 2^x - 1 for |x| <= about 1, as expm1(x ln 2). */
    private static BigDecimal exp2m1(BigDecimal x) {
        BigDecimal u = x.multiply(LN2, MC);
        BigDecimal term = u;
        BigDecimal sum = u;
        for (int n = 2; n < 200; n++) {
            term = term.multiply(u, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.signum() == 0 || term.abs().compareTo(sum.abs().movePointLeft(47)) < 0) {
                break;
            }
        }
        return sum;
    }

    // ---- instructions ----

    public static final int SIN = 0, COS = 1, TAN = 2, SINCOS = 3;

    /**
     * FSIN/FCOS/FPTAN/FSINCOS of (sig, se). Returns true (C2 set, nothing computed, operand
     * unchanged) when |x| >= 2^63. Otherwise env.sig/se = sin, cos or tan (FSINCOS: sin in
     * sig2/se2 goes to ST(1) and cos in sig/se is pushed; FPTAN pushes 1.0 after tan).
     */
    @TruffleBoundary
    public static boolean trig(FpEnv e, int op, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        int c = e.aCls;
        if (c > Fp.INF || c == Fp.INF) {
            long r = c == Fp.INF ? invalid(e) : Fp.nanResult1(e, Fp.F80X);
            int rse = e.se;
            e.sig = r;
            e.sig2 = r;
            e.se2 = rse;
            return false;
        }
        if (c == Fp.DENORM) {
            e.flags |= FpEnv.DE;
        }
        if (c != Fp.ZERO && e.aExp >= 63) {
            return true;
        }
        int sign = e.aSign;
        BigDecimal sinV;
        BigDecimal cosV;
        if (c == Fp.ZERO) {
            sinV = BigDecimal.ZERO;
            cosV = BigDecimal.ONE;
        } else if (e.aExp < -40) {
            // Tiny: sin x = x(1 - x^2/6), cos x = 1 - x^2/2, tan x = x(1 + x^2/3): round the
            // leading term with a sticky bit on the correct side (x^2 is then below the last bit;
            // the 45-digit series would lose it and call the result exact).
            long s = e.aSig;
            int x = e.aExp;
            if (op == COS) {
                // Only the cosine is computed: no underflow from the (unused) tiny sine.
                e.sig = FpRound.round(e, Fp.F80X, 0, -1, -1L, -1L); // just below 1
                return false;
            }
            long sinSig = op == TAN ? FpRound.round(e, Fp.F80X, sign, x, s, 1) : below(e, sign, x, s);
            int sinSe = e.se;
            if (op == SIN || op == TAN) {
                e.sig = sinSig;
                return false;
            }
            e.sig = FpRound.round(e, Fp.F80X, 0, -1, -1L, -1L); // cos: just below 1
            e.sig2 = sinSig;
            e.se2 = sinSe;
            return false;
        } else {
            BigDecimal x = exact(e);
            BigDecimal half = (intelReduction ? PI66 : PI).divide(TWO);
            BigInteger q = x.divide(half, 0, RoundingMode.HALF_EVEN).toBigInteger();
            BigDecimal r = x.subtract(half.multiply(new BigDecimal(q)));
            BigDecimal sr = sinSeries(r);
            BigDecimal cr = cosSeries(r);
            int quadrant = q.intValue() & 3;
            switch (quadrant) {
                case 0 -> {
                    sinV = sr;
                    cosV = cr;
                }
                case 1 -> {
                    sinV = cr;
                    cosV = sr.negate();
                }
                case 2 -> {
                    sinV = sr.negate();
                    cosV = cr.negate();
                }
                default -> {
                    sinV = cr.negate();
                    cosV = sr;
                }
            }
            if (sign != 0) {
                sinV = sinV.negate();
            }
        }
        switch (op) {
            case SIN -> e.sig = signed(e, sinV, c == Fp.ZERO ? sign : -1);
            case COS -> e.sig = signed(e, cosV, 0);
            case TAN -> e.sig = c == Fp.ZERO ? Fp.packZero(e, Fp.F80X, sign) : signed(e, sinV.divide(cosV, MC), -1);
            default -> {
                // C1 reports the rounding of the sine, which ends up in ST(1) (host-observed).
                long cs = signed(e, cosV, 0);
                int cse = e.se;
                e.sig2 = signed(e, sinV, c == Fp.ZERO ? sign : -1);
                e.se2 = e.se;
                e.sig = cs;
                e.se = cse;
            }
        }
        return false;
    }

    private static long below(FpEnv e, int sign, int x, long s) {
        return FpRound.normRound(e, Fp.F80X, sign, x, s - 1, -1L);
    }

    private static long signed(FpEnv e, BigDecimal v, int zeroSign) {
        if (v.signum() == 0) {
            return Fp.packZero(e, Fp.F80X, Math.max(zeroSign, 0));
        }
        return roundBig(e, v.signum() < 0 ? 1 : 0, v.abs(), 0);
    }

    private static long invalid(FpEnv e) {
        e.flags |= FpEnv.IE;
        return Fp.defaultNaN(e, Fp.F80X);
    }

    /** FPATAN: atan2(y = ST(1), x = ST(0)) into env.sig/se (SDM Vol. 2 FPATAN table). */
    @TruffleBoundary
    public static long fpatan(FpEnv e, long xs, int xse, long ys, int yse) {
        Fp.unpack80(e, false, ys, yse);
        Fp.unpack80(e, true, xs, xse);
        int yc = e.aCls;
        int xc = e.bCls;
        if (yc > Fp.INF || xc > Fp.INF) {
            return Fp.nanResult2(e, Fp.F80X);
        }
        FpArith.denormCheck2(e);
        int ysign = e.aSign;
        int xsign = e.bSign;
        BigDecimal v;
        if (yc == Fp.ZERO) {
            if (xsign == 0) {
                return Fp.packZero(e, Fp.F80X, ysign);
            }
            v = PI;
        } else if (yc == Fp.INF) {
            v = xc == Fp.INF ? (xsign == 0 ? PI.divide(BigDecimal.valueOf(4)) : PI.multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(4)))
                    : PI.divide(TWO);
        } else if (xc == Fp.INF) {
            if (xsign == 0) {
                return Fp.packZero(e, Fp.F80X, ysign);
            }
            v = PI;
        } else if (xc == Fp.ZERO) {
            v = PI.divide(TWO);
        } else {
            int d = e.aExp - e.bExp;
            BigDecimal q = mantissa(e.aSig).divide(mantissa(e.bSig), MC);
            if (d < -200) {
                // |y/x| is tiny: atan(q) = q(1 - q^2/3), result below q; add pi for x < 0.
                if (xsign == 0) {
                    // atan(q) lies just below q even when q is exact: round a value a hair below
                    // it (10^-40 relative, far under the last bit) so PE and directed rounding follow.
                    return roundBig(e, ysign, q.subtract(q.movePointLeft(40), MC), d);
                }
                v = PI;
            } else if (d > 200) {
                v = PI.divide(TWO);
                if (xsign != 0) {
                    v = PI.subtract(v);
                }
                return roundBig(e, ysign, v, 0);
            } else {
                BigDecimal z = q.multiply(pow2(d), MC);
                BigDecimal a = z.compareTo(BigDecimal.ONE) <= 0 ? atanSmall(z)
                        : PI.divide(TWO).subtract(atanSmall(BigDecimal.ONE.divide(z, MC)));
                v = xsign == 0 ? a : PI.subtract(a);
            }
        }
        return roundBig(e, ysign, v, 0);
    }

    /** F2XM1: 2^x - 1 for ST(0) (defined for -1 <= x <= 1). */
    @TruffleBoundary
    public static long f2xm1(FpEnv e, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        int c = e.aCls;
        if (c > Fp.INF) {
            return Fp.nanResult1(e, Fp.F80X);
        }
        if (c == Fp.ZERO) {
            return Fp.packZero(e, Fp.F80X, e.aSign);
        }
        if (c == Fp.INF) {
            if (e.aSign == 0) {
                return Fp.packInf(e, Fp.F80X, 0);
            }
            e.se = 0xbfff;
            return Fp.INT_BIT; // -1 exactly
        }
        if (c == Fp.DENORM) {
            e.flags |= FpEnv.DE;
        }
        if (e.aExp >= 0 && !(e.aExp == 0 && e.aSig == Fp.INT_BIT)) {
            // |x| > 1 is outside the domain: the host FPU returns the operand unchanged.
            e.se = (e.aSign << 15) | (se & 0x7fff);
            return sig;
        }
        if (e.aExp < -200) {
            return roundBig(e, e.aSign, mantissa(e.aSig).multiply(LN2, MC), e.aExp);
        }
        BigDecimal v = exp2m1(e.aSign != 0 ? exact(e).negate() : exact(e));
        long r = roundBig(e, v.signum() < 0 ? 1 : 0, v.abs(), 0);
        e.flags |= FpEnv.PE; // even when exact: the host reports F2XM1(1) = 1 and F2XM1(-1) = -0.5 inexact
        return r;
    }

    /** FYL2X (plus1=false): ST(1) * log2(ST(0)); FYL2XP1: ST(1) * log2(ST(0) + 1). */
    @TruffleBoundary
    public static long fyl2x(FpEnv e, long xs, int xse, long ys, int yse, boolean plus1) {
        Fp.unpack80(e, false, xs, xse);
        Fp.unpack80(e, true, ys, yse);
        int xc = e.aCls;
        int yc = e.bCls;
        if (xc > Fp.INF || yc > Fp.INF) {
            return Fp.nanResult2(e, Fp.F80X);
        }
        int xsign = e.aSign;
        int ysign = e.bSign;
        if (!plus1 && xsign != 0 && xc != Fp.ZERO) {
            return invalid(e);
        }
        if (plus1 && xsign != 0 && xc != Fp.ZERO && (xc == Fp.INF || (e.aExp >= 0))) {
            if (xc == Fp.INF || e.aExp > 0 || e.aSig != Fp.INT_BIT) {
                return invalid(e);
            }
        }
        // Sign and class of log2(x) (or log2(1+x)).
        int lsign;
        boolean lzero;
        boolean linf;
        if (plus1) {
            lsign = xsign;
            lzero = xc == Fp.ZERO;
            linf = xc == Fp.INF || (xsign != 0 && e.aExp == 0 && e.aSig == Fp.INT_BIT);
        } else {
            lzero = xc == Fp.NORM && e.aExp == 0 && e.aSig == Fp.INT_BIT;
            linf = xc == Fp.ZERO || xc == Fp.INF;
            lsign = xc == Fp.ZERO || (!linf && e.aExp < 0) ? 1 : 0;
        }
        boolean divByZero = linf && yc != Fp.ZERO && (!plus1 && xc == Fp.ZERO || plus1 && xc != Fp.INF);
        if (!divByZero) {
            FpArith.denormCheck2(e); // log2(0) (ZE) is reported without DE for a denormal y (host-observed)
        }
        int rsign = lsign ^ ysign;
        if (lzero) {
            if (yc == Fp.INF) {
                return invalid(e);
            }
            return Fp.packZero(e, Fp.F80X, rsign);
        }
        if (linf) {
            if (yc == Fp.ZERO) {
                return invalid(e);
            }
            if (!plus1 && xc == Fp.ZERO || plus1 && xc != Fp.INF) {
                e.flags |= FpEnv.ZE;
            }
            return Fp.packInf(e, Fp.F80X, rsign);
        }
        if (yc == Fp.ZERO) {
            return Fp.packZero(e, Fp.F80X, rsign);
        }
        if (yc == Fp.INF) {
            return Fp.packInf(e, Fp.F80X, rsign);
        }
        BigDecimal l;
        int extra = e.bExp;
        if (plus1) {
            if (e.aExp < -200) {
                l = mantissa(e.aSig).divide(LN2, MC);
                extra += e.aExp;
            } else {
                BigDecimal x = exact(e);
                if (xsign != 0) {
                    x = x.negate();
                }
                l = atanh(x.divide(TWO.add(x), MC)).multiply(TWO).divide(LN2, MC).abs();
            }
        } else {
            BigDecimal m = mantissa(e.aSig);
            BigDecimal lm = atanh(m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC)).multiply(TWO)
                    .divide(LN2, MC);
            l = BigDecimal.valueOf(e.aExp).add(lm, MC).abs();
        }
        long r = roundBig(e, rsign, l.multiply(mantissa(e.bSig), MC), extra);
        e.flags |= FpEnv.PE; // even when exact: the host reports FYL2X(8, 1) = 3 and FYL2XP1(7, 1) = 3 inexact
        if ((e.se & 0x7fff) == 0 && (e.masks & FpEnv.UE) != 0) {
            e.flags |= FpEnv.UE; // tiny and (so reported) inexact: underflow, as the host reports
        }
        return r;
    }
}
