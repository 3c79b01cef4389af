package tvmm.cpu.interrupts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.seg.FakeCpu;
import tvmm.cpu.seg.SegmentState;

/** Promotion to #DF and triple fault (SDM vol. 3 Table 6-5). */
class DoubleFaultTest {
    FakeCpu c;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.FLAT_CODE);
        c.setSegmentDescriptor(2, 0, 0xfffff, FakeCpu.FLAT_DATA);
        c.loadFromGdt(SegmentState.CS, 0x08);
        c.loadFromGdt(SegmentState.SS, 0x10);
        c.rsp = 0x8000;
        c.setIdt32(8, Descriptor.gate(0x08, 0x8888, 0x8e, 0));
        c.setIdt32(11, Descriptor.gate(0x08, 0xbbbb, 0x8e, 0));
    }

    @Test
    void contributoryDuringContributoryBecomesDoubleFault() {
        // #GP's gate is not present: #NP while delivering #GP → #DF(0).
        c.setIdt32(13, Descriptor.gate(0x08, 0x1313, 0x0e, 0));
        assertEquals(EventDelivery.Outcome.DELIVERED, EventDelivery.deliverException(c, c, GuestFault.gp(0), 0x100));
        assertEquals(0x8888, c.rip);
        assertEquals(0, c.readLinear(c.rsp, 4, false), "#DF error code is 0");
        assertEquals(0x100, c.readLinear(c.rsp + 4, 4, false));
    }

    @Test
    void benignFirstEventDeliversTheSecondNormally() {
        c.setIdt32(0x30, Descriptor.gate(0x08, 0x3030, 0x0e, 0)); // not present
        EventDelivery.deliverInterrupt(c, c, 0x30, 0x100);
        assertEquals(0xbbbb, c.rip, "#NP delivered, not #DF");
        assertEquals(0x30 * 8 + 3, c.readLinear(c.rsp, 4, false));
    }

    @Test
    void pageFaultThenGeneralProtectionIsDoubleFault() {
        c.setIdt32(14, Descriptor.gate(0x08, 0x1414, 0x8c, 0)); // call gate type: #GP
        EventDelivery.deliverException(c, c, GuestFault.pf(2, 0x1234), 0x100);
        assertEquals(0x1234, c.cr2);
        assertEquals(0x8888, c.rip);
    }

    @Test
    void contributoryThenPageFaultIsDeliveredAsPageFault() {
        c.setIdt32(13, Descriptor.gate(0x08, 0x1313, 0x8e, 0));
        c.setIdt32(14, Descriptor.gate(0x08, 0x1414, 0x8e, 0));
        FakeCpu faulting = new FakeCpu() {
            boolean once = true;

            @Override
            public void writeLinear(long linear, int bytes, long value, boolean user) {
                if (once) {
                    once = false;
                    throw GuestFault.pf(3, linear);
                }
                super.writeLinear(linear, bytes, value, user);
            }
        };
        faulting.mem.write64(0, 0); // share nothing: rebuild the same tables
        System.arraycopy(c.mem.ram, 0, faulting.mem.ram, 0, c.mem.ram.length);
        faulting.loadFromGdt(SegmentState.CS, 0x08);
        faulting.loadFromGdt(SegmentState.SS, 0x10);
        faulting.rsp = 0x8000;
        EventDelivery.deliverException(faulting, faulting, GuestFault.gp(0), 0x100);
        assertEquals(0x1414, faulting.rip);
        assertEquals(0x7ffc, faulting.cr2, "the first push faulted");
    }

    @Test
    void faultWhileDeliveringDoubleFaultIsShutdown() {
        c.setIdt32(13, Descriptor.gate(0x08, 0x1313, 0x0e, 0));
        c.setIdt32(8, Descriptor.gate(0x08, 0x8888, 0x0e, 0));
        assertEquals(EventDelivery.Outcome.SHUTDOWN, EventDelivery.deliverException(c, c, GuestFault.gp(0), 0x100));
        assertEquals(0x8000, c.rsp, "state untouched");
    }

    @Test
    void emptyIdtIsATripleFault() {
        c.idtLimit = 0;
        assertEquals(EventDelivery.Outcome.SHUTDOWN, EventDelivery.deliverException(c, c, GuestFault.ud(), 0));
    }
}
