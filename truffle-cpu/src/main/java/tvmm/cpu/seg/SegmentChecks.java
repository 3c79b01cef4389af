package tvmm.cpu.seg;

import tvmm.cpu.cpuid.CpuFeatures;
import tvmm.cpu.interrupts.GuestFault;

/**
 * Effective address → linear address with the checks the architecture makes on every data
 * access (SDM vol. 3 §5.3, §5.4; AMD APM vol. 2 §4.12): the segment must be usable, writable
 * for writes and readable for reads, and the access must lie within the limit (expand-up or
 * expand-down, 16- or 32-bit upper bound). Faults are #SS(0) for SS and #GP(0) otherwise. In
 * 64-bit mode only FS/GS add a base and the address must be canonical instead.
 */
public final class SegmentChecks {
    private SegmentChecks() {
    }

    public static long linear(SegmentState s, int sreg, long offset, int size, boolean write) {
        if (Selectors.is64BitMode(s)) {
            long linear = (sreg == SegmentState.FS || sreg == SegmentState.GS) ? s.base(sreg) + offset : offset;
            if (!isCanonical(linear) || !isCanonical(linear + size - 1)) {
                throw fault(sreg);
            }
            return linear;
        }
        offset &= 0xffff_ffffL;
        int attr = s.attributes(sreg);
        if (Selectors.isProtected(s) && !Selectors.isVm86(s)) {
            if (!Descriptor.present(attr)) {
                throw fault(sreg);
            }
            if (write ? !Descriptor.isWritableData(attr) : !Descriptor.isReadable(attr)) {
                throw fault(sreg);
            }
        }
        long limit = s.limit(sreg) & 0xffff_ffffL;
        long last = offset + size - 1;
        if (Descriptor.isData(attr) && (attr & Descriptor.TYPE_EXPAND_DOWN) != 0 && Selectors.isProtected(s)) {
            long upper = (attr & Descriptor.ATTR_DB) != 0 ? 0xffff_ffffL : 0xffffL;
            if (offset <= limit || last > upper) {
                throw fault(sreg);
            }
        } else if (last > limit) {
            throw fault(sreg);
        }
        return (s.base(sreg) + offset) & 0xffff_ffffL;
    }

    /** Instruction fetch: CS limit (or canonical RIP in 64-bit mode). Faults with #GP(0). */
    public static long fetchLinear(SegmentState s, long rip, int size) {
        if (Selectors.is64BitMode(s)) {
            if (!isCanonical(rip) || !isCanonical(rip + size - 1)) {
                throw GuestFault.gp(0);
            }
            return rip;
        }
        long last = (rip & 0xffff_ffffL) + size - 1;
        if (last > (s.limit(SegmentState.CS) & 0xffff_ffffL)) {
            throw GuestFault.gp(0);
        }
        return (s.base(SegmentState.CS) + rip) & 0xffff_ffffL;
    }

    /** Bits 63:47 all equal (48-bit linear addresses; LA57 is not implemented). */
    public static boolean isCanonical(long linear) {
        int shift = 64 - CpuFeatures.LINEAR_ADDR_BITS;
        return (linear << shift) >> shift == linear;
    }

    private static GuestFault fault(int sreg) {
        return sreg == SegmentState.SS ? GuestFault.ss(0) : GuestFault.gp(0);
    }
}
