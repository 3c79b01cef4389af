package tvmm.cpu.nodes;

import tvmm.cpu.state.CpuState;

/**
 * A general-purpose register of 1, 2, 4 or 8 bytes. Writes follow SDM Vol. 1 §3.4.1.1:
 * 32-bit results zero-extend into the full register, 8- and 16-bit results merge.
 * {@link #high} selects AH, CH, DH, BH (bits 15:8 of registers 0-3).
 */
public final class RegOperand extends Operand {
    public final int reg;
    public final boolean high;

    public RegOperand(int reg, int size, boolean high) {
        super(size);
        this.reg = reg;
        this.high = high;
    }

    @Override
    public long read(CpuState s, long loc) {
        long v = s.gpr[reg];
        if (high) {
            return (v >>> 8) & 0xff;
        }
        return size == 8 ? v : v & mask();
    }

    @Override
    public void write(CpuState s, long loc, long value) {
        s.gpr[reg] = merge(s.gpr[reg], value);
    }

    /** The full 64-bit register after writing {@code value} at this operand's width. */
    public long merge(long old, long value) {
        if (high) {
            return (old & ~0xff00L) | ((value & 0xff) << 8);
        }
        switch (size) {
            case 1:
                return (old & ~0xffL) | (value & 0xff);
            case 2:
                return (old & ~0xffffL) | (value & 0xffff);
            case 4:
                return value & 0xffffffffL;
            default:
                return value;
        }
    }
}
