package tvmm.cpu.difftest;

import java.io.ByteArrayOutputStream;

/**
 * A tiny x86-64 encoder for the generator: legacy opcodes with ModRM (register or
 * [base+disp8] memory), operand-size prefixes and REX, and VEX for BMI (SDM Vol. 2 §2.1–2.3).
 */
final class Asm {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A ModRM r/m operand: a register (mem false) or [base + disp8]. */
    record Rm(boolean mem, int reg, int disp) {
        static Rm reg(int r) {
            return new Rm(false, r, 0);
        }

        static Rm mem(int base, int disp) {
            return new Rm(true, base, disp);
        }
    }

    Asm bytes(int... b) {
        for (int x : b) {
            out.write(x);
        }
        return this;
    }

    Asm imm(long v, int size) {
        for (int i = 0; i < size; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /**
     * Emits [66] [prefix] [REX] opcode ModRM [SIB] [disp8]. {@code size} is the operand size
     * (1, 2, 4, 8): 2 adds 66, 8 sets REX.W. {@code forceRex} adds an empty REX (byte registers
     * 4-7 then mean SPL..DIL).
     */
    Asm op(int size, int prefix, boolean forceRex, int[] opcode, int reg, Rm rm) {
        if (size == 2) {
            out.write(0x66);
        }
        if (prefix != 0) {
            out.write(prefix);
        }
        int rex = (size == 8 ? 8 : 0) | ((reg >> 3) & 1) << 2 | ((rm.reg() >> 3) & 1);
        if (rex != 0 || forceRex) {
            out.write(0x40 | rex);
        }
        for (int o : opcode) {
            out.write(o);
        }
        modrm(reg, rm);
        return this;
    }

    private void modrm(int reg, Rm rm) {
        if (!rm.mem()) {
            out.write(0xc0 | (reg & 7) << 3 | (rm.reg() & 7));
            return;
        }
        out.write(0x40 | (reg & 7) << 3 | (rm.reg() & 7));
        if ((rm.reg() & 7) == 4) {
            out.write(0x24); // SIB: base only
        }
        out.write(rm.disp());
    }

    /**
     * VEX3: C4 [R X B m-mmmm] [W vvvv L pp] opcode ModRM. {@code map} 2 = 0F38, 3 = 0F3A;
     * {@code pp} 0 none, 1 66, 2 F3, 3 F2.
     */
    Asm vex(boolean w, int map, int pp, int vvvv, int opcode, int reg, Rm rm) {
        out.write(0xc4);
        int r = ((reg >> 3) & 1) ^ 1;
        int b = ((rm.reg() >> 3) & 1) ^ 1;
        out.write(r << 7 | 1 << 6 | b << 5 | map);
        out.write((w ? 0x80 : 0) | ((~vvvv) & 15) << 3 | pp);
        out.write(opcode);
        modrm(reg, rm);
        return this;
    }
}
