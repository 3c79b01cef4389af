package tvmm.cpu.difftest;

import java.util.List;
import java.util.SplittableRandom;
import tvmm.cpu.difftest.Asm.Rm;
import tvmm.cpu.difftest.FpValues.Type;

/**
 * The x87 difftest class: every x87 instruction form of SDM Vol. 2 Appendix A.4 (opcode
 * D8-DF, memory and register forms) on a random stack (TOP, tags, 80-bit corner values,
 * every precision and rounding control) with memory operands holding corner values of
 * their format. A quarter of the cases append FWAIT so that a pending unmasked exception
 * is delivered (#MF). The condition codes the manual leaves undefined for the instruction
 * ("FPU Flags Affected") are masked, and only those.
 */
final class X87Forms {
    private X87Forms() {
    }

    /** kind: m = memory form /digit with size and value format; r = register form base+i; f = fixed bytes. */
    record Form(String name, char kind, int opcode, int modrm, int size, String fmt, int undefined) {
    }

    private static final int C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000;
    private static final int U023 = C0 | C2 | C3, U03 = C0 | C3, UALL = C0 | C1 | C2 | C3;

    private static Form m(String n, int op, int digit, int size, String fmt, int u) {
        return new Form(n, 'm', op, digit, size, fmt, u);
    }

    private static Form r(String n, int op, int modrm, int u) {
        return new Form(n, 'r', op, modrm, 0, "", u);
    }

    private static Form f(String n, int op, int modrm, int u) {
        return new Form(n, 'f', op, modrm, 0, "", u);
    }

