package tvmm.cpu.difftest;

import tvmm.cpu.state.Flags;
import tvmm.decode.Instruction;
import tvmm.decode.OperandKind;

/**
 * The flags an instruction leaves undefined for given operands, from the "Flags Affected"
 * sections of SDM Vol. 2 (masked when comparing with the host, and only those). Returns -1
 * when the result itself is undefined for these operands (the case is then not used).
 */
final class Undefined {
    private Undefined() {
    }

    static long of(Instruction d, long[] regs) {
        int size = d.operandSize;
        switch (d.op) {
            case AND: case OR: case XOR: case TEST:
                return Flags.AF;
            case MUL: case IMUL:
                return Flags.SF | Flags.ZF | Flags.AF | Flags.PF;
            case DIV: case IDIV:
                return Flags.ARITH;
            case BT: case BTS: case BTR: case BTC:
                return Flags.OF | Flags.SF | Flags.AF | Flags.PF;
            case BSF: case BSR:
                return Flags.CF | Flags.OF | Flags.SF | Flags.AF | Flags.PF;
            case LZCNT: case TZCNT:
                return Flags.OF | Flags.SF | Flags.AF | Flags.PF;
            case ANDN: case BLSI: case BLSMSK: case BLSR: case BZHI:
                return Flags.AF | Flags.PF;
            case BEXTR:
                return Flags.AF | Flags.SF | Flags.PF;
            case AAA: case AAS:
                return Flags.OF | Flags.SF | Flags.ZF | Flags.PF;
            case AAD: case AAM:
                return Flags.OF | Flags.AF | Flags.CF;
            case DAA: case DAS:
                return Flags.OF;
            case ROL: case ROR: case RCL: case RCR: case SHL: case SAL: case SHR: case SAR: {
                int count = (int) count(d, regs, d.operandCount > 1 ? 1 : -1) & (size == 8 ? 63 : 31);
                int op = switch (d.op) {
                    case ROL -> 0;
                    case ROR -> 1;
                    case RCL -> 2;
                    case RCR -> 3;
                    case SHR -> 5;
                    case SAR -> 7;
                    default -> 4;
                };
                return ArithForms.shiftUndefined(op, count, size * 8);
            }
            case SHLD: case SHRD: {
                int count = (int) count(d, regs, 2) & (size == 8 ? 63 : 31);
                if (count > size * 8) {
                    return -1;
                }
                return count == 0 ? 0 : Flags.AF | (count != 1 ? Flags.OF : 0);
            }
            default:
                return 0;
        }
    }

    /** The shift count operand's value: imm, CL, or 1 when absent. */
    private static long count(Instruction d, long[] regs, int i) {
        if (i < 0 || i >= d.operandCount) {
            return 1;
        }
        if (d.kind(i) == OperandKind.IMM) {
            return d.imm;
        }
        if (d.kind(i) == OperandKind.REG) {
            return regs[d.reg(i).num] & 0xff;
        }
        return 1;
    }
}
