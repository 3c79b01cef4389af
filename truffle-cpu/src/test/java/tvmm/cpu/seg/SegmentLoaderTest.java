package tvmm.cpu.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;

/** MOV/POP to DS, ES, FS, GS, SS in every mode (SDM vol. 2 MOV operation). */
class SegmentLoaderTest {
    FakeCpu c;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.FLAT_CODE);
        c.setSegmentDescriptor(2, 0x12345678L, 0xfffff, 0x92 | 0xc00);      // data RW, accessed clear
        c.setSegmentDescriptor(3, 0, 0xfffff, 0xfb | 0xc00);                // ring-3 code
        c.setSegmentDescriptor(4, 0, 0xfffff, 0xf3 | 0xc00);                // ring-3 data
        c.setSegmentDescriptor(5, 0, 0xffff, 0x90);                          // data read-only
        c.setSegmentDescriptor(6, 0, 0xfffff, 0x12 | 0xc00);                // not present data
        c.setSegmentDescriptor(7, 0, 0xfffff, 0x98 | 0xc00);                // execute-only code
        c.setSegmentDescriptor(8, 0, 0xfffff, 0x9e | 0xc00);                // conforming readable code
        c.setGdt(9, Descriptor.gate(0x08, 0x1000, 0x8c, 0));                 // a call gate
        c.loadFromGdt(SegmentState.CS, 0x08);
    }

    GuestFault fault(int sreg, int sel) {
        return assertThrows(GuestFault.class, () -> SegmentLoader.load(c, c, sreg, sel));
    }

    @Test
    void loadsHiddenPartAndSetsAccessedBit() {
        SegmentLoader.load(c, c, SegmentState.DS, 0x10);
        assertEquals(0x12345678L, c.base[SegmentState.DS]);
        assertEquals(0xffffffff, c.limit[SegmentState.DS]);
        assertEquals(0x93 | 0xc00, c.attr[SegmentState.DS]);
        assertEquals(0x93, c.mem.read8(c.gdtBase + 2 * 8 + 5), "A bit written back to the GDT");
    }

    @Test
    void dataSegmentChecks() {
        assertEquals(Vectors.GP, fault(SegmentState.DS, 0x38).vector(), "execute-only code");
        assertEquals(0x38, fault(SegmentState.DS, 0x38).errorCode());
        assertEquals(Vectors.NP, fault(SegmentState.DS, 0x30).vector());
        assertEquals(Vectors.GP, fault(SegmentState.DS, 0x48).vector(), "system descriptor");
        assertEquals(0x400, fault(SegmentState.DS, 0x400).errorCode(), "beyond the GDT limit");
        assertEquals(0x44, fault(SegmentState.DS, 0x44).errorCode() & 0xfffc, "TI=1 without an LDT");
        c.loadFromGdt(SegmentState.CS, 0x1b);
        assertEquals(0x10, fault(SegmentState.DS, 0x10).errorCode(), "DPL 0 < CPL 3");
        SegmentLoader.load(c, c, SegmentState.ES, 0x40); // conforming readable code: no privilege check
        SegmentLoader.load(c, c, SegmentState.FS, 0x23);
        assertEquals(0x23, c.selector[SegmentState.FS]);
    }

    @Test
    void rplAboveDplFails() {
        assertEquals(0x13, fault(SegmentState.DS, 0x13).errorCode() | 3);
    }

    @Test
    void nullSelectorIsFineForDataButNotForStack() {
        SegmentLoader.load(c, c, SegmentState.GS, 0x3);
        assertEquals(0, c.attr[SegmentState.GS] & Descriptor.ATTR_P, "unusable");
        GuestFault f = fault(SegmentState.SS, 0);
        assertEquals(Vectors.GP, f.vector());
        assertEquals(0, f.errorCode());
    }

    @Test
    void stackSegmentChecks() {
        SegmentLoader.load(c, c, SegmentState.SS, 0x10);
        assertEquals(0x10, c.selector[SegmentState.SS]);
        assertEquals(Vectors.GP, fault(SegmentState.SS, 0x28).vector(), "read-only data");
        assertEquals(Vectors.GP, fault(SegmentState.SS, 0x23).vector(), "RPL != CPL");
        assertEquals(Vectors.SS, fault(SegmentState.SS, 0x30).vector(), "not present is #SS");
    }

    @Test
    void longModeAllowsNullStackBelowRingThree() {
        c.efer = ControlBits.EFER_LMA | ControlBits.EFER_LME;
        c.setSegmentDescriptor(1, 0, 0, FakeCpu.CODE64);
        c.loadFromGdt(SegmentState.CS, 0x08);
        SegmentLoader.load(c, c, SegmentState.SS, 0);
        assertEquals(0, c.selector[SegmentState.SS]);
        assertEquals(Vectors.GP, fault(SegmentState.SS, 1).vector(), "RPL must equal CPL");
    }

    @Test
    void realModeChangesOnlySelectorAndBase() {
        c.cr0 = 0;
        c.loadSegment(SegmentState.DS, 0x10, 0, 0xffffffff, FakeCpu.FLAT_DATA); // unreal mode
        SegmentLoader.load(c, c, SegmentState.DS, 0x1234);
        assertEquals(0x12340, c.base[SegmentState.DS]);
        assertEquals(0xffffffff, c.limit[SegmentState.DS]);
    }

    @Test
    void vm86LoadsRealModeStyleSegmentsWithDplThree() {
        c.rflags |= 1L << 17;
        SegmentLoader.load(c, c, SegmentState.ES, 0xb800);
        assertEquals(0xb8000, c.base[SegmentState.ES]);
        assertEquals(0xffff, c.limit[SegmentState.ES]);
        assertEquals(3, Descriptor.dpl(c.attr[SegmentState.ES]));
    }

    @Test
    void ldtSelectorsUseTheLdt() {
        long ldt = 0x3000;
        c.mem.write64(ldt + 8, Descriptor.build(0xabc000, 0xff, 0x93));
        c.loadSegment(SegmentState.LDTR, 0x50, ldt, 0xf, 0x82);
        SegmentLoader.load(c, c, SegmentState.DS, 0x0c);
        assertEquals(0xabc000, c.base[SegmentState.DS]);
        assertEquals(0x14, fault(SegmentState.DS, 0x14).errorCode(), "index 2 is beyond the LDT limit 0xf");
    }
}
