package tvmm.cpu.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;

/** LLDT, LTR (busy bit, 16-byte descriptors in long mode), LGDT/LIDT bases, I/O permission. */
class SystemSegmentsTest {
    FakeCpu c;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.FLAT_CODE);
        c.setSegmentDescriptor(2, 0x5000, 0x2067, 0x89);   // 0x10 32-bit TSS with room for a bitmap
        c.setSegmentDescriptor(4, 0x6000, 0x1f, 0x82);     // 0x20 LDT
        c.setSegmentDescriptor(6, 0, 0xfffff, FakeCpu.FLAT_DATA);
        c.loadFromGdt(SegmentState.CS, 0x08);
    }

    int fault(Runnable r) {
        GuestFault f = assertThrows(GuestFault.class, r::run);
        return f.vector() << 16 | f.errorCode();
    }

    @Test
    void ltrMarksTheTssBusy() {
        SystemSegments.ltr(c, c, 0x10);
        assertEquals(0x5000, c.base[SegmentState.TR]);
        assertEquals(0x8b, c.attr[SegmentState.TR] & 0xff);
        assertEquals(0x8b, c.mem.read8(c.gdtBase + 0x10 + 5), "busy in the GDT");
        assertEquals(Vectors.GP << 16 | 0x10, fault(() -> SystemSegments.ltr(c, c, 0x10)), "busy TSS");
        assertEquals(Vectors.GP << 16, fault(() -> SystemSegments.ltr(c, c, 0)));
        assertEquals(Vectors.GP << 16 | 0x30, fault(() -> SystemSegments.ltr(c, c, 0x30)), "data segment");
        c.cpl = 3;
        assertEquals(Vectors.GP << 16, fault(() -> SystemSegments.ltr(c, c, 0x10)));
    }

    @Test
    void lldtAndNullLdt() {
        SystemSegments.lldt(c, c, 0x20);
        assertEquals(0x6000, c.base[SegmentState.LDTR]);
        assertEquals(0x1f, c.limit[SegmentState.LDTR]);
        SystemSegments.lldt(c, c, 0);
        assertEquals(0, c.attr[SegmentState.LDTR] & Descriptor.ATTR_P);
        assertEquals(Vectors.GP << 16 | 0x10, fault(() -> SystemSegments.lldt(c, c, 0x10)), "TSS is not an LDT");
        c.setSegmentDescriptor(4, 0x6000, 0x1f, 0x02);
        assertEquals(Vectors.NP << 16 | 0x20, fault(() -> SystemSegments.lldt(c, c, 0x20)));
        c.cr0 = 0;
        assertEquals(Vectors.UD << 16, fault(() -> SystemSegments.lldt(c, c, 0x20)), "real mode");
    }

    @Test
    void longModeSystemDescriptorsAreSixteenBytes() {
        c.efer = ControlBits.EFER_LMA;
        c.setGdt(3, 0xffff_8000L);                          // base bits 63:32 of the TSS at 0x10
        SystemSegments.ltr(c, c, 0x10);
        assertEquals(0xffff_8000_0000_5000L, c.base[SegmentState.TR]);
        c.gdtLimit = 0x17;                                   // the upper half is cut off
        c.mem.write8(c.gdtBase + 0x10 + 5, 0x89);
        assertEquals(Vectors.GP << 16 | 0x10, fault(() -> SystemSegments.ltr(c, c, 0x10)));
    }

    @Test
    void tableBases() {
        assertEquals(0x12_3456L, SystemSegments.tableBase(0x9912_3456L, 2, false));
        assertEquals(0x9912_3456L, SystemSegments.tableBase(0x9912_3456L, 4, false));
        assertEquals(Vectors.GP << 16, fault(() -> SystemSegments.tableBase(1L << 47, 8, true)));
    }

    @Test
    void ioBitmap() {
        SystemSegments.ltr(c, c, 0x10);
        c.writeLinear(0x5066, 2, 0x68, false);              // bitmap right after the header
        c.mem.write8(0x5068 + (0x80 >> 3), 1);               // deny port 0x80
        c.mem.write8(0x5068 + (0x3f8 >> 3) + 1, 1);          // deny 0x400
        c.cpl = 3;
        IoPermission.check(c, c, 0x81, 1);
        assertEquals(Vectors.GP << 16, fault(() -> IoPermission.check(c, c, 0x80, 1)));
        assertEquals(Vectors.GP << 16, fault(() -> IoPermission.check(c, c, 0x7e, 4)), "dword over port 0x80");
        assertEquals(Vectors.GP << 16, fault(() -> IoPermission.check(c, c, 0x3fe, 4)), "spans a byte boundary");
        IoPermission.check(c, c, 0x3fc, 4);
        c.rflags |= 3 << 12;
        IoPermission.check(c, c, 0x80, 1);                   // IOPL 3 overrides the bitmap
        c.rflags &= ~(3L << 12);
        c.writeLinear(0x5066, 2, 0x3000, false);             // bitmap beyond the TSS limit
        assertEquals(Vectors.GP << 16, fault(() -> IoPermission.check(c, c, 0x81, 1)));
        c.cr0 = 0;
        IoPermission.check(c, c, 0x80, 1);                  // real mode: no checks
    }

    @Test
    void interruptFlagNeedsCplAtMostIopl() {
        c.cpl = 3;
        assertEquals(false, IoPermission.mayChangeIf(c));
        c.rflags |= 3 << 12;
        assertEquals(true, IoPermission.mayChangeIf(c));
    }
}
