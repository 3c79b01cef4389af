package tvmm.cpu.fpu;

import static tvmm.cpu.fpu.Fp.BAD;
import static tvmm.cpu.fpu.Fp.DENORM;
import static tvmm.cpu.fpu.Fp.INF;
import static tvmm.cpu.fpu.Fp.ZERO;

/**
 * Exactly rounded add, subtract, multiply, divide and square root on the unpacked operand
 * slots of an {@link FpEnv}, for every result format. The x87 entry points take (sig, se)
 * pairs and leave the result's se in {@code e.se}; the float32/float64 entry points take and
 * return raw bits (used by the SSE library, which adds a hardware fast path in front).
 */
public final class FpArith {
    private FpArith() {
    }

    // ---- x87 (80-bit, precision control applies: SDM Vol. 1 §8.1.5.2) ----

    public static long add80(FpEnv e, long as, int ae, long bs, int be) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack80(e, true, bs, be);
        return add(e, Fp.F80, false);
    }

    public static long sub80(FpEnv e, long as, int ae, long bs, int be) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack80(e, true, bs, be);
        return add(e, Fp.F80, true);
    }

    public static long mul80(FpEnv e, long as, int ae, long bs, int be) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack80(e, true, bs, be);
        return mul(e, Fp.F80);
    }

    public static long div80(FpEnv e, long as, int ae, long bs, int be) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack80(e, true, bs, be);
        return div(e, Fp.F80);
    }

    public static long sqrt80(FpEnv e, long as, int ae) {
        Fp.unpack80(e, false, as, ae);
        return sqrt(e, Fp.F80);
    }

    /** x87 two-operand arithmetic kinds for {@link #binary80}. */
    public static final int OP_ADD = 0, OP_SUB = 1, OP_SUBR = 2, OP_MUL = 3, OP_DIV = 4, OP_DIVR = 5;

    /**
     * FADD/FSUB/FSUBR/FMUL/FDIV/FDIVR: a (80-bit) op b, where b is in format bfmt: Fp.F80
     * (b = significand, bse = sign/exponent) or Fp.F32/Fp.F64 raw bits from memory, which are
     * used unconverted so that an SNaN or denormal memory operand is seen as such.
     */
    public static long binary80(FpEnv e, int op, long as, int ae, int bfmt, long b, int bse) {
        Fp.unpack80(e, false, as, ae);
        Fp.unpack(e, true, bfmt, b, bse);
        switch (op) {
            case OP_ADD:
                return add(e, Fp.F80, false);
            case OP_SUB:
                return add(e, Fp.F80, true);
            case OP_SUBR:
                swapSlots(e);
                return add(e, Fp.F80, true);
            case OP_MUL:
                return mul(e, Fp.F80);
            case OP_DIV:
                return div(e, Fp.F80);
            default:
                swapSlots(e);
                return div(e, Fp.F80);
        }
    }

    static void swapSlots(FpEnv e) {
        int c = e.aCls;
        int s = e.aSign;
        int x = e.aExp;
        long g = e.aSig;
        e.aCls = e.bCls;
        e.aSign = e.bSign;
        e.aExp = e.bExp;
        e.aSig = e.bSig;
        e.bCls = c;
        e.bSign = s;
        e.bExp = x;
        e.bSig = g;
    }

    // ---- float32 / float64 (raw bits) ----

    public static int add32(FpEnv e, int a, int b, boolean sub) {
        Fp.unpack32(e, false, a);
        Fp.unpack32(e, true, b);
        return (int) add(e, Fp.F32, sub);
    }

    public static int mul32(FpEnv e, int a, int b) {
        Fp.unpack32(e, false, a);
        Fp.unpack32(e, true, b);
        return (int) mul(e, Fp.F32);
    }

    public static int div32(FpEnv e, int a, int b) {
        Fp.unpack32(e, false, a);
        Fp.unpack32(e, true, b);
        return (int) div(e, Fp.F32);
    }

    public static int sqrt32(FpEnv e, int a) {
        Fp.unpack32(e, false, a);
        return (int) sqrt(e, Fp.F32);
    }

    public static long add64(FpEnv e, long a, long b, boolean sub) {
        Fp.unpack64(e, false, a);
        Fp.unpack64(e, true, b);
        return add(e, Fp.F64, sub);
    }

    public static long mul64(FpEnv e, long a, long b) {
        Fp.unpack64(e, false, a);
        Fp.unpack64(e, true, b);
        return mul(e, Fp.F64);
    }

    public static long div64(FpEnv e, long a, long b) {
        Fp.unpack64(e, false, a);
        Fp.unpack64(e, true, b);
        return div(e, Fp.F64);
    }

    public static long sqrt64(FpEnv e, long a) {
        Fp.unpack64(e, false, a);
        return sqrt(e, Fp.F64);
    }

    // ---- cores over the slots ----

    private static boolean special(int cls) {
        return cls >= INF;
    }

    /** Raises DE when an operand was denormal (after NaN/unsupported checks, SDM §8.7 priority). */
    static void denormCheck2(FpEnv e) {
        if (e.aCls == DENORM || e.bCls == DENORM) {
            e.flags |= FpEnv.DE;
        }
    }

    static long add(FpEnv e, int fmt, boolean negB) {
        int ac = e.aCls;
        int bc = e.bCls;
        if ((ac > INF) || (bc > INF)) {
            return Fp.nanResult2(e, fmt);
        }
        denormCheck2(e);
        int as = e.aSign;
        int bs = e.bSign ^ (negB ? 1 : 0);
        if (ac == INF || bc == INF) {
            if (ac == INF && bc == INF && as != bs) {
                e.flags |= FpEnv.IE;
                return Fp.defaultNaN(e, fmt);
            }
            return Fp.packInf(e, fmt, ac == INF ? as : bs);
        }
        if (ac == ZERO && bc == ZERO) {
            int sign = as == bs ? as : (e.rc == FpEnv.RC_DOWN ? 1 : 0);
            return Fp.packZero(e, fmt, sign);
        }
        if (ac == ZERO) {
            return FpRound.round(e, fmt, bs, e.bExp, e.bSig, 0);
        }
        if (bc == ZERO) {
            return FpRound.round(e, fmt, as, e.aExp, e.aSig, 0);
        }
        long aSig = e.aSig;
        long bSig = e.bSig;
        int aExp = e.aExp;
        int bExp = e.bExp;
        if (aExp < bExp || (aExp == bExp && Long.compareUnsigned(aSig, bSig) < 0)) {
            long t = aSig;
            aSig = bSig;
            bSig = t;
            int ti = aExp;
            aExp = bExp;
            bExp = ti;
            ti = as;
            as = bs;
            bs = ti;
        }
        e.wHi = bSig;
        e.wLo = 0;
        FpRound.shiftRightJam(e, aExp - bExp);
        long bHi = e.wHi;
        long bLo = e.wLo;
        if (as == bs) {
            long hi = aSig + bHi;
            long lo = bLo;
            int exp = aExp;
            if (Long.compareUnsigned(hi, aSig) < 0) {
                lo = (hi << 63) | (lo >>> 1) | (lo & 1);
                hi = (hi >>> 1) | Fp.INT_BIT;
                exp++;
            }
            return FpRound.round(e, fmt, as, exp, hi, lo);
        }
        long lo = -bLo;
        long hi = aSig - bHi - (bLo != 0 ? 1 : 0);
        if (hi == 0 && lo == 0) {
            return Fp.packZero(e, fmt, e.rc == FpEnv.RC_DOWN ? 1 : 0);
        }
        return FpRound.normRound(e, fmt, as, aExp, hi, lo);
    }

    static long mul(FpEnv e, int fmt) {
        int ac = e.aCls;
        int bc = e.bCls;
        if (ac > INF || bc > INF) {
            return Fp.nanResult2(e, fmt);
        }
        int sign = e.aSign ^ e.bSign;
        if (ac == INF || bc == INF) {
            if (ac == ZERO || bc == ZERO) {
                e.flags |= FpEnv.IE;
                return Fp.defaultNaN(e, fmt);
            }
            denormCheck2(e);
            return Fp.packInf(e, fmt, sign);
        }
        denormCheck2(e);
        if (ac == ZERO || bc == ZERO) {
            return Fp.packZero(e, fmt, sign);
        }
        long hi = Math.unsignedMultiplyHigh(e.aSig, e.bSig);
        long lo = e.aSig * e.bSig;
        return FpRound.normRound(e, fmt, sign, e.aExp + e.bExp + 1, hi, lo);
    }

    static long div(FpEnv e, int fmt) {
        int ac = e.aCls;
        int bc = e.bCls;
        if (ac > INF || bc > INF) {
            return Fp.nanResult2(e, fmt);
        }
        int sign = e.aSign ^ e.bSign;
        if ((ac == INF && bc == INF) || (ac == ZERO && bc == ZERO)) {
            e.flags |= FpEnv.IE;
            return Fp.defaultNaN(e, fmt);
        }
        if (bc == ZERO && ac != INF) {
            // Divide-by-zero is reported alone: a denormal dividend does not also raise DE (host x87).
            e.flags |= FpEnv.ZE;
            return Fp.packInf(e, fmt, sign);
        }
        denormCheck2(e);
        if (ac == INF) {
            return Fp.packInf(e, fmt, sign);
        }
        if (bc == INF || ac == ZERO) {
            return Fp.packZero(e, fmt, sign);
        }
        long a = e.aSig;
        long d = e.bSig;
        int exp = e.aExp - e.bExp;
        // 66 quotient bits and a sticky bit from two-digit long division (d is normalized).
        long hi;
        long r;
        int extra;
        if (Long.compareUnsigned(a, d) >= 0) {
            // Quotient in [1, 2): leading 1, then 64 bits of (a - d) / d, then one more bit.
            long q = divlu(e, a - d, 0, d);
            r = e.wLo;
            hi = Long.MIN_VALUE | (q >>> 1);
            extra = (int) (q & 1);
        } else {
            exp--;
            long q = divlu(e, a, 0, d);
            r = e.wLo;
            hi = q;
            // two more quotient bits from the remainder
            boolean b1 = r < 0 || Long.compareUnsigned(r << 1, d) >= 0;
            r = (r << 1) - (b1 ? d : 0);
            extra = b1 ? 1 : 0;
        }
        boolean b2 = r < 0 || Long.compareUnsigned(r << 1, d) >= 0;
        long r2 = (r << 1) - (b2 ? d : 0);
        long lo = ((long) extra << 63) | (b2 ? 1L << 62 : 0) | (r2 != 0 ? 1 : 0);
        return FpRound.round(e, fmt, sign, exp, hi, lo);
    }

    /**
     * Divides the 128-bit u1:u0 by the normalized v (bit 63 set), u1 < v: returns the 64-bit
     * quotient and leaves the remainder in e.wLo (Hacker's Delight divlu, 32-bit digits).
     */
    static long divlu(FpEnv e, long u1, long u0, long v) {
        final long b = 1L << 32;
        long vn1 = v >>> 32;
        long vn0 = v & 0xffffffffL;
        long un1 = u0 >>> 32;
        long un0 = u0 & 0xffffffffL;
        long q1 = Long.divideUnsigned(u1, vn1);
        long rhat = u1 - q1 * vn1;
        while (Long.compareUnsigned(q1, b) >= 0 || Long.compareUnsigned(q1 * vn0, (rhat << 32) + un1) > 0) {
            q1--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, b) >= 0) {
                break;
            }
        }
        long un21 = (u1 << 32) + un1 - q1 * v;
        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (Long.compareUnsigned(q0, b) >= 0 || Long.compareUnsigned(q0 * vn0, (rhat << 32) + un0) > 0) {
            q0--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, b) >= 0) {
                break;
            }
        }
        e.wLo = (un21 << 32) + un0 - q0 * v;
        return (q1 << 32) + q0;
    }

    static long sqrt(FpEnv e, int fmt) {
        int ac = e.aCls;
        if (ac > INF) {
            return Fp.nanResult1(e, fmt);
        }
        if (ac == ZERO) {
            return Fp.packZero(e, fmt, e.aSign);
        }
        if (e.aSign != 0) {
            e.flags |= FpEnv.IE;
            return Fp.defaultNaN(e, fmt);
        }
        if (ac == INF) {
            return Fp.packInf(e, fmt, 0);
        }
        if (ac == DENORM) {
            e.flags |= FpEnv.DE;
        }
        long sig = e.aSig;
        int exp = e.aExp;
        long mh;
        long ml;
        if ((exp & 1) == 0) {
            mh = sig >>> 1;
            ml = sig << 63;
        } else {
            mh = sig;
            ml = 0;
        }
        // Integer square root of the 128-bit radicand mh:ml (>= 2^126): a double estimate, one
        // correction from the exact remainder, then at most a few unit steps.
        double m = unsignedToDouble(mh) * 0x1p64 + unsignedToDouble(ml);
        long root = doubleToUnsigned(Math.sqrt(m));
        double rem = remainder128(mh, ml, root);
        long adjusted = root + (long) (rem / (2.0 * unsignedToDouble(root)));
        // Near 2^64 the correction must not wrap around (the root of mh:ml is below 2^64).
        root = rem > 0 && Long.compareUnsigned(adjusted, root) < 0 ? -1L : adjusted;
        while (cmpSquare(root, mh, ml) > 0) {
            root--;
        }
        while (root != -1L && cmpSquare(root + 1, mh, ml) <= 0) {
            root++;
        }
        long sqLo = root * root;
        long sqHi = Math.unsignedMultiplyHigh(root, root);
        long remLo = ml - sqLo;
        long remHi = mh - sqHi - (Long.compareUnsigned(ml, sqLo) < 0 ? 1 : 0);
        // The exact root is root + f, 0 <= f < 1; f > 1/2 iff rem > root (f = 1/2 is impossible).
        long lo;
        if (remHi != 0 || Long.compareUnsigned(remLo, root) > 0) {
            lo = Long.MIN_VALUE | 1;
        } else {
            lo = (remLo != 0) ? 1 : 0;
        }
        return FpRound.round(e, fmt, 0, exp >> 1, root, lo);
    }

    static double unsignedToDouble(long v) {
        return v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    static long doubleToUnsigned(double d) {
        if (d >= 0x1p64) {
            return -1L;
        }
        return d >= 0x1p63 ? (long) (d - 0x1p63) | Long.MIN_VALUE : (long) d;
    }

    /** (mh:ml) - r^2 as a double (signed, approximate). */
    private static double remainder128(long mh, long ml, long r) {
        long sh = Math.unsignedMultiplyHigh(r, r);
        long sl = r * r;
        long dl = ml - sl;
        long dh = mh - sh - (Long.compareUnsigned(ml, sl) < 0 ? 1 : 0);
        return (double) dh * 0x1p64 + unsignedToDouble(dl);
    }

    /** Compares r^2 with mh:ml (unsigned 128-bit). */
    private static int cmpSquare(long r, long mh, long ml) {
        long sh = Math.unsignedMultiplyHigh(r, r);
        int c = Long.compareUnsigned(sh, mh);
        return c != 0 ? c : Long.compareUnsigned(r * r, ml);
    }

    static boolean isSpecial(int cls) {
        return special(cls) || cls == BAD;
    }
}
