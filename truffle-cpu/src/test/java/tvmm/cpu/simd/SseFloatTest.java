package tvmm.cpu.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tvmm.cpu.fpu.Agreement;
import tvmm.cpu.fpu.Scale;

/** SSE/SSE2/SSE3/SSE4.1 floating-point instructions against the host: results and MXCSR bit-exact. */
class SseFloatTest {
    static final String[] SCALAR = {"add", "sub", "mul", "div", "min", "max", "sqrt"};
    static final int[] OPC = {SsePacked.ADD, SsePacked.SUB, SsePacked.MUL, SsePacked.DIV, SsePacked.MIN, SsePacked.MAX,
        SsePacked.SQRT};

    static long lanes32(Random r) {
        return (SseOracle.f32(r) & 0xffffffffL) | ((long) SseOracle.f32(r) << 32);
    }

    /** b related to a (same exponent region) half of the time, so add/sub cancel and round interestingly. */
    static long near32(Random r, long a) {
        if (r.nextBoolean()) {
            return lanes32(r);
        }
        long x = a ^ (r.nextLong() & 0x807fffff807fffffL & (r.nextBoolean() ? 0xffL * 0x0000000100000001L : -1L));
        return x;
    }

    @Test
    void floatingPointMatchesHost() {
        Random r = new Random(Scale.seed(0x55e));
        SseOracle o = new SseOracle();
        int n = Scale.count(1500);
        for (int k = 0; k < SCALAR.length; k++) {
            int op = OPC[k];
            for (String suffix : new String[] {"ss", "sd", "ps", "pd"}) {
                String name = SCALAR[k] + suffix;
                for (int i = 0; i < n; i++) {
                    int mx = SseOracle.mxcsr(r);
                    long a0;
                    long a1;
                    long b0;
                    long b1;
                    if (suffix.endsWith("s")) {
                        a0 = lanes32(r);
                        a1 = lanes32(r);
                        b0 = near32(r, a0);
                        b1 = near32(r, a1);
                    } else {
                        a0 = SseOracle.f64(r);
                        a1 = SseOracle.f64(r);
                        b0 = r.nextBoolean() ? SseOracle.f64(r) : a0 ^ (r.nextLong() & 0x800fffffffffffffL >>> r.nextInt(50));
                        b1 = SseOracle.f64(r);
                    }
                    SseOracle.Model m = switch (suffix) {
                        case "ss" -> (st, imm, ra, rd) -> res(st, SsePacked.ss(st, op, 0, 1));
                        case "sd" -> (st, imm, ra, rd) -> res(st, SsePacked.sd(st, op, 0, 1));
                        case "ps" -> (st, imm, ra, rd) -> res(st, SsePacked.ps(st, op, 0, 1));
                        default -> (st, imm, ra, rd) -> res(st, SsePacked.pd(st, op, 0, 1));
                    };
                    o.add(new SseOracle.Case(name, 0, mx, a0, a1, b0, b1, 0, 0), m, SseOracle.XMM);
                }
            }
        }
        for (String name : new String[] {"cmpss", "cmpsd", "cmpps", "cmppd"}) {
            for (int i = 0; i < Scale.count(2000); i++) {
                int pred = i & 7;
                boolean dbl = name.endsWith("d");
                long a0 = dbl ? SseOracle.f64(r) : lanes32(r);
                long b0 = dbl ? (r.nextInt(4) == 0 ? a0 : SseOracle.f64(r)) : (r.nextInt(4) == 0 ? a0 : lanes32(r));
                long a1 = dbl ? SseOracle.f64(r) : lanes32(r);
                long b1 = dbl ? SseOracle.f64(r) : lanes32(r);
                SseOracle.Model m = switch (name) {
                    case "cmpss" -> (st, imm, ra, rd) -> res(st, SsePacked.cmpss(st, imm, 0, 1));
                    case "cmpsd" -> (st, imm, ra, rd) -> res(st, SsePacked.cmpsd(st, imm, 0, 1));
                    case "cmpps" -> (st, imm, ra, rd) -> res(st, SsePacked.cmpps(st, imm, 0, 1));
                    default -> (st, imm, ra, rd) -> res(st, SsePacked.cmppd(st, imm, 0, 1));
                };
                o.add(new SseOracle.Case(name, pred, SseOracle.mxcsr(r), a0, a1, b0, b1, 0, 0), m, SseOracle.XMM);
            }
        }
        for (String name : new String[] {"comiss", "ucomiss", "comisd", "ucomisd"}) {
            boolean dbl = name.endsWith("d");
            boolean sig = !name.startsWith("u");
            for (int i = 0; i < Scale.count(1500); i++) {
                long a0 = dbl ? SseOracle.f64(r) : lanes32(r);
                long b0 = r.nextInt(4) == 0 ? a0 : dbl ? SseOracle.f64(r) : lanes32(r);
                o.add(new SseOracle.Case(name, 0, SseOracle.mxcsr(r), a0, 0, b0, 0, 0, 0),
                        (st, imm, ra, rd) -> new long[] {0, 0, 0, 0, SsePacked.comis(st, 0, 1, dbl, sig)}, SseOracle.FLAGS);
            }
        }
        for (String name : new String[] {"roundss", "roundsd", "roundps", "roundpd"}) {
            boolean dbl = name.endsWith("d");
            for (int i = 0; i < Scale.count(2000); i++) {
                long b0 = dbl ? SseOracle.f64(r) : lanes32(r);
                long b1 = dbl ? SseOracle.f64(r) : lanes32(r);
                if (r.nextBoolean()) {
                    // values with a fractional part near 0.5 and moderate magnitude
                    b0 = dbl ? Double.doubleToRawLongBits((r.nextInt(2000) - 1000) / 2.0 + (r.nextInt(3) - 1) * 1e-9)
                            : ((long) Float.floatToRawIntBits((r.nextInt(2000) - 1000) / 4.0f) & 0xffffffffL)
                                    | ((long) Float.floatToRawIntBits((r.nextInt(200) - 100) / 2.0f) << 32);
                }
                SseOracle.Model m = switch (name) {
                    case "roundss" -> (st, imm, ra, rd) -> res(st, SsePacked.roundss(st, imm, 0, 1));
                    case "roundsd" -> (st, imm, ra, rd) -> res(st, SsePacked.roundsd(st, imm, 0, 1));
                    case "roundps" -> (st, imm, ra, rd) -> res(st, SsePacked.roundps(st, imm, 0, 1));
                    default -> (st, imm, ra, rd) -> res(st, SsePacked.roundpd(st, imm, 0, 1));
                };
                o.add(new SseOracle.Case(name, i & 15, SseOracle.mxcsr(r), r.nextLong(), r.nextLong(), b0, b1, 0, 0), m,
                        SseOracle.XMM);
            }
        }
        for (String name : new String[] {"addsubps", "addsubpd", "haddps", "haddpd", "hsubps", "hsubpd", "dpps", "dppd"}) {
            boolean dbl = name.endsWith("d");
            for (int i = 0; i < Scale.count(1500); i++) {
                long a0 = dbl ? SseOracle.f64(r) : lanes32(r);
                long a1 = dbl ? SseOracle.f64(r) : lanes32(r);
                long b0 = dbl ? SseOracle.f64(r) : lanes32(r);
                long b1 = dbl ? SseOracle.f64(r) : lanes32(r);
                SseOracle.Model m = switch (name) {
                    case "addsubps" -> (st, imm, ra, rd) -> res(st, SsePacked.addsubps(st, 0, 1));
                    case "addsubpd" -> (st, imm, ra, rd) -> res(st, SsePacked.addsubpd(st, 0, 1));
                    case "haddps" -> (st, imm, ra, rd) -> res(st, SsePacked.hps(st, 0, 1, false));
                    case "haddpd" -> (st, imm, ra, rd) -> res(st, SsePacked.hpd(st, 0, 1, false));
                    case "hsubps" -> (st, imm, ra, rd) -> res(st, SsePacked.hps(st, 0, 1, true));
                    case "hsubpd" -> (st, imm, ra, rd) -> res(st, SsePacked.hpd(st, 0, 1, true));
                    case "dpps" -> (st, imm, ra, rd) -> res(st, SsePacked.dpps(st, imm, 0, 1));
                    default -> (st, imm, ra, rd) -> res(st, SsePacked.dppd(st, imm, 0, 1));
                };
                o.add(new SseOracle.Case(name, i & 255, SseOracle.mxcsr(r), a0, a1, b0, b1, 0, 0), m, SseOracle.XMM);
            }
        }
        Agreement ag = o.run("sse-fp", true);
        assertEquals(0, ag.totalMismatches());
    }

    static long[] res(SseState st, boolean ok) {
        return new long[] {st.lo(0), st.hi(0), 0, 0, ok ? 0 : -1};
    }
}
