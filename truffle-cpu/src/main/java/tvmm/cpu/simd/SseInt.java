package tvmm.cpu.simd;

/**
 * SSE2..SSE4.2 integer instructions over XMM registers of a {@link SseState}: d is the
 * destination (and first source), s the second source. Lane-wise operations are the
 * {@link SimdInt} routines applied to both halves; this class holds those and the ones that
 * move data across the 64-bit boundary. None of them can fault.
 */
public final class SseInt {
    private SseInt() {
    }

    /** Lane-wise families for {@link #lanes}. */
    public static final int PADDB = 100, PADDW = 101, PADDD = 102, PADDQ = 103, PSUBB = 104, PSUBW = 105, PSUBD = 106,
            PSUBQ = 107, PCMPEQB = 108, PAND = 109, PANDN = 110, POR = 111, PXOR = 112, PMADDWD = 113, PSADBW = 114,
            PMULUDQ = 115, PMULDQ = 116, PMADDUBSW = 117, PCMPEQQ = 118, PCMPGTQ = 119;
    /** Byte/word/dword lane ops: base + SimdInt op. */
    public static final int B = 0x1000, W = 0x2000, D = 0x3000;

    /** Applies a lane-wise op (a constant at the call site) to one 64-bit half. */
    public static long half(int op, long a, long b) {
        switch (op) {
            case PADDB: return SimdInt.paddb(a, b);
            case PADDW: return SimdInt.paddw(a, b);
            case PADDD: return SimdInt.paddd(a, b);
            case PADDQ: return a + b;
            case PSUBB: return SimdInt.psubb(a, b);
            case PSUBW: return SimdInt.psubw(a, b);
            case PSUBD: return SimdInt.psubd(a, b);
            case PSUBQ: return a - b;
            case PCMPEQB: return SimdInt.pcmpeqb(a, b);
            case PAND: return a & b;
            case PANDN: return ~a & b;
            case POR: return a | b;
            case PXOR: return a ^ b;
            case PMADDWD: return SimdInt.pmaddwd(a, b);
            case PSADBW: return SimdInt.psadbw(a, b);
            case PMULUDQ: return SimdInt.pmuludq(a, b);
            case PMULDQ: return SimdInt.pmuldq(a, b);
            case PMADDUBSW: return SimdInt.pmaddubsw(a, b);
            case PCMPEQQ: return a == b ? -1L : 0;
            case PCMPGTQ: return a > b ? -1L : 0;
            default:
                break;
        }
        int kind = op & 0xf000;
        int sub = op & 0xfff;
        if (kind == B) {
            return sub == SimdInt.CMPEQ ? SimdInt.pcmpeqb(a, b) : SimdInt.bytes(sub, a, b);
        } else if (kind == W) {
            return SimdInt.words(sub, a, b);
        }
        return SimdInt.dwords(sub, a, b);
    }

    /** Any lane-wise instruction: PADD*, PSUB*, PCMPEQ/GT*, PMIN/PMAX*, PAVG*, PMUL*, PABS*, PSIGN*, logic. */
    public static void lanes(SseState st, int op, int d, int s) {
        long[] x = st.xmm;
        x[2 * d] = half(op, x[2 * d], x[2 * s]);
        x[2 * d + 1] = half(op, x[2 * d + 1], x[2 * s + 1]);
    }

    /** PSLL/PSRL/PSRA W/D/Q by an imm8 or by the low quadword of an XMM register (width 16, 32, 64). */
    public static void shift(SseState st, int kind, int width, int d, long count) {
        long[] x = st.xmm;
        for (int h = 0; h < 2; h++) {
            long v = x[2 * d + h];
            x[2 * d + h] = width == 16 ? SimdInt.shiftW(kind, v, count)
                    : width == 32 ? SimdInt.shiftD(kind, v, count) : SimdInt.shiftQ(kind, v, count);
        }
    }