    static final List<Form> FORMS = List.of(
            // D8/DC/DA/DE /0-7: arithmetic and compares with a memory operand
            m("fadd", 0xd8, 0, 4, "f32", U023), m("fmul", 0xd8, 1, 4, "f32", U023), m("fcom", 0xd8, 2, 4, "f32", 0),
            m("fcomp", 0xd8, 3, 4, "f32", 0), m("fsub", 0xd8, 4, 4, "f32", U023), m("fsubr", 0xd8, 5, 4, "f32", U023),
            m("fdiv", 0xd8, 6, 4, "f32", U023), m("fdivr", 0xd8, 7, 4, "f32", U023),
            m("fadd", 0xdc, 0, 8, "f64", U023), m("fmul", 0xdc, 1, 8, "f64", U023), m("fcom", 0xdc, 2, 8, "f64", 0),
            m("fcomp", 0xdc, 3, 8, "f64", 0), m("fsub", 0xdc, 4, 8, "f64", U023), m("fsubr", 0xdc, 5, 8, "f64", U023),
            m("fdiv", 0xdc, 6, 8, "f64", U023), m("fdivr", 0xdc, 7, 8, "f64", U023),
            m("fiadd", 0xda, 0, 4, "i32", U023), m("fimul", 0xda, 1, 4, "i32", U023), m("ficom", 0xda, 2, 4, "i32", 0),
            m("ficomp", 0xda, 3, 4, "i32", 0), m("fisub", 0xda, 4, 4, "i32", U023), m("fisubr", 0xda, 5, 4, "i32", U023),
            m("fidiv", 0xda, 6, 4, "i32", U023), m("fidivr", 0xda, 7, 4, "i32", U023),
            m("fiadd", 0xde, 0, 2, "i16", U023), m("fimul", 0xde, 1, 2, "i16", U023), m("ficom", 0xde, 2, 2, "i16", 0),
            m("ficomp", 0xde, 3, 2, "i16", 0), m("fisub", 0xde, 4, 2, "i16", U023), m("fisubr", 0xde, 5, 2, "i16", U023),
            m("fidiv", 0xde, 6, 2, "i16", U023), m("fidivr", 0xde, 7, 2, "i16", U023),
            // loads, stores, environment
            m("fld", 0xd9, 0, 4, "f32", U023), m("fst", 0xd9, 2, 4, "-", U023), m("fstp", 0xd9, 3, 4, "-", U023),
            m("fldenv", 0xd9, 4, 28, "env", 0), m("fldcw", 0xd9, 5, 2, "cw", UALL), m("fnstenv", 0xd9, 6, 28, "-", UALL),
            m("fnstcw", 0xd9, 7, 2, "-", UALL),
            m("fild", 0xdb, 0, 4, "i32", U023), m("fisttp", 0xdb, 1, 4, "-", U023), m("fist", 0xdb, 2, 4, "-", U023),
            m("fistp", 0xdb, 3, 4, "-", U023), m("fld", 0xdb, 5, 10, "f80", U023), m("fstp", 0xdb, 7, 10, "-", U023),
            m("fld", 0xdd, 0, 8, "f64", U023), m("fisttp", 0xdd, 1, 8, "-", U023), m("fst", 0xdd, 2, 8, "-", U023),
            m("fstp", 0xdd, 3, 8, "-", U023), m("frstor", 0xdd, 4, 108, "save", 0), m("fnsave", 0xdd, 6, 108, "-", 0),
            m("fnstsw", 0xdd, 7, 2, "-", UALL),
            m("fild", 0xdf, 0, 2, "i16", U023), m("fisttp", 0xdf, 1, 2, "-", U023), m("fist", 0xdf, 2, 2, "-", U023),
            m("fistp", 0xdf, 3, 2, "-", U023), m("fbld", 0xdf, 4, 10, "bcd", U023), m("fild", 0xdf, 5, 8, "i64", U023),
            m("fbstp", 0xdf, 6, 10, "-", U023), m("fistp", 0xdf, 7, 8, "-", U023),
            // register forms: op ST(0),ST(i) / ST(i),ST(0) / pops
            r("fadd", 0xd8, 0xc0, U023), r("fmul", 0xd8, 0xc8, U023), r("fcom", 0xd8, 0xd0, 0), r("fcomp", 0xd8, 0xd8, 0),
            r("fsub", 0xd8, 0xe0, U023), r("fsubr", 0xd8, 0xe8, U023), r("fdiv", 0xd8, 0xf0, U023), r("fdivr", 0xd8, 0xf8, U023),
            r("fadd", 0xdc, 0xc0, U023), r("fmul", 0xdc, 0xc8, U023), r("fsubr", 0xdc, 0xe0, U023), r("fsub", 0xdc, 0xe8, U023),
            r("fdivr", 0xdc, 0xf0, U023), r("fdiv", 0xdc, 0xf8, U023),
            r("faddp", 0xde, 0xc0, U023), r("fmulp", 0xde, 0xc8, U023), f("fcompp", 0xde, 0xd9, 0), r("fsubrp", 0xde, 0xe0, U023),
            r("fsubp", 0xde, 0xe8, U023), r("fdivrp", 0xde, 0xf0, U023), r("fdivp", 0xde, 0xf8, U023),
            r("fld", 0xd9, 0xc0, U023), r("fxch", 0xd9, 0xc8, U023), f("fnop", 0xd9, 0xd0, UALL),
            f("fchs", 0xd9, 0xe0, U023), f("fabs", 0xd9, 0xe1, U023), f("ftst", 0xd9, 0xe4, 0), f("fxam", 0xd9, 0xe5, 0),
            f("fld1", 0xd9, 0xe8, U023), f("fldl2t", 0xd9, 0xe9, U023), f("fldl2e", 0xd9, 0xea, U023),
            f("fldpi", 0xd9, 0xeb, U023), f("fldlg2", 0xd9, 0xec, U023), f("fldln2", 0xd9, 0xed, U023),
            f("fldz", 0xd9, 0xee, U023), f("f2xm1", 0xd9, 0xf0, U023), f("fyl2x", 0xd9, 0xf1, U023),
            f("fptan", 0xd9, 0xf2, U03), f("fpatan", 0xd9, 0xf3, U023), f("fxtract", 0xd9, 0xf4, U023),
            f("fprem1", 0xd9, 0xf5, 0), f("fdecstp", 0xd9, 0xf6, U023), f("fincstp", 0xd9, 0xf7, U023),
            f("fprem", 0xd9, 0xf8, 0), f("fyl2xp1", 0xd9, 0xf9, U023), f("fsqrt", 0xd9, 0xfa, U023),
            f("fsincos", 0xd9, 0xfb, U03), f("frndint", 0xd9, 0xfc, U023), f("fscale", 0xd9, 0xfd, U023),
            f("fsin", 0xd9, 0xfe, U03), f("fcos", 0xd9, 0xff, U03),
            r("fcmovb", 0xda, 0xc0, U023), r("fcmove", 0xda, 0xc8, U023), r("fcmovbe", 0xda, 0xd0, U023),
            r("fcmovu", 0xda, 0xd8, U023), f("fucompp", 0xda, 0xe9, 0),
            r("fcmovnb", 0xdb, 0xc0, U023), r("fcmovne", 0xdb, 0xc8, U023), r("fcmovnbe", 0xdb, 0xd0, U023),
            r("fcmovnu", 0xdb, 0xd8, U023), f("fnclex", 0xdb, 0xe2, UALL), f("fninit", 0xdb, 0xe3, 0),
            r("fucomi", 0xdb, 0xe8, 0), r("fcomi", 0xdb, 0xf0, 0),
            r("ffree", 0xdd, 0xc0, UALL), r("fst", 0xdd, 0xd0, U023), r("fstp", 0xdd, 0xd8, U023), r("fucom", 0xdd, 0xe0, 0),
            r("fucomp", 0xdd, 0xe8, 0),
            f("fnstsw ax", 0xdf, 0xe0, UALL), r("fucomip", 0xdf, 0xe8, 0), r("fcomip", 0xdf, 0xf0, 0));

    private static final java.util.Set<String> TRANSCENDENTAL = java.util.Set.of("f2xm1", "fyl2x", "fyl2xp1", "fptan",
            "fpatan", "fsin", "fcos", "fsincos");

