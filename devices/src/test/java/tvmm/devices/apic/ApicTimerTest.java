package tvmm.devices.apic;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.time.ManualClock;

/** The APIC timer through its registers, on a 100 MHz bus clock and a 2 GHz guest TSC. */
class ApicTimerTest {
    static final int SVR = 0xF0, LVT_TIMER = 0x320, TMICT = 0x380, TMCCT = 0x390, TDCR = 0x3E0;
    static final long BUS_HZ = 100_000_000L, TSC_HZ = 2_000_000_000L;

    ManualClock clock;
    LocalApic apic;
    XApicPage page;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        apic = LocalApic.create(new ApicBus(), 0, true, clock, BUS_HZ, TSC_HZ);
        page = apic.mmio();
        page.write(SVR, 4, 0x1FF);
    }

    int rd(int off) {
        return (int) page.read(off, 4);
    }

    void wr(int off, long v) {
        page.write(off, 4, v);
    }

    /** Takes every pending timer interrupt, returning how many there were. */
    int takeAll(int vector) {
        int n = 0;
        while (apic.pendingVector() == vector) {
            apic.acknowledge();
            page.write(0xB0, 4, 0);
            n++;
        }
        return n;
    }

    @Test
    void divisorEncoding() {
        int[] expected = {2, 4, 8, 16, 32, 64, 128, 1};
        int[] configs = {0x0, 0x1, 0x2, 0x3, 0x8, 0x9, 0xA, 0xB};
        for (int i = 0; i < configs.length; i++) {
            assertEquals(expected[i], ApicTimer.divisor(configs[i]), "TDCR " + configs[i]);
        }
    }

    @Test
    void oneShotCountsDownAndFiresOnce() {
        wr(TDCR, 0x3);               // divide by 16: 160 ns per tick
        wr(LVT_TIMER, 0x40);         // one-shot, vector 0x40
        wr(TMICT, 1000);             // 160 µs
        assertEquals(1000, rd(TMCCT));
        clock.advance(80_000);
        assertEquals(500, rd(TMCCT));
        assertFalse(apic.hasPendingInterrupt());
        clock.advance(80_000);
        assertEquals(0, rd(TMCCT));
        assertEquals(0x40, apic.pendingVector());
        assertEquals(1, takeAll(0x40));
        clock.advance(1_000_000);
        assertEquals(0, takeAll(0x40), "one-shot fires once");
        assertEquals(1000, rd(TMICT), "TMICT keeps its value");
    }

    @Test
    void periodicReloadsWithoutDrift() {
        wr(TDCR, 0xB);               // divide by 1: 10 ns per tick
        wr(LVT_TIMER, 0x20000 | 0x41);
        wr(TMICT, 333);              // 3.33 µs
        int fired = 0;
        for (int i = 0; i < 3000; i++) {
            clock.advance(1_000);
            fired += takeAll(0x41);
        }
        // 3 ms / 3.33 µs = 900.9 periods.
        assertEquals(900, fired);
        long ticks = 3_000_000 / 10;
        assertEquals(333 - ticks % 333, rd(TMCCT) & 0xFFFFFFFFL);
    }

    @Test
    void maskedTimerKeepsCountingWithoutInterrupts() {
        wr(TDCR, 0xB);
        wr(LVT_TIMER, 0x30000 | 0x42);   // periodic, masked
        wr(TMICT, 100);
        clock.advance(10_000);
        assertFalse(apic.hasPendingInterrupt());
        wr(LVT_TIMER, 0x20000 | 0x42);
        clock.advance(1_000);
        assertEquals(1, takeAll(0x42));
    }

    @Test
    void zeroInitialCountStops() {
        wr(TDCR, 0xB);
        wr(LVT_TIMER, 0x20000 | 0x43);
        wr(TMICT, 100);
        wr(TMICT, 0);
        clock.advance(10_000);
        assertEquals(0, takeAll(0x43));
        assertEquals(0, rd(TMCCT));
    }

    @Test
    void changingTheDivisorKeepsTheCount() {
        wr(TDCR, 0xB);                // 10 ns per tick
        wr(LVT_TIMER, 0x44);
        wr(TMICT, 1000);
        clock.advance(5_000);         // 500 ticks left
        wr(TDCR, 0x0);                // divide by 2: 20 ns per tick → 10 µs left
        assertEquals(500, rd(TMCCT));
        clock.advance(9_990);
        assertFalse(apic.hasPendingInterrupt());
        clock.advance(20);
        assertEquals(0x44, apic.pendingVector());
    }

    @Test
    void tscDeadlineMode() {
        wr(LVT_TIMER, 0x40000 | 0x45);
        wr(TMICT, 100);
        assertEquals(0, rd(TMICT), "TMICT writes are ignored in TSC-deadline mode");
        apic.setTscDeadline(2_000_000);      // 1 ms at 2 GHz
        assertEquals(2_000_000, apic.tscDeadline());
        clock.advance(999_999);
        assertFalse(apic.hasPendingInterrupt());
        clock.advance(1);
        assertEquals(0x45, apic.pendingVector());
        assertEquals(0, apic.tscDeadline(), "the MSR reads 0 once the deadline has passed");
        takeAll(0x45);
        apic.setTscDeadline(1);              // already passed: fires at once
        clock.advance(0);
        assertEquals(0x45, apic.pendingVector());
        takeAll(0x45);
        apic.setTscDeadline(4_000_000);
        apic.setTscDeadline(0);              // disarm
        clock.advance(5_000_000);
        assertFalse(apic.hasPendingInterrupt());
        wr(LVT_TIMER, 0x45);                 // back to one-shot
        apic.setTscDeadline(20_000_000);
        assertEquals(0, apic.tscDeadline(), "IA32_TSC_DEADLINE reads 0 outside deadline mode");
    }

    @Test
    void tscOffsetShiftsTheDeadline() {
        wr(LVT_TIMER, 0x40000 | 0x46);
        apic.setTscOffset(1_000_000);        // the guest set its TSC 0.5 ms ahead
        apic.setTscDeadline(3_000_000);      // 1 ms of virtual time from 0
        clock.advance(999_999);
        assertFalse(apic.hasPendingInterrupt());
        clock.advance(1);
        assertTrue(apic.hasPendingInterrupt());
    }

    @Test
    void hostClockTimerWakesAVcpuParkedInHlt() throws Exception {
        // The real arrangement: the timer service thread fires, the APIC latches the
        // vector and kicks; the vCPU thread, parked as in HLT, wakes and takes it.
        try (tvmm.devices.time.HostClock host = new tvmm.devices.time.HostClock()) {
            LocalApic a = LocalApic.create(new ApicBus(), 1, false, host, BUS_HZ, TSC_HZ);
            a.mmio().write(SVR, 4, 0x1FF);
            int[] got = {-1};
            long[] wokeAt = {0};
            Thread vcpu = Thread.ofPlatform().unstarted(() -> {
                while (!a.hasPendingEvent()) {
                    java.util.concurrent.locks.LockSupport.park();   // HLT
                }
                wokeAt[0] = host.nanos();
                got[0] = a.acknowledge();
            });
            a.setKick(() -> java.util.concurrent.locks.LockSupport.unpark(vcpu));
            vcpu.start();
            a.mmio().write(TDCR, 4, 0xB);
            a.mmio().write(LVT_TIMER, 4, 0x50);
            long start = host.nanos();
            a.mmio().write(TMICT, 4, 200_000);           // 2 ms at 100 MHz
            vcpu.join(10_000);
            assertFalse(vcpu.isAlive(), "the kick never woke the vCPU");
            assertEquals(0x50, got[0]);
            assertTrue(wokeAt[0] - start >= 2_000_000, "woke before the timer expired");
        }
    }

    @Test
    void modeChangeDisarms() {
        wr(TDCR, 0xB);
        wr(LVT_TIMER, 0x47);
        wr(TMICT, 100);
        wr(LVT_TIMER, 0x20000 | 0x47);
        clock.advance(10_000);
        assertEquals(0, takeAll(0x47));
    }
}