    /** PSLLDQ (left=true) / PSRLDQ by imm8 bytes. */
    public static void shiftBytes(SseState st, int d, int imm, boolean left) {
        long lo = st.lo(d);
        long hi = st.hi(d);
        if (imm > 15) {
            st.set(d, 0, 0);
            return;
        }
        int n = imm * 8;
        if (n == 0) {
            return;
        }
        if (left) {
            if (n >= 64) {
                st.set(d, 0, lo << (n - 64));
            } else {
                st.set(d, lo << n, (hi << n) | (lo >>> (64 - n)));
            }
        } else {
            if (n >= 64) {
                st.set(d, hi >>> (n - 64), 0);
            } else {
                st.set(d, (lo >>> n) | (hi << (64 - n)), hi >>> n);
            }
        }
    }

    private static int byteAt(long lo, long hi, int i) {
        return (int) ((i < 8 ? lo >>> (8 * i) : hi >>> (8 * (i - 8))) & 0xff);
    }

    /** PSHUFB (SSSE3): byte i = bit 7 of s.byte[i] ? 0 : d.byte[s.byte[i] & 15]. */
    public static void pshufb(SseState st, int d, int s) {
        long alo = st.lo(d);
        long ahi = st.hi(d);
        long blo = st.lo(s);
        long bhi = st.hi(s);
        long rlo = 0;
        long rhi = 0;
        for (int i = 0; i < 8; i++) {
            int il = (int) (blo >>> (8 * i)) & 0xff;
            int ih = (int) (bhi >>> (8 * i)) & 0xff;
            if (il < 0x80) {
                rlo |= (long) byteAt(alo, ahi, il & 15) << (8 * i);
            }
            if (ih < 0x80) {
                rhi |= (long) byteAt(alo, ahi, ih & 15) << (8 * i);
            }
        }
        st.set(d, rlo, rhi);
    }

    /** PALIGNR (SSSE3): (d:s) >> imm*8, low 128 bits. */
    public static void palignr(SseState st, int d, int s, int imm) {
        long w0 = st.lo(s);
        long w1 = st.hi(s);
        long w2 = st.lo(d);
        long w3 = st.hi(d);
        st.set(d, window(w0, w1, w2, w3, imm * 8), window(w0, w1, w2, w3, imm * 8 + 64));
    }

    /** 64 bits starting at bit n of the 256-bit value w3:w2:w1:w0 (zero beyond). */
    private static long window(long w0, long w1, long w2, long w3, int n) {
        if (n >= 256) {
            return 0;
        }
        int q = n >>> 6;
        int r = n & 63;
        long a = q == 0 ? w0 : q == 1 ? w1 : q == 2 ? w2 : w3;
        long b = q == 0 ? w1 : q == 1 ? w2 : q == 2 ? w3 : 0;
        return r == 0 ? a : (a >>> r) | (b << (64 - r));
    }

    /** PSHUFD. */
    public static void pshufd(SseState st, int d, int s, int imm) {
        long lo = st.lo(s);
        long hi = st.hi(s);
        long r0 = dw(lo, hi, imm & 3) | (dw(lo, hi, (imm >>> 2) & 3) << 32);
        long r1 = dw(lo, hi, (imm >>> 4) & 3) | (dw(lo, hi, (imm >>> 6) & 3) << 32);
        st.set(d, r0, r1);
    }

    static long dw(long lo, long hi, int i) {
        return ((i < 2 ? lo : hi) >>> (32 * (i & 1))) & 0xffffffffL;
    }

    /** PSHUFLW (high=false) / PSHUFHW. */
    public static void pshufw(SseState st, int d, int s, int imm, boolean high) {
        long lo = st.lo(s);
        long hi = st.hi(s);
        st.set(d, high ? lo : SimdInt.pshufw(lo, imm), high ? SimdInt.pshufw(hi, imm) : hi);
    }

