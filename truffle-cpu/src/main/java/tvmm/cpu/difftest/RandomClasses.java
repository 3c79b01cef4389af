package tvmm.cpu.difftest;


/** Difftest classes built from decoded random bytes: random, random32, seq, seq32. */
final class RandomClasses {
    private RandomClasses() {
    }

    private static final ThreadLocal<tvmm.decode.Decoder> DECODER = ThreadLocal.withInitial(tvmm.decode.Decoder::new);

    static void random(GenContext c, int mode) {
        byte[][] code = new byte[1][];
        long undefined;
        int tries = 0;
        do {
            for (int i = 0; i < 16; i++) {
                c.regs[i] = c.value();
            }
            c.regs[GenContext.RSP] = Layout.STACK_TOP;
            undefined = RandomForms.build(c.r, DECODER.get(), c.regs, code, mode);
        } while (undefined < 0 && ++tries < 1000);
        if (undefined < 0) {
            MoveForms.misc(c);
            return;
        }
        c.asm.bytes(toInts(code[0]));
        c.undefined = undefined;
        c.label = "random" + mode;
        c.mode = mode;
    }

    static void sequence(GenContext c, int mode) {
        byte[][] code = new byte[1][];
        long undefined;
        int tries = 0;
        do {
            for (int i = 0; i < 16; i++) {
                c.regs[i] = c.value();
            }
            c.regs[GenContext.RSP] = Layout.STACK_TOP;
            undefined = RandomForms.buildSequence(c.r, DECODER.get(), c.regs, code, mode);
        } while (undefined < 0 && ++tries < 100);
        if (undefined < 0) {
            MoveForms.misc(c);
            return;
        }
        c.asm.bytes(toInts(code[0]));
        c.undefined = undefined;
        c.label = "seq" + mode;
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
