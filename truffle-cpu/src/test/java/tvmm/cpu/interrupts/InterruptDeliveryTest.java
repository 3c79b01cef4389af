package tvmm.cpu.interrupts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.seg.FakeCpu;
import tvmm.cpu.seg.SegmentState;
import tvmm.cpu.state.Flags;

/** IVT and 16/32-bit IDT delivery (SDM vol. 3 §6.12, vol. 2 INT n pseudo-code), and IRET back. */
class InterruptDeliveryTest {
    static final int TSS = 0x4000;
    FakeCpu c;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.FLAT_CODE);          // 0x08
        c.setSegmentDescriptor(2, 0, 0xfffff, FakeCpu.FLAT_DATA);          // 0x10
        c.setSegmentDescriptor(3, 0, 0xfffff, 0xfb | 0xc00);               // 0x1b ring-3 code
        c.setSegmentDescriptor(4, 0, 0xfffff, 0xf3 | 0xc00);               // 0x23 ring-3 data
        c.setSegmentDescriptor(5, TSS, 0x67, 0x89);                         // 0x28 32-bit TSS
        c.setSegmentDescriptor(6, 0, 0xffff, 0x9b);                         // 0x30 16-bit code
        c.loadFromGdt(SegmentState.CS, 0x08);
        c.loadFromGdt(SegmentState.SS, 0x10);
        c.loadFromGdt(SegmentState.DS, 0x10);
        c.loadFromGdt(SegmentState.TR, 0x28);
        c.writeLinear(TSS + 4, 4, 0x9000, false);  // ESP0
        c.writeLinear(TSS + 8, 2, 0x10, false);    // SS0
        c.setIdt32(13, Descriptor.gate(0x08, 0x5000, 0x8e, 0));   // #GP: interrupt gate, DPL 0
        c.setIdt32(0x80, Descriptor.gate(0x08, 0x6000, 0xef, 0)); // trap gate, DPL 3
        c.setIdt32(0x81, Descriptor.gate(0x08, 0x6100, 0x8f, 0)); // trap gate, DPL 0
        c.setIdt32(0x20, Descriptor.gate(0x30, 0x1234, 0x86, 0)); // 16-bit interrupt gate
        c.rsp = 0x8000;
        c.rflags = 0x202;
    }

    long stack(int offset, int size) {
        return c.readLinear(c.rsp + offset, size, false);
    }

    @Test
    void samePrivilegeInterruptGatePushesErrorCodeAndClearsIf() {
        c.rip = 0x1111;
        InterruptDelivery.deliver(c, c, 13, false, true, 0x18, 0x1111);
        assertEquals(0x5000, c.rip);
        assertEquals(0x8000 - 16, c.rsp);
        assertEquals(0x18, stack(0, 4), "error code");
        assertEquals(0x1111, stack(4, 4), "EIP");
        assertEquals(0x08, stack(8, 4), "CS");
        assertEquals(0x202, stack(12, 4), "EFLAGS");
        assertEquals(0x002, c.rflags, "IF cleared by an interrupt gate");
        c.rsp += 4; // the handler drops the error code, then IRETD
        Iret.execute(c, c, 4);
        assertEquals(0x1111, c.rip);
        assertEquals(0x202, c.rflags);
        assertEquals(0x8000, c.rsp);
    }

    @Test
    void trapGateFromRingThreeSwitchesToTheTssStackAndIretReturns() {
        c.loadFromGdt(SegmentState.CS, 0x1b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        c.loadFromGdt(SegmentState.DS, 0x23);
        c.loadFromGdt(SegmentState.ES, 0x10); // a ring-0 segment left in ES
        c.rsp = 0x7ff0;
        InterruptDelivery.deliver(c, c, 0x80, true, false, 0, 0x4242);
        assertEquals(0, c.cpl);
        assertEquals(0x08, c.selector[SegmentState.CS]);
        assertEquals(0x10, c.selector[SegmentState.SS]);
        assertEquals(0x9000 - 20, c.rsp);
        assertEquals(0x4242, stack(0, 4));
        assertEquals(0x1b, stack(4, 4));
        assertEquals(0x202, stack(8, 4));
        assertEquals(0x7ff0, stack(12, 4));
        assertEquals(0x23, stack(16, 4));
        assertEquals(0x202, c.rflags, "a trap gate keeps IF");
        Iret.execute(c, c, 4);
        assertEquals(3, c.cpl);
        assertEquals(0x4242, c.rip);
        assertEquals(0x7ff0, c.rsp);
        assertEquals(0x23, c.selector[SegmentState.SS]);
        assertEquals(0x23, c.selector[SegmentState.DS], "ring-3 data survives");
        assertEquals(0, c.selector[SegmentState.ES], "ring-0 data is nulled on return to ring 3");
    }

    @Test
    void softwareInterruptChecksGateDpl() {
        c.loadFromGdt(SegmentState.CS, 0x1b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        GuestFault f = assertThrows(GuestFault.class, () -> InterruptDelivery.deliver(c, c, 0x81, true, false, 0, 0));
        assertEquals(Vectors.GP, f.vector());
        assertEquals(0x81 * 8 + 2, f.errorCode(), "IDT bit, EXT = 0 for INT n");
        assertEquals(0x1b, c.selector[SegmentState.CS], "nothing changed");
        // The same vector raised by hardware ignores the DPL.
        InterruptDelivery.deliver(c, c, 0x81, false, false, 0, 0);
        assertEquals(0x6100, c.rip);
    }

    @Test
    void notPresentGateAndBadTypeAndLimit() {
        c.setIdt32(0x40, Descriptor.gate(0x08, 0x6000, 0x0e, 0));
        GuestFault f = assertThrows(GuestFault.class, () -> InterruptDelivery.deliver(c, c, 0x40, false, false, 0, 0));
        assertEquals(Vectors.NP, f.vector());
        assertEquals(0x40 * 8 + 3, f.errorCode(), "IDT + EXT");
        c.setIdt32(0x41, Descriptor.gate(0x08, 0x6000, 0x8c, 0)); // call gate in the IDT
        assertEquals(Vectors.GP, assertThrows(GuestFault.class,
                () -> InterruptDelivery.deliver(c, c, 0x41, false, false, 0, 0)).vector());
        c.idtLimit = 0x42 * 8 - 1;
        f = assertThrows(GuestFault.class, () -> InterruptDelivery.deliver(c, c, 0x42, false, false, 0, 0));
        assertEquals(0x42 * 8 + 3, f.errorCode());
    }

    @Test
    void sixteenBitGatePushesWords() {
        c.rip = 0x10;
        InterruptDelivery.deliver(c, c, 0x20, false, false, 0, 0x1234_5678L);
        assertEquals(0x30, c.selector[SegmentState.CS]);
        assertEquals(0x1234, c.rip);
        assertEquals(0x8000 - 6, c.rsp);
        assertEquals(0x5678, stack(0, 2));
        assertEquals(0x08, stack(2, 2));
        assertEquals(0x202, stack(4, 2));
    }

    @Test
    void taskGatesStopCleanly() {
        c.setIdt32(8, Descriptor.gate(0x28, 0, 0x85, 0));
        assertThrows(UnsupportedGuestFeature.class, () -> InterruptDelivery.deliver(c, c, 8, false, true, 0, 0));
    }

    @Test
    void realModeUsesTheIvt() {
        c.cr0 = 0;
        c.idtBase = 0;
        c.idtLimit = 0x3ff;
        c.loadSegment(SegmentState.CS, 0x1000, 0x10000, 0xffff, 0x9b);
        c.loadSegment(SegmentState.SS, 0x2000, 0x20000, 0xffff, 0x93);
        c.rsp = 0x100;
        c.rflags = 0x302;
        c.writeLinear(0x10 * 4, 4, 0xc000_0123L, false); // INT 10h → C000:0123
        InterruptDelivery.deliver(c, c, 0x10, true, false, 0, 0x55);
        assertEquals(0xc000, c.selector[SegmentState.CS]);
        assertEquals(0xc0000, c.base[SegmentState.CS]);
        assertEquals(0x123, c.rip);
        assertEquals(0xfa, c.rsp);
        assertEquals(0x55, c.readLinear(0x200fa, 2, false));
        assertEquals(0x1000, c.readLinear(0x200fc, 2, false));
        assertEquals(0x302, c.readLinear(0x200fe, 2, false));
        assertEquals(0x002, c.rflags, "IF and TF cleared");
        Iret.execute(c, c, 2);
        assertEquals(0x1000, c.selector[SegmentState.CS]);
        assertEquals(0x55, c.rip);
        assertEquals(0x100, c.rsp);
        assertEquals(0x302, c.rflags);
    }

    @Test
    void ringThreeIretCannotRaiseIoplOrSetIf() {
        c.loadFromGdt(SegmentState.CS, 0x1b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        c.rflags = 0x2;
        c.rsp = 0x7000;
        c.writeLinear(0x7000, 4, 0x3000, false);
        c.writeLinear(0x7004, 4, 0x1b, false);
        c.writeLinear(0x7008, 4, 0x3202 | Flags.CF, false);
        Iret.execute(c, c, 4);
        assertEquals(0x3000, c.rip);
        assertEquals(0x2 | Flags.CF, c.rflags);
    }

    @Test
    void iretToAnInnerRingFails() {
        c.loadFromGdt(SegmentState.CS, 0x1b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        c.rsp = 0x7000;
        c.writeLinear(0x7004, 4, 0x08, false);
        GuestFault f = assertThrows(GuestFault.class, () -> Iret.execute(c, c, 4));
        assertEquals(Vectors.GP, f.vector());
        assertEquals(0x08, f.errorCode());
    }
}
