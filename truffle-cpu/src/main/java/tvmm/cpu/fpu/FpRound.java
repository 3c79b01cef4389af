package tvmm.cpu.fpu;

/**
 * Rounds an exact intermediate to a destination format: IEEE 754 rounding in the four modes,
 * the x87 precision control (24/53/64 bits with the extended exponent range), denormal
 * results, tininess detected after rounding (as x86 does), masked and unmasked overflow and
 * underflow (x87 unmasked responses rebias the exponent by 24576, SDM Vol. 1 §8.5.4-5), FTZ.
 *
 * <p>The intermediate is {@code (hi:lo) * 2^(exp-127)} with bit 63 of hi set; lo carries the
 * bits below with a sticky bit ORed into its bit 0.
 */
public final class FpRound {
    private FpRound() {
    }

    /** Shifts e.wHi:e.wLo right by n with sticky. */
    static void shiftRightJam(FpEnv e, int n) {
        long hi = e.wHi;
        long lo = e.wLo;
        if (n <= 0) {
            return;
        }
        if (n < 64) {
            long sticky = (lo << (64 - n)) != 0 ? 1 : 0;
            lo = (hi << (64 - n)) | (lo >>> n) | sticky;
            hi >>>= n;
        } else if (n == 64) {
            lo = hi | (lo != 0 ? 1 : 0);
            hi = 0;
        } else if (n < 128) {
            long sticky = ((hi << (128 - n)) | lo) != 0 ? 1 : 0;
            lo = (hi >>> (n - 64)) | sticky;
            hi = 0;
        } else {
            lo = (hi | lo) != 0 ? 1 : 0;
            hi = 0;
        }
        e.wHi = hi;
        e.wLo = lo;
    }

    static int precisionOf(FpEnv e, int fmt) {
        return fmt == Fp.F32 ? 24 : fmt == Fp.F64 ? 53 : fmt == Fp.F80 ? e.prec : 64;
    }

    static boolean roundIncrement(int rc, int sign, boolean keepOdd, boolean roundBit, boolean sticky) {
        switch (rc) {
            case FpEnv.RC_NEAREST:
                return roundBit && (sticky || keepOdd);
            case FpEnv.RC_DOWN:
                return sign != 0 && (roundBit || sticky);
            case FpEnv.RC_UP:
                return sign == 0 && (roundBit || sticky);
            default:
                return false;
        }
    }

    /**
     * Normalizes hi:lo (which may have leading zeros, must not both be zero) and rounds.
     * For 80-bit formats the result exponent is left in e.se and the significand returned.
     */
    static long normRound(FpEnv e, int fmt, int sign, int exp, long hi, long lo) {
        if (hi == 0) {
            hi = lo;
            lo = 0;
            exp -= 64;
        }
        int lz = Long.numberOfLeadingZeros(hi);
        if (lz != 0) {
            hi = (hi << lz) | (lo >>> (64 - lz));
            lo <<= lz;
            exp -= lz;
        }
        return round(e, fmt, sign, exp, hi, lo);
    }

