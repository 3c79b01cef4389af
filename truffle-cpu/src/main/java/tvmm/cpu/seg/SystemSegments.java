package tvmm.cpu.seg;

import tvmm.cpu.interrupts.GuestFault;

/**
 * LLDT, LTR, LGDT/LIDT operand handling (SDM vol. 2), with the 16-byte system descriptors
 * of long mode (vol. 3 §7.2.3, §3.5.2). CPL 0 and protected-mode checks (#GP(0) / #UD) are
 * made here too so the instruction node can be a plain call.
 */
public final class SystemSegments {
    private SystemSegments() {
    }

    private static void requireProtectedRing0(SegmentState s) {
        if (!Selectors.isProtected(s) || Selectors.isVm86(s)) {
            throw GuestFault.ud();
        }
        if (s.cpl() != 0) {
            throw GuestFault.gp(0);
        }
    }

    public static void lldt(SegmentState s, SystemMemory m, int selector) {
        requireProtectedRing0(s);
        selector &= 0xffff;
        if (Selectors.isNull(selector)) {
            s.loadSegment(SegmentState.LDTR, selector, 0, 0, 0); // LDTR unusable
            return;
        }
        int code = GuestFault.selectorError(selector);
        long raw = readGdtSystemDescriptor(s, m, selector);
        int attr = Descriptor.attributes(raw);
        if (!Descriptor.isSystem(attr) || Descriptor.type(attr) != Descriptor.SYS_LDT) {
            throw GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(code);
        }
        s.loadSegment(SegmentState.LDTR, selector, base(s, m, selector, raw, code), Descriptor.limit(raw), attr);
    }

    public static void ltr(SegmentState s, SystemMemory m, int selector) {
        requireProtectedRing0(s);
        selector &= 0xffff;
        if (Selectors.isNull(selector)) {
            throw GuestFault.gp(0);
        }
        int code = GuestFault.selectorError(selector);
        long raw = readGdtSystemDescriptor(s, m, selector);
        int attr = Descriptor.attributes(raw);
        int type = Descriptor.type(attr);
        boolean available = type == Descriptor.SYS_TSS32 || (!Selectors.isLongMode(s) && type == Descriptor.SYS_TSS16);
        if (!Descriptor.isSystem(attr) || !available) {
            throw GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(code);
        }
        long base = base(s, m, selector, raw, code);
        // Mark the TSS busy in the GDT (type bit 1), as the processor does.
        m.writeLinear(Selectors.address(s, selector) + 5, 1, ((raw >>> 40) & 0xff) | 2, false);
        s.loadSegment(SegmentState.TR, selector, base, Descriptor.limit(raw), attr | 2);
    }

    /**
     * The descriptor LLDT and LTR load: it must lie in the GDT, whole (16 bytes in long
     * mode), else #GP(selector).
     */
    private static long readGdtSystemDescriptor(SegmentState s, SystemMemory m, int selector) {
        if (Selectors.isLdt(selector) || !Selectors.inLimit(s, selector, Selectors.isLongMode(s) ? 16 : 8)) {
            throw GuestFault.gp(GuestFault.selectorError(selector));
        }
        return Selectors.read(s, m, selector);
    }

    /** Base of a system descriptor: bits 63:32 from the upper quadword in long mode (must be canonical). */
    private static long base(SegmentState s, SystemMemory m, int selector, long raw, int code) {
        long base = Descriptor.base(raw);
        if (!Selectors.isLongMode(s)) {
            return base;
        }
        long high = Selectors.readHigh(s, m, selector);
        if (((high >>> 40) & 0x1f) != 0) {
            throw GuestFault.gp(code); // the upper half's type field must be 0
        }
        base |= (high & 0xffff_ffffL) << 32;
        if (!SegmentChecks.isCanonical(base)) {
            throw GuestFault.gp(code);
        }
        return base;
    }

    /**
     * The base LGDT/LIDT load from their operand: 24 bits with a 16-bit operand outside 64-bit
     * mode, 32 bits with a 32-bit one, 64 bits (canonical, else #GP(0)) in 64-bit mode.
     */
    public static long tableBase(long operandBase, int operandSize, boolean mode64) {
        if (mode64) {
            if (!SegmentChecks.isCanonical(operandBase)) {
                throw GuestFault.gp(0);
            }
            return operandBase;
        }
        return operandSize == 2 ? operandBase & 0xff_ffffL : operandBase & 0xffff_ffffL;
    }
}
