package tvmm.cpu.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tvmm.cpu.difftest.Asm.Rm;

/** The state of one case under construction by the {@link Generator}: registers, flags, code, masks. */
final class GenContext {
    static final long U_ALL = tvmm.cpu.state.Flags.ARITH;
    static final int RSP = 4;
    static final long[] INTERESTING = {0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
        0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 9, 0x99, 0x0f};

    final SplittableRandom r;
    final long[] regs = new long[16];
    long rflags;
    long undefined;
    Asm asm = new Asm();
    int base = -1;
    final List<Integer> used = new ArrayList<>();
    String label;
    int mode = 64;
    /** x87/MMX/SSE classes: the FXSAVE image to start from (null: integer case), see {@link Case}. */
    byte[] fx;
    int fswUndefined;
    int patchOff;
    byte[] patch = new byte[0];
    boolean approx;

    GenContext(SplittableRandom r) {
        this.r = r;
    }

    long value() {
        switch (r.nextInt(4)) {
            case 0:
                return INTERESTING[r.nextInt(INTERESTING.length)];
            case 1:
                return r.nextLong(-300, 300);
            default:
                return r.nextLong();
        }
    }

    /** A general register for an operand: never RSP or the memory base. */
    int reg() {
        while (true) {
            int x = r.nextInt(16);
            if (x != RSP && x != base) {
                used.add(x);
                return x;
            }
        }
    }

    int size() {
        return new int[] {1, 2, 4, 8}[r.nextInt(4)];
    }

    int wide() {
        return new int[] {2, 4, 8}[r.nextInt(3)];
    }

    /** A memory operand [base + disp8] pointing into the data pages (sometimes off their ends). */
    Rm mem() {
        if (base < 0) {
            do {
                base = r.nextInt(16);
            } while (base == RSP || base <= 2 || used.contains(base)); // rAX, rCX, rDX are implicit operands
        }
        int disp = r.nextInt(-64, 64);
        long off;
        int p = r.nextInt(100);
        if (p < 4) {
            off = Layout.DATA_SIZE - r.nextInt(1, 8); // crosses into the unmapped page: #PF
        } else if (p < 6) {
            off = -r.nextInt(1, 8);
        } else {
            off = r.nextInt(0, Layout.DATA_SIZE - 32);
        }
        regs[base] = Layout.DATA_BASE + off - disp;
        return Rm.mem(base, disp & 0xff);
    }

    Rm rm() {
        return r.nextInt(3) == 0 ? mem() : Rm.reg(reg());
    }
}