    static void generate(GenContext c) {
        SplittableRandom r = c.r;
        Form f = FORMS.get(r.nextInt(FORMS.size()));
        FpImage.random(c, Type.PD);
        boolean op16 = false;
        String label = f.name();
        switch (f.kind()) {
            case 'm' -> {
                int size = f.size();
                if ((f.name().endsWith("env") || f.name().equals("frstor") || f.name().equals("fnsave")) && r.nextInt(3) == 0) {
                    op16 = true; // 14-byte environment, 94-byte image
                    size -= 14;
                }
                Type t = switch (f.fmt()) {
                    case "f32" -> Type.PS;
                    case "i16" -> Type.W;
                    case "i32" -> Type.D;
                    case "i64" -> Type.Q;
                    default -> Type.PD;
                };
                Rm rm = FpImage.mem(c, size, t);
                for (int k = 0; k < 8 && c.patch.length < size && f.name().matches("fldenv|frstor|fnstenv|fnsave"); k++) {
                    // Which byte of a multi-access load that crosses into an unmapped page faults
                    // first (CR2) is microcode-specific (the host reports bytes past the operand).
                    rm = FpImage.mem(c, size, t);
                }
                patch(c, f.fmt(), op16);
                c.asm.op(op16 ? 2 : 4, 0, false, new int[] {f.opcode()}, f.modrm(), rm);
                label += " mem" + size;
            }
            case 'r' -> {
                int i = r.nextInt(8);
                c.asm.bytes(f.opcode(), f.modrm() + i);
                label += " st" + i;
            }
            default -> c.asm.bytes(f.opcode(), f.modrm());
        }
        if (r.nextInt(4) == 0) {
            c.asm.bytes(0x9b); // FWAIT: delivers a pending unmasked exception as #MF
            label += "; fwait";
        }
        c.fswUndefined = f.undefined();
        if (TRANSCENDENTAL.contains(f.name())) {
            // SDM Vol. 1 §8.3.10: the transcendental results are within 1 ulp, their last bit (and
            // so C1, "rounded up") is the implementation's: compared within 1 ulp, C1 masked.
            c.approx = true;
            c.fswUndefined |= C1;
            // F2XM1 needs -1 < ST(0) < 1 and FYL2XP1 |ST(0)| < 1 - sqrt(2)/2; outside, the result
            // is undefined (SDM Vol. 2 F2XM1, FYL2XP1): keep finite normal operands inside.
            int limit = f.name().equals("f2xm1") ? 0x3ffe : f.name().equals("fyl2xp1") ? 0x3ffc : 0x7ffe;
            int se = FxCompare.u16(c.fx, 40);
            int e = se & 0x7fff;
            if (e > limit && e != 0x7fff) {
                FpImage.put16(c.fx, 40, (se & 0x8000) | (limit - r.nextInt(0, 24)));
            }
        }
        c.label = "x87/" + label;
    }

    /** Memory operand contents in the instruction's format (FpImage wrote qwords of the lane type). */
    private static void patch(GenContext c, String fmt, boolean op16) {
        SplittableRandom r = c.r;
        byte[] p = c.patch;
        if (p.length < 10) {
            return; // the operand crosses into the unmapped page: its contents do not matter
        }
        switch (fmt) {
            case "cw" -> {
                int cw = r.nextInt(65536);
                if (((cw >>> 8) & 3) == 1) {
                    cw ^= 0x200; // precision control 01 is reserved
                }
                FpImage.put16(p, 0, cw);
            }
            case "bcd" -> {
                for (int i = 0; i < 9 && i < p.length; i++) {
                    int lo = r.nextInt(12) == 0 ? r.nextInt(10, 16) : r.nextInt(10);
                    int hi = r.nextInt(12) == 0 ? r.nextInt(10, 16) : r.nextInt(10);
                    p[i] = (byte) (hi << 4 | lo);
                }
                if (p.length > 9) {
                    p[9] = (byte) (r.nextInt(2) << 7 | (r.nextInt(8) == 0 ? r.nextInt(128) : 0));
                }
            }
            case "env", "save" -> {
                // A loadable environment: control word with a defined precision, random status and tags.
                int step = op16 ? 2 : 4;
                if (p.length < 7 * step) {
                    return;
                }
                int cw = 0x40 | (r.nextInt(10) < 7 ? 0x3f : r.nextInt(64)) | new int[] {0, 2, 3}[r.nextInt(3)] << 8 | r.nextInt(4) << 10;
                FpImage.put16(p, 0, cw);
                FpImage.put16(p, step, r.nextInt(65536) & ~0x80);
                FpImage.put16(p, 2 * step, r.nextInt(3) == 0 ? 0xffff : r.nextInt(65536));
                if ("save".equals(fmt)) {
                    int base = op16 ? 14 : 28;
                    for (int i = 0; i < 8 && base + 10 * i + 10 <= p.length; i++) {
                        long[] v = FpValues.f80(r);
                        FpImage.put64(p, base + 10 * i, v[0]);
                        FpImage.put16(p, base + 10 * i + 8, (int) v[1]);
                    }
                }
            }
            default -> {
            }
        }
    }
}