    /** SHUFPS: two dwords from d, two from s. */
    public static void shufps(SseState st, int d, int s, int imm) {
        long al = st.lo(d);
        long ah = st.hi(d);
        long bl = st.lo(s);
        long bh = st.hi(s);
        long r0 = dw(al, ah, imm & 3) | (dw(al, ah, (imm >>> 2) & 3) << 32);
        long r1 = dw(bl, bh, (imm >>> 4) & 3) | (dw(bl, bh, (imm >>> 6) & 3) << 32);
        st.set(d, r0, r1);
    }

    /** SHUFPD. */
    public static void shufpd(SseState st, int d, int s, int imm) {
        long r0 = (imm & 1) == 0 ? st.lo(d) : st.hi(d);
        long r1 = (imm & 2) == 0 ? st.lo(s) : st.hi(s);
        st.set(d, r0, r1);
    }

    /** PUNPCKL* (high=false) / PUNPCKH*; laneBytes 1, 2, 4 or 8. Also UNPCKLPS/PD, UNPCKHPS/PD. */
    public static void unpack(SseState st, int d, int s, int laneBytes, boolean high) {
        long a = high ? st.hi(d) : st.lo(d);
        long b = high ? st.hi(s) : st.lo(s);
        if (laneBytes == 8) {
            st.set(d, a, b);
            return;
        }
        st.set(d, SimdInt.interleave((int) a, (int) b, laneBytes),
                SimdInt.interleave((int) (a >>> 32), (int) (b >>> 32), laneBytes));
    }

    /** PACKSSWB, PACKUSWB (words=true) and PACKSSDW, PACKUSDW. */
    public static void pack(SseState st, int d, int s, boolean words, boolean unsigned) {
        long a0 = st.lo(d);
        long a1 = st.hi(d);
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        if (words) {
            st.set(d, (SimdInt.packWB(a0, unsigned) & 0xffffffffL) | ((long) SimdInt.packWB(a1, unsigned) << 32),
                    (SimdInt.packWB(b0, unsigned) & 0xffffffffL) | ((long) SimdInt.packWB(b1, unsigned) << 32));
        } else {
            st.set(d, (SimdInt.packDW(a0, unsigned) & 0xffffffffL) | ((long) SimdInt.packDW(a1, unsigned) << 32),
                    (SimdInt.packDW(b0, unsigned) & 0xffffffffL) | ((long) SimdInt.packDW(b1, unsigned) << 32));
        }
    }

    /** PHADDW/PHSUBW/PHADDSW/PHSUBSW (width 16) and PHADDD/PHSUBD (32). */
    public static void horizontal(SseState st, int d, int s, int width, boolean sub, boolean sat) {
        long a0 = st.lo(d);
        long a1 = st.hi(d);
        long b0 = st.lo(s);
        long b1 = st.hi(s);
        if (width == 16) {
            st.set(d, (SimdInt.hwords(a0, sub, sat) & 0xffffffffL) | ((long) SimdInt.hwords(a1, sub, sat) << 32),
                    (SimdInt.hwords(b0, sub, sat) & 0xffffffffL) | ((long) SimdInt.hwords(b1, sub, sat) << 32));
        } else {
            st.set(d, (SimdInt.hdword(a0, sub) & 0xffffffffL) | ((long) SimdInt.hdword(a1, sub) << 32),
                    (SimdInt.hdword(b0, sub) & 0xffffffffL) | ((long) SimdInt.hdword(b1, sub) << 32));
        }
    }

    /** PMOVMSKB: 16 byte sign bits. */
    public static int pmovmskb(SseState st, int s) {
        return SimdInt.pmovmskb(st.lo(s)) | (SimdInt.pmovmskb(st.hi(s)) << 8);
    }

    /** MOVMSKPS. */
    public static int movmskps(SseState st, int s) {
        return (int) Long.compress(st.lo(s), SimdInt.H32) | ((int) Long.compress(st.hi(s), SimdInt.H32) << 2);
    }

    /** MOVMSKPD. */
    public static int movmskpd(SseState st, int s) {
        return (int) (st.lo(s) >>> 63) | (int) ((st.hi(s) >>> 63) << 1);
    }

