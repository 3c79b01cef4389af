package tvmm.cpu.simd;

import tvmm.cpu.fpu.FpArith;
import tvmm.cpu.fpu.FpConvert;
import tvmm.cpu.fpu.FpEnv;
import tvmm.cpu.fpu.FpMisc;

/**
 * One float32/float64 lane of the SSE arithmetic with MXCSR semantics. The common case (round
 * to nearest, no DAZ/FTZ, normal operands and a normal result) runs on the host's own IEEE
 * arithmetic with an exact error term for the precision flag; everything else goes through the
 * exact software core of {@link tvmm.cpu.fpu}. Flags accumulate in {@code e.flags}.
 */
public final class SseFloat {
    private SseFloat() {
    }

    private static boolean fastEnv(FpEnv e) {
        return e.rc == FpEnv.RC_NEAREST && !e.daz && !e.ftz;
    }

    /** Normal (not zero, denormal, infinity or NaN) with an exponent far from both ends of the range. */
    private static boolean safe32(int bits) {
        int ex = (bits >>> 23) & 0xff;
        return ex > 24 && ex < 0xff - 2;
    }

    private static boolean safe64(long bits) {
        int ex = (int) (bits >>> 52) & 0x7ff;
        return ex > 120 && ex < 0x7ff - 2;
    }

    public static int add32(FpEnv e, int a, int b) {
        if (fastEnv(e) && safe32(a) && safe32(b)) {
            float x = Float.intBitsToFloat(a);
            float y = Float.intBitsToFloat(b);
            double exact = (double) x + (double) y; // exact when exponents are within 29 of each other
            float r = x + y;
            int rb = Float.floatToRawIntBits(r);
            if (safe32(rb) && Math.abs(((a >>> 23) & 0xff) - ((b >>> 23) & 0xff)) < 29) {
                if ((double) r != exact) {
                    e.flags |= FpEnv.PE;
                }
                return rb;
            }
        }
        return FpArith.add32(e, a, b, false);
    }

    public static int sub32(FpEnv e, int a, int b) {
        return add32Neg(e, a, b);
    }

    private static int add32Neg(FpEnv e, int a, int b) {
        if (fastEnv(e) && safe32(a) && safe32(b)) {
            return add32(e, a, b ^ 0x80000000);
        }
        return FpArith.add32(e, a, b, true);
    }

    public static int mul32(FpEnv e, int a, int b) {
        if (fastEnv(e) && safe32(a) && safe32(b)) {
            double p = (double) Float.intBitsToFloat(a) * (double) Float.intBitsToFloat(b); // exact
            float r = (float) p;
            int rb = Float.floatToRawIntBits(r);
            if (safe32(rb)) {
                if ((double) r != p) {
                    e.flags |= FpEnv.PE;
                }
                return rb;
            }
        }
        return FpArith.mul32(e, a, b);
    }

    public static int div32(FpEnv e, int a, int b) {
        if (fastEnv(e) && safe32(a) && safe32(b)) {
            float x = Float.intBitsToFloat(a);
            float y = Float.intBitsToFloat(b);
            float r = x / y;
            int rb = Float.floatToRawIntBits(r);
            if (safe32(rb)) {
                if ((double) r * (double) y != (double) x) {
                    e.flags |= FpEnv.PE;
                }
                return rb;
            }
        }
        return FpArith.div32(e, a, b);
    }

    public static int sqrt32(FpEnv e, int a) {
        if (fastEnv(e) && safe32(a) && a > 0) {
            float r = (float) Math.sqrt(Float.intBitsToFloat(a)); // double then float: correctly rounded
            double rd = r;
            if (rd * rd != (double) Float.intBitsToFloat(a)) {
                e.flags |= FpEnv.PE;
            }
            return Float.floatToRawIntBits(r);
        }
        return FpArith.sqrt32(e, a);
    }

    public static long add64(FpEnv e, long a, long b) {
        if (fastEnv(e) && safe64(a) && safe64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double r = x + y;
            long rb = Double.doubleToRawLongBits(r);
            if (safe64(rb)) {
                // TwoSum: the exact rounding error of x + y.
                double bv = r - x;
                double err = (x - (r - bv)) + (y - bv);
                if (err != 0) {
                    e.flags |= FpEnv.PE;
                }
                return rb;
            }
        }
        return FpArith.add64(e, a, b, false);
    }

    public static long sub64(FpEnv e, long a, long b) {
        if (fastEnv(e) && safe64(a) && safe64(b)) {
            return add64(e, a, b ^ Long.MIN_VALUE);
        }
        return FpArith.add64(e, a, b, true);
    }

    public static long mul64(FpEnv e, long a, long b) {
        if (fastEnv(e) && safe64(a) && safe64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double r = x * y;
            long rb = Double.doubleToRawLongBits(r);
            if (safe64(rb) && ((rb >>> 52) & 0x7ff) > 200) {
                if (Math.fma(x, y, -r) != 0) {
                    e.flags |= FpEnv.PE;
                }
                return rb;
            }
        }
        return FpArith.mul64(e, a, b);
    }

