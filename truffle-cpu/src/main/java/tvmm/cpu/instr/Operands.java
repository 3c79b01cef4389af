package tvmm.cpu.instr;

import tvmm.cpu.nodes.ImmOperand;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
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
                return mem(d, d.size(i), address);
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

    /** The memory operand of {@code d} accessed at {@code size} bytes. */
    static MemOperand mem(Instruction d, int size, long address) {
        int base = -1;
        boolean rip = false;
        if (d.base != null) {
            if (d.base.cls == RegClass.IP) {
                rip = true;
            } else {
                base = d.base.num;
            }
        }
        int index = d.index != null ? d.index.num : -1;
        int seg = d.segment != null ? d.segment.num : CpuState.DS;
        return new MemOperand(size, seg, base, index, d.scale, d.disp, d.addressSize, rip, address + d.length,
                d.mode == 64);
    }

    static boolean isMem(Instruction d, int i) {
        OperandKind k = d.kind(i);
        return k == OperandKind.MEM || k == OperandKind.MOFFS;
    }
}
