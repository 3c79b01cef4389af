package tvmm.cpu.interrupts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.seg.FakeCpu;
import tvmm.cpu.seg.SegmentState;

/** 64-bit IDT gates, RSP0, IST, 16-byte alignment and IRETQ (SDM vol. 3 §6.14). */
class LongModeInterruptTest {
    static final int TSS = 0x4000;
    FakeCpu c;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.efer = ControlBits.EFER_LME | ControlBits.EFER_LMA;
        c.cr0 |= ControlBits.CR0_PG;
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.CODE64);       // 0x08
        c.setSegmentDescriptor(2, 0, 0xfffff, FakeCpu.FLAT_DATA);    // 0x10
        c.setSegmentDescriptor(3, 0, 0xfffff, FakeCpu.FLAT_CODE | 0x60); // 0x1b ring-3 compat code
        c.setSegmentDescriptor(4, 0, 0xfffff, FakeCpu.FLAT_DATA | 0x60); // 0x23 ring-3 data
        c.setSegmentDescriptor(5, 0, 0xfffff, FakeCpu.CODE64 | 0x60);    // 0x2b ring-3 64-bit code
        c.setSegmentDescriptor(6, TSS, 0x67, 0x89);                      // 0x30 64-bit TSS (16 bytes)
        c.loadFromGdt(SegmentState.CS, 0x08);
        c.loadFromGdt(SegmentState.SS, 0x10);
        c.loadFromGdt(SegmentState.TR, 0x30);
        c.writeLinear(TSS + 4, 8, 0x9008, false);        // RSP0 (not 16-byte aligned)
        c.writeLinear(TSS + 0x24 + 8, 8, 0xa000, false); // IST2
        c.setIdt64(14, 0x08, 0xffff_ffff_8000_1000L, 0x8e, 0);
        c.setIdt64(2, 0x08, 0xffff_ffff_8000_2000L, 0x8e, 2);   // NMI on IST2
        c.setIdt64(0x80, 0x08, 0xffff_ffff_8000_3000L, 0xef, 0);
        c.rflags = 0x202;
    }

    long stack(int slot) {
        return c.readLinear(c.rsp + slot * 8L, 8, false);
    }

    @Test
    void userPageFaultSwitchesToRsp0AlignedAndIretqReturns() {
        c.loadFromGdt(SegmentState.CS, 0x2b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        c.rsp = 0x7777;
        EventDelivery.Outcome o = EventDelivery.deliverException(c, c, GuestFault.pf(0x6, 0xdead_b000L), 0x40_1000L);
        assertEquals(EventDelivery.Outcome.DELIVERED, o);
        assertEquals(0xdead_b000L, c.cr2);
        assertEquals(0xffff_ffff_8000_1000L, c.rip);
        assertEquals(0, c.cpl);
        assertEquals(0, c.selector[SegmentState.SS], "SS = NULL with RPL = new CPL");
        assertEquals(0x9000 - 48, c.rsp, "RSP0 rounded down to 16, six quadwords");
        assertEquals(0x6, stack(0));
        assertEquals(0x40_1000L, stack(1));
        assertEquals(0x2b, stack(2));
        assertEquals(0x202, stack(3));
        assertEquals(0x7777, stack(4));
        assertEquals(0x23, stack(5));
        assertEquals(0x002, c.rflags);
        c.rsp += 8;
        Iret.execute(c, c, 8);
        assertEquals(3, c.cpl);
        assertEquals(0x40_1000L, c.rip);
        assertEquals(0x7777, c.rsp);
        assertEquals(0x23, c.selector[SegmentState.SS]);
        assertEquals(0x202, c.rflags);
    }

    @Test
    void istSwitchesStacksEvenWithoutPrivilegeChange() {
        c.rsp = 0x8888;
        EventDelivery.deliverInterrupt(c, c, 2, 0x1234);
        assertEquals(0xa000 - 40, c.rsp);
        assertEquals(0x10, c.selector[SegmentState.SS], "same privilege: SS unchanged");
        assertEquals(0x8888, stack(3), "old RSP pushed even at the same privilege");
        Iret.execute(c, c, 8);
        assertEquals(0x8888, c.rsp, "IRETQ in 64-bit mode always pops SS:RSP");
        assertEquals(0x1234, c.rip);
    }

    @Test
    void samePrivilegeAlignsTheCurrentStack() {
        c.rsp = 0x8ff8;
        EventDelivery.deliverSoftware(c, c, 0x80, 0x5555);
        assertEquals(0x8ff0 - 40, c.rsp);
        assertEquals(0x8ff8, stack(3));
        assertEquals(0x202, c.rflags, "trap gate");
    }

    @Test
    void gateToCompatibilityModeCodeIsGeneralProtection() {
        c.setIdt64(0x81, 0x1b & ~3, 0x1000, 0x8e, 0);
        c.setSegmentDescriptor(7, 0, 0xfffff, FakeCpu.FLAT_CODE);
        c.setIdt64(0x82, 0x38, 0x1000, 0x8e, 0);
        GuestFault f = assertThrows(GuestFault.class,
                () -> InterruptDelivery.deliver(c, c, 0x82, false, false, 0, 0));
        assertEquals(Vectors.GP, f.vector());
        assertEquals(0x38 | 1, f.errorCode());
    }

    @Test
    void legacyGateTypesAreInvalidInLongMode() {
        c.mem.write64(c.idtBase + 0x83 * 16L, tvmm.cpu.seg.Descriptor.gate(0x08, 0x1000, 0x86, 0)); // 16-bit gate
        GuestFault f = assertThrows(GuestFault.class,
                () -> InterruptDelivery.deliver(c, c, 0x83, false, false, 0, 0));
        assertEquals(0x83 * 16 / 2 + 3, f.errorCode());
    }

    @Test
    void iretqToNonCanonicalRipFails() {
        c.rsp = 0x7000;
        c.writeLinear(0x7000, 8, 0x8000_0000_0000L, false);
        c.writeLinear(0x7008, 8, 0x08, false);
        c.writeLinear(0x7010, 8, 0x2, false);
        c.writeLinear(0x7018, 8, 0x6000, false);
        c.writeLinear(0x7020, 8, 0x10, false);
        GuestFault f = assertThrows(GuestFault.class, () -> Iret.execute(c, c, 8));
        assertEquals(Vectors.GP, f.vector());
        assertEquals(0x7000, c.rsp, "nothing committed");
    }
    /**
     * Linux's TLS: loadsegment(fs, 0) then WRMSR IA32_FS_BASE, and the return to ring 3 is an
     * IRETQ. The null FS/GS selector must keep its MSR-written base (a nulled base made busybox
     * init fault on fs:[-0x90] at address ffffffffffffff70); a DPL-0 data DS is still nulled.
     */
    @Test
    void iretqToUserKeepsTheBaseOfNullFsAndGs() {
        c.loadSegment(SegmentState.FS, 0, 0x4c_5000L, 0, 0);           // null selector, base from WRMSR
        c.loadSegment(SegmentState.GS, 0, 0x7fff_1234_0000L, 0, 0);
        c.loadFromGdt(SegmentState.DS, 0x10);                          // ring-0 data: not for ring 3
        c.rsp = 0x7000;
        c.writeLinear(0x7000, 8, 0x40_1000L, false);
        c.writeLinear(0x7008, 8, 0x2b, false);
        c.writeLinear(0x7010, 8, 0x202, false);
        c.writeLinear(0x7018, 8, 0x6000, false);
        c.writeLinear(0x7020, 8, 0x23, false);
        Iret.execute(c, c, 8);
        assertEquals(3, c.cpl);
        assertEquals(0x4c_5000L, c.base[SegmentState.FS]);
        assertEquals(0x7fff_1234_0000L, c.base[SegmentState.GS]);
        assertEquals(0, c.selector[SegmentState.DS]);
        assertEquals(0, c.attr[SegmentState.DS] & 0x80, "DS unusable for ring 3");
    }
}
