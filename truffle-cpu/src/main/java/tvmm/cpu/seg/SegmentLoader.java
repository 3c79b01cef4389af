package tvmm.cpu.seg;

import tvmm.cpu.interrupts.GuestFault;

/**
 * Loading DS, ES, FS, GS and SS from a selector (MOV Sreg, POP Sreg, LDS…; SDM vol. 2 "MOV —
 * Move to/from Segment Registers" operation section) in every mode, with all checks. CS is
 * loaded by the far-transfer and interrupt code, which call {@link #loadCode}.
 */
public final class SegmentLoader {
    /** Attributes of a data segment loaded in real mode's successor, VM86 (P, S, RW, A, DPL 3). */
    static final int VM86_DATA = Descriptor.ATTR_P | Descriptor.ATTR_S | 0x3 | (3 << 5);

    private SegmentLoader() {
    }

    public static void load(SegmentState s, SystemMemory m, int sreg, int selector) {
        selector &= 0xffff;
        if (!Selectors.isProtected(s)) {
            // Real mode: only selector and base change, so limits set in protected mode stay
            // ("unreal mode", which boot loaders rely on).
            s.loadSegment(sreg, selector, (long) selector << 4, s.limit(sreg), s.attributes(sreg));
            return;
        }
        if (Selectors.isVm86(s)) {
            s.loadSegment(sreg, selector, (long) selector << 4, 0xffff, VM86_DATA);
            return;
        }
        int cpl = s.cpl();
        int rpl = Selectors.rpl(selector);
        if (Selectors.isNull(selector)) {
            if (sreg == SegmentState.SS) {
                // 64-bit mode allows a null SS below ring 3 when RPL = CPL (SDM §5.8.5, IRET, SYSRET).
                if (!Selectors.is64BitMode(s) || cpl == 3 || rpl != cpl) {
                    throw GuestFault.gp(0);
                }
                s.loadSegment(sreg, selector, 0, 0, rpl << 5);
                return;
            }
            // Intel clears base and limit for a null selector (AMD keeps the base: X86_BUG_NULL_SEG).
            s.loadSegment(sreg, selector, 0, 0, 0);
            return;
        }
        if (!Selectors.inLimit(s, selector, 8)) {
            throw GuestFault.gp(GuestFault.selectorError(selector));
        }
        long raw = Selectors.read(s, m, selector);
        int attr = Descriptor.attributes(raw);
        int dpl = Descriptor.dpl(attr);
        if (sreg == SegmentState.SS) {
            if (rpl != cpl || !Descriptor.isWritableData(attr) || dpl != cpl) {
                throw GuestFault.gp(GuestFault.selectorError(selector));
            }
            if (!Descriptor.present(attr)) {
                throw GuestFault.ss(GuestFault.selectorError(selector));
            }
        } else {
            if (!Descriptor.isReadable(attr) || Descriptor.isSystem(attr)) {
                throw GuestFault.gp(GuestFault.selectorError(selector));
            }
            if (!Descriptor.isConforming(attr) && (rpl > dpl || cpl > dpl)) {
                throw GuestFault.gp(GuestFault.selectorError(selector));
            }
            if (!Descriptor.present(attr)) {
                throw GuestFault.np(GuestFault.selectorError(selector));
            }
        }
        Selectors.setAccessed(s, m, selector, raw);
        s.loadSegment(sreg, selector, Descriptor.base(raw), Descriptor.limit(raw),
                Descriptor.attributes(raw | (1L << 40)));
    }

    /**
     * Loads CS from an already checked code descriptor: RPL becomes the new CPL, the accessed
     * bit is set, and the engine's CPL follows.
     */
    public static void loadCode(SegmentState s, SystemMemory m, int selector, long raw, int cpl) {
        Selectors.setAccessed(s, m, selector, raw);
        s.loadSegment(SegmentState.CS, (selector & 0xfffc) | cpl, Descriptor.base(raw), Descriptor.limit(raw),
                Descriptor.attributes(raw | (1L << 40)));
        s.setCpl(cpl);
    }

    /**
     * Loads SS from an already checked stack descriptor (stack switches), or a null SS in
     * long mode (which an inner-privilege switch in 64-bit mode does: SS = NULL with RPL = CPL).
     */
    public static void loadStack(SegmentState s, SystemMemory m, int selector, long raw) {
        if (Selectors.isNull(selector)) {
            s.loadSegment(SegmentState.SS, selector, 0, 0, (selector & 3) << 5);
            return;
        }
        Selectors.setAccessed(s, m, selector, raw);
        s.loadSegment(SegmentState.SS, selector, Descriptor.base(raw), Descriptor.limit(raw),
                Descriptor.attributes(raw | (1L << 40)));
    }

    /**
     * Checks a new SS for a privilege-changing transfer: the fault is #TS for stack switches
     * from the TSS (interrupts, call gates) and #GP for RET/IRET; presence gives #SS.
     */
    public static long checkStack(SegmentState s, SystemMemory m, int selector, int newCpl, boolean fromTss) {
        int code = GuestFault.selectorError(selector);
        if (Selectors.isNull(selector) || !Selectors.inLimit(s, selector, 8)) {
            throw fromTss ? GuestFault.ts(code) : GuestFault.gp(code);
        }
        long raw = Selectors.read(s, m, selector);
        int attr = Descriptor.attributes(raw);
        if (Selectors.rpl(selector) != newCpl || Descriptor.dpl(attr) != newCpl || !Descriptor.isWritableData(attr)) {
            throw fromTss ? GuestFault.ts(code) : GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.ss(code);
        }
        return raw;
    }
}
