package tvmm.cpu.fpu;

/**
 * Operand classification, unpacking and special-value packing shared by the x87 and SSE
 * arithmetic. An unpacked finite value is {@code sig * 2^(exp-63)} with bit 63 of sig set;
 * a NaN keeps its fraction aligned as in the 80-bit format (bit 62 = quiet bit) so that it
 * can be repacked to any width by truncating the payload, as the hardware does.
 */
public final class Fp {
    private Fp() {
    }

    /** Result formats: float32, float64, 80-bit with FCW precision control, 80-bit always 64 bits. */
    public static final int F32 = 0, F64 = 1, F80 = 2, F80X = 3;

    /** Operand classes. DENORM is a finite value whose encoding was denormal (raises DE). */
    public static final int ZERO = 0, NORM = 1, DENORM = 2, INF = 3, QNAN = 4, SNAN = 5, BAD = 6;

    public static final long QBIT = 1L << 62;
    public static final long INT_BIT = 1L << 63;
    /** The x87 "real indefinite" QNaN significand and sign/exponent. */
    public static final long INDEF_SIG = 0xC000000000000000L;
    public static final int INDEF_SE = 0xffff;

    static boolean isNaN(int cls) {
        return cls == QNAN || cls == SNAN;
    }

    /** Classifies an 80-bit value into slot a (b=false) or b (b=true). */
    static void unpack80(FpEnv e, boolean b, long sig, int se) {
        int ex = se & 0x7fff;
        int sign = (se >> 15) & 1;
        int cls;
        int exp = 0;
        if (ex == 0x7fff) {
            if (sig >= 0) {
                cls = BAD; // pseudo-NaN / pseudo-infinity: unsupported since the 387
            } else if ((sig << 1) == 0) {
                cls = INF;
            } else {
                cls = (sig & QBIT) != 0 ? QNAN : SNAN;
            }
        } else if (ex == 0) {
            if (sig == 0) {
                cls = ZERO;
            } else {
                // Denormal or pseudo-denormal (integer bit set): both are valid operands with
                // the exponent of 2^-16382, and raise DE.
                int lz = Long.numberOfLeadingZeros(sig);
                sig <<= lz;
                exp = -16382 - lz;
                cls = DENORM;
            }
        } else if (sig >= 0) {
            cls = BAD; // unnormal
        } else {
            cls = NORM;
            exp = ex - 16383;
        }
        set(e, b, cls, sign, exp, sig);
    }

    static void unpack32(FpEnv e, boolean b, int bits) {
        int sign = bits >>> 31;
        int ex = (bits >>> 23) & 0xff;
        long frac = bits & 0x7fffffL;
        if (ex == 0xff) {
            long sig = INT_BIT | (frac << 40);
            set(e, b, frac == 0 ? INF : (frac & 0x400000) != 0 ? QNAN : SNAN, sign, 0, sig);
        } else if (ex == 0) {
            if (frac == 0 || e.daz) {
                set(e, b, ZERO, sign, 0, 0);
            } else {
                int lz = Long.numberOfLeadingZeros(frac);
                set(e, b, DENORM, sign, -126 - (lz - 40), frac << lz);
            }
        } else {
            set(e, b, NORM, sign, ex - 127, INT_BIT | (frac << 40));
        }
    }

    static void unpack64(FpEnv e, boolean b, long bits) {
        int sign = (int) (bits >>> 63);
        int ex = (int) (bits >>> 52) & 0x7ff;
        long frac = bits & 0xfffffffffffffL;
        if (ex == 0x7ff) {
            long sig = INT_BIT | (frac << 11);
            set(e, b, frac == 0 ? INF : (frac & (1L << 51)) != 0 ? QNAN : SNAN, sign, 0, sig);
        } else if (ex == 0) {
            if (frac == 0 || e.daz) {
                set(e, b, ZERO, sign, 0, 0);
            } else {
                int lz = Long.numberOfLeadingZeros(frac);
                set(e, b, DENORM, sign, -1022 - (lz - 11), frac << lz);
            }
        } else {
            set(e, b, NORM, sign, ex - 1023, INT_BIT | (frac << 11));
        }
    }

