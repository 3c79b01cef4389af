package tvmm.cpu.difftest;

import java.util.List;
import java.util.SplittableRandom;
import tvmm.cpu.state.Flags;

/**
 * Generates difftest cases: one instruction (or a short flag producer → consumer sequence)
 * of an ISA class, in every operand size, with register or memory operands, and a random
 * register, flag and memory state biased towards boundary values. It records which flags
 * the manual leaves undefined for exactly the operands it chose (SDM Vol. 2, per
 * instruction "Flags Affected"), so the comparator masks those and only those.
 *
 * <p>Deterministic: case {@code i} of seed {@code S} is always the same, so a mismatch is
 * reproduced with {@code --seed S} and the printed bytes.
 */
public final class Generator {
    public static final List<String> CLASSES = List.of("alu", "shift", "muldiv", "bit", "mov", "xchg", "stack", "cond",
            "branch", "string", "misc", "random", "random32", "seq", "seq32");
    /** The x87/MMX/SSE classes: the state compared includes the FXSAVE image. Not part of "all". */
    public static final List<String> FP_CLASSES = List.of("x87", "mmx", "sse", "sse2", "sse3", "ssse3", "sse41", "sse42");
    /** Every --isa value: all, fp (all x87/MMX/SSE classes), one class. */
    public static boolean valid(String isa) {
        return isa.equals("all") || isa.equals("fp") || CLASSES.contains(isa) || FP_CLASSES.contains(isa);
    }

    private final List<String> classes;

    public Generator(String isa) {
        if (isa == null || isa.equals("all")) {
            classes = CLASSES;
        } else if (isa.equals("fp")) {
            classes = FP_CLASSES;
        } else if (CLASSES.contains(isa) || FP_CLASSES.contains(isa)) {
            classes = List.of(isa);
        } else {
            throw new IllegalArgumentException("unknown --isa " + isa + " (one of all, fp, " + String.join(", ", CLASSES) + ", "
                    + String.join(", ", FP_CLASSES) + ")");
        }
    }

    /** Per-case scratch: the state under construction. */    public Case generate(long seed, long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        GenContext c = new GenContext(r);
        for (int i = 0; i < 16; i++) {
            c.regs[i] = c.value();
        }
        long arith = r.nextLong() & Flags.ARITH;
        c.rflags = Flags.FIXED1 | Flags.IF | arith | (r.nextInt(8) == 0 ? Flags.DF : 0);
        String cls = classes.get(r.nextInt(classes.size()));
        switch (cls) {
            case "alu" -> ArithForms.alu(c);
            case "shift" -> ArithForms.shift(c);
            case "muldiv" -> ArithForms.muldiv(c);
            case "bit" -> ArithForms.bit(c);
            case "mov" -> MoveForms.mov(c);
            case "xchg" -> MoveForms.xchg(c);
            case "stack" -> MoveForms.stack(c);
            case "cond" -> MoveForms.cond(c);
            case "branch" -> MoveForms.branch(c);
            case "string" -> MoveForms.string(c);
            case "random" -> RandomClasses.random(c, 64);
            case "random32" -> RandomClasses.random(c, 32);
            case "seq" -> RandomClasses.sequence(c, 64);
            case "seq32" -> RandomClasses.sequence(c, 32);
            case "x87" -> X87Forms.generate(c);
            case "mmx", "sse", "sse2", "sse3", "ssse3", "sse41", "sse42" -> SimdForms.generate(c, cls);
            default -> MoveForms.misc(c);
        }
        c.regs[GenContext.RSP] = Layout.STACK_TOP;
        return new Case(cls + "/" + c.label, c.asm.toBytes(), c.regs, c.rflags, r.nextLong(), c.undefined, c.mode, c.fx,
                c.fswUndefined, c.patchOff, c.patch, c.approx);
    }
}
