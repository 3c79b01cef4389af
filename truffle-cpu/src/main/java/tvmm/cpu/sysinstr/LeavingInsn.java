package tvmm.cpu.sysinstr;

import tvmm.cpu.nodes.Insn;

/**
 * A system instruction that always ends its translation unit ({@link Insn#LEAVE}): its
 * {@link #execute} sets {@link tvmm.cpu.state.CpuState#rip} itself, because afterwards the
 * mode, the code mapping or CS may differ, or a device may have stopped the vCPU.
 */
abstract class LeavingInsn extends Insn {
    LeavingInsn(long address, int length) {
        super(address, length);
    }

    @Override
    public final byte kind() {
        return LEAVE;
    }
}
