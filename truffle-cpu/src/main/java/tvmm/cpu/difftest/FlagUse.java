package tvmm.cpu.difftest;

import tvmm.cpu.state.Flags;
import tvmm.decode.Instruction;
import tvmm.decode.OperandKind;
import tvmm.decode.Prefix;

/**
 * Which status flags an instruction reads and which it always writes (SDM Vol. 2 "Flags
 * Affected"), for chaining random instructions into sequences: a sequence is only used
 * when no instruction reads a flag an earlier one left undefined, so lazy flags are
 * exercised across instruction boundaries without comparing undefined values.
 */
final class FlagUse {
    private FlagUse() {
    }

    private static final long ALL = Flags.ARITH;
    private static final long SZAPC = Flags.SF | Flags.ZF | Flags.AF | Flags.PF | Flags.CF;

    /** Flags the instruction may read. */
    static long reads(Instruction d) {
        String n = d.op.name();
        if (n.startsWith("CMOV") || n.startsWith("SET")) {
            return ALL;
        }
        switch (d.op) {
            case ADC: case SBB: case RCL: case RCR: case CMC: case ADCX:
                return Flags.CF;
            case ADOX: case INTO:
                return Flags.OF;
            case LAHF:
                return SZAPC;
            case PUSHF: case PUSHFD: case PUSHFQ:
                return ALL;
            case DAA: case DAS: case AAA: case AAS:
                return Flags.AF | Flags.CF;
            default:
                return 0;
        }
    }

    /** Flags the instruction writes whatever its operands (undefined ones included). */
    static long alwaysWrites(Instruction d) {
        switch (d.op) {
            case ADD: case ADC: case SUB: case SBB: case AND: case OR: case XOR: case CMP: case TEST: case NEG:
            case MUL: case IMUL: case DIV: case IDIV: case BSF: case BSR: case POPCNT: case CMPXCHG: case XADD:
            case AAA: case AAS: case AAD: case AAM: case DAA: case DAS:
                return ALL;
            case INC: case DEC:
                return ALL & ~Flags.CF;
            case LZCNT: case TZCNT: case BT: case BTS: case BTR: case BTC: case ANDN: case BEXTR: case BLSI: case BLSMSK:
            case BLSR: case BZHI:
                return ALL; // the ones not defined are in Undefined.of
            case SAHF:
                return SZAPC;
            case CLC: case STC: case CMC: case ADCX:
                return Flags.CF;
            case ADOX:
                return Flags.OF;
            case CMPXCHG8B: case CMPXCHG16B:
                return Flags.ZF;
            default:
                // Shifts and rotates with a count of 0, and REP string instructions with rCX = 0, write nothing.
                String n = d.op.name();
                boolean string = n.startsWith("CMPS") || n.startsWith("SCAS");
                return string && !d.hasPrefix(Prefix.REP) && !d.hasPrefix(Prefix.REPNE) ? ALL : 0;
        }
    }

    /** True when the instruction's undefined flags depend on a count in CL (unknown inside a sequence). */
    static boolean countInRegister(Instruction d) {
        for (int i = 1; i < d.operandCount; i++) {
            if (d.kind(i) == OperandKind.REG && d.reg(i).num == 1 && d.reg(i).size == 1) {
                switch (d.op) {
                    case ROL: case ROR: case RCL: case RCR: case SHL: case SAL: case SHR: case SAR: case SHLD: case SHRD:
                        return true;
                    default:
                        return false;
                }
            }
        }
        return false;
    }
}
