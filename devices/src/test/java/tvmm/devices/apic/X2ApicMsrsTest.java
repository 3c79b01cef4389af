package tvmm.devices.apic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.time.ManualClock;

/** The x2APIC MSR interface and its #GP rules (SDM vol. 3 §11.12). */
class X2ApicMsrsTest {
    ApicBus bus;
    LocalApic a0;
    LocalApic a1;
    X2ApicMsrs m0;

    @BeforeEach
    void setUp() {
        ManualClock clock = new ManualClock();
        bus = new ApicBus();
        a0 = LocalApic.create(bus, 0, true, clock, 100_000_000L, 1_000_000_000L);
        a1 = LocalApic.create(bus, 0x21, false, clock, 100_000_000L, 1_000_000_000L);
        m0 = a0.msrs();
        for (LocalApic a : new LocalApic[] {a0, a1}) {
            assertTrue(a.msrs().write(0x1B, a.apicBase() | 0x400));
            assertTrue(a.msrs().write(0x80F, 0x1FF));
        }
    }

    long rd(X2ApicMsrs m, int msr) {
        OptionalLong v = m.read(msr);
        assertTrue(v.isPresent(), "MSR " + Integer.toHexString(msr) + " must be readable");
        return v.getAsLong();
    }

    @Test
    void x2apicMsrsFaultOutsideX2ApicMode() {
        LocalApic xapic = LocalApic.create(new ApicBus(), 5, false, new ManualClock(), 1, 1);
        assertTrue(xapic.msrs().read(0x808).isEmpty());
        assertFalse(xapic.msrs().write(0x808, 0));
        assertTrue(xapic.msrs().read(0x1B).isPresent());
    }

    @Test
    void idAndLogicalIdAreDerivedAndReadOnly() {
        assertEquals(0x21, rd(a1.msrs(), 0x802));
        assertEquals((2L << 16) | (1 << 1), rd(a1.msrs(), 0x80D), "cluster 2, member bit 1");
        assertFalse(a1.msrs().write(0x802, 0), "ID is read-only");
        assertFalse(a1.msrs().write(0x80D, 0), "LDR is read-only");
    }

    @Test
    void registersTheX2ApicDoesNotHave() {
        assertTrue(m0.read(0x809).isEmpty(), "no APR");
        assertTrue(m0.read(0x80E).isEmpty(), "no DFR");
        assertTrue(m0.read(0x831).isEmpty(), "no ICR high");
        assertTrue(m0.read(0x80B).isEmpty(), "EOI is write-only");
        assertTrue(m0.read(0x83F).isEmpty(), "SELF_IPI is write-only");
        assertFalse(m0.write(0x839, 0), "current count is read-only");
        assertFalse(m0.write(0x80B, 1), "EOI must be written with 0");
        assertFalse(m0.write(0x828, 1), "ESR must be written with 0");
        assertFalse(m0.write(0x808, 0x100), "TPR reserved bits");
        assertFalse(m0.write(0x832, 1L << 32), "upper half reserved");
        assertTrue(m0.write(0x808, 0x20));
        assertEquals(0x20, rd(m0, 0x808));
    }

    @Test
    void icrIsOneMsrWith32BitDestination() {
        assertTrue(m0.write(0x830, (0x21L << 32) | 0x4000 | 0x61));
        assertEquals(0x61, a1.pendingVector());
        assertEquals((0x21L << 32) | 0x4000 | 0x61, rd(m0, 0x830));
        assertFalse(m0.write(0x830, 1L << 13), "reserved ICR bit");
        // Logical x2APIC destination: cluster 2, member bit 1 is APIC 0x21.
        assertTrue(m0.write(0x830, (0x00020002L << 32) | 0x4000 | 0x800 | 0x62));
        assertEquals(0x62, a1.pendingVector());
        assertEquals(-1, a0.pendingVector());
        // 0xFFFFFFFF is the x2APIC broadcast.
        assertTrue(m0.write(0x830, (0xFFFFFFFFL << 32) | 0x4000 | 0x70));
        assertEquals(0x70, a0.pendingVector());
    }

    @Test
    void selfIpiAndEoi() {
        assertTrue(m0.write(0x83F, 0x55));
        assertEquals(0x55, a0.pendingVector());
        assertEquals(0x55, a0.acknowledge());
        assertEquals(1L << (0x55 - 64), rd(m0, 0x812), "ISR word 2");
        assertTrue(m0.write(0x80B, 0));
        assertEquals(0, rd(m0, 0x812));
    }

    @Test
    void ioApicMessagesReachX2ApicTargets() {
        bus.deliver(ApicMessage.fromIoApic(0x21, false, DeliveryMode.FIXED, 0x33, false));
        assertEquals(0x33, a1.pendingVector());
        assertEquals(-1, a0.pendingVector());
    }

    @Test
    void tscDeadlineMsr() {
        assertTrue(m0.write(0x832, 0x40000 | 0x40));
        assertTrue(m0.write(0x6E0, 1234));
        assertEquals(1234, rd(m0, 0x6E0));
    }
}
