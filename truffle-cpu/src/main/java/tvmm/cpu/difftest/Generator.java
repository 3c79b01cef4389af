package tvmm.cpu.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tvmm.cpu.difftest.Asm.Rm;
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

    private static final long U_ALL = Flags.ARITH;
    private static final int RSP = 4;
    private static final long[] INTERESTING = {0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
        0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, 9, 0x99, 0x0f};

    private final List<String> classes;

    public Generator(String isa) {
        if (isa == null || isa.equals("all")) {
            classes = CLASSES;
        } else if (CLASSES.contains(isa)) {
            classes = List.of(isa);
        } else {
            throw new IllegalArgumentException("unknown --isa " + isa + " (one of all, " + String.join(", ", CLASSES) + ")");
        }
    }

    /** Per-case scratch: the state under construction. */
    private static final class Ctx {
        final SplittableRandom r;
        final long[] regs = new long[16];
        long rflags;
        long undefined;
        Asm asm = new Asm();
        int base = -1;
        final List<Integer> used = new ArrayList<>();
        String label;
        int mode = 64;

        Ctx(SplittableRandom r) {
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

    public Case generate(long seed, long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Ctx c = new Ctx(r);
        for (int i = 0; i < 16; i++) {
            c.regs[i] = c.value();
        }
        long arith = r.nextLong() & Flags.ARITH;
        c.rflags = Flags.FIXED1 | Flags.IF | arith | (r.nextInt(8) == 0 ? Flags.DF : 0);
        String cls = classes.get(r.nextInt(classes.size()));
        switch (cls) {
            case "alu" -> alu(c);
            case "shift" -> shift(c);
            case "muldiv" -> muldiv(c);
            case "bit" -> bit(c);
            case "mov" -> mov(c);
            case "xchg" -> xchg(c);
            case "stack" -> stack(c);
            case "cond" -> cond(c);
            case "branch" -> branch(c);
            case "string" -> string(c);
            case "random" -> random(c, 64);
            case "random32" -> random(c, 32);
            case "seq" -> sequence(c, 64);
            case "seq32" -> sequence(c, 32);
            default -> misc(c);
        }
        c.regs[RSP] = Layout.STACK_TOP;
        return new Case(cls + "/" + c.label, c.asm.toBytes(), c.regs, c.rflags, r.nextLong(), c.undefined, c.mode);
    }

    // region classes

    private static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};

    private static void alu(Ctx c) {
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
    private static void replace(Ctx c, Asm a) {
        c.asm = a;
    }

    private static final String[] SHIFT = {"rol", "ror", "rcl", "rcr", "shl", "shr", "?", "sar"};

    private static void shift(Ctx c) {
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

    private static void shiftDouble(Ctx c) {
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

    private static void muldiv(Ctx c) {
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
                c.undefined = U_ALL;
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

    private static void bit(Ctx c) {
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

    private static void mov(Ctx c) {
        SplittableRandom r = c.r;
        int form = r.nextInt(9);
        int size = c.size();
        int w = size == 1 ? 0 : 1;
        switch (form) {
            case 0 -> {
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0x88 + w}, c.reg(), c.rm());
                c.label = "mov_rm_r" + size;
            }
            case 1 -> {
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0x8a + w}, c.reg(), c.rm());
                c.label = "mov_r_rm" + size;
            }
            case 2 -> {
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0xc6 + w}, 0, c.rm()).imm(c.value(), Math.min(size, 4));
                c.label = "mov_rm_i" + size;
            }
            case 3 -> { // MOVZX/MOVSX from 8 or 16 bits
                int s = c.wide();
                boolean sx = r.nextBoolean();
                boolean b16 = s > 2 && r.nextBoolean();
                c.asm.op(s, 0, r.nextBoolean(), new int[] {0x0f, (sx ? 0xbe : 0xb6) + (b16 ? 1 : 0)}, c.reg(), c.rm());
                c.label = (sx ? "movsx" : "movzx") + s + (b16 ? "w" : "b");
            }
            case 4 -> { // MOVSXD
                c.asm.op(8, 0, false, new int[] {0x63}, c.reg(), c.rm());
                c.label = "movsxd";
            }
            case 5 -> { // LEA
                int s = c.wide();
                c.asm.op(s, 0, false, new int[] {0x8d}, c.reg(), c.mem());
                c.label = "lea" + s;
            }
            case 6 -> { // MOVBE
                int s = c.wide();
                boolean store = r.nextBoolean();
                c.asm.op(s, 0, false, new int[] {0x0f, 0x38, store ? 0xf1 : 0xf0}, c.reg(), c.mem());
                c.label = "movbe" + s;
            }
            case 7 -> { // CBW.. / CWD..
                int s = c.wide();
                boolean cwd = r.nextBoolean();
                if (s == 2) {
                    c.asm.bytes(0x66);
                } else if (s == 8) {
                    c.asm.bytes(0x48);
                }
                c.asm.bytes(cwd ? 0x99 : 0x98);
                c.label = (cwd ? "cwd" : "cbw") + s;
            }
            default -> { // MOV r, imm (B0/B8, incl. movabs)
                int reg = c.reg();
                if (size == 2) {
                    c.asm.bytes(0x66);
                }
                if (size == 8 || reg > 7 || r.nextBoolean()) {
                    c.asm.bytes(0x40 | (size == 8 ? 8 : 0) | (reg >> 3));
                }
                c.asm.bytes((size == 1 ? 0xb0 : 0xb8) + (reg & 7)).imm(c.value(), size);
                c.label = "mov_r_i" + size;
            }
        }
    }

    private static void xchg(Ctx c) {
        SplittableRandom r = c.r;
        int size = c.size();
        int w = size == 1 ? 0 : 1;
        int form = r.nextInt(5);
        Rm rm = c.rm();
        switch (form) {
            case 0 -> {
                c.asm.op(size, 0, r.nextBoolean(), new int[] {0x86 + w}, c.reg(), rm);
                c.label = "xchg" + size;
            }
            case 1 -> {
                c.asm.op(size, rm.mem() && r.nextBoolean() ? 0xf0 : 0, r.nextBoolean(), new int[] {0x0f, 0xc0 + w}, c.reg(), rm);
                c.label = "xadd" + size;
            }
            case 2 -> {
                if (r.nextBoolean()) {
                    // make the compare succeed sometimes
                    c.regs[0] = rm.mem() ? c.regs[0] : c.regs[rm.reg()];
                }
                c.asm.op(size, rm.mem() && r.nextBoolean() ? 0xf0 : 0, r.nextBoolean(), new int[] {0x0f, 0xb0 + w}, c.reg(), rm);
                c.label = "cmpxchg" + size;
            }
            default -> {
                boolean b16 = form == 4;
                Rm m = rm.mem() ? rm : c.mem();
                if (b16) {
                    // CMPXCHG16B needs 16-byte alignment (#GP otherwise): align most of the time
                    if (r.nextInt(4) != 0) {
                        long target = (c.regs[m.reg()] + (byte) m.disp()) & ~15L;
                        c.regs[m.reg()] = target - (byte) m.disp();
                    }
                }
                c.asm.op(b16 ? 8 : 4, r.nextBoolean() ? 0xf0 : 0, false, new int[] {0x0f, 0xc7}, 1, m);
                c.label = b16 ? "cmpxchg16b" : "cmpxchg8b";
            }
        }
        if (!c.label.startsWith("xchg")) {
            c.undefined = 0;
        }
    }

    private static void stack(Ctx c) {
        SplittableRandom r = c.r;
        int form = r.nextInt(8);
        boolean w16 = r.nextInt(5) == 0;
        switch (form) {
            case 0 -> { // PUSH r / POP r
                int reg = r.nextInt(16);
                if (w16) {
                    c.asm.bytes(0x66);
                }
                if (reg > 7) {
                    c.asm.bytes(0x41);
                }
                c.asm.bytes((r.nextBoolean() ? 0x50 : 0x58) + (reg & 7));
                c.label = "pushpop_r" + (w16 ? 2 : 8);
            }
            case 1 -> { // PUSH r/m, POP r/m
                boolean push = r.nextBoolean();
                c.asm.op(w16 ? 2 : 4, 0, false, new int[] {push ? 0xff : 0x8f}, push ? 6 : 0, c.rm());
                c.label = (push ? "push_rm" : "pop_rm") + (w16 ? 2 : 8);
            }
            case 2 -> { // PUSH imm
                boolean b8 = r.nextBoolean();
                if (w16) {
                    c.asm.bytes(0x66);
                }
                c.asm.bytes(b8 ? 0x6a : 0x68).imm(c.value(), b8 ? 1 : w16 ? 2 : 4);
                c.label = "push_i";
            }
            case 3 -> { // PUSHF
                if (w16) {
                    c.asm.bytes(0x66);
                }
                c.asm.bytes(0x9c);
                c.label = "pushf";
            }
            case 4 -> { // PUSH imm32 (no TF/AC) ; POPF
                long v = c.value() & ~(Flags.TF | Flags.AC) & 0xffffffffL;
                c.asm.bytes(0x68).imm(v, 4);
                if (w16) {
                    c.asm.bytes(0x66);
                }
                c.asm.bytes(0x9d);
                c.label = "popf";
            }
            case 5 -> { // ENTER imm16, level
                c.regs[5] = Layout.STACK_TOP + r.nextInt(-64, 64) * 8L;
                c.asm.bytes(0xc8).imm(r.nextInt(0, 64), 2).imm(r.nextInt(0, 4), 1);
                c.label = "enter";
            }
            case 6 -> { // LEAVE
                c.regs[5] = Layout.STACK_TOP + r.nextInt(-64, 64) * 8L;
                c.asm.bytes(0xc9);
                c.label = "leave";
            }
            default -> { // CALL +0; POP r
                int reg = c.reg();
                c.asm.bytes(0xe8).imm(0, 4);
                if (reg > 7) {
                    c.asm.bytes(0x41);
                }
                c.asm.bytes(0x58 + (reg & 7));
                c.label = "call_pop";
            }
        }
    }

    /** A flag producer (ALU/shift/bit) then a consumer: Jcc, SETcc, CMOVcc, ADC/SBB, LAHF, CMC... */
    private static void cond(Ctx c) {
        SplittableRandom r = c.r;
        int size = c.size();
        int w = size == 1 ? 0 : 1;
        int form = r.nextInt(6);
        int op;
        do {
            op = r.nextInt(8);
        } while (form == 3 && (op == 1 || op == 4 || op == 6)); // LAHF would copy an undefined AF into AH
        // The producer defines all six flags (AF is undefined after logic ops).
        c.asm.op(size, 0, false, new int[] {op * 8 + 2 + w}, c.reg(), Rm.reg(c.reg()));
        long undef = (op == 1 || op == 4 || op == 6) ? Flags.AF : 0;
        int cc = r.nextInt(16);
        switch (form) {
            case 0 -> { // SETcc
                c.asm.op(1, 0, r.nextBoolean(), new int[] {0x0f, 0x90 + cc}, 0, c.rm());
                c.label = "setcc";
            }
            case 1 -> { // CMOVcc
                c.asm.op(c.wide(), 0, false, new int[] {0x0f, 0x40 + cc}, c.reg(), c.rm());
                c.label = "cmovcc";
            }
            case 2 -> { // Jcc over an instruction
                c.asm.bytes(0x70 + cc, 4);
                c.asm.op(8, 0, false, new int[] {0x83}, 0, Rm.reg(c.reg())).imm(5, 1);
                c.label = "jcc";
            }
            case 3 -> { // LAHF (AF is undefined after logic ops: it lands in AH)
                c.asm.bytes(0x9f);
                c.label = "lahf";
            }
            case 4 -> { // SAHF, CMC, STC, CLC
                int[] opcs = {0x9e, 0xf5, 0xf9, 0xf8};
                c.asm.bytes(opcs[r.nextInt(4)]);
                c.label = "flagop";
            }
            default -> { // ADC/SBB consuming CF
                c.asm.op(size, 0, false, new int[] {(r.nextBoolean() ? 2 : 3) * 8 + 2 + w}, c.reg(), c.rm());
                undef = 0;
                c.label = "adcsbb";
            }
        }
        c.undefined = undef;
    }

    private static void branch(Ctx c) {
        SplittableRandom r = c.r;
        int form = r.nextInt(6);
        switch (form) {
            case 0 -> { // JMP short/near forward over a filler
                boolean near = r.nextBoolean();
                if (near) {
                    c.asm.bytes(0xe9).imm(4, 4);
                } else {
                    c.asm.bytes(0xeb, 4);
                }
                c.asm.op(8, 0, false, new int[] {0x83}, 0, Rm.reg(c.reg())).imm(7, 1);
                c.label = "jmp";
            }
            case 1 -> { // LOOP/LOOPE/LOOPNE/JRCXZ forward
                int opc = 0xe0 + r.nextInt(4);
                if (r.nextInt(3) == 0) {
                    c.regs[1] = r.nextInt(3);
                }
                if (r.nextInt(4) == 0) {
                    c.asm.bytes(0x67); // ECX
                }
                c.asm.bytes(opc, 4);
                c.asm.op(8, 0, false, new int[] {0x83}, 0, Rm.reg(c.reg())).imm(7, 1);
                c.label = "loop" + (opc - 0xe0);
            }
            case 2 -> { // LEA r, [rip+k]; JMP r (indirect to the end)
                int reg = c.reg();
                c.asm.bytes(0x48 | (reg > 7 ? 4 : 0), 0x8d, 0x05 | (reg & 7) << 3).imm(2 + (reg > 7 ? 1 : 0) + 0, 4);
                // jmp r64: FF /4
                if (reg > 7) {
                    c.asm.bytes(0x41);
                }
                c.asm.bytes(0xff, 0xe0 | (reg & 7));
                c.label = "jmp_ind";
            }
            case 3 -> { // LEA; PUSH; RET (to the end)
                c.asm.bytes(0x48, 0x8d, 0x05).imm(2, 4).bytes(0x50, 0xc3);
                c.label = "ret";
            }
            case 4 -> { // RET imm16 to the end
                c.asm.bytes(0x48, 0x8d, 0x05).imm(4, 4).bytes(0x50, 0xc2).imm(r.nextInt(0, 32) * 8, 2);
                c.label = "ret_imm";
            }
            default -> { // CALL forward (return address left on the stack)
                c.asm.bytes(0xe8).imm(1, 4).bytes(0x90);
                c.label = "call";
            }
        }
    }

    private static void string(Ctx c) {
        SplittableRandom r = c.r;
        int op = r.nextInt(5); // movs cmps stos lods scas
        int size = c.size();
        int[] base = {0xa4, 0xa6, 0xaa, 0xac, 0xae};
        long span = Layout.DATA_SIZE;
        c.regs[6] = Layout.DATA_BASE + r.nextLong(0, span);
        c.regs[7] = Layout.DATA_BASE + r.nextLong(0, span);
        int rep = r.nextInt(3);
        c.regs[1] = r.nextInt(5) == 0 ? c.value() : r.nextInt(0, 24);
        if (rep == 2 && (op == 0 || op == 2 || op == 3)) {
            rep = 1;
        }
        if (rep == 1) {
            c.asm.bytes(0xf3);
        } else if (rep == 2) {
            c.asm.bytes(0xf2);
        }
        if (size == 2) {
            c.asm.bytes(0x66);
        }
        if (size == 8) {
            c.asm.bytes(0x48);
        }
        c.asm.bytes(base[op] + (size == 1 ? 0 : 1));
        c.label = new String[] {"movs", "cmps", "stos", "lods", "scas"}[op] + size + (rep == 0 ? "" : rep == 1 ? "_rep" : "_repne");
    }

    private static final ThreadLocal<tvmm.decode.Decoder> DECODER = ThreadLocal.withInitial(tvmm.decode.Decoder::new);

    private static void random(Ctx c, int mode) {
        byte[][] code = new byte[1][];
        long undefined;
        int tries = 0;
        do {
            for (int i = 0; i < 16; i++) {
                c.regs[i] = c.value();
            }
            c.regs[RSP] = Layout.STACK_TOP;
            undefined = RandomForms.build(c.r, DECODER.get(), c.regs, code, mode);
        } while (undefined < 0 && ++tries < 1000);
        if (undefined < 0) {
            misc(c);
            return;
        }
        c.asm.bytes(toInts(code[0]));
        c.undefined = undefined;
        c.label = "random" + mode;
        c.mode = mode;
    }

    private static void sequence(Ctx c, int mode) {
        byte[][] code = new byte[1][];
        long undefined;
        int tries = 0;
        do {
            for (int i = 0; i < 16; i++) {
                c.regs[i] = c.value();
            }
            c.regs[RSP] = Layout.STACK_TOP;
            undefined = RandomForms.buildSequence(c.r, DECODER.get(), c.regs, code, mode);
        } while (undefined < 0 && ++tries < 100);
        if (undefined < 0) {
            misc(c);
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

    private static void misc(Ctx c) {
        SplittableRandom r = c.r;
        int form = r.nextInt(9);
        switch (form) {
            case 0 -> c.asm.bytes(0x90);
            case 1 -> c.asm.bytes(0x0f, 0x1f, 0x44, 0x00, 0x00);
            case 2 -> c.asm.bytes(0xf3, 0x90);
            case 3 -> c.asm.bytes(0x0f, 0xae, 0xe8 + 8 * r.nextInt(3)); // lfence, mfence, sfence
            case 4 -> c.asm.bytes(0x0f, 0x0b); // ud2
            case 5 -> c.asm.bytes(0xcc); // int3
            case 6 -> c.asm.bytes(new int[] {0x27, 0x2f, 0x37, 0x3f, 0xd4, 0xd5, 0x60, 0x61, 0xce}[r.nextInt(9)]); // invalid in 64-bit
            case 7 -> { // XLAT
                c.regs[3] = Layout.DATA_BASE + r.nextInt(0, Layout.DATA_SIZE - 256);
                c.asm.bytes(0xd7);
            }
            default -> c.asm.bytes(0xfc + r.nextInt(2)); // cld/std
        }
        c.label = "misc" + form;
    }

    // endregion
}