    public static long div64(FpEnv e, long a, long b) {
        if (fastEnv(e) && safe64(a) && safe64(b)) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double r = x / y;
            long rb = Double.doubleToRawLongBits(r);
            if (safe64(rb) && ((rb >>> 52) & 0x7ff) > 200 && ((a >>> 52) & 0x7ff) > 200) {
                if (Math.fma(r, y, -x) != 0) {
                    e.flags |= FpEnv.PE;
                }
                return rb;
            }
        }
        return FpArith.div64(e, a, b);
    }

    public static long sqrt64(FpEnv e, long a) {
        if (fastEnv(e) && safe64(a) && a > 0) {
            double x = Double.longBitsToDouble(a);
            double r = Math.sqrt(x);
            if (Math.fma(r, r, -x) != 0) {
                e.flags |= FpEnv.PE;
            }
            return Double.doubleToRawLongBits(r);
        }
        return FpArith.sqrt64(e, a);
    }

    // ---- MIN/MAX: if either operand is a NaN, or both are zeros, the second operand is returned ----

    private static boolean nan32(int a) {
        return (a & 0x7fffffff) > 0x7f800000;
    }

    private static boolean nan64(long a) {
        return (a & Long.MAX_VALUE) > 0x7ff0000000000000L;
    }

    private static boolean denorm32(int a) {
        return (a & 0x7f800000) == 0 && (a & 0x7fffff) != 0;
    }

    private static boolean denorm64(long a) {
        return (a & 0x7ff0000000000000L) == 0 && (a & 0xfffffffffffffL) != 0;
    }

    /** MINSS/MAXSS lane (SDM Vol. 2 MINSS): any NaN operand raises IE and returns the source. */
    public static int minMax32(FpEnv e, int a, int b, boolean max) {
        // DAZ applies first: even a NaN-forced result returns the flushed source (host).
        if (e.daz) {
            a = denorm32(a) ? a & 0x80000000 : a;
            b = denorm32(b) ? b & 0x80000000 : b;
        }
        if (nan32(a) || nan32(b)) {
            e.flags |= FpEnv.IE;
            return b;
        }
        if (denorm32(a) || denorm32(b)) {
            e.flags |= FpEnv.DE;
        }
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        boolean pickA = max ? x > y : x < y;
        return pickA ? a : b;
    }

    public static long minMax64(FpEnv e, long a, long b, boolean max) {
        if (e.daz) {
            a = denorm64(a) ? a & Long.MIN_VALUE : a;
            b = denorm64(b) ? b & Long.MIN_VALUE : b;
        }
        if (nan64(a) || nan64(b)) {
            e.flags |= FpEnv.IE;
            return b;
        }
        if (denorm64(a) || denorm64(b)) {
            e.flags |= FpEnv.DE;
        }
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        boolean pickA = max ? x > y : x < y;
        return pickA ? a : b;
    }

    // ---- CMPPS/CMPSD predicates 0..7 and COMISS/UCOMISS ----

    /** The CMPxx predicate (imm8 & 7): EQ, LT, LE, UNORD, NEQ, NLT, NLE, ORD. LT/LE/NLT/NLE signal on QNaN. */
    public static boolean cmp32(FpEnv e, int a, int b, int pred) {
        int rel = FpMisc.compare32(e, a, b, signals(pred));
        return predicate(rel, pred);
    }

    public static boolean cmp64(FpEnv e, long a, long b, int pred) {
        int rel = FpMisc.compare64(e, a, b, signals(pred));
        return predicate(rel, pred);
    }

    private static boolean signals(int pred) {
        int p = pred & 3;
        return p == 1 || p == 2;
    }

    static boolean predicate(int rel, int pred) {
        boolean r = switch (pred & 3) {
            case 0 -> rel == FpMisc.EQ;
            case 1 -> rel == FpMisc.LT;
            case 2 -> rel == FpMisc.LT || rel == FpMisc.EQ;
            default -> rel == FpMisc.UN;
        };
        return (pred & 4) != 0 ? !r : r;
    }

    /** COMISS/UCOMISS result as RFLAGS ZF|PF|CF (bits 6, 2, 0); OF, SF, AF are cleared. */
    public static int comiFlags(int rel) {
        return switch (rel) {
            case FpMisc.LT -> 0x01;
            case FpMisc.EQ -> 0x40;
            case FpMisc.GT -> 0;
            default -> 0x45;
        };
    }

    public static int comi32(FpEnv e, int a, int b, boolean signaling) {
        return comiFlags(FpMisc.compare32(e, a, b, signaling));
    }

    public static int comi64(FpEnv e, long a, long b, boolean signaling) {
        return comiFlags(FpMisc.compare64(e, a, b, signaling));
    }

    // ---- conversions ----

    public static long cvtss2sd(FpEnv e, int a) {
        return FpConvert.f32To64(e, a);
    }

    public static int cvtsd2ss(FpEnv e, long a) {
        return FpConvert.f64To32(e, a);
    }

    /** CVT(T)SS2SI/CVT(T)PS2DQ lane; width 32 or 64; the integer indefinite on overflow or NaN. */
    public static long cvtToInt32(FpEnv e, int a, int width, boolean truncate) {
        return FpConvert.f32ToInt(e, a, width, truncate);
    }

    public static long cvtToInt64(FpEnv e, long a, int width, boolean truncate) {
        return FpConvert.f64ToInt(e, a, width, truncate);
    }

    public static int cvtIntTo32(FpEnv e, long v) {
        if (fastEnv(e) && v == (int) v && Math.abs(v) <= (1L << 24)) {
            return Float.floatToRawIntBits((float) v);
        }
        return (int) FpConvert.fromInt(e, tvmm.cpu.fpu.Fp.F32, v);
    }

    public static long cvtIntTo64(FpEnv e, long v) {
        if (v == (int) v) {
            return Double.doubleToRawLongBits((double) v); // exact in any mode
        }
        return FpConvert.fromInt(e, tvmm.cpu.fpu.Fp.F64, v);
    }
}
