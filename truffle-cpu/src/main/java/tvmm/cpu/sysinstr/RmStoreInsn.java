package tvmm.cpu.sysinstr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;

/**
 * A system instruction whose result goes to an r/m operand (SMSW, MOV r/m,Sreg, SLDT, STR,
 * ARPL): a {@link Insn#STORE} when the operand is memory, so the unit checks for
 * self-modified code after it.
 */
abstract class RmStoreInsn extends Insn {
    final Operand dst;

    RmStoreInsn(long address, int length, Operand dst) {
        super(address, length);
        this.dst = dst;
    }

    @Override
    public final byte kind() {
        return dst.isMemory() ? STORE : SEQ;
    }
}
