package tvmm.cpu.nodes;

import tvmm.cpu.state.CpuState;

/** An immediate, already extended to the operand size by the decoder. */
public final class ImmOperand extends Operand {
    public final long value;

    public ImmOperand(long value, int size) {
        super(size);
        this.value = value & (size == 8 ? -1L : (1L << (size * 8)) - 1);
    }

    @Override
    public long read(CpuState s, long loc) {
        return value;
    }

    @Override
    public void write(CpuState s, long loc, long v) {
        throw new IllegalStateException("write to an immediate");
    }
}
