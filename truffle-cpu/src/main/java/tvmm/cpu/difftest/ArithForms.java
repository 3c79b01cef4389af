package tvmm.cpu.difftest;

import java.util.SplittableRandom;
import tvmm.cpu.difftest.Asm.Rm;
import tvmm.cpu.state.Flags;

/** Difftest forms of the arithmetic classes: alu, shift, muldiv, bit (SDM Vol. 2 encodings). */
final class ArithForms {
    private ArithForms() {
    }

    private static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};

    static void alu(GenContext c) {
        SplittableRandom r = c.r;
        int size = c.size();
        int op = r.nextInt(8);
        int w = size == 1 ? 0 : 1;
        int form = r.nextInt(7);
        boolean logic = op == 1 || op == 4 || op == 6;
        c.undefined = logic ? Flags.AF : 0;
        c.label = ALU[op] + size;
        boolean lock = false;
        switch (form) {
            case 0 -> { // r/m, r
                Rm rm = c.rm();
                lock = rm.mem() && op != 7 && r.nextInt(4) == 0;
                c.asm.op(size, lock ? 0xf0 : 0, r.nextBoolean(), new int[] {op * 8 + w}, c.reg(), rm);
            }
            case 1 -> c.asm.op(size, 0, r.nextBoolean(), new int[] {op * 8 + 2 + w}, c.reg(), c.rm()); // r, r/m
            case 2 -> { // 80/81/83 /op imm
                Rm rm = c.rm();
                int opc = size == 1 ? 0x80 : r.nextBoolean() ? 0x83 : 0x81;
                c.asm.op(size, 0, r.nextBoolean(), new int[] {opc}, op, rm);
                c.asm.imm(c.value(), opc == 0x81 ? Math.min(size, 4) : 1);
            }
            case 3 -> { // AL/eAX, imm: no ModRM
                Asm a = new Asm();
                if (size == 2) {
                    a.bytes(0x66);
                }
                if (size == 8) {
                    a.bytes(0x48);
                }
                a.bytes(op * 8 + 4 + w).imm(c.value(), Math.min(size, 4));
                replace(c, a);
                c.label += "acc";
            }
            case 4 -> { // TEST
                int f = r.nextInt(3);
                c.undefined = Flags.AF;
                c.label = "test" + size;
                if (f == 0) {
                    c.asm.op(size, 0, r.nextBoolean(), new int[] {0x84 + w}, c.reg(), c.rm());
                } else {
                    c.asm.op(size, 0, r.nextBoolean(), new int[] {0xf6 + w}, 0, c.rm());
                    c.asm.imm(c.value(), Math.min(size, 4));
                }
            }
            case 5 -> { // INC/DEC
                Rm rm = c.rm();
                int which = r.nextInt(2);
                c.undefined = 0;
                c.label = (which == 0 ? "inc" : "dec") + size;
                c.asm.op(size, rm.mem() && r.nextInt(4) == 0 ? 0xf0 : 0, r.nextBoolean(), new int[] {0xfe + w}, which, rm);
            }
            default -> { // NOT/NEG
                Rm rm = c.rm();
                int which = 2 + r.nextInt(2);
                c.undefined = 0;
                c.label = (which == 2 ? "not" : "neg") + size;
                c.asm.op(size, rm.mem() && r.nextInt(4) == 0 ? 0xf0 : 0, r.nextBoolean(), new int[] {0xf6 + w}, which, rm);
            }
        }
    }

    /** Replaces the snippet built so far (for forms without ModRM). */
    static void replace(GenContext c, Asm a) {
        c.asm = a;
    }

    private static final String[] SHIFT = {"rol", "ror", "rcl", "rcr", "shl", "shr", "?", "sar"};

    static void shift(GenContext c) {
        SplittableRandom r = c.r;
        int size = c.size();
        int bits = size * 8;
        int w = size == 1 ? 0 : 1;
        int form = r.nextInt(5);
        if (form == 4) {
            shiftDouble(c);
            return;
        }
        int op;
        do {
            op = r.nextInt(8);
        } while (op == 6);
        int count;
        Rm rm = c.rm();
        c.label = SHIFT[op] + size;
        switch (form) {
            case 0 -> {
                count = 1;
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0xd0 + w}, op, rm);
            }
            case 1 -> {
                count = r.nextInt(3) == 0 ? r.nextInt(256) : r.nextInt(bits + 2);
                c.regs[1] = (c.regs[1] & ~0xffL) | count;
                c.used.add(1);
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0xd2 + w}, op, rm);
                c.label += "cl";
            }
            default -> {
                count = r.nextInt(3) == 0 ? r.nextInt(256) : r.nextInt(bits + 2);
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0xc0 + w}, op, rm).imm(count, 1);
                c.label += "i";
            }
        }
        c.undefined = shiftUndefined(op, count & (size == 8 ? 63 : 31), bits);
    }

    static long shiftUndefined(int op, int count, int bits) {
        if (count == 0) {
            return 0;
        }
        long u = 0;
        if (op >= 4) {
            u |= Flags.AF;
            if ((op == 4 || op == 5) && count > bits) {
                u |= Flags.CF;
            }
        }
        if (count != 1) {
            u |= Flags.OF;
        }
        return u;
    }

    static void shiftDouble(GenContext c) {
        SplittableRandom r = c.r;
        int size = c.wide();
        int bits = size * 8;
        boolean left = r.nextBoolean();
        boolean cl = r.nextBoolean();
        int count = r.nextInt(size == 2 ? 17 : bits);
        if (r.nextInt(8) == 0 && size != 2) {
            count += bits; // masked away
        }
        Rm rm = c.rm();
        int src = c.reg();
        c.label = (left ? "shld" : "shrd") + size + (cl ? "cl" : "i");
        if (cl) {
            if (src == 1 || (!rm.mem() && rm.reg() == 1)) {
                src = src == 1 ? 2 : src;
                if (!rm.mem() && rm.reg() == 1) {
                    rm = Rm.reg(3);
                }
            }
            c.regs[1] = (c.regs[1] & ~0xffL) | count;
            c.asm.op(size, 0, false, new int[] {0x0f, left ? 0xa5 : 0xad}, src, rm);
        } else {
            c.asm.op(size, 0, false, new int[] {0x0f, left ? 0xa4 : 0xac}, src, rm).imm(count, 1);
        }
        int m = count & (size == 8 ? 63 : 31);
        c.undefined = m == 0 ? 0 : Flags.AF | (m != 1 ? Flags.OF : 0);
    }

    static void muldiv(GenContext c) {
        SplittableRandom r = c.r;
        int size = c.size();
        int w = size == 1 ? 0 : 1;
        int form = r.nextInt(6);
        Rm rm = c.rm();
        switch (form) {
            case 0, 1 -> { // MUL / IMUL
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0xf6 + w}, 4 + form, rm);
                c.undefined = Flags.SF | Flags.ZF | Flags.AF | Flags.PF;
                c.label = (form == 0 ? "mul" : "imul") + size;
            }
            case 2, 3 -> { // DIV / IDIV: keep rDX small so quotients often fit
                if (r.nextInt(3) != 0) {
                    c.regs[2] = r.nextBoolean() ? r.nextInt(4) : -r.nextInt(1, 3);
                    if (size == 1) {
                        c.regs[0] = (c.regs[0] & ~0xff00L) | (r.nextInt(4) << 8);
                    }
                }
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0xf6 + w}, 6 + (form - 2), rm);
                c.undefined = GenContext.U_ALL;
                c.label = (form == 2 ? "div" : "idiv") + size;
            }
            case 4 -> { // IMUL r, r/m
                int s2 = c.wide();
                c.asm.op(s2, 0, false, new int[] {0x0f, 0xaf}, c.reg(), rm);
                c.undefined = Flags.SF | Flags.ZF | Flags.AF | Flags.PF;
                c.label = "imul2_" + s2;
            }
            default -> { // IMUL r, r/m, imm
                int s2 = c.wide();
                boolean b8 = r.nextBoolean();
                c.asm.op(s2, 0, false, new int[] {b8 ? 0x6b : 0x69}, c.reg(), rm).imm(c.value(), b8 ? 1 : Math.min(s2, 4));
                c.undefined = Flags.SF | Flags.ZF | Flags.AF | Flags.PF;
                c.label = "imul3_" + s2;
            }
        }
    }

    static void bit(GenContext c) {
        SplittableRandom r = c.r;
        int form = r.nextInt(8);
        int size = c.wide();
        switch (form) {
            case 0 -> { // BT/BTS/BTR/BTC r/m, r
                int op = r.nextInt(4);
                Rm rm = c.rm();
                int reg = c.reg();
                if (rm.mem() && r.nextInt(4) != 0) {
                    c.regs[reg] = r.nextLong(-200, 200); // nearby bits; otherwise far (#PF)
                }
                c.asm.op(size, rm.mem() && op > 0 && r.nextInt(4) == 0 ? 0xf0 : 0, false,
                        new int[] {0x0f, 0xa3 + op * 8}, reg, rm);
                c.undefined = Flags.OF | Flags.SF | Flags.AF | Flags.PF;
                c.label = "bt" + op + "r" + size;
            }
            case 1 -> { // BT* r/m, imm8
                int op = r.nextInt(4);
                c.asm.op(size, 0, false, new int[] {0x0f, 0xba}, 4 + op, c.rm()).imm(r.nextInt(256), 1);
                c.undefined = Flags.OF | Flags.SF | Flags.AF | Flags.PF;
                c.label = "bt" + op + "i" + size;
            }
            case 2 -> { // BSF/BSR
                boolean rev = r.nextBoolean();
                Rm rm = c.rm();
                if (!rm.mem() && r.nextInt(4) == 0) {
                    c.regs[rm.reg()] = 0;
                }
                c.asm.op(size, 0, false, new int[] {0x0f, rev ? 0xbd : 0xbc}, c.reg(), rm);
                c.undefined = Flags.CF | Flags.OF | Flags.SF | Flags.AF | Flags.PF;
                c.label = (rev ? "bsr" : "bsf") + size;
            }
            case 3 -> { // LZCNT / TZCNT / POPCNT (F3 after 66)
                int which = r.nextInt(3);
                int[] opc = which == 0 ? new int[] {0x0f, 0xbd} : which == 1 ? new int[] {0x0f, 0xbc} : new int[] {0x0f, 0xb8};
                c.asm.op(size, 0xf3, false, opc, c.reg(), c.rm());
                c.undefined = which == 2 ? 0 : Flags.OF | Flags.SF | Flags.AF | Flags.PF;
                c.label = new String[] {"lzcnt", "tzcnt", "popcnt"}[which] + size;
            }
            case 4 -> { // BSWAP r32/r64
                int s = r.nextBoolean() ? 4 : 8;
                int reg = c.reg();
                if (s == 8 || reg > 7) {
                    c.asm.bytes(0x40 | (s == 8 ? 8 : 0) | (reg >> 3));
                }
                c.asm.bytes(0x0f, 0xc8 + (reg & 7));
                c.label = "bswap" + s;
            }
            case 5 -> { // ANDN, BEXTR, BZHI, PDEP, PEXT (VEX.0F38)
                int which = r.nextInt(5);
                boolean w = r.nextBoolean();
                int[][] enc = {{0xf2, 0}, {0xf7, 0}, {0xf5, 0}, {0xf5, 3}, {0xf5, 2}};
                int dst = c.reg();
                int v = c.reg();
                Rm rm = c.rm();
                if (which == 1 || which == 2) {
                    // BEXTR/BZHI: vvvv is the control register; bias to meaningful controls
                    if (r.nextBoolean()) {
                        c.regs[v] = r.nextInt(0, 70) | (long) r.nextInt(0, 70) << 8;
                    }
                }
                c.asm.vex(w, 2, enc[which][1], v, enc[which][0], dst, rm);
                c.undefined = which == 0 ? Flags.AF | Flags.PF : which == 1 ? Flags.AF | Flags.SF | Flags.PF
                        : which == 2 ? Flags.AF | Flags.PF : 0;
                c.label = new String[] {"andn", "bextr", "bzhi", "pdep", "pext"}[which] + (w ? 8 : 4);
            }
            case 6 -> { // BLSR /1, BLSMSK /2, BLSI /3 (VEX.0F38 F3)
                int which = 1 + r.nextInt(3);
                boolean w = r.nextBoolean();
                c.asm.vex(w, 2, 0, c.reg(), 0xf3, which, c.rm());
                c.undefined = Flags.AF | Flags.PF;
                c.label = new String[] {"", "blsr", "blsmsk", "blsi"}[which] + (w ? 8 : 4);
            }
            default -> { // ADCX (66) / ADOX (F3)
                boolean ox = r.nextBoolean();
                int s = r.nextBoolean() ? 4 : 8;
                Asm a = new Asm();
                a.bytes(ox ? 0xf3 : 0x66);
                int reg = c.reg();
                Rm rm = c.rm();
                a.op(s, 0, false, new int[] {0x0f, 0x38, 0xf6}, reg, rm);
                replace(c, a);
                c.label = (ox ? "adox" : "adcx") + s;
            }
        }
    }
}
