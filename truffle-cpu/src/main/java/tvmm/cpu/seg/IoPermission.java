package tvmm.cpu.seg;

import tvmm.cpu.interrupts.GuestFault;

/**
 * Whether IN/OUT/INS/OUTS may touch a port (SDM vol. 1 §19.5): always in real mode; in
 * protected mode when CPL ≤ IOPL; otherwise (and always in VM86) only if every bit for the
 * accessed ports is clear in the I/O permission bitmap of the current 32/64-bit TSS. Any
 * failure, including a bitmap beyond the TSS limit, is #GP(0).
 */
public final class IoPermission {
    private IoPermission() {
    }

    /** RFLAGS.IOPL, bits 13:12. */
    public static int iopl(long rflags) {
        return (int) (rflags >>> 12) & 3;
    }

    public static void check(SegmentState s, SystemMemory m, int port, int size) {
        if (!Selectors.isProtected(s)) {
            return;
        }
        int iopl = iopl(s.rflags());
        if (!Selectors.isVm86(s) && s.cpl() <= iopl) {
            return;
        }
        if (!bitmapAllows(s, m, port & 0xffff, size)) {
            throw GuestFault.gp(0);
        }
    }

    static boolean bitmapAllows(SegmentState s, SystemMemory m, int port, int size) {
        int attr = s.attributes(SegmentState.TR);
        int type = Descriptor.type(attr);
        if (!Descriptor.present(attr) || (type != Descriptor.SYS_TSS32 && type != Descriptor.SYS_TSS32_BUSY)) {
            return false; // a 16-bit TSS has no bitmap
        }
        long limit = s.limit(SegmentState.TR) & 0xffff_ffffL;
        if (limit < 0x67) {
            return false;
        }
        long base = s.base(SegmentState.TR);
        long mapBase = m.readLinear(base + 0x66, 2, false);
        long byteOffset = mapBase + (port >>> 3);
        // Two bytes are read, so an access may span a byte boundary (SDM: "the processor reads two bytes").
        if (byteOffset + 1 > limit) {
            return false;
        }
        long bits = m.readLinear(base + byteOffset, 2, false);
        long mask = ((1L << size) - 1) << (port & 7);
        return (bits & mask) == 0;
    }

    /** CLI/STI and POPF's IF: allowed when CPL ≤ IOPL (VME/PVI are not implemented). */
    public static boolean mayChangeIf(SegmentState s) {
        if (!Selectors.isProtected(s)) {
            return true;
        }
        int iopl = iopl(s.rflags());
        return !Selectors.isVm86(s) ? s.cpl() <= iopl : iopl == 3;
    }
}