    /** Rounds the normalized hi:lo (bit 63 of hi set), value hi.lo * 2^exp with hi's bit 63 weight 2^exp. */
    static long round(FpEnv e, int fmt, int sign, int exp, long hi, long lo) {
        int p = precisionOf(e, fmt);
        int emin;
        int emax;
        if (fmt == Fp.F32) {
            emin = -126;
            emax = 127;
        } else if (fmt == Fp.F64) {
            emin = -1022;
            emax = 1023;
        } else {
            emin = -16382;
            emax = 16383;
        }
        boolean x87 = fmt >= Fp.F80;
        boolean tiny = false;
        boolean sseUnmaskedTiny = false;
        if (exp < emin) {
            tiny = true;
            if (exp == emin - 1) {
                // Tininess after rounding: not tiny when rounding to p bits carries to 2^emin.
                long keep = p == 64 ? hi : hi >>> (64 - p);
                long all = p == 64 ? -1L : (1L << p) - 1;
                if (keep == all) {
                    boolean rb;
                    boolean st;
                    if (p == 64) {
                        rb = lo < 0;
                        st = (lo << 1) != 0;
                    } else {
                        rb = ((hi >>> (63 - p)) & 1) != 0;
                        st = (hi << (p + 1)) != 0 || lo != 0;
                    }
                    tiny = !roundIncrement(e.rc, sign, true, rb, st);
                }
            }
            if (tiny && (e.masks & FpEnv.UE) == 0) {
                // Unmasked underflow: x87 delivers the rounded result rebiased up by 24576 and
                // raises UE whether or not it is exact; SSE reports it (the CPU raises #XM).
                e.flags |= FpEnv.UE;
                if (x87 && exp + 24576 < emin) {
                    // Too small even for the rebiased range (FSCALE by a huge factor): the host
                    // delivers a signed zero, inexact.
                    e.flags |= FpEnv.PE;
                    e.c1 = false;
                    return Fp.packZero(e, fmt, sign);
                }
                if (x87) {
                    exp += 24576;
                    tiny = false;
                } else {
                    // SSE: #XM and nothing is written, but PE still reports whether the result
                    // rounded to full precision (not denormalized) is inexact (host-observed).
                    sseUnmaskedTiny = true;
                    tiny = false;
                }
            } else if (tiny && e.ftz && !x87) {
                e.flags |= FpEnv.UE | FpEnv.PE;
                e.c1 = false;
                return Fp.packZero(e, fmt, sign);
            }
            if (tiny) {
                e.wHi = hi;
                e.wLo = lo;
                shiftRightJam(e, emin - exp);
                hi = e.wHi;
                lo = e.wLo;
                exp = emin;
            }
        }
        long keep;
        boolean roundBit;
        boolean sticky;
        if (p == 64) {
            keep = hi;
            roundBit = lo < 0;
            sticky = (lo << 1) != 0;
        } else {
            keep = hi >>> (64 - p);
            roundBit = ((hi >>> (63 - p)) & 1) != 0;
            sticky = (hi << (p + 1)) != 0 || lo != 0;
        }
        boolean inexact = roundBit || sticky;
        boolean inc = roundIncrement(e.rc, sign, (keep & 1) != 0, roundBit, sticky);
        if (inc) {
            keep++;
            if (p == 64 ? keep == 0 : keep == (1L << p)) {
                keep = 1L << (p - 1);
                exp++;
            }
        }
        if (exp > emax) {
            if ((e.masks & FpEnv.OE) == 0) {
                e.flags |= FpEnv.OE;
                if (x87 && exp - 24576 > emax) {
                    // Too large even for the rebiased range: the host delivers a signed infinity, inexact.
                    e.flags |= FpEnv.PE;
                    e.c1 = true;
                    return Fp.packInf(e, fmt, sign);
                } else if (x87) {
                    exp -= 24576;
                } else {
                    if (inexact) {
                        e.flags |= FpEnv.PE;
                    }
                    return Fp.packInf(e, fmt, sign); // SSE: #XM, nothing is written
                }
            } else {
                e.flags |= FpEnv.OE | FpEnv.PE;
                boolean toInf = switch (e.rc) {
                    case FpEnv.RC_NEAREST -> true;
                    case FpEnv.RC_DOWN -> sign != 0;
                    case FpEnv.RC_UP -> sign == 0;
                    default -> false;
                };
                e.c1 = toInf;
                if (toInf) {
                    return Fp.packInf(e, fmt, sign);
                }
                keep = p == 64 ? -1L : (1L << p) - 1;
                exp = emax;
                return pack(e, fmt, sign, exp, keep, p);
            }
        }
        if (inexact) {
            e.flags |= FpEnv.PE;
            if (tiny) {
                e.flags |= FpEnv.UE;
            }
        }
        e.c1 = inc;
        if (sseUnmaskedTiny) {
            return Fp.packZero(e, fmt, sign); // never written (#XM); keeps pack() within its exponent range
        }
        return pack(e, fmt, sign, exp, keep, p);
    }

    private static long pack(FpEnv e, int fmt, int sign, int exp, long keep, int p) {
        boolean normal = ((keep >>> (p - 1)) & 1) != 0;
        if (fmt == Fp.F32) {
            long bexp = normal ? exp + 127 : 0;
            return ((long) sign << 31) | (bexp << 23) | (keep & 0x7fffff);
        } else if (fmt == Fp.F64) {
            long bexp = normal ? exp + 1023 : 0;
            return ((long) sign << 63) | (bexp << 52) | (keep & 0xfffffffffffffL);
        }
        long sig = p == 64 ? keep : keep << (64 - p);
        e.se = (sign << 15) | (normal ? exp + 16383 : 0);
        return sig;
    }
}
