package tvmm.cpu.nodes;

import tvmm.cpu.state.CpuState;

/**
 * An operand of one decoded instruction: a register, an immediate or a memory location.
 * Operand objects are immutable and held in final fields of instruction nodes, so in a
 * compiled unit every call on them is devirtualized and their fields are constants.
 *
 * <p>Access protocol: {@link #locate} once (computes the linear address of a memory operand,
 * with segment checks; 0 for others), then {@link #read}/{@link #readForWrite} and
 * {@link #write} at that location. A read-modify-write instruction thus forms the address
 * once and faults precisely before changing anything.
 */
public abstract class Operand {
    /** Width in bytes: 1, 2, 4 or 8. */
    public final int size;

    protected Operand(int size) {
        this.size = size;
    }

    public long locate(CpuState s) {
        return 0;
    }

    public abstract long read(CpuState s, long loc);

    public long readForWrite(CpuState s, long loc) {
        return read(s, loc);
    }

    public abstract void write(CpuState s, long loc, long value);

    public boolean isMemory() {
        return false;
    }

    /** Convenience for source operands. */
    public final long get(CpuState s) {
        return read(s, locate(s));
    }

    /** Convenience for pure destinations. */
    public final void set(CpuState s, long value) {
        write(s, locate(s), value);
    }

    public final long mask() {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }
}
