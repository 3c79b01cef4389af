package tvmm.cpu.difftest;

import java.util.List;

/**
 * Compares two 64-bit FXSAVE images (SDM Vol. 2 FXSAVE, Table 3-56): FCW, FSW (minus the
 * condition bits the case marks undefined), the abridged tag word, MXCSR, ST0-ST7 (80 bits
 * each) and XMM0-XMM15. Not compared:
 * <ul>
 * <li>FOP, FIP and FDP (bytes 6-23): AMD processors save them only while an x87 exception is
 * pending (FSW.ES = 1; AMD APM Vol. 5 FXSAVE), Intel ones always (or with FOP/FDP
 * deprecated, CPUID.7:EBX bits 6/13), so the image is processor-specific there;</li>
 * <li>MXCSR_MASK (bytes 28-31): which MXCSR bits exist is a model property (AMD adds MM,
 * bit 17; tvmm reports 0xFFFF as Intel does), not the result of an instruction;</li>
 * <li>the reserved bytes beside each ST register and from 416 on, which FXSAVE leaves
 * undefined or unwritten.</li>
 * </ul>
 */
final class FxCompare {
    private FxCompare() {
    }

    static void diff(Case c, byte[] h, byte[] t, List<String> d) {
        if (h == null || t == null) {
            d.add("fpu image missing: host " + (h != null) + " tvmm " + (t != null));
            return;
        }
        int fcwH = u16(h, 0), fcwT = u16(t, 0);
        if (fcwH != fcwT) {
            d.add(String.format("fcw: host %04x tvmm %04x (was %04x)", fcwH, fcwT, u16(c.fx(), 0)));
        }
        int mask = ~c.fswUndefined() & 0xffff;
        int fswH = u16(h, 2), fswT = u16(t, 2);
        if (((fswH ^ fswT) & mask) != 0) {
            d.add(String.format("fsw: host %04x tvmm %04x (was %04x, undefined %04x)", fswH, fswT, u16(c.fx(), 2),
                    c.fswUndefined()));
        }
        if (h[4] != t[4]) {
            d.add(String.format("ftw: host %02x tvmm %02x (was %02x)", h[4] & 0xff, t[4] & 0xff, c.fx()[4] & 0xff));
        }
        int mxH = u16(h, 24) | u16(h, 26) << 16, mxT = u16(t, 24) | u16(t, 26) << 16;
        if (mxH != mxT) {
            d.add(String.format("mxcsr: host %08x tvmm %08x (was %08x)", mxH, mxT, u16(c.fx(), 24)));
        }
        for (int i = 0; i < 8; i++) {
            int o = 32 + 16 * i;
            if ((u64(h, o) != u64(t, o) || u16(h, o + 8) != u16(t, o + 8))
                    && !(c.approx() && withinUlp(u16(h, o + 8), u64(h, o), u16(t, o + 8), u64(t, o)))) {
                d.add(String.format("st%d: host %04x:%016x tvmm %04x:%016x (was %04x:%016x)", i, u16(h, o + 8), u64(h, o),
                        u16(t, o + 8), u64(t, o), u16(c.fx(), o + 8), u64(c.fx(), o)));
            }
        }
        for (int i = 0; i < 16; i++) {
            int o = 160 + 16 * i;
            if ((u64(h, o) != u64(t, o) || u64(h, o + 8) != u64(t, o + 8)) && !(c.approx() && approxEqual(h, t, o))) {
                d.add(String.format("xmm%d: host %016x_%016x tvmm %016x_%016x (was %016x_%016x)", i, u64(h, o + 8), u64(h, o),
                        u64(t, o + 8), u64(t, o), u64(c.fx(), o + 8), u64(c.fx(), o)));
            }
        }
    }

    /**
     * RCPxS/RSQRTxS lanes (SDM Vol. 2 RCPPS, RSQRTPS): each result is within 1.5 * 2^-12 of the
     * exact value, so two implementations agree when their lanes are bit-equal or both normal
     * with the same sign and at most 3 * 2^-12 apart relative to the host's, or one flushed to
     * zero and the other within that bound of 2^-126; otherwise zeros, infinities and NaNs must
     * agree bit for bit.
     */
    private static boolean approxEqual(byte[] h, byte[] t, int o) {
        for (int lane = 0; lane < 4; lane++) {
            int a = (int) (u64(h, o + 4 * lane) & 0xffffffffL);
            int b = (int) (u64(t, o + 4 * lane) & 0xffffffffL);
            if (a == b) {
                continue;
            }
            int ea = (a >>> 23) & 0xff;
            int eb = (b >>> 23) & 0xff;
            if ((a ^ b) < 0) {
                return false;
            }
            // Results within the error bound of 2^-126 may flush to zero on one side and not on
            // the other: which is the implementation's approximation.
            int mag = Math.max(a & 0x7fffffff, b & 0x7fffffff);
            if ((a & 0x7fffffff) == 0 || (b & 0x7fffffff) == 0) {
                if (Math.min(a & 0x7fffffff, b & 0x7fffffff) == 0 && Float.intBitsToFloat(mag) <= 0x1p-126f * (1 + 3 * 0x1p-12f)) {
                    continue;
                }
                return false;
            }
            if (ea == 0 || ea == 0xff || eb == 0 || eb == 0xff) {
                return false;
            }
            double x = Float.intBitsToFloat(a);
            double y = Float.intBitsToFloat(b);
            if (Math.abs(x - y) > 3 * 0x1p-12 * Math.abs(x)) {
                return false;
            }
        }
        return true;
    }

    /** Two finite 80-bit values of the same sign that are at most one unit in the last place apart. */
    private static boolean withinUlp(int seA, long sigA, int seB, long sigB) {
        if ((seA & 0x8000) != (seB & 0x8000) || (seA & 0x7fff) == 0x7fff || (seB & 0x7fff) == 0x7fff) {
            return false;
        }
        // (exponent, significand) as one 79-bit magnitude: for normals consecutive values differ by one.
        java.math.BigInteger a = java.math.BigInteger.valueOf(seA & 0x7fff).shiftLeft(63).add(java.math.BigInteger.valueOf(sigA & Long.MAX_VALUE));
        java.math.BigInteger b = java.math.BigInteger.valueOf(seB & 0x7fff).shiftLeft(63).add(java.math.BigInteger.valueOf(sigB & Long.MAX_VALUE));
        return (sigA < 0) == (sigB < 0) && a.subtract(b).abs().compareTo(java.math.BigInteger.ONE) <= 0;
    }

    static int u16(byte[] m, int o) {
        return (m[o] & 0xff) | (m[o + 1] & 0xff) << 8;
    }

    static long u64(byte[] m, int o) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (m[o + i] & 0xff);
        }
        return v;
    }
}
