package tvmm.cpu.fpu;

import static tvmm.cpu.fpu.Fp.BAD;
import static tvmm.cpu.fpu.Fp.DENORM;
import static tvmm.cpu.fpu.Fp.INF;
import static tvmm.cpu.fpu.Fp.ZERO;

/**
 * Conversions between the 80-bit format, float32/float64 and integers (FLD/FST m32/m64,
 * FILD/FIST/FISTTP, CVT* and CVTT*). Out-of-range and NaN conversions to integers raise IE and
 * give the integer indefinite (the most negative value of the width), as the hardware does.
 */
public final class FpConvert {
    private FpConvert() {
    }

    /** FILD / exact integer to 80-bit: significand returned, e.se set. */
    public static long fromInt80(FpEnv e, long v) {
        if (v == 0) {
            e.se = 0;
            return 0;
        }
        int sign = v < 0 ? 1 : 0;
        long m = v < 0 ? -v : v; // -MIN_VALUE stays 2^63 as unsigned
        int lz = Long.numberOfLeadingZeros(m);
        e.se = (sign << 15) | (16383 + 63 - lz);
        return m << lz;
    }

    /** Integer to float32/float64 with rounding (CVTSI2SS/SD, CVTDQ2PS). */
    public static long fromInt(FpEnv e, int fmt, long v) {
        if (v == 0) {
            return 0;
        }
        int sign = v < 0 ? 1 : 0;
        long m = v < 0 ? -v : v;
        int lz = Long.numberOfLeadingZeros(m);
        return FpRound.round(e, fmt, sign, 63 - lz, m << lz, 0);
    }

    /** FLD m32/m64 and CVTSS2SD/CVTSD2SS-style conversions of the value in slot a to fmt. */
    static long convertA(FpEnv e, int fmt) {
        return convertA(e, fmt, true);
    }

    /** raiseDenormal=false for x87 stores (FST of a denormal does not raise DE on the host). */
    static long convertA(FpEnv e, int fmt, boolean raiseDenormal) {
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
            e.flags |= FpEnv.DE;
        }
        return FpRound.round(e, fmt, e.aSign, e.aExp, e.aSig, 0);
    }

    /** FLD m32: significand returned, e.se set. */
    public static long f32To80(FpEnv e, int bits) {
        Fp.unpack32(e, false, bits);
        return convertA(e, Fp.F80X);
    }

    /** FLD m64. */
    public static long f64To80(FpEnv e, long bits) {
        Fp.unpack64(e, false, bits);
        return convertA(e, Fp.F80X);
    }

    /** FST m32: rounds with FCW.RC to float32. */
    public static int f80To32(FpEnv e, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        return (int) convertA(e, Fp.F32, false);
    }

    /** FST m64. */
    public static long f80To64(FpEnv e, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        return convertA(e, Fp.F64, false);
    }

    /** FLD ST(i)-style re-rounding of an 80-bit value to the full format (normalizes denormal operands). */
    public static long f80To80(FpEnv e, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        return convertA(e, Fp.F80X);
    }

    /** CVTSS2SD. */
    public static long f32To64(FpEnv e, int bits) {
        Fp.unpack32(e, false, bits);
        return convertA(e, Fp.F64);
    }

    /** CVTSD2SS. */
    public static int f64To32(FpEnv e, long bits) {
        Fp.unpack64(e, false, bits);
        return (int) convertA(e, Fp.F32);
    }

    /** FIST/FISTP (truncate=false) and FISTTP (true) to a width of 16, 32 or 64 bits. */
    public static long f80ToInt(FpEnv e, long sig, int se, int width, boolean truncate) {
        Fp.unpack80(e, false, sig, se);
        return toIntA(e, width, truncate, false);
    }

    /** CVT(T)SS2SI / CVT(T)PS2DQ. */
    public static long f32ToInt(FpEnv e, int bits, int width, boolean truncate) {
        Fp.unpack32(e, false, bits);
        return toIntA(e, width, truncate, true);
    }

    /** CVT(T)SD2SI / CVT(T)PD2DQ. */
    public static long f64ToInt(FpEnv e, long bits, int width, boolean truncate) {
        Fp.unpack64(e, false, bits);
        return toIntA(e, width, truncate, true);
    }

    /**
     * Rounds slot a to an integer in [-2^(w-1), 2^(w-1)). Returns the value sign-extended;
     * on NaN, infinity or overflow raises IE and returns the integer indefinite.
     */
    static long toIntA(FpEnv e, int width, boolean truncate, boolean sse) {
        int c = e.aCls;
        long indefinite = -1L << (width - 1);
        if (c >= INF) {
            e.flags |= FpEnv.IE;
            return indefinite;
        }
        if (c == ZERO) {
            return 0;
        }
        int sign = e.aSign;
        long sig = e.aSig;
        int exp = e.aExp;
        if (exp >= 64) {
            e.flags |= FpEnv.IE;
            return indefinite;
        }
        long ip;
        boolean roundBit;
        boolean sticky;
        if (exp < 0) {
            ip = 0;
            roundBit = exp == -1;
            sticky = exp == -1 ? (sig << 1) != 0 : true;
        } else {
            int shift = 63 - exp;
            ip = shift == 0 ? sig : sig >>> shift;
            long frac = shift == 0 ? 0 : sig << (64 - shift);
            roundBit = frac < 0;
            sticky = (frac << 1) != 0;
        }
        boolean inexact = roundBit || sticky;
        boolean inc = !truncate && FpRound.roundIncrement(e.rc, sign, (ip & 1) != 0, roundBit, sticky);
        if (inc) {
            ip++;
            if (ip == 0) {
                e.flags |= FpEnv.IE;
                return indefinite;
            }
        }
        long limit = 1L << (width - 1);
        if (sign == 0 ? Long.compareUnsigned(ip, limit - 1) > 0 : Long.compareUnsigned(ip, limit) > 0) {
            e.flags |= FpEnv.IE;
            return indefinite;
        }
        if (inexact) {
            e.flags |= FpEnv.PE;
            e.c1 = inc;
        }
        return sign != 0 ? -ip : ip;
    }

    static boolean isBad(int cls) {
        return cls == BAD;
    }
}
