package tvmm.vmm.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.devices.apic.ApicBus;
import tvmm.devices.apic.LocalApic;
import tvmm.devices.time.ManualClock;

/** The platform MSRs of a vCPU: APIC MSRs with #GP where the APIC refuses, and CR8 as the APIC's TPR. */
class PlatformMsrsTest {
    final ManualClock clock = new ManualClock();
    final LocalApic apic = LocalApic.create(new ApicBus(), 0, true, clock, 1_000_000_000L, 2_000_000_000L);
    final AtomicInteger kicks = new AtomicInteger();
    final PlatformMsrs msrs = new PlatformMsrs(apic, kicks::incrementAndGet);

    @Test
    void apicBaseOfTheBootstrapProcessor() {
        // Enabled (bit 11), BSP (bit 8), at 0xFEE00000 (SDM vol. 3 §11.4.4).
        assertEquals(0xFEE0_0900L, msrs.readMsr(0x1B));
    }

    @Test
    void x2ApicRegistersNeedX2ApicModeAndUnknownMsrsFault() {
        assertThrows(GuestFault.class, () -> msrs.readMsr(0x802)); // x2APIC ID while in xAPIC mode
        assertThrows(GuestFault.class, () -> msrs.readMsr(0x10)); // not a platform MSR
        msrs.writeMsr(0x1B, 0xFEE0_0C00L); // EN | EXTD: switch to x2APIC
        assertEquals(0, msrs.readMsr(0x802), "x2APIC ID of vCPU 0");
        msrs.writeMsr(0x80B, 0); // EOI
        assertTrue(kicks.get() >= 2, "writes that may unblock an interrupt kick the vCPU");
    }

    @Test
    void cr8ReachesTheApicTaskPriorityInBothModes() {
        msrs.writeTpr(0x50);
        assertEquals(0x50, apic.mmio().read(PlatformMsrs.XAPIC_TPR, 4), "the xAPIC page's TPR");
        assertEquals(0x50, msrs.readTpr());
        apic.mmio().write(PlatformMsrs.XAPIC_TPR, 4, 0x70); // the guest writes the TPR through MMIO
        assertEquals(0x70, msrs.readTpr(), "CR8 reads what the APIC holds");
        msrs.writeMsr(0x1B, 0xFEE0_0C00L); // EN | EXTD: x2APIC mode
        msrs.writeTpr(0x30);
        assertEquals(0x30, msrs.readMsr(PlatformMsrs.X2APIC_TPR));
        assertEquals(0x30, msrs.readTpr());
    }
}
