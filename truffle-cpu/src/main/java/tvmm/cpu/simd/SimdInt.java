package tvmm.cpu.simd;

/**
 * Integer SIMD on one 64-bit half: the whole of an MMX operation, and each half of the
 * lane-wise SSE2..SSE4.2 integer operations (apply to the low and the high quadword). The op
 * argument is a compile-time constant at each call site, so the switch folds away; the hottest
 * operations (add, sub, compare-equal, move-mask) are SWAR without loops.
 */
public final class SimdInt {
    private SimdInt() {
    }

    static final long H8 = 0x8080808080808080L, H16 = 0x8000800080008000L, H32 = 0x8000000080000000L;

    public static long paddb(long a, long b) {
        return ((a & ~H8) + (b & ~H8)) ^ ((a ^ b) & H8);
    }

    public static long paddw(long a, long b) {
        return ((a & ~H16) + (b & ~H16)) ^ ((a ^ b) & H16);
    }

    public static long paddd(long a, long b) {
        return ((a & ~H32) + (b & ~H32)) ^ ((a ^ b) & H32);
    }

    public static long psubb(long a, long b) {
        return ((a | H8) - (b & ~H8)) ^ ((a ^ ~b) & H8);
    }

    public static long psubw(long a, long b) {
        return ((a | H16) - (b & ~H16)) ^ ((a ^ ~b) & H16);
    }

    public static long psubd(long a, long b) {
        return ((a | H32) - (b & ~H32)) ^ ((a ^ ~b) & H32);
    }

    /** PCMPEQB: 0xFF in each equal byte. */
    public static long pcmpeqb(long a, long b) {
        long x = a ^ b;
        long nz = (((x & ~H8) + ~H8) | x) & H8; // high bit set where the byte is non-zero
        return ((nz >>> 7) ^ 0x0101010101010101L) * 0xff;
    }

    /** PMOVMSKB of one half: the 8 byte sign bits. */
    public static int pmovmskb(long a) {
        return (int) Long.compress(a, H8);
    }

    // ---- lane operations by width ----

    public static final int ADDS = 0, ADDUS = 1, SUBS = 2, SUBUS = 3, AVG = 4, MINU = 5, MAXU = 6, MINS = 7, MAXS = 8,
            CMPGT = 9, CMPEQ = 10, ABS = 11, SIGN = 12, MULLO = 13, MULHI = 14, MULHU = 15, MULHRS = 16;

    private static int satS(int v, int bits) {
        int max = (1 << (bits - 1)) - 1;
        int min = -(1 << (bits - 1));
        return v > max ? max : v < min ? min : v;
    }

    private static int satU(int v, int bits) {
        int max = (1 << bits) - 1;
        return v > max ? max : v < 0 ? 0 : v;
    }

    /** One lane of width 8 or 16 bits (a, b sign- or zero-extended as the op needs). */
    private static int lane(int op, int a, int b, int bits) {
        int sh = 32 - bits;
        int sa = (a << sh) >> sh;
        int sb = (b << sh) >> sh;
        int mask = (1 << bits) - 1;
        int ua = a & mask;
        int ub = b & mask;
        return switch (op) {
            case ADDS -> satS(sa + sb, bits);
            case ADDUS -> satU(ua + ub, bits);
            case SUBS -> satS(sa - sb, bits);
            case SUBUS -> satU(ua - ub, bits);
            case AVG -> (ua + ub + 1) >> 1;
            case MINU -> Math.min(ua, ub);
            case MAXU -> Math.max(ua, ub);
            case MINS -> Math.min(sa, sb);
            case MAXS -> Math.max(sa, sb);
            case CMPGT -> sa > sb ? -1 : 0;
            case CMPEQ -> ua == ub ? -1 : 0;
            case ABS -> Math.abs(sb);
            case SIGN -> sb < 0 ? -sa : sb == 0 ? 0 : sa;
            case MULLO -> sa * sb;
            case MULHI -> (sa * sb) >> 16;
            case MULHU -> (ua * ub) >>> 16;
            default -> (((sa * sb) >> 14) + 1) >> 1; // MULHRS
        };
    }

    /** Per-byte unsigned a < b as 0xFF/0x00 (SWAR: high bits, then a borrow-free low-7-bit compare). */
    static long ltuBytes(long a, long b) {
        long d = (a | H8) - (b & ~H8);
        long lt = ((~a & b) | (~(a ^ b) & ~d)) & H8;
        return (lt >>> 7) * 0xff;
    }

