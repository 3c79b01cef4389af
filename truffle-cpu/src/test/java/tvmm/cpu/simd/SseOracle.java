package tvmm.cpu.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tvmm.cpu.fpu.Agreement;
import tvmm.cpu.fpu.HostOracle;

/**
 * Runs SSE requests on the host and on our library and compares xmm0, rax, rcx, the defined
 * RFLAGS bits and MXCSR. Each case sets xmm0 = (a0, a1), xmm1 = (b0, b1), rax, rdx and MXCSR.
 */
final class SseOracle {
    /** Our side of one instruction: fills the outputs from the state. */
    interface Model {
        /** Returns {xmm0.lo, xmm0.hi, rax, rcx, eflags} (eflags -1 = not compared). */
        long[] run(SseState st, int imm, long rax, long rdx);
    }

    record Case(String op, int imm, int mxcsr, long a0, long a1, long b0, long b1, long rax, long rdx) {
        String request() {
            return "S " + op + " " + Integer.toHexString(imm) + " " + Integer.toHexString(mxcsr) + " " + h(a0) + " "
                    + h(a1) + " " + h(b0) + " " + h(b1) + " " + h(rax) + " " + h(rdx);
        }
    }

    static String h(long v) {
        return Long.toHexString(v);
    }

    final List<Case> cases = new ArrayList<>();
    final List<Model> models = new ArrayList<>();
    final List<long[]> masks = new ArrayList<>();

    /** Adds a case; mask = {xmm0.lo, xmm0.hi, rax, rcx, eflags} bits that are compared. */
    void add(Case c, Model m, long[] mask) {
        cases.add(c);
        models.add(m);
        masks.add(mask);
    }

    static final long[] XMM = {-1L, -1L, 0, 0, 0};
    static final long[] RAX32 = {0, 0, 0xffffffffL, 0, 0};
    static final long[] RAX64 = {0, 0, -1L, 0, 0};
    static final long[] FLAGS = {0, 0, 0, 0, 0x8d5};
    static final long[] RCX_FLAGS = {0, 0, 0, 0xffffffffL, 0x8d5};
    static final long[] XMM_FLAGS = {-1L, -1L, 0, 0, 0x8d5};

    Agreement run(String suite, boolean compareMxcsr) {
        List<String> req = new ArrayList<>();
        for (Case c : cases) {
            req.add(c.request());
        }
        List<String> out = HostOracle.run(req);
        Agreement ag = new Agreement(suite);
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            long[] hv = HostOracle.fields(out.get(i));
            SseState st = new SseState();
            st.setMxcsr(c.mxcsr);
            st.set(0, c.a0, c.a1);
            st.set(1, c.b0, c.b1);
            long[] ours = models.get(i).run(st, c.imm, c.rax, c.rdx);
            long[] m = masks.get(i);
            boolean ok = true;
            for (int k = 0; k < 5; k++) {
                ok &= (hv[k] & m[k]) == (ours[k] & m[k]);
            }
            if (compareMxcsr) {
                ok &= hv[5] == st.mxcsr;
            }
            String family = c.op.startsWith("pcmp") && c.op.endsWith("str") ? c.op : c.op;
            ag.record(family, ok, c.request() + " -> host " + fmt(hv, m) + " mx " + h(hv[5]) + " ours " + fmt(ours, m) + " mx "
                    + h(st.mxcsr));
        }
        ag.report();
        return ag;
    }

    static String fmt(long[] v, long[] m) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 5; k++) {
            if (m[k] != 0) {
                sb.append(h(v[k] & m[k])).append(' ');
            }
        }
        return sb.toString().trim();
    }

    // ---- operand generators ----

    static final int[] F32_CORNERS = {0, 0x80000000, 1, 0x80000001, 0x7fffff, 0x800000, 0x80800000, 0x3f800000,
        0xbf800000, 0x3f800001, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
        0x7fc12345, 0x7f800001, 0xffa5a5a5, 0x4b000000, 0x4b7fffff, 0x3effffff, 0x3f000000, 0x3fc00000, 0x4f000000,
        0xcf000000, 0xcf000001, 0x5f000000, 0xdf000000, 0x00400000, 0x34000000, 0x0c000000};
    static final long[] F64_CORNERS = {0, Long.MIN_VALUE, 1, 0x8000000000000001L, 0xfffffffffffffL, 0x10000000000000L,
        0x3ff0000000000000L, 0xbff0000000000000L, 0x3ff0000000000001L, 0x7fefffffffffffffL, 0x7ff0000000000000L,
        0xfff0000000000000L, 0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff8000012345678L, 0x7ff0000000000001L,
        0xfff4a5a5a5a5a5a5L, 0x4330000000000000L, 0x3fe0000000000000L, 0x41e0000000000000L, 0xc1e0000000000000L,
        0x43e0000000000000L, 0xc3e0000000000000L, 0xc3e0000000000001L, 0x41dfffffffc00000L, 0x3fdfffffffffffffL,
        0x0008000000000000L, 0x3800000000000000L, 0x47efffffe0000000L, 0x36a0000000000000L};

    static int f32(Random r) {
        int k = r.nextInt(10);
        if (k < 2) {
            return F32_CORNERS[r.nextInt(F32_CORNERS.length)];
        }
        int bits = r.nextInt();
        if (k == 2) {
            return bits & 0x807fffff; // denormal
        }
        if (k == 3) {
            return (bits & 0x807fffff) | ((r.nextInt(60) + 100) << 23); // moderate
        }
        if (k == 4) {
            return (bits & 0x80ffffff) | ((r.nextInt(8) + 0x7f) << 23) & 0x7f800000 | (bits & 0x80000000) | (r.nextInt(4) == 0 ? 0 : 0);
        }
        return bits;
    }

    static long f64(Random r) {
        int k = r.nextInt(10);
        if (k < 2) {
            return F64_CORNERS[r.nextInt(F64_CORNERS.length)];
        }
        long bits = r.nextLong();
        if (k == 2) {
            return bits & 0x800fffffffffffffL;
        }
        if (k == 3) {
            return (bits & 0x800fffffffffffffL) | ((long) (r.nextInt(200) + 923) << 52);
        }
        if (k == 4) {
            return (bits & 0x800fffffffffffffL) | ((long) (r.nextInt(70) + 0x3ff) << 52);
        }
        return bits;
    }

    static long pack32(Random r, boolean nearby, int[] base) {
        int lo = f32(r);
        int hi = f32(r);
        return (lo & 0xffffffffL) | ((long) hi << 32);
    }

    /** A random MXCSR with all exceptions masked and no flags: any rounding, DAZ and FTZ. */
    static int mxcsr(Random r) {
        int m = 0x1f80 | (r.nextInt(4) << 13);
        if (r.nextInt(4) == 0) {
            m |= 0x40;
        }
        if (r.nextInt(4) == 0) {
            m |= 0x8000;
        }
        return m;
    }
}
