package tvmm.cpu.instr;

import tvmm.decode.Instruction;
import tvmm.decode.OperandKind;

/** Which instructions accept LOCK: a read-modify-write with a memory destination (SDM Vol. 2 LOCK). */
final class Lockable {
    private Lockable() {
    }

    static boolean allowed(Instruction d) {
        if (d.kind(0) != OperandKind.MEM) {
            return false;
        }
        switch (d.op) {
            case ADD: case ADC: case AND: case BTC: case BTR: case BTS: case CMPXCHG: case CMPXCHG8B: case CMPXCHG16B:
            case DEC: case INC: case NEG: case NOT: case OR: case SBB: case SUB: case XOR: case XADD: case XCHG:
                return true;
            default:
                return false;
        }
    }
}
