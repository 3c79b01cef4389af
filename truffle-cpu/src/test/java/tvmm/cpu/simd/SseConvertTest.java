package tvmm.cpu.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tvmm.cpu.fpu.Agreement;
import tvmm.cpu.fpu.Scale;

/** CVT and CVTT conversions against the host, every rounding mode, DAZ/FTZ, the integer indefinite. */
class SseConvertTest {
    static long mixed(Random r, boolean dbl) {
        if (r.nextInt(3) == 0) {
            // Values near the integer range limits and halfway points.
            double[] picks = {2147483647.5, 2147483648.0, -2147483648.5, -2147483649.0, 0.5, 1.5, 2.5, -0.5, -1.5,
                9.223372036854775807E18, -9.223372036854775808E18, 9.3E18, 1e-40, 16777217.0, 4503599627370497.0};
            double v = picks[r.nextInt(picks.length)] * (r.nextBoolean() ? 1 : -1);
            if (r.nextBoolean()) {
                v = Math.nextAfter(v, r.nextBoolean() ? 1e300 : -1e300);
            }
            return dbl ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits((float) v) & 0xffffffffL;
        }
        return dbl ? SseOracle.f64(r) : SseOracle.f32(r) & 0xffffffffL;
    }

    static long pair32(Random r) {
        return mixed(r, false) | (mixed(r, false) << 32);
    }

    static long intLike(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt();
            case 1 -> r.nextLong() >> r.nextInt(64);
            case 2 -> (1L << r.nextInt(64)) + r.nextInt(3) - 1;
            default -> r.nextLong();
        };
    }

    static long[] res(SseState st, boolean ok) {
        return new long[] {st.lo(0), st.hi(0), 0, 0, ok ? 0 : -1};
    }

    static long[] gpr(SseState st, long v, int width) {
        st.commitFlags();
        return new long[] {0, 0, width == 32 ? v & 0xffffffffL : v, 0, 0};
    }

    @Test
    void conversionsMatchHost() {
        Random r = new Random(Scale.seed(2));
        SseOracle o = new SseOracle();
        String[] xmmOps = {"cvtss2sd", "cvtsd2ss", "cvtdq2ps", "cvtps2dq", "cvttps2dq", "cvtdq2pd", "cvtpd2dq",
            "cvttpd2dq", "cvtps2pd", "cvtpd2ps"};
        for (String op : xmmOps) {
            SseOracle.Model m = switch (op) {
                case "cvtss2sd" -> (st, i, a, d) -> res(st, SseConvert.cvtss2sd(st, 0, 1));
                case "cvtsd2ss" -> (st, i, a, d) -> res(st, SseConvert.cvtsd2ss(st, 0, 1));
                case "cvtdq2ps" -> (st, i, a, d) -> res(st, SseConvert.cvtdq2ps(st, 0, 1));
                case "cvtps2dq" -> (st, i, a, d) -> res(st, SseConvert.cvtps2dq(st, 0, 1, false));
                case "cvttps2dq" -> (st, i, a, d) -> res(st, SseConvert.cvtps2dq(st, 0, 1, true));
                case "cvtdq2pd" -> (st, i, a, d) -> res(st, SseConvert.cvtdq2pd(st, 0, 1));
                case "cvtpd2dq" -> (st, i, a, d) -> res(st, SseConvert.cvtpd2dq(st, 0, 1, false));
                case "cvttpd2dq" -> (st, i, a, d) -> res(st, SseConvert.cvtpd2dq(st, 0, 1, true));
                case "cvtps2pd" -> (st, i, a, d) -> res(st, SseConvert.cvtps2pd(st, 0, 1));
                default -> (st, i, a, d) -> res(st, SseConvert.cvtpd2ps(st, 0, 1));
            };
            boolean srcDouble = op.startsWith("cvtsd") || op.startsWith("cvtpd") || op.startsWith("cvttpd");
            boolean srcInt = op.startsWith("cvtdq");
            for (int i = 0; i < Scale.count(2000); i++) {
                long b0 = srcInt ? r.nextLong() >> r.nextInt(40) : srcDouble ? mixed(r, true) : pair32(r);
                long b1 = srcInt ? r.nextLong() : srcDouble ? mixed(r, true) : pair32(r);
                o.add(new SseOracle.Case(op, 0, SseOracle.mxcsr(r), r.nextLong(), r.nextLong(), b0, b1, 0, 0), m,
                        SseOracle.XMM);
            }
        }
        for (String op : new String[] {"cvtsd2si64", "cvtsd2si32", "cvttsd2si64", "cvttsd2si32", "cvtss2si64",
            "cvtss2si32", "cvttss2si64", "cvttss2si32"}) {
            int width = op.endsWith("64") ? 64 : 32;
            boolean trunc = op.startsWith("cvtt");
            boolean dbl = op.contains("sd2");
            SseOracle.Model m = (st, i, a, d) -> gpr(st, dbl ? SseConvert.cvtsd2si(st, 1, width, trunc)
                    : SseConvert.cvtss2si(st, 1, width, trunc), width);
            for (int i = 0; i < Scale.count(2000); i++) {
                o.add(new SseOracle.Case(op, 0, SseOracle.mxcsr(r), 0, 0, mixed(r, dbl), 0, r.nextLong(), 0), m,
                        width == 64 ? SseOracle.RAX64 : SseOracle.RAX32);
            }
        }
        for (String op : new String[] {"cvtsi2sd64", "cvtsi2sd32", "cvtsi2ss64", "cvtsi2ss32"}) {
            boolean w64 = op.endsWith("64");
            boolean dbl = op.contains("sd");
            SseOracle.Model m = (st, i, a, d) -> {
                long v = w64 ? d : (int) d;
                return res(st, dbl ? SseConvert.cvtsi2sd(st, 0, v) : SseConvert.cvtsi2ss(st, 0, v));
            };
            for (int i = 0; i < Scale.count(2000); i++) {
                o.add(new SseOracle.Case(op, 0, SseOracle.mxcsr(r), r.nextLong(), r.nextLong(), 0, 0, 0, intLike(r)), m,
                        SseOracle.XMM);
            }
        }
        Agreement ag = o.run("sse-cvt", true);
        assertEquals(0, ag.totalMismatches());
    }
}