    /** PTEST (SSE4.1): RFLAGS ZF = (d AND s) == 0, CF = (NOT d AND s) == 0; others cleared. */
    public static int ptest(SseState st, int d, int s) {
        boolean zf = ((st.lo(d) & st.lo(s)) | (st.hi(d) & st.hi(s))) == 0;
        boolean cf = ((~st.lo(d) & st.lo(s)) | (~st.hi(d) & st.hi(s))) == 0;
        return (zf ? 0x40 : 0) | (cf ? 1 : 0);
    }

    private static long blend(long a, long b, long mask) {
        return (a & ~mask) | (b & mask);
    }

    /** Expands imm8 bits to lane masks of laneBytes each, for lanes first..first+64/lane-1. */
    private static long immMask(int imm, int laneBytes, int first) {
        long m = 0;
        int lanes = 8 / laneBytes;
        long ones = laneBytes == 8 ? -1L : (1L << (8 * laneBytes)) - 1;
        for (int i = 0; i < lanes; i++) {
            if (((imm >>> (first + i)) & 1) != 0) {
                m |= ones << (8 * laneBytes * i);
            }
        }
        return m;
    }

    /** PBLENDW (laneBytes 2), BLENDPS (4), BLENDPD (8): imm8 bit i selects lane i from s. */
    public static void blendImm(SseState st, int d, int s, int imm, int laneBytes) {
        int perHalf = 8 / laneBytes;
        st.set(d, blend(st.lo(d), st.lo(s), immMask(imm, laneBytes, 0)),
                blend(st.hi(d), st.hi(s), immMask(imm, laneBytes, perHalf)));
    }

    /** Sign bits of each lane of m spread over the lane (laneBytes 1, 4, 8). */
    private static long signMask(long m, int laneBytes) {
        long h = laneBytes == 1 ? SimdInt.H8 : laneBytes == 4 ? SimdInt.H32 : Long.MIN_VALUE;
        long s = m & h;
        int bits = laneBytes * 8;
        return (s >>> (bits - 1)) * (laneBytes == 8 ? -1L : (1L << bits) - 1);
    }

    /** PBLENDVB (1), BLENDVPS (4), BLENDVPD (8) with the implicit mask register XMM0 (m). */
    public static void blendVar(SseState st, int d, int s, int m, int laneBytes) {
        st.set(d, blend(st.lo(d), st.lo(s), signMask(st.lo(m), laneBytes)),
                blend(st.hi(d), st.hi(s), signMask(st.hi(m), laneBytes)));
    }

