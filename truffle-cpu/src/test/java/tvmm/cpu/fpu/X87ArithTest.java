package tvmm.cpu.fpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FADD/FSUB/FSUBR/FMUL/FDIV/FDIVR/FSQRT against the host x87, every rounding and precision control. */
class X87ArithTest {
    static final String[] OPS = {"fadd", "fsub", "fsubr", "fmul", "fdiv", "fdivr", "fsqrt"};
    static final int[] PCS = {0, 1, 2, 3};

    static long model(FpEnv e, String op, long as, int ae, long bs, int be) {
        return switch (op) {
            case "fadd" -> FpArith.add80(e, as, ae, bs, be);
            case "fsub" -> FpArith.sub80(e, as, ae, bs, be);
            case "fsubr" -> FpArith.sub80(e, bs, be, as, ae);
            case "fmul" -> FpArith.mul80(e, as, ae, bs, be);
            case "fdiv" -> FpArith.div80(e, as, ae, bs, be);
            case "fdivr" -> FpArith.div80(e, bs, be, as, ae);
            case "fsqrt" -> FpArith.sqrt80(e, as, ae);
            default -> throw new IllegalArgumentException(op);
        };
    }

    @Test
    void arithmeticMatchesHost() {
        Random r = new Random(Scale.seed(0x80_87));
        List<String> req = new ArrayList<>();
        List<long[]> cases = new ArrayList<>();
        for (String op : OPS) {
            for (long[] a : Operands80.CORNERS) {
                for (long[] b : Operands80.CORNERS) {
                    int fcw = 0x37f | (r.nextInt(4) << 10);
                    cases.add(new long[] {indexOf(op), fcw, a[0], a[1], b[0], b[1]});
                }
            }
            for (int i = 0; i < Scale.count(5000); i++) {
                int near = r.nextInt(0x7ffe) + 1;
                long[] a = Operands80.random(r, near);
                long[] b = Operands80.random(r, near);
                int fcw = 0x3f | (PCS[r.nextInt(4)] << 8) | (r.nextInt(4) << 10);
                cases.add(new long[] {indexOf(op), fcw, a[0], a[1], b[0], b[1]});
            }
        }
        for (long[] c : cases) {
            req.add("X " + OPS[(int) c[0]] + " " + Long.toHexString(c[1]) + " " + Operands80.hex(c[2], c[3]) + " "
                    + Operands80.hex(c[4], c[5]) + " 0 0");
        }
        List<String> out = HostOracle.run(req);
        Agreement ag = new Agreement("x87");
        FpEnv e = new FpEnv();
        for (int i = 0; i < cases.size(); i++) {
            long[] c = cases.get(i);
            long[] h = HostOracle.fields(out.get(i));
            String op = OPS[(int) c[0]];
            e.loadFcw((int) c[1]);
            e.clear();
            long sig = model(e, op, c[2], (int) c[3], c[4], (int) c[5]);
            int hostFlags = (int) h[0] & 0x23f;
            int ourFlags = e.flags | (e.c1 ? 0x200 : 0);
            boolean ok = sig == h[2] && (e.se & 0xffff) == h[3] && ourFlags == hostFlags;
            ag.record(op, ok, req.get(i) + " host=" + Long.toHexString(h[2]) + " " + Long.toHexString(h[3]) + " f="
                    + Integer.toHexString(hostFlags) + " ours=" + Long.toHexString(sig) + " " + Integer.toHexString(e.se)
                    + " f=" + Integer.toHexString(ourFlags));
        }
        ag.report();
        assertEquals(0, ag.totalMismatches());
    }

    static int indexOf(String op) {
        for (int i = 0; i < OPS.length; i++) {
            if (OPS[i].equals(op)) {
                return i;
            }
        }
        throw new IllegalArgumentException(op);
    }
}