    /** A lane-wise byte operation on one half (ADDS, ADDUS, SUBS, SUBUS, AVG, MIN/MAX, CMPGT, ABS, SIGN). */
    public static long bytes(int op, long a, long b) {
        // The unsigned operations string and memory routines use are branch-free SWAR.
        switch (op) {
            case ADDUS: {
                long sum = paddb(a, b);
                long carry = ((a & b) | ((a | b) & ~sum)) & H8;
                return sum | ((carry >>> 7) * 0xff);
            }
            case SUBUS: {
                long diff = psubb(a, b);
                long borrow = ((~a & b) | (~(a ^ b) & diff)) & H8;
                return diff & ~((borrow >>> 7) * 0xff);
            }
            case MINU: {
                long m = ltuBytes(a, b);
                return (a & m) | (b & ~m);
            }
            case MAXU: {
                long m = ltuBytes(a, b);
                return (b & m) | (a & ~m);
            }
            default:
                break;
        }
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            r |= (long) (lane(op, (int) (a >>> i), (int) (b >>> i), 8) & 0xff) << i;
        }
        return r;
    }

    /** A lane-wise word operation on one half (also MULLO/MULHI/MULHU/MULHRS). */
    public static long words(int op, long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            r |= (long) (lane(op, (int) (a >>> i), (int) (b >>> i), 16) & 0xffff) << i;
        }
        return r;
    }

    private static int dlane(int op, int a, int b) {
        return switch (op) {
            case MINU -> Integer.compareUnsigned(a, b) <= 0 ? a : b;
            case MAXU -> Integer.compareUnsigned(a, b) >= 0 ? a : b;
            case MINS -> Math.min(a, b);
            case MAXS -> Math.max(a, b);
            case CMPGT -> a > b ? -1 : 0;
            case CMPEQ -> a == b ? -1 : 0;
            case ABS -> Math.abs(b);
            case SIGN -> b < 0 ? -a : b == 0 ? 0 : a;
            default -> a * b; // MULLO (PMULLD)
        };
    }

    /** A lane-wise dword operation on one half (MIN/MAX, CMPGT, CMPEQ, ABS, SIGN, MULLO). */
    public static long dwords(int op, long a, long b) {
        int lo = dlane(op, (int) a, (int) b);
        int hi = dlane(op, (int) (a >>> 32), (int) (b >>> 32));
        return (lo & 0xffffffffL) | ((long) hi << 32);
    }

    // ---- shifts (count is the full 64-bit count operand or the imm8) ----

    public static final int SLL = 0, SRL = 1, SRA = 2;

    public static long shiftW(int kind, long a, long count) {
        if (Long.compareUnsigned(count, 15) > 0) {
            if (kind != SRA) {
                return 0;
            }
            count = 15;
        }
        int c = (int) count;
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            int v = (int) (a >>> i) & 0xffff;
            int x = kind == SLL ? v << c : kind == SRL ? v >>> c : ((short) v) >> c;
            r |= (long) (x & 0xffff) << i;
        }
        return r;
    }

    public static long shiftD(int kind, long a, long count) {
        if (Long.compareUnsigned(count, 31) > 0) {
            if (kind != SRA) {
                return 0;
            }
            count = 31;
        }
        int c = (int) count;
        int lo = (int) a;
        int hi = (int) (a >>> 32);
        if (kind == SLL) {
            lo <<= c;
            hi <<= c;
        } else if (kind == SRL) {
            lo >>>= c;
            hi >>>= c;
        } else {
            lo >>= c;
            hi >>= c;
        }
        return (lo & 0xffffffffL) | ((long) hi << 32);
    }

    public static long shiftQ(int kind, long a, long count) {
        if (Long.compareUnsigned(count, 63) > 0) {
            return 0;
        }
        return kind == SLL ? a << count : a >>> count;
    }

    // ---- operations that pair lanes inside one half ----

    /** PMADDWD: signed word products, adjacent pairs summed to dwords (0x8000*0x8000*2 wraps). */
    public static long pmaddwd(long a, long b) {
        int p0 = (short) a * (short) b + (short) (a >>> 16) * (short) (b >>> 16);
        int p1 = (short) (a >>> 32) * (short) (b >>> 32) + (short) (a >>> 48) * (short) (b >>> 48);
        return (p0 & 0xffffffffL) | ((long) p1 << 32);
    }

    /** PSADBW: sum of absolute byte differences in the low word, rest zero. */
    public static long psadbw(long a, long b) {
        int s = 0;
        for (int i = 0; i < 64; i += 8) {
            s += Math.abs((int) (a >>> i & 0xff) - (int) (b >>> i & 0xff));
        }
        return s;
    }

    /** PMULUDQ: unsigned low dwords to a quadword. */
    public static long pmuludq(long a, long b) {
        return (a & 0xffffffffL) * (b & 0xffffffffL);
    }

    /** PMULDQ (SSE4.1): signed low dwords to a quadword. */
    public static long pmuldq(long a, long b) {
        return (long) (int) a * (long) (int) b;
    }

    /** PMADDUBSW (SSSE3): unsigned bytes of a times signed bytes of b, pairs summed with signed saturation. */
    public static long pmaddubsw(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 16) {
            int s = (int) (a >>> i & 0xff) * (byte) (b >>> i) + (int) (a >>> (i + 8) & 0xff) * (byte) (b >>> (i + 8));
            r |= (long) (satS(s, 16) & 0xffff) << i;
        }
        return r;
    }

    /** PHADDW/PHSUBW/PHADDSW/PHSUBSW pair results of one 64-bit source: two words, in the low 32 bits. */
    public static int hwords(long a, boolean sub, boolean sat) {
        int r = 0;
        for (int i = 0; i < 2; i++) {
            int x = (short) (a >>> (32 * i));
            int y = (short) (a >>> (32 * i + 16));
            int v = sub ? x - y : x + y;
            if (sat) {
                v = satS(v, 16);
            }
            r |= (v & 0xffff) << (16 * i);
        }
        return r;
    }

    /** PHADDD/PHSUBD pair result of one 64-bit source. */
    public static int hdword(long a, boolean sub) {
        int x = (int) a;
        int y = (int) (a >>> 32);
        return sub ? x - y : x + y;
    }

    // ---- packs of one 64-bit source into 32 bits (PACKSSWB/PACKUSWB) or 16... ----

    /** Four words of a to four bytes with signed (PACKSSWB) or unsigned (PACKUSWB) saturation. */
    public static int packWB(long a, boolean unsigned) {
        int r = 0;
        for (int i = 0; i < 4; i++) {
            int v = (short) (a >>> (16 * i));
            r |= ((unsigned ? satU(v, 8) : satS(v, 8)) & 0xff) << (8 * i);
        }
        return r;
    }

    /** Two dwords of a to two words with signed (PACKSSDW) or unsigned (PACKUSDW) saturation. */
    public static int packDW(long a, boolean unsigned) {
        int r = 0;
        for (int i = 0; i < 2; i++) {
            long v = (int) (a >>> (32 * i));
            long s = unsigned ? Math.max(0, Math.min(0xffff, v)) : Math.max(-0x8000, Math.min(0x7fff, v));
            r |= (int) (s & 0xffff) << (16 * i);
        }
        return r;
    }

    /** Interleaves the low 32 bits of a and b by lane size (PUNPCKL*: lane 1, 2 or 4 bytes). */
    public static long interleave(int a, int b, int laneBytes) {
        long r = 0;
        int bits = laneBytes * 8;
        long mask = (1L << bits) - 1;
        for (int i = 0, o = 0; i < 32; i += bits, o += 2 * bits) {
            r |= ((a >>> i) & mask) << o;
            r |= ((b >>> i) & mask) << (o + bits);
        }
        return r;
    }

    /** PSHUFW (MMX) and the per-half core of PSHUFLW/PSHUFHW. */
    public static long pshufw(long a, int imm) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int sel = (imm >>> (2 * i)) & 3;
            r |= ((a >>> (16 * sel)) & 0xffff) << (16 * i);
        }
        return r;
    }

    /** PSHUFB on an MMX operand (index bits 2:0; bit 7 zeroes). */
    public static long pshufb64(long a, long b) {
        long r = 0;
        for (int i = 0; i < 64; i += 8) {
            int idx = (int) (b >>> i) & 0xff;
            if (idx < 0x80) {
                r |= ((a >>> ((idx & 7) * 8)) & 0xff) << i;
            }
        }
        return r;
    }

    /** PALIGNR on MMX operands: (a:b) >> (imm*8), low 64 bits. */
    public static long palignr64(long a, long b, int imm) {
        if (imm >= 16) {
            return 0;
        }
        if (imm >= 8) {
            return imm == 8 ? a : a >>> ((imm - 8) * 8);
        }
        return imm == 0 ? b : (b >>> (imm * 8)) | (a << (64 - imm * 8));
    }
}
