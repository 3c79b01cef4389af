package tvmm.cpu.instr;

import tvmm.cpu.nodes.ImmOperand;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.decode.Instruction;
import tvmm.decode.OperandKind;
import tvmm.decode.Reg;
import tvmm.decode.RegClass;

/** Builds {@link Operand}s from the decoder's operand model. */
final class Operands {
    private Operands() {
    }

    /** Operand {@code i} of {@code d}; immediates are masked to {@code immSize} bytes. */
    static Operand of(Instruction d, int i, long address, int immSize) {
        OperandKind k = d.kind(i);
        switch (k) {
            case REG:
                return reg(d.reg(i));
            case MEM:
            case MOFFS:
                return mem(d, d.size(i), address, i == 0 && writesFirstOperand(d));
            case IMM:
                return new ImmOperand(d.imm, immSize);
            default:
                throw new IllegalArgumentException("operand " + i + " of " + d.op + " is " + k);
        }
    }

    static Operand of(Instruction d, int i, long address) {
        return of(d, i, address, d.operandSize);
    }

    static RegOperand reg(Reg r) {
        if (r.cls == RegClass.GPR8_HIGH) {
            return new RegOperand(r.num - 4, 1, true);
        }
        return new RegOperand(r.num, r.size, false);
    }

    /** The general register {@code num} at {@code size} bytes (never AH..BH). */
    static RegOperand gpr(int num, int size) {
        return new RegOperand(num, size, false);
    }

    /** Whether the instruction writes its operand 0 (for the segment checks of a memory destination). */
    static boolean writesFirstOperand(Instruction d) {
        switch (d.op) {
            case CMP: case TEST: case BT: case PUSH: case JMP: case CALL: case MUL: case IMUL: case DIV: case IDIV:
            case NOP: case CLFLUSH: case CLFLUSHOPT: case CLWB: case PREFETCHNTA: case PREFETCHT0: case PREFETCHT1:
            case PREFETCHT2: case PREFETCHW: case PREFETCH: case PREFETCHWT1: case LEA:
                return false;
            default:
                return true;
        }
    }

    /** The memory operand of {@code d} accessed at {@code size} bytes, as a source. */
    static MemOperand mem(Instruction d, int size, long address) {
        return mem(d, size, address, false);
    }

    /** The memory operand of {@code d} accessed at {@code size} bytes. */
    static MemOperand mem(Instruction d, int size, long address, boolean written) {
        return MemOperand.of(d, size, address, written);
    }

    static boolean isMem(Instruction d, int i) {
        OperandKind k = d.kind(i);
        return k == OperandKind.MEM || k == OperandKind.MOFFS;
    }
}