    /**
     * PMOVSX/PMOVZX (SSE4.1): widens the low elements of s from fromBytes to toBytes each.
     * The s register holds the memory operand (only its low 128/(to/from) bits are used).
     */
    public static void pmovx(SseState st, int d, int s, int fromBytes, int toBytes, boolean signed) {
        long src = st.lo(s);
        int n = 16 / toBytes;
        int fb = fromBytes * 8;
        int tb = toBytes * 8;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < n; i++) {
            long v = src >>> (fb * i);
            v = signed ? (v << (64 - fb)) >> (64 - fb) : v & ((1L << fb) - 1);
            if (tb < 64) {
                v &= (1L << tb) - 1;
            }
            int bit = tb * i;
            if (bit < 64) {
                lo |= v << bit;
            } else {
                hi |= v << (bit - 64);
            }
        }
        st.set(d, lo, hi);
    }

    /** PHMINPOSUW (SSE4.1): minimum unsigned word and its lowest index. */
    public static void phminposuw(SseState st, int d, int s) {
        int min = 0x10000;
        int idx = 0;
        for (int i = 0; i < 8; i++) {
            int v = (int) ((i < 4 ? st.lo(s) >>> (16 * i) : st.hi(s) >>> (16 * (i - 4))) & 0xffff);
            if (v < min) {
                min = v;
                idx = i;
            }
        }
        st.set(d, min | ((long) idx << 16), 0);
    }

    /** MPSADBW (SSE4.1): eight sums of absolute differences of 4-byte blocks. */
    public static void mpsadbw(SseState st, int d, int s, int imm) {
        long al = st.lo(d);
        long ah = st.hi(d);
        long bl = st.lo(s);
        long bh = st.hi(s);
        int aoff = ((imm >>> 2) & 1) * 4;
        int boff = (imm & 3) * 4;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 8; i++) {
            int sum = 0;
            for (int j = 0; j < 4; j++) {
                sum += Math.abs(byteAt(al, ah, aoff + i + j) - byteAt(bl, bh, boff + j));
            }
            if (i < 4) {
                lo |= (long) sum << (16 * i);
            } else {
                hi |= (long) sum << (16 * (i - 4));
            }
        }
        st.set(d, lo, hi);
    }

    /** INSERTPS (SSE4.1) register form: s dword imm[7:6] into d dword imm[5:4], then zero mask imm[3:0]. */
    public static void insertps(SseState st, int d, int s, int imm) {
        insertpsValue(st, d, (int) dw(st.lo(s), st.hi(s), (imm >>> 6) & 3), imm);
    }

    /** INSERTPS memory form: the 32-bit value from memory (imm[7:6] ignored). */
    public static void insertpsValue(SseState st, int d, int value, int imm) {
        long lo = st.lo(d);
        long hi = st.hi(d);
        long v = value & 0xffffffffL;
        switch ((imm >>> 4) & 3) {
            case 0 -> lo = (lo & 0xffffffff00000000L) | v;
            case 1 -> lo = (lo & 0xffffffffL) | (v << 32);
            case 2 -> hi = (hi & 0xffffffff00000000L) | v;
            default -> hi = (hi & 0xffffffffL) | (v << 32);
        }
        long zl = ((imm & 1) != 0 ? 0xffffffffL : 0) | ((imm & 2) != 0 ? 0xffffffff00000000L : 0);
        long zh = ((imm & 4) != 0 ? 0xffffffffL : 0) | ((imm & 8) != 0 ? 0xffffffff00000000L : 0);
        st.set(d, lo & ~zl, hi & ~zh);
    }

    /** PEXTRB/W/D/Q and EXTRACTPS: element imm (masked to the element count) zero-extended. */
    public static long extract(SseState st, int s, int elemBytes, int imm) {
        int n = 16 / elemBytes;
        int i = imm & (n - 1);
        int bit = i * elemBytes * 8;
        long v = bit < 64 ? st.lo(s) >>> bit : st.hi(s) >>> (bit - 64);
        return elemBytes == 8 ? v : v & ((1L << (elemBytes * 8)) - 1);
    }

    /** PINSRB/W/D/Q: replaces element imm with the low bits of v. */
    public static void insert(SseState st, int d, long v, int elemBytes, int imm) {
        int n = 16 / elemBytes;
        int bit = (imm & (n - 1)) * elemBytes * 8;
        long m = elemBytes == 8 ? -1L : (1L << (elemBytes * 8)) - 1;
        v &= m;
        if (bit < 64) {
            st.set(d, (st.lo(d) & ~(m << bit)) | (v << bit), st.hi(d));
        } else {
            st.set(d, st.lo(d), (st.hi(d) & ~(m << (bit - 64))) | (v << (bit - 64)));
        }
    }

    /** MOVDDUP, MOVSHDUP (odd=true), MOVSLDUP (SSE3). */
    public static void movddup(SseState st, int d, int s) {
        long v = st.lo(s);
        st.set(d, v, v);
    }

    public static void movsdup(SseState st, int d, int s, boolean odd) {
        long lo = st.lo(s);
        long hi = st.hi(s);
        if (odd) {
            st.set(d, (lo >>> 32) | (lo & 0xffffffff00000000L), (hi >>> 32) | (hi & 0xffffffff00000000L));
        } else {
            st.set(d, (lo & 0xffffffffL) | (lo << 32), (hi & 0xffffffffL) | (hi << 32));
        }
    }
}
