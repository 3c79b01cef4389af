package tvmm.cpu.simd;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * SSE4.2 string and text instructions: PCMPESTRI/PCMPESTRM/PCMPISTRI/PCMPISTRM (SDM Vol. 2
 * §4.1: data format, aggregation, polarity and output selection from imm8), CRC32 (Castagnoli,
 * reflected, no pre/post inversion, as the instruction defines it) and POPCNT. The string compares
 * are rare and heavy, so they sit behind a TruffleBoundary; CRC32 and POPCNT are inlinable.
 */
public final class SseString {
    private SseString() {
    }

    /** RFLAGS bits produced by the string compares: CF, ZF, SF, OF (AF and PF cleared). */
    public static final int CF = 0x1, ZF = 0x40, SF = 0x80, OF = 0x800;

    /**
     * Runs the comparison of d (src1) and s (src2). Explicit lengths la/ld are RAX/RDX (EAX/EDX
     * sign-extended without REX.W); implicit=true ignores them. Returns IntRes2 in the low 16
     * bits and the flags above in bits 16..; use {@link #index} or {@link #mask} for the result.
     */
    @TruffleBoundary
    public static int compare(SseState st, int d, int s, int imm, boolean implicit, long la, long ld) {
        boolean words = (imm & 1) != 0;
        boolean signed = (imm & 2) != 0;
        int n = words ? 8 : 16;
        long[] a = elements(st.lo(d), st.hi(d), words, signed);
        long[] b = elements(st.lo(s), st.hi(s), words, signed);
        int lenA = implicit ? implicitLength(a) : explicitLength(la, n);
        int lenB = implicit ? implicitLength(b) : explicitLength(ld, n);
        int agg = (imm >>> 2) & 3;
        int res1 = 0;
        for (int j = 0; j < n; j++) {
            boolean bit;
            switch (agg) {
                case 0: // equal any
                    bit = false;
                    for (int i = 0; i < lenA && j < lenB; i++) {
                        bit |= a[i] == b[j];
                    }
                    break;
                case 1: // ranges: pairs (a[i], a[i+1]) as inclusive bounds, both must be valid
                    bit = false;
                    for (int i = 0; i + 1 < lenA && j < lenB; i += 2) {
                        bit |= b[j] >= a[i] && b[j] <= a[i + 1];
                    }
                    break;
                case 2: // equal each
                    if (j >= lenA && j >= lenB) {
                        bit = true;
                    } else if (j >= lenA || j >= lenB) {
                        bit = false;
                    } else {
                        bit = a[j] == b[j];
                    }
                    break;
                default: // equal ordered: a occurs in b starting at j
                    bit = true;
                    for (int i = 0; i < n - j; i++) {
                        boolean r;
                        if (i >= lenA) {
                            r = true;
                        } else if (i + j >= lenB) {
                            r = false;
                        } else {
                            r = a[i] == b[i + j];
                        }
                        bit &= r;
                    }
                    break;
            }
            if (bit) {
                res1 |= 1 << j;
            }
        }
        int all = (1 << n) - 1;
        int res2;
        switch ((imm >>> 4) & 3) {
            case 1:
                res2 = ~res1 & all;
                break;
            case 3:
                res2 = (res1 ^ ((1 << lenB) - 1)) & all;
                break;
            default:
                res2 = res1;
                break;
        }
        int flags = (res2 != 0 ? CF : 0) | (lenB < n ? ZF : 0) | (lenA < n ? SF : 0) | ((res2 & 1) != 0 ? OF : 0);
        return res2 | (flags << 16);
    }

    /** PCMPxSTRI: ECX = least (imm bit 6 clear) or most significant set bit of IntRes2, or the element count. */
    public static int index(int result, int imm) {
        int res2 = result & 0xffff;
        int n = (imm & 1) != 0 ? 8 : 16;
        if (res2 == 0) {
            return n;
        }
        return (imm & 0x40) != 0 ? 31 - Integer.numberOfLeadingZeros(res2) : Integer.numberOfTrailingZeros(res2);
    }

    /** PCMPxSTRM: writes XMM0 with the bit mask (imm bit 6 clear) or the byte/word mask. */
    public static void mask(SseState st, int result, int imm) {
        int res2 = result & 0xffff;
        if ((imm & 0x40) == 0) {
            st.set(0, res2, 0);
            return;
        }
        boolean words = (imm & 1) != 0;
        long lo = 0;
        long hi = 0;
        int n = words ? 8 : 16;
        int w = words ? 16 : 8;
        long ones = (1L << w) - 1;
        for (int j = 0; j < n; j++) {
            if (((res2 >>> j) & 1) != 0) {
                int bit = j * w;
                if (bit < 64) {
                    lo |= ones << bit;
                } else {
                    hi |= ones << (bit - 64);
                }
            }
        }
        st.set(0, lo, hi);
    }

    /** The RFLAGS value bits (CF, ZF, SF, OF) of a compare result. */
    public static int flags(int result) {
        return result >>> 16;
    }

    private static long[] elements(long lo, long hi, boolean words, boolean signed) {
        int n = words ? 8 : 16;
        int w = words ? 16 : 8;
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            int bit = i * w;
            long v = bit < 64 ? lo >>> bit : hi >>> (bit - 64);
            r[i] = signed ? (v << (64 - w)) >> (64 - w) : v & ((1L << w) - 1);
        }
        return r;
    }

    private static int implicitLength(long[] e) {
        for (int i = 0; i < e.length; i++) {
            if (e[i] == 0) {
                return i;
            }
        }
        return e.length;
    }

    /** |len| saturated to the element count (SDM: the absolute value of RAX/RDX or EAX/EDX). */
    private static int explicitLength(long len, int n) {
        if (len < 0) {
            len = len == Long.MIN_VALUE ? Long.MAX_VALUE : -len;
        }
        return len > n ? n : (int) len;
    }

    // ---- CRC32 ----

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c >>> 1) ^ ((c & 1) != 0 ? 0x82F63B78 : 0);
            }
            CRC_TABLE[i] = c;
        }
    }

    /** CRC32 r32, r/m(8|16|32|64): accumulates the low 'bytes' bytes of data, little-endian. */
    public static int crc32(int crc, long data, int bytes) {
        for (int i = 0; i < bytes; i++) {
            crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ (int) (data >>> (8 * i))) & 0xff];
        }
        return crc;
    }

    /** POPCNT: the count; RFLAGS ZF = (source == 0), OF/SF/AF/CF/PF cleared. */
    public static int popcnt(long v) {
        return Long.bitCount(v);
    }
}
