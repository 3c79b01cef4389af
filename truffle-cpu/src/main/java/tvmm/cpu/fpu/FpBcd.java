package tvmm.cpu.fpu;

/** FBLD / FBSTP: 18-digit packed BCD (bytes 0-8, two digits each, byte 9 bit 7 = sign). */
public final class FpBcd {
    private FpBcd() {
    }

    /** The packed BCD indefinite stored by a masked invalid FBSTP: bytes 7..9 = C0 FF FF. */
    public static final long INDEF_LO = 0xC000000000000000L;
    public static final int INDEF_HI = 0xffff;

    /** FBLD: lo = bytes 0-7, hi = bytes 8-9. Invalid digits are weighted as their nibble value. */
    public static long fbld(FpEnv e, long lo, int hi) {
        long v = 0;
        long w = 1;
        for (int i = 0; i < 18; i++) {
            int nib = i < 16 ? (int) (lo >>> (4 * i)) & 15 : (hi >>> (4 * (i - 16))) & 15;
            v += nib * w;
            w *= 10;
        }
        long sig = FpConvert.fromInt80(e, v);
        if ((hi & 0x8000) != 0) {
            e.se |= 0x8000;
        }
        return sig;
    }

    /**
     * FBSTP: rounds with FCW.RC; returns bytes 0-7 and leaves bytes 8-9 in e.se2. NaN, infinity,
     * unsupported or |value| >= 10^18 raise IE and store the BCD indefinite.
     */
    public static long fbstp(FpEnv e, long sig, int se) {
        Fp.unpack80(e, false, sig, se);
        int flags = e.flags;
        long v = FpConvert.toIntA(e, 64, false, false);
        boolean invalid = (e.flags & ~flags & FpEnv.IE) != 0;
        long m = v < 0 ? -v : v;
        if (invalid || v == Long.MIN_VALUE || m > 999_999_999_999_999_999L) {
            e.flags = flags | FpEnv.IE;
            e.c1 = false;
            e.se2 = INDEF_HI;
            return INDEF_LO;
        }
        long lo = 0;
        int hi = 0;
        for (int i = 0; i < 18; i++) {
            long d = m % 10;
            m /= 10;
            if (i < 16) {
                lo |= d << (4 * i);
            } else {
                hi |= (int) d << (4 * (i - 16));
            }
        }
        if ((se & 0x8000) != 0) {
            hi |= 0x8000;
        }
        e.se2 = hi;
        return lo;
    }
}
