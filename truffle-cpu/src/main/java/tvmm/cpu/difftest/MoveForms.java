package tvmm.cpu.difftest;

import java.util.SplittableRandom;
import tvmm.cpu.difftest.Asm.Rm;
import tvmm.cpu.state.Flags;

/** Difftest forms of the data-movement and control classes: mov, xchg, stack, cond, branch, string, misc. */
final class MoveForms {
    private MoveForms() {
    }

    static void mov(GenContext c) {
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

    static void xchg(GenContext c) {
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

    static void stack(GenContext c) {
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
    static void cond(GenContext c) {
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

    static void branch(GenContext c) {
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

    static void string(GenContext c) {
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

    static void misc(GenContext c) {
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
}
