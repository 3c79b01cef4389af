package tvmm.devices.apic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.time.ManualClock;

/** IPIs through the ICR and device messages through the fabric, with four APICs. */
class ApicBusTest {
    static final int SVR = 0xF0, TPR = 0x80, LDR = 0xD0, DFR = 0xE0, ICR_LO = 0x300, ICR_HI = 0x310;

    ApicBus bus;
    LocalApic[] apics = new LocalApic[4];
    AtomicInteger[] kicks = new AtomicInteger[4];

    @BeforeEach
    void setUp() {
        ManualClock clock = new ManualClock();
        bus = new ApicBus();
        for (int i = 0; i < 4; i++) {
            apics[i] = LocalApic.create(bus, i, i == 0, clock, 100_000_000L, 1_000_000_000L);
            kicks[i] = new AtomicInteger();
            apics[i].setKick(kicks[i]::incrementAndGet);
            apics[i].mmio().write(SVR, 4, 0x1FF);
        }
    }

    void ipi(int from, int dest, int icrLow) {
        apics[from].mmio().write(ICR_HI, 4, (long) dest << 24);
        apics[from].mmio().write(ICR_LO, 4, icrLow & 0xFFFFFFFFL);
    }

    int pending(int i) {
        return apics[i].pendingVector();
    }

    @Test
    void physicalFixedIpiReachesOnlyItsTarget() {
        ipi(0, 2, 0x4000 | 0x50);
        assertEquals(-1, pending(0));
        assertEquals(-1, pending(1));
        assertEquals(0x50, pending(2));
        assertEquals(1, kicks[2].get(), "the target vCPU is kicked");
        assertEquals(0, kicks[1].get());
        assertEquals(0, apics[0].mmio().read(ICR_LO, 4) & (1 << 12), "delivery status: idle");
    }

    @Test
    void shorthands() {
        ipi(1, 0, 0x4000 | 0x40000 | 0x51);           // self
        assertArrayEquals(new int[] {-1, 0x51, -1, -1}, all());
        ipi(1, 0, 0x4000 | 0xC0000 | 0x52);           // all excluding self
        assertArrayEquals(new int[] {0x52, 0x51, 0x52, 0x52}, all());
        ipi(3, 0, 0x4000 | 0x80000 | 0x60);           // all including self
        assertArrayEquals(new int[] {0x60, 0x60, 0x60, 0x60}, all());
        ipi(0, 0xFF, 0x4000 | 0x70);                  // physical broadcast ID
        assertArrayEquals(new int[] {0x70, 0x70, 0x70, 0x70}, all());
    }

    int[] all() {
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            out[i] = pending(i);
        }
        return out;
    }

    @Test
    void logicalFlatAndCluster() {
        for (int i = 0; i < 4; i++) {
            apics[i].mmio().write(LDR, 4, (1L << i) << 24);
        }
        ipi(0, 0b1010, 0x4000 | 0x800 | 0x53);         // logical, flat: APICs 1 and 3
        assertArrayEquals(new int[] {-1, 0x53, -1, 0x53}, all());
        // Cluster model: cluster 1 holds APICs 0,1 (members 1,2); cluster 2 holds 2,3.
        int[] ldr = {0x11, 0x12, 0x21, 0x22};
        for (int i = 0; i < 4; i++) {
            apics[i].mmio().write(DFR, 4, 0x0FFFFFFFL);
            apics[i].mmio().write(LDR, 4, (long) ldr[i] << 24);
        }
        ipi(0, 0x23, 0x4000 | 0x800 | 0x64);          // cluster 2, both members
        assertArrayEquals(new int[] {-1, 0x53, 0x64, 0x64}, all());
        ipi(0, 0x12, 0x4000 | 0x800 | 0x74);          // cluster 1, member 2
        assertArrayEquals(new int[] {-1, 0x74, 0x64, 0x64}, all());
    }

    @Test
    void lowestPriorityPicksTheLowestPriorityTarget() {
        for (int i = 0; i < 4; i++) {
            apics[i].mmio().write(LDR, 4, 0x01000000L << i);
            apics[i].mmio().write(TPR, 4, 0x40);
        }
        apics[2].mmio().write(TPR, 4, 0x10);
        ipi(0, 0x0F, 0x4000 | 0x800 | 0x100 | 0x81);
        assertArrayEquals(new int[] {-1, -1, 0x81, -1}, all());
        // The focus processor (vector 0x81 pending) wins the next one too, whatever its TPR.
        apics[2].mmio().write(TPR, 4, 0x70);
        ipi(0, 0x0F, 0x4000 | 0x800 | 0x100 | 0x81);
        assertArrayEquals(new int[] {-1, -1, 0x81, -1}, all());
    }

    @Test
    void nmiInitStartupAndSmi() {
        ipi(0, 1, 0x4000 | 0x400);                    // NMI
        assertTrue(apics[1].takeNmi());
        ipi(0, 1, 0x4000 | 0x500);                    // INIT assert
        ipi(0, 1, 0x8000 | 0x500);                    // INIT level de-assert: ignored
        ipi(0, 1, 0x4000 | 0x600 | 0x9F);             // STARTUP at 0x9F000
        assertTrue(apics[1].takeInit());
        assertFalse(apics[1].takeInit());
        assertEquals(0x9F, apics[1].takeSipi());
        ipi(0, 1, 0x4000 | 0x200);                    // SMI: latched only
        assertTrue(apics[1].takeSmi());
        assertTrue(kicks[1].get() >= 4);
        assertFalse(apics[2].hasPendingEvent());
    }

    @Test
    void startupReachesASoftwareDisabledApic() {
        apics[3].mmio().write(SVR, 4, 0xFF);
        ipi(0, 3, 0x4000 | 0x50);
        assertEquals(-1, pending(3), "fixed interrupts are dropped");
        ipi(0, 3, 0x4000 | 0x500);
        ipi(0, 3, 0x4000 | 0x600 | 0x10);
        assertTrue(apics[3].takeInit());
        assertEquals(0x10, apics[3].takeSipi());
    }

    @Test
    void msiAndIoApicMessages() {
        bus.deliverMsi(0xFEE02000L, 0x0091);           // dest 2, fixed, vector 0x91
        assertEquals(0x91, pending(2));
        bus.deliver(ApicMessage.fromIoApic(0xFF, false, DeliveryMode.FIXED, 0x92, true));
        assertArrayEquals(new int[] {0x92, 0x92, 0x92, 0x92}, all());
        bus.deliverMsi(0x12345000L, 0x0093);           // not an APIC address: dropped
        assertEquals(0x92, pending(1));
    }

    @Test
    void crossedIpisFromTwoThreadsDoNotDeadlockOrLoseInterrupts() throws Exception {
        int rounds = 20_000;
        AtomicInteger received = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int self = t;
            int other = 1 - t;
            threads[t] = Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < rounds; i++) {
                    ipi(self, other, 0x4000 | (0x40 + self));
                    if (apics[self].hasPendingInterrupt()) {
                        apics[self].acknowledge();
                        apics[self].mmio().write(0xB0, 4, 0);
                        received.incrementAndGet();
                    }
                }
            });
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(20_000);
            assertFalse(t.isAlive(), "IPI senders deadlocked");
        }
        assertTrue(received.get() > 0);
        // Every IPI kicked its target (EOIs with another vector pending kick too).
        assertTrue(kicks[0].get() >= rounds, "kicks of vCPU 0: " + kicks[0].get());
        assertTrue(kicks[1].get() >= rounds, "kicks of vCPU 1: " + kicks[1].get());
    }
}
