package tvmm.cpu.seg;

/**
 * LAR, LSL, VERR, VERW (SDM vol. 2): they never fault on a bad selector, they clear ZF instead.
 * Each returns its result or -1 for "ZF = 0" (the destination is then unchanged). Descriptor
 * reads may still raise #PF through {@link SystemMemory}.
 */
public final class DescriptorInstructions {
    /** An all-zero descriptor is system type 0, which neither LAR nor LSL accepts: a safe "no". */
    private static final long INVISIBLE = 0;

    private DescriptorInstructions() {
    }

    /** LAR: descriptor bits 63:32 masked with 0x00F0FF00 (access rights, flags). */
    public static long lar(SegmentState s, SystemMemory m, int selector) {
        long raw = visible(s, m, selector, true);
        return raw == INVISIBLE ? -1 : (raw >>> 32) & 0x00f0_ff00L;
    }

    /** LSL: the limit expanded by G. */
    public static long lsl(SegmentState s, SystemMemory m, int selector) {
        long raw = visible(s, m, selector, false);
        return raw == INVISIBLE ? -1 : Descriptor.limit(raw) & 0xffff_ffffL;
    }

    public static boolean verr(SegmentState s, SystemMemory m, int selector) {
        long raw = codeOrData(s, m, selector);
        if (raw == -1) {
            return false;
        }
        int attr = Descriptor.attributes(raw);
        if (!Descriptor.isReadable(attr)) {
            return false;
        }
        return Descriptor.isConforming(attr) || privileged(s, selector, attr);
    }

    public static boolean verw(SegmentState s, SystemMemory m, int selector) {
        long raw = codeOrData(s, m, selector);
        if (raw == -1) {
            return false;
        }
        int attr = Descriptor.attributes(raw);
        return Descriptor.isWritableData(attr) && privileged(s, selector, attr);
    }

    private static long codeOrData(SegmentState s, SystemMemory m, int selector) {
        selector &= 0xffff;
        if (Selectors.isNull(selector) || !Selectors.inLimit(s, selector, 8)) {
            return -1;
        }
        long raw = Selectors.read(s, m, selector);
        return Descriptor.isSystem(Descriptor.attributes(raw)) ? -1 : raw;
    }

    /**
     * The descriptor if LAR/LSL may see it: code/data (non-conforming only at sufficient
     * privilege) or a system type valid for the instruction in the current mode; else
     * {@link #INVISIBLE}.
     */
    private static long visible(SegmentState s, SystemMemory m, int selector, boolean lar) {
        selector &= 0xffff;
        if (Selectors.isNull(selector) || !Selectors.inLimit(s, selector, 8)) {
            return INVISIBLE;
        }
        long raw = Selectors.read(s, m, selector);
        int attr = Descriptor.attributes(raw);
        if (Descriptor.isSystem(attr)) {
            int type = Descriptor.type(attr);
            boolean ok;
            if (Selectors.isLongMode(s)) {
                ok = type == Descriptor.SYS_LDT || type == Descriptor.SYS_TSS32 || type == Descriptor.SYS_TSS32_BUSY
                        || (lar && type == Descriptor.SYS_CALL_GATE32);
            } else {
                ok = switch (type) {
                    case Descriptor.SYS_TSS16, Descriptor.SYS_LDT, Descriptor.SYS_TSS16_BUSY,
                            Descriptor.SYS_TSS32, Descriptor.SYS_TSS32_BUSY -> true;
                    case Descriptor.SYS_CALL_GATE16, Descriptor.SYS_TASK_GATE, Descriptor.SYS_CALL_GATE32 -> lar;
                    default -> false;
                };
            }
            if (!ok || !privileged(s, selector, attr)) {
                return INVISIBLE;
            }
            return raw;
        }
        if (!Descriptor.isConforming(attr) && !privileged(s, selector, attr)) {
            return INVISIBLE;
        }
        return raw;
    }

    /** DPL ≥ CPL and DPL ≥ RPL. */
    private static boolean privileged(SegmentState s, int selector, int attr) {
        int dpl = Descriptor.dpl(attr);
        return dpl >= s.cpl() && dpl >= Selectors.rpl(selector);
    }
}
