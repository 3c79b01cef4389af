package tvmm.cpu.nodes;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Segment;
import tvmm.decode.Instruction;
import tvmm.decode.RegClass;

/**
 * A memory operand: segment:[base + index*scale + disp] in the instruction's address size,
 * or RIP-relative (the displacement is then relative to the next instruction, a constant).
 * {@link #locate} forms the linear address (SDM Vol. 1 §3.7.5, Vol. 3 §3.4.4): in 64-bit
 * mode only FS and GS add a base and the address must be canonical (#GP(0), or #SS(0) for
 * stack references); in other modes the segment's base is added and the offset checked
 * against the limit of an expand-up segment (expand-down and the type checks are the
 * system layer's segment loads, which refuse unusable types up front).
 */
public final class MemOperand extends Operand {
    /** Segment register index (CpuState.ES..GS). */
    public final int seg;
    /** Base GPR number, or -1. */
    public final int base;
    /** Index GPR number, or -1. */
    public final int index;
    public final int scaleShift;
    public final long disp;
    /** Address size in bytes: 2, 4 or 8. */
    public final int addrSize;
    /** For RIP-relative operands, the address of the next instruction; else 0. */
    public final long ripBase;
    public final boolean ripRelative;
    /** True in 64-bit mode (known when the unit is built: the mode is part of its key). */
    public final boolean mode64;
    /** The instruction writes this operand: segment checks are those of a write. */
    public final boolean written;

    public MemOperand(int size, int seg, int base, int index, int scale, long disp, int addrSize, boolean ripRelative,
            long nextRip, boolean mode64) {
        this(size, seg, base, index, scale, disp, addrSize, ripRelative, nextRip, mode64, false);
    }

    public MemOperand(int size, int seg, int base, int index, int scale, long disp, int addrSize, boolean ripRelative,
            long nextRip, boolean mode64, boolean written) {
        super(size);
        this.written = written;
        this.seg = seg;
        this.base = base;
        this.index = index;
        this.scaleShift = Integer.numberOfTrailingZeros(scale);
        this.disp = disp;
        this.addrSize = addrSize;
        this.ripRelative = ripRelative;
        this.ripBase = ripRelative ? nextRip : 0;
        this.mode64 = mode64;
    }

    /**
     * The memory operand of decoded instruction {@code d} at {@code address}, accessed with
     * {@code size} bytes; {@code written} when the instruction stores to it.
     */
    public static MemOperand of(Instruction d, int size, long address, boolean written) {
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
                d.mode == 64, written);
    }

    /** The effective address (offset within the segment), truncated to the address size. */
    public long effectiveAddress(CpuState s) {
        long ea = disp + ripBase;
        if (base >= 0) {
            ea += s.gpr[base];
        }
        if (index >= 0) {
            ea += s.gpr[index] << scaleShift;
        }
        switch (addrSize) {
            case 2:
                return ea & 0xffff;
            case 4:
                return ea & 0xffffffffL;
            default:
                return ea;
        }
    }

    @Override
    public long locate(CpuState s) {
        return linear(s, seg, effectiveAddress(s), size, mode64, written);
    }

    /** Segment base + offset for a read; see {@link #linear(CpuState, int, long, int, boolean, boolean)}. */
    public static long linear(CpuState s, int seg, long offset, int size, boolean mode64) {
        return linear(s, seg, offset, size, mode64, false);
    }

    /**
     * Segment base + offset with the checks of the current mode; shared by string and stack
     * nodes. Protected mode (SDM Vol. 3 §5.3, §5.4.1): an unusable segment, a write to a code
     * or read-only data segment, a read of an execute-only code segment, or an offset outside
     * the limit (expand-down data segments: above the limit up to 64 KiB or 4 GiB by B) raise
     * #GP(0), or #SS(0) for SS.
     */
    public static long linear(CpuState s, int seg, long offset, int size, boolean mode64, boolean write) {
        if (mode64) {
            long lin = seg >= CpuState.FS ? s.seg[seg].base + offset : offset;
            if (((lin << 16) >> 16) != lin) {
                throw seg == CpuState.SS ? GuestFault.ss(0) : GuestFault.gp(0);
            }
            return lin;
        }
        Segment sg = s.seg[seg];
        long last = offset + size - 1;
        long limit = sg.limit & 0xffffffffL;
        int type = sg.attr & Segment.ATTR_TYPE;
        boolean bad;
        if ((s.cr0 & 1) == 0 || (s.rflags & tvmm.cpu.state.Flags.VM) != 0) {
            bad = Long.compareUnsigned(last, limit) > 0; // real mode: limit only
        } else {
            boolean code = (type & 8) != 0;
            bad = !sg.present() || (sg.attr & Segment.ATTR_S) == 0;
            if (write) {
                bad |= code || (type & 2) == 0;
            } else if (code) {
                bad |= (type & 2) == 0;
            }
            if (!code && (type & 4) != 0) {
                long upper = (sg.attr & Segment.ATTR_DB) != 0 ? 0xffffffffL : 0xffffL;
                bad |= Long.compareUnsigned(offset, limit) <= 0 || Long.compareUnsigned(last, upper) > 0;
            } else {
                bad |= Long.compareUnsigned(last, limit) > 0;
            }
        }
        if (bad) {
            throw seg == CpuState.SS ? GuestFault.ss(0) : GuestFault.gp(0);
        }
        return (sg.base + offset) & 0xffffffffL;
    }

    @Override
    public long read(CpuState s, long loc) {
        return s.mem.read(loc, size);
    }

    @Override
    public long readForWrite(CpuState s, long loc) {
        return s.mem.readForWrite(loc, size);
    }

    @Override
    public void write(CpuState s, long loc, long value) {
        s.mem.write(loc, size, value);
    }

    @Override
    public boolean isMemory() {
        return true;
    }
}
