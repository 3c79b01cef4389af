package tvmm.cpu.difftest;

import java.util.SplittableRandom;
import tvmm.decode.Decoder;

/** Difftest classes built from decoded random bytes: random, random32, seq, seq32. */
final class RandomClasses {
    private RandomClasses() {
    }

    private static final ThreadLocal<Decoder> DECODER = ThreadLocal.withInitial(Decoder::new);

    /** One of {@link RandomForms}' builders: fills {@code codeOut[0]}, returns the undefined-flag mask or -1. */
    private interface Builder {
        long build(SplittableRandom r, Decoder decoder, long[] regs, byte[][] codeOut, int mode);
    }

    static void random(GenContext c, int mode) {
        generate(c, mode, RandomForms::build, 1000, "random");
    }

    static void sequence(GenContext c, int mode) {
        generate(c, mode, RandomForms::buildSequence, 100, "seq");
    }

    /**
     * Draws fresh registers and asks {@code builder} for code until it succeeds (at most
     * {@code tries} times); if it never does, the case becomes a {@link MoveForms#misc} one.
     */
    private static void generate(GenContext c, int mode, Builder builder, int tries, String label) {
        byte[][] code = new byte[1][];
        long undefined;
        int tried = 0;
        do {
            for (int i = 0; i < 16; i++) {
                c.regs[i] = c.value();
            }
            c.regs[GenContext.RSP] = Layout.STACK_TOP;
            undefined = builder.build(c.r, DECODER.get(), c.regs, code, mode);
        } while (undefined < 0 && ++tried < tries);
        if (undefined < 0) {
            MoveForms.misc(c);
            return;
        }
        c.asm.bytes(toInts(code[0]));
        c.undefined = undefined;
        c.label = label + mode;
        c.mode = mode;
    }

    private static int[] toInts(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i] & 0xff;
        }
        return v;
    }
}