    static void unpack(FpEnv e, boolean b, int fmt, long bits, int se) {
        if (fmt == F32) {
            unpack32(e, b, (int) bits);
        } else if (fmt == F64) {
            unpack64(e, b, bits);
        } else {
            unpack80(e, b, bits, se);
        }
    }

    private static void set(FpEnv e, boolean b, int cls, int sign, int exp, long sig) {
        if (b) {
            e.bCls = cls;
            e.bSign = sign;
            e.bExp = exp;
            e.bSig = sig;
        } else {
            e.aCls = cls;
            e.aSign = sign;
            e.aExp = exp;
            e.aSig = sig;
        }
    }

    /** Packs a NaN with the given sign and 80-bit-aligned significand, quieted. */
    static long packNaN(FpEnv e, int fmt, int sign, long sig) {
        sig |= INT_BIT | QBIT;
        if (fmt == F32) {
            return ((long) sign << 31) | 0x7f800000L | ((sig >>> 40) & 0x7fffff);
        } else if (fmt == F64) {
            return ((long) sign << 63) | 0x7ff0000000000000L | ((sig >>> 11) & 0xfffffffffffffL);
        }
        e.se = (sign << 15) | 0x7fff;
        return sig;
    }

    /** The default NaN (x87 real indefinite, SSE QNaN floating-point indefinite). */
    static long defaultNaN(FpEnv e, int fmt) {
        return packNaN(e, fmt, 1, 0);
    }

    static long packInf(FpEnv e, int fmt, int sign) {
        if (fmt == F32) {
            return ((long) sign << 31) | 0x7f800000L;
        } else if (fmt == F64) {
            return ((long) sign << 63) | 0x7ff0000000000000L;
        }
        e.se = (sign << 15) | 0x7fff;
        return INT_BIT;
    }

    static long packZero(FpEnv e, int fmt, int sign) {
        if (fmt == F32) {
            return (long) sign << 31;
        } else if (fmt == F64) {
            return (long) sign << 63;
        }
        e.se = sign << 15;
        return 0;
    }

    /**
     * The result when an operand is a NaN or unsupported (SDM Vol. 1 Table 4-7). x87 returns the
     * QNaN of a QNaN/SNaN pair, else the NaN with the larger significand; SSE returns the first
     * source if it is a NaN, else the second. SNaNs raise IE and are quieted.
     */
    static long nanResult2(FpEnv e, int fmt) {
        int ac = e.aCls;
        int bc = e.bCls;
        if (ac == BAD || bc == BAD) {
            e.flags |= FpEnv.IE;
            return defaultNaN(e, fmt);
        }
        if (ac == SNAN || bc == SNAN) {
            e.flags |= FpEnv.IE;
        }
        boolean pickA;
        if (!isNaN(bc)) {
            pickA = true;
        } else if (!isNaN(ac)) {
            pickA = false;
        } else if (fmt == F32 || fmt == F64) {
            pickA = true;
        } else if (ac != bc) {
            pickA = ac == QNAN;
        } else {
            long as = e.aSig & ~INT_BIT;
            long bs = e.bSig & ~INT_BIT;
            pickA = as > bs || (as == bs && e.aSign <= e.bSign);
        }
        return pickA ? packNaN(e, fmt, e.aSign, e.aSig) : packNaN(e, fmt, e.bSign, e.bSig);
    }

    /** The result of a one-operand instruction on a NaN or unsupported operand in slot a. */
    static long nanResult1(FpEnv e, int fmt) {
        if (e.aCls == BAD) {
            e.flags |= FpEnv.IE;
            return defaultNaN(e, fmt);
        }
        if (e.aCls == SNAN) {
            e.flags |= FpEnv.IE;
        }
        return packNaN(e, fmt, e.aSign, e.aSig);
    }
}
