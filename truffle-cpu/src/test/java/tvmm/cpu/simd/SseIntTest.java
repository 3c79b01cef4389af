package tvmm.cpu.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tvmm.cpu.fpu.Agreement;
import tvmm.cpu.fpu.Scale;

/** SSE2..SSE4.2 integer, shuffle, string, CRC32 and POPCNT instructions against the host. */
class SseIntTest {
    static long lane(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                long v = 0;
                long[] pick = {0x00, 0x7f, 0x80, 0xff, 0x01, 0xfe};
                for (int i = 0; i < 64; i += 8) {
                    v |= pick[r.nextInt(pick.length)] << i;
                }
                return v;
            case 1:
                long w = 0;
                long[] pw = {0x0000, 0x7fff, 0x8000, 0xffff, 0x0001, 0x00ff, 0xff00, 0x7f00};
                for (int i = 0; i < 64; i += 16) {
                    w |= pw[r.nextInt(pw.length)] << i;
                }
                return w;
            case 2:
                return r.nextLong() & 0x7f7f7f7f7f7f7f7fL & (r.nextBoolean() ? -1L : 0x0f0f0f0f0f0f0f0fL);
            default:
                return r.nextLong();
        }
    }

    static SseOracle.Model lanes(int op) {
        return (st, imm, ra, rd) -> {
            SseInt.lanes(st, op, 0, 1);
            return xmm(st);
        };
    }

    static long[] xmm(SseState st) {
        return new long[] {st.lo(0), st.hi(0), 0, 0, 0};
    }

    interface Body {
        void run(SseState st, int imm, long rax, long rdx);
    }

    static SseOracle.Model x(Body b) {
        return (st, imm, ra, rd) -> {
            b.run(st, imm, ra, rd);
            return xmm(st);
        };
    }

    static SseOracle.Model model(String op) {
        int B = SseInt.B;
        int W = SseInt.W;
        int D = SseInt.D;
        return switch (op) {
            case "paddb" -> lanes(SseInt.PADDB);
            case "paddw" -> lanes(SseInt.PADDW);
            case "paddd" -> lanes(SseInt.PADDD);
            case "paddq" -> lanes(SseInt.PADDQ);
            case "psubb" -> lanes(SseInt.PSUBB);
            case "psubw" -> lanes(SseInt.PSUBW);
            case "psubd" -> lanes(SseInt.PSUBD);
            case "psubq" -> lanes(SseInt.PSUBQ);
            case "paddsb" -> lanes(B + SimdInt.ADDS);
            case "paddsw" -> lanes(W + SimdInt.ADDS);
            case "paddusb" -> lanes(B + SimdInt.ADDUS);
            case "paddusw" -> lanes(W + SimdInt.ADDUS);
            case "psubsb" -> lanes(B + SimdInt.SUBS);
            case "psubsw" -> lanes(W + SimdInt.SUBS);
            case "psubusb" -> lanes(B + SimdInt.SUBUS);
            case "psubusw" -> lanes(W + SimdInt.SUBUS);
            case "pmullw" -> lanes(W + SimdInt.MULLO);
            case "pmulhw" -> lanes(W + SimdInt.MULHI);
            case "pmulhuw" -> lanes(W + SimdInt.MULHU);
            case "pmulhrsw" -> lanes(W + SimdInt.MULHRS);
            case "pmulld" -> lanes(D + SimdInt.MULLO);
            case "pmuludq" -> lanes(SseInt.PMULUDQ);
            case "pmuldq" -> lanes(SseInt.PMULDQ);
            case "pmaddwd" -> lanes(SseInt.PMADDWD);
            case "pmaddubsw" -> lanes(SseInt.PMADDUBSW);
            case "psadbw" -> lanes(SseInt.PSADBW);
            case "pavgb" -> lanes(B + SimdInt.AVG);
            case "pavgw" -> lanes(W + SimdInt.AVG);
            case "pcmpeqb" -> lanes(SseInt.PCMPEQB);
            case "pcmpeqw" -> lanes(W + SimdInt.CMPEQ);
            case "pcmpeqd" -> lanes(D + SimdInt.CMPEQ);
            case "pcmpeqq" -> lanes(SseInt.PCMPEQQ);
            case "pcmpgtb" -> lanes(B + SimdInt.CMPGT);
            case "pcmpgtw" -> lanes(W + SimdInt.CMPGT);
            case "pcmpgtd" -> lanes(D + SimdInt.CMPGT);
            case "pcmpgtq" -> lanes(SseInt.PCMPGTQ);
            case "pminub" -> lanes(B + SimdInt.MINU);
            case "pmaxub" -> lanes(B + SimdInt.MAXU);
            case "pminsb" -> lanes(B + SimdInt.MINS);
            case "pmaxsb" -> lanes(B + SimdInt.MAXS);
            case "pminuw" -> lanes(W + SimdInt.MINU);
            case "pmaxuw" -> lanes(W + SimdInt.MAXU);
            case "pminsw" -> lanes(W + SimdInt.MINS);
            case "pmaxsw" -> lanes(W + SimdInt.MAXS);
            case "pminud" -> lanes(D + SimdInt.MINU);
            case "pmaxud" -> lanes(D + SimdInt.MAXU);
            case "pminsd" -> lanes(D + SimdInt.MINS);
            case "pmaxsd" -> lanes(D + SimdInt.MAXS);
            case "pabsb" -> lanes(B + SimdInt.ABS);
            case "pabsw" -> lanes(W + SimdInt.ABS);
            case "pabsd" -> lanes(D + SimdInt.ABS);
            case "psignb" -> lanes(B + SimdInt.SIGN);
            case "psignw" -> lanes(W + SimdInt.SIGN);
            case "psignd" -> lanes(D + SimdInt.SIGN);
            case "pand" -> lanes(SseInt.PAND);
            case "pandn" -> lanes(SseInt.PANDN);
            case "por" -> lanes(SseInt.POR);
            case "pxor" -> lanes(SseInt.PXOR);
            case "psllw" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SLL, 16, 0, st.lo(1)));
            case "pslld" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SLL, 32, 0, st.lo(1)));
            case "psllq" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SLL, 64, 0, st.lo(1)));
            case "psrlw" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRL, 16, 0, st.lo(1)));
            case "psrld" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRL, 32, 0, st.lo(1)));
            case "psrlq" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRL, 64, 0, st.lo(1)));
            case "psraw" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRA, 16, 0, st.lo(1)));
            case "psrad" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRA, 32, 0, st.lo(1)));
            case "psllwi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SLL, 16, 0, i));
            case "pslldi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SLL, 32, 0, i));
            case "psllqi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SLL, 64, 0, i));
            case "psrlwi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRL, 16, 0, i));
            case "psrldi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRL, 32, 0, i));
            case "psrlqi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRL, 64, 0, i));
            case "psrawi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRA, 16, 0, i));
            case "psradi" -> x((st, i, a, d) -> SseInt.shift(st, SimdInt.SRA, 32, 0, i));
            case "pslldq" -> x((st, i, a, d) -> SseInt.shiftBytes(st, 0, i, true));
            case "psrldq" -> x((st, i, a, d) -> SseInt.shiftBytes(st, 0, i, false));
            case "packsswb" -> x((st, i, a, d) -> SseInt.pack(st, 0, 1, true, false));
            case "packuswb" -> x((st, i, a, d) -> SseInt.pack(st, 0, 1, true, true));
            case "packssdw" -> x((st, i, a, d) -> SseInt.pack(st, 0, 1, false, false));
            case "packusdw" -> x((st, i, a, d) -> SseInt.pack(st, 0, 1, false, true));
            case "punpcklbw" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 1, false));
            case "punpcklwd" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 2, false));
            case "punpckldq", "unpcklps" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 4, false));
            case "punpcklqdq", "unpcklpd" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 8, false));
            case "punpckhbw" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 1, true));
            case "punpckhwd" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 2, true));
            case "punpckhdq", "unpckhps" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 4, true));
            case "punpckhqdq", "unpckhpd" -> x((st, i, a, d) -> SseInt.unpack(st, 0, 1, 8, true));
            case "pshufb" -> x((st, i, a, d) -> SseInt.pshufb(st, 0, 1));
            case "palignr" -> x((st, i, a, d) -> SseInt.palignr(st, 0, 1, i));
            case "pshufd" -> x((st, i, a, d) -> SseInt.pshufd(st, 0, 1, i));
            case "pshufhw" -> x((st, i, a, d) -> SseInt.pshufw(st, 0, 1, i, true));
            case "pshuflw" -> x((st, i, a, d) -> SseInt.pshufw(st, 0, 1, i, false));
            case "shufps" -> x((st, i, a, d) -> SseInt.shufps(st, 0, 1, i));
            case "shufpd" -> x((st, i, a, d) -> SseInt.shufpd(st, 0, 1, i));
            case "phaddw" -> x((st, i, a, d) -> SseInt.horizontal(st, 0, 1, 16, false, false));
            case "phaddsw" -> x((st, i, a, d) -> SseInt.horizontal(st, 0, 1, 16, false, true));
            case "phsubw" -> x((st, i, a, d) -> SseInt.horizontal(st, 0, 1, 16, true, false));
            case "phsubsw" -> x((st, i, a, d) -> SseInt.horizontal(st, 0, 1, 16, true, true));
            case "phaddd" -> x((st, i, a, d) -> SseInt.horizontal(st, 0, 1, 32, false, false));
            case "phsubd" -> x((st, i, a, d) -> SseInt.horizontal(st, 0, 1, 32, true, false));
            case "pblendw" -> x((st, i, a, d) -> SseInt.blendImm(st, 0, 1, i, 2));
            case "blendps" -> x((st, i, a, d) -> SseInt.blendImm(st, 0, 1, i, 4));
            case "blendpd" -> x((st, i, a, d) -> SseInt.blendImm(st, 0, 1, i, 8));
            case "pblendvb", "blendvps", "blendvpd" -> x((st, i, a, d) -> {
                st.set(2, a, d);
                SseInt.blendVar(st, 0, 1, 2, op.equals("pblendvb") ? 1 : op.equals("blendvps") ? 4 : 8);
            });
            case "pmovsxbw" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 1, 2, true));
            case "pmovsxbd" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 1, 4, true));
            case "pmovsxbq" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 1, 8, true));
            case "pmovsxwd" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 2, 4, true));
            case "pmovsxwq" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 2, 8, true));
            case "pmovsxdq" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 4, 8, true));
            case "pmovzxbw" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 1, 2, false));
            case "pmovzxbd" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 1, 4, false));
            case "pmovzxbq" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 1, 8, false));
            case "pmovzxwd" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 2, 4, false));
            case "pmovzxwq" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 2, 8, false));
            case "pmovzxdq" -> x((st, i, a, d) -> SseInt.pmovx(st, 0, 1, 4, 8, false));
            case "phminposuw" -> x((st, i, a, d) -> SseInt.phminposuw(st, 0, 1));
            case "mpsadbw" -> x((st, i, a, d) -> SseInt.mpsadbw(st, 0, 1, i));
            case "insertps" -> x((st, i, a, d) -> SseInt.insertps(st, 0, 1, i));
            case "movddup" -> x((st, i, a, d) -> SseInt.movddup(st, 0, 1));
            case "movshdup" -> x((st, i, a, d) -> SseInt.movsdup(st, 0, 1, true));
            case "movsldup" -> x((st, i, a, d) -> SseInt.movsdup(st, 0, 1, false));
            case "pinsrb" -> x((st, i, a, d) -> SseInt.insert(st, 0, d, 1, i));
            case "pinsrw" -> x((st, i, a, d) -> SseInt.insert(st, 0, d, 2, i));
            case "pinsrd" -> x((st, i, a, d) -> SseInt.insert(st, 0, d, 4, i));
            case "pinsrq" -> x((st, i, a, d) -> SseInt.insert(st, 0, d, 8, i));
            case "ptest" -> (st, i, a, d) -> new long[] {0, 0, 0, 0, SseInt.ptest(st, 0, 1)};
            case "pmovmskb" -> (st, i, a, d) -> new long[] {0, 0, SseInt.pmovmskb(st, 1), 0, 0};
            case "movmskps" -> (st, i, a, d) -> new long[] {0, 0, SseInt.movmskps(st, 1), 0, 0};
            case "movmskpd" -> (st, i, a, d) -> new long[] {0, 0, SseInt.movmskpd(st, 1), 0, 0};
            case "pextrb" -> (st, i, a, d) -> new long[] {0, 0, SseInt.extract(st, 1, 1, i), 0, 0};
            case "pextrw" -> (st, i, a, d) -> new long[] {0, 0, SseInt.extract(st, 1, 2, i), 0, 0};
            case "pextrd", "extractps" -> (st, i, a, d) -> new long[] {0, 0, SseInt.extract(st, 1, 4, i), 0, 0};
            case "pextrq" -> (st, i, a, d) -> new long[] {0, 0, SseInt.extract(st, 1, 8, i), 0, 0};
            case "crc32b", "crc32w", "crc32l", "crc32q" -> (st, i, a, d) -> new long[] {0, 0,
                SseString.crc32((int) a, d, op.equals("crc32b") ? 1 : op.equals("crc32w") ? 2 : op.equals("crc32l") ? 4 : 8)
                        & 0xffffffffL, 0, 0};
            case "popcnt16", "popcnt32", "popcnt64" -> (st, i, a, d) -> {
                long v = op.equals("popcnt16") ? d & 0xffff : op.equals("popcnt32") ? d & 0xffffffffL : d;
                long count = SseString.popcnt(v);
                long rax = op.equals("popcnt16") ? (a & ~0xffffL) | count : count; // a 16-bit write keeps RAX 63:16
                return new long[] {0, 0, rax, 0, v == 0 ? 0x40 : 0};
            };
            case "pcmpistri", "pcmpestri" -> (st, i, a, d) -> {
                int res = SseString.compare(st, 0, 1, i, op.startsWith("pcmpi"), (int) a, (int) d);
                return new long[] {0, 0, 0, SseString.index(res, i), SseString.flags(res)};
            };
            case "pcmpistrm", "pcmpestrm" -> (st, i, a, d) -> {
                int res = SseString.compare(st, 0, 1, i, op.startsWith("pcmpi"), (int) a, (int) d);
                SseString.mask(st, res, i);
                return new long[] {st.lo(0), st.hi(0), 0, 0, SseString.flags(res)};
            };
            default -> throw new IllegalArgumentException(op);
        };
    }

    static final String[] LANE_OPS = {"paddb", "paddw", "paddd", "paddq", "paddsb", "paddsw", "paddusb", "paddusw",
        "psubb", "psubw", "psubd", "psubq", "psubsb", "psubsw", "psubusb", "psubusw", "pmullw", "pmulhw", "pmulhuw",
        "pmuludq", "pmaddwd", "psadbw", "pavgb", "pavgw", "psllw", "pslld", "psllq", "psrlw", "psrld", "psrlq", "psraw",
        "psrad", "packsswb", "packssdw", "packuswb", "punpcklbw", "punpcklwd", "punpckldq", "punpcklqdq", "punpckhbw",
        "punpckhwd", "punpckhdq", "punpckhqdq", "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpgtb", "pcmpgtw", "pcmpgtd",
        "pminub", "pmaxub", "pminsw", "pmaxsw", "pand", "pandn", "por", "pxor", "pshufb", "pabsb", "pabsw", "pabsd",
        "psignb", "psignw", "psignd", "phaddw", "phaddd", "phaddsw", "phsubw", "phsubd", "phsubsw", "pmulhrsw",
        "pmaddubsw", "ptest", "pmovsxbw", "pmovsxbd", "pmovsxbq", "pmovsxwd", "pmovsxwq", "pmovsxdq", "pmovzxbw",
        "pmovzxbd", "pmovzxbq", "pmovzxwd", "pmovzxwq", "pmovzxdq", "packusdw", "pcmpeqq", "pcmpgtq", "pminsb",
        "pminsd", "pminuw", "pminud", "pmaxsb", "pmaxsd", "pmaxuw", "pmaxud", "pmulld", "pmuldq", "phminposuw",
        "unpcklps", "unpckhps", "unpcklpd", "unpckhpd", "movddup", "movshdup", "movsldup", "pmovmskb", "movmskps",
        "movmskpd", "crc32b", "crc32w", "crc32l", "crc32q", "popcnt16", "popcnt32", "popcnt64", "pblendvb", "blendvps",
        "blendvpd"};
    static final String[] IMM_OPS = {"insertps", "extractps", "pextrb", "pextrw", "pextrd", "pextrq", "pinsrb", "pinsrw",
        "pinsrd", "pinsrq", "pshufd", "pshufhw", "pshuflw", "shufps", "shufpd", "palignr", "pblendw", "blendps",
        "blendpd", "mpsadbw", "psllwi", "pslldi", "psllqi", "psrlwi", "psrldi", "psrlqi", "psrawi", "psradi", "pslldq",
        "psrldq"};

    static long[] mask(String op) {
        if (op.equals("ptest")) {
            return SseOracle.FLAGS;
        }
        if (op.startsWith("pmovmsk") || op.startsWith("movmsk") || op.startsWith("pextr") || op.equals("extractps")
                || op.startsWith("crc32")) {
            return SseOracle.RAX32;
        }
        if (op.startsWith("popcnt")) {
            return new long[] {0, 0, -1L, 0, 0x8d5};
        }
        if (op.equals("pextrq")) {
            return SseOracle.RAX64;
        }
        return SseOracle.XMM;
    }

    @Test
    void integerMatchesHost() {
        Random r = new Random(Scale.seed(0x1e));
        SseOracle o = new SseOracle();
        for (String op : LANE_OPS) {
            SseOracle.Model m = model(op);
            for (int i = 0; i < Scale.count(400); i++) {
                long b0 = lane(r);
                if (op.startsWith("ps") && op.length() == 5 && r.nextBoolean()) {
                    b0 = r.nextInt(70); // shift counts
                }
                o.add(new SseOracle.Case(op, 0, 0x1f80, lane(r), lane(r), b0, lane(r), r.nextLong(), r.nextLong()), m,
                        op.equals("pextrq") ? SseOracle.RAX64 : mask(op));
            }
        }
        for (String op : IMM_OPS) {
            SseOracle.Model m = model(op);
            for (int i = 0; i < 512; i++) {
                o.add(new SseOracle.Case(op, i & 255, 0x1f80, lane(r), lane(r), lane(r), lane(r), r.nextLong(), r.nextLong()),
                        m, mask(op));
            }
        }
        Agreement ag = o.run("sse-int", false);
        assertEquals(0, ag.totalMismatches());
    }

    /** A string operand: mostly letters from a small alphabet, sometimes a terminating zero. */
    static long text(Random r, boolean words) {
        long v = 0;
        int w = words ? 16 : 8;
        for (int i = 0; i < 64; i += w) {
            int k = r.nextInt(12);
            long c = k == 0 ? 0 : k < 8 ? 'a' + r.nextInt(4) : r.nextInt(1 << w);
            v |= (c & ((1L << w) - 1)) << i;
        }
        return v;
    }

    @Test
    void stringComparesMatchHostForEveryImm8() {
        Random r = new Random(Scale.seed(42));
        SseOracle o = new SseOracle();
        for (String op : new String[] {"pcmpistri", "pcmpistrm", "pcmpestri", "pcmpestrm"}) {
            SseOracle.Model m = model(op);
            long[] mask = op.endsWith("i") ? SseOracle.RCX_FLAGS : SseOracle.XMM_FLAGS;
            for (int imm = 0; imm < 256; imm++) {
                for (int k = 0; k < Scale.count(24); k++) {
                    boolean words = (imm & 1) != 0;
                    long a0 = text(r, words);
                    long b0 = r.nextInt(3) == 0 ? a0 : text(r, words);
                    long ra = r.nextInt(8) == 0 ? -r.nextInt(20) : r.nextInt(20);
                    long rd = r.nextInt(8) == 0 ? -r.nextInt(20) : r.nextInt(20);
                    if (r.nextInt(16) == 0) {
                        ra = r.nextInt();
                    }
                    o.add(new SseOracle.Case(op, imm, 0x1f80, a0, text(r, words), b0, text(r, words), ra, rd), m, mask);
                }
            }
        }
        Agreement ag = o.run("sse42-str", false);
        assertEquals(0, ag.totalMismatches());
    }
}
