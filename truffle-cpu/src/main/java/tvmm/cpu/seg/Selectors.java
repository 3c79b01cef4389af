package tvmm.cpu.seg;

import tvmm.cpu.interrupts.GuestFault;

/** Selector fields (SDM vol. 3 §3.4.2) and descriptor-table lookup. */
public final class Selectors {
    private Selectors() {
    }

    public static int rpl(int selector) {
        return selector & 3;
    }

    public static boolean isLdt(int selector) {
        return (selector & 4) != 0;
    }

    /** Null: index 0 in the GDT (any RPL). */
    public static boolean isNull(int selector) {
        return (selector & 0xfffc) == 0;
    }

    /**
     * Whether the {@code bytes}-byte descriptor of {@code selector} lies inside its table's limit.
     * A TI=1 selector with an unusable LDTR is out of limit.
     */
    public static boolean inLimit(SegmentState s, int selector, int bytes) {
        long end = (selector & 0xfff8L) + bytes - 1;
        if (isLdt(selector)) {
            return Descriptor.present(s.attributes(SegmentState.LDTR))
                    && end <= (s.limit(SegmentState.LDTR) & 0xffff_ffffL);
        }
        return end <= (s.gdtLimit() & 0xffffL);
    }

    /** Linear address of the descriptor of {@code selector} (its table's base + index × 8). */
    public static long address(SegmentState s, int selector) {
        long base = isLdt(selector) ? s.base(SegmentState.LDTR) : s.gdtBase();
        long a = base + (selector & 0xfff8);
        return isLongMode(s) ? a : a & 0xffff_ffffL;
    }

    public static long read(SegmentState s, SystemMemory m, int selector) {
        return m.readLinear(address(s, selector), 8, false);
    }

    /**
     * The descriptor of a selector that far JMP/CALL/RET, a call gate or IRET loads into CS:
     * #GP(0) for a null selector, #GP(selector) beyond its table's limit.
     */
    public static long readNonNull(SegmentState s, SystemMemory m, int selector) {
        if (isNull(selector)) {
            throw GuestFault.gp(0);
        }
        if (!inLimit(s, selector, 8)) {
            throw GuestFault.gp(GuestFault.selectorError(selector));
        }
        return read(s, m, selector);
    }

    /** The upper quadword of a 16-byte long-mode system descriptor. */
    public static long readHigh(SegmentState s, SystemMemory m, int selector) {
        return m.readLinear(address(s, selector) + 8, 8, false);
    }

    /** Sets the accessed bit of a code/data descriptor in memory if it is clear (SDM §3.4.5.1). */
    public static void setAccessed(SegmentState s, SystemMemory m, int selector, long raw) {
        if ((raw & (1L << 40)) == 0) {
            m.writeLinear(address(s, selector) + 5, 1, ((raw >>> 40) & 0xff) | 1, false);
        }
    }

    public static boolean isLongMode(SegmentState s) {
        return (s.efer() & tvmm.cpu.mmu.ControlBits.EFER_LMA) != 0;
    }

    /** 64-bit mode proper: long mode with CS.L set (not compatibility mode). */
    public static boolean is64BitMode(SegmentState s) {
        return isLongMode(s) && (s.attributes(SegmentState.CS) & Descriptor.ATTR_L) != 0;
    }

    public static boolean isProtected(SegmentState s) {
        return (s.cr0() & tvmm.cpu.mmu.ControlBits.CR0_PE) != 0;
    }

    public static boolean isVm86(SegmentState s) {
        return (s.rflags() & tvmm.cpu.state.Flags.VM) != 0;
    }
}
