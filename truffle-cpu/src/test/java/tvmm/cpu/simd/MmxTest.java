package tvmm.cpu.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tvmm.cpu.fpu.Agreement;
import tvmm.cpu.fpu.Scale;

/** MMX forms (64-bit layouts of packs, unpacks, horizontal ops, shuffles, PALIGNR...) against the host. */
class MmxTest {
    interface Op {
        long run(long a, long b, int imm);
    }

    static Op op(String name) {
        int B = SseInt.B;
        int W = SseInt.W;
        return switch (name) {
            case "packsswb" -> (a, b, i) -> MmxOps.pack(a, b, true, false);
            case "packuswb" -> (a, b, i) -> MmxOps.pack(a, b, true, true);
            case "packssdw" -> (a, b, i) -> MmxOps.pack(a, b, false, false);
            case "punpcklbw" -> (a, b, i) -> MmxOps.unpack(a, b, 1, false);
            case "punpcklwd" -> (a, b, i) -> MmxOps.unpack(a, b, 2, false);
            case "punpckldq" -> (a, b, i) -> MmxOps.unpack(a, b, 4, false);
            case "punpckhbw" -> (a, b, i) -> MmxOps.unpack(a, b, 1, true);
            case "punpckhwd" -> (a, b, i) -> MmxOps.unpack(a, b, 2, true);
            case "punpckhdq" -> (a, b, i) -> MmxOps.unpack(a, b, 4, true);
            case "phaddw" -> (a, b, i) -> MmxOps.horizontal(a, b, 16, false, false);
            case "phaddsw" -> (a, b, i) -> MmxOps.horizontal(a, b, 16, false, true);
            case "phsubw" -> (a, b, i) -> MmxOps.horizontal(a, b, 16, true, false);
            case "phsubsw" -> (a, b, i) -> MmxOps.horizontal(a, b, 16, true, true);
            case "phaddd" -> (a, b, i) -> MmxOps.horizontal(a, b, 32, false, false);
            case "phsubd" -> (a, b, i) -> MmxOps.horizontal(a, b, 32, true, false);
            case "pshufb" -> (a, b, i) -> MmxOps.pshufb(a, b);
            case "pmaddubsw" -> (a, b, i) -> MmxOps.lanes(SseInt.PMADDUBSW, a, b);
            case "pmulhrsw" -> (a, b, i) -> MmxOps.lanes(W + SimdInt.MULHRS, a, b);
            case "psadbw" -> (a, b, i) -> MmxOps.lanes(SseInt.PSADBW, a, b);
            case "pmaddwd" -> (a, b, i) -> MmxOps.lanes(SseInt.PMADDWD, a, b);
            case "pmuludq" -> (a, b, i) -> MmxOps.lanes(SseInt.PMULUDQ, a, b);
            case "paddsb" -> (a, b, i) -> MmxOps.lanes(B + SimdInt.ADDS, a, b);
            case "psubusw" -> (a, b, i) -> MmxOps.lanes(W + SimdInt.SUBUS, a, b);
            case "pcmpeqb" -> (a, b, i) -> MmxOps.lanes(SseInt.PCMPEQB, a, b);
            case "pcmpgtw" -> (a, b, i) -> MmxOps.lanes(W + SimdInt.CMPGT, a, b);
            case "pmullw" -> (a, b, i) -> MmxOps.lanes(W + SimdInt.MULLO, a, b);
            case "pavgb" -> (a, b, i) -> MmxOps.lanes(B + SimdInt.AVG, a, b);
            case "psllw" -> (a, b, i) -> MmxOps.shift(SimdInt.SLL, 16, a, b);
            case "psrad" -> (a, b, i) -> MmxOps.shift(SimdInt.SRA, 32, a, b);
            case "psrlq" -> (a, b, i) -> MmxOps.shift(SimdInt.SRL, 64, a, b);
            case "pabsb" -> (a, b, i) -> MmxOps.lanes(B + SimdInt.ABS, a, b);
            case "psignw" -> (a, b, i) -> MmxOps.lanes(W + SimdInt.SIGN, a, b);
            case "pshufw" -> (a, b, i) -> MmxOps.pshufw(b, i);
            case "palignr" -> (a, b, i) -> MmxOps.palignr(a, b, i);
            case "pinsrw" -> (a, b, i) -> MmxOps.pinsrw(a, (int) b, i);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static final String[] OPS = {"packsswb", "packssdw", "packuswb", "punpcklbw", "punpcklwd", "punpckldq",
        "punpckhbw", "punpckhwd", "punpckhdq", "phaddw", "phaddd", "phaddsw", "phsubw", "phsubd", "phsubsw", "pshufb",
        "pmaddubsw", "pmulhrsw", "psadbw", "pmaddwd", "pmuludq", "paddsb", "psubusw", "pcmpeqb", "pcmpgtw", "pmullw",
        "pavgb", "psllw", "psrad", "psrlq", "pabsb", "psignw", "pshufw", "palignr", "pinsrw"};

    @Test
    void mmxMatchesHost() {
        Random r = new Random(Scale.seed(0x3dd));
        SseOracle o = new SseOracle();
        for (String name : OPS) {
            Op f = op(name);
            boolean shift = name.startsWith("ps") && (name.endsWith("w") || name.endsWith("d") || name.endsWith("q"))
                    && name.length() == 5;
            for (int i = 0; i < Scale.count(1000); i++) {
                long a = SseIntTest.lane(r);
                long b = shift && r.nextBoolean() ? r.nextInt(70) : SseIntTest.lane(r);
                o.add(new SseOracle.Case("mmx_" + name, i & 255, 0x1f80, 0, 0, 0, 0, a, b),
                        (st, imm, ra, rd) -> new long[] {0, 0, f.run(ra, rd, imm), 0, 0}, SseOracle.RAX64);
            }
        }
        for (int i = 0; i < Scale.count(1000); i++) {
            long b = SseIntTest.lane(r);
            o.add(new SseOracle.Case("mmx_pextrw", i & 255, 0x1f80, 0, 0, 0, 0, 0, b),
                    (st, imm, ra, rd) -> new long[] {0, 0, 0, MmxOps.pextrw(rd, imm), 0}, new long[] {0, 0, 0, -1L, 0});
            o.add(new SseOracle.Case("mmx_pmovmskb", 0, 0x1f80, 0, 0, 0, 0, 0, b),
                    (st, imm, ra, rd) -> new long[] {0, 0, 0, MmxOps.pmovmskb(rd), 0}, new long[] {0, 0, 0, -1L, 0});
        }
        Agreement ag = o.run("mmx", false);
        assertEquals(0, ag.totalMismatches());
    }
}
