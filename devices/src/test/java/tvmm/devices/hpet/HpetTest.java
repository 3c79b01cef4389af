package tvmm.devices.hpet;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.ManualClock;

/** The HPET through its MMIO registers, with recording interrupt lines. */
class HpetTest {
    static final int CAP = 0x000, CONF = 0x010, STA = 0x020, COUNTER = 0x0F0;

    /** Records every level change of one wire and counts rising edges. */
    static final class Wire implements IrqLine {
        boolean high;
        int rises;
        final List<Boolean> changes = new ArrayList<>();

        @Override
        public void set(boolean level) {
            if (level && !high) {
                rises++;
            }
            high = level;
            changes.add(level);
        }
    }

    ManualClock clock;
    Wire irq0;
    Wire irq8;
    Wire[] gsi;
    Hpet hpet;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        irq0 = new Wire();
        irq8 = new Wire();
        gsi = new Wire[32];
        for (int i = 0; i < 32; i++) {
            gsi[i] = new Wire();
        }
        hpet = new Hpet(clock, irq0, irq8, g -> gsi[g], 0x00FF0104);   // GSI 2, 8, 16–23
    }

    long rd(int off) {
        return hpet.read(off, 8);
    }

    void wr(int off, long v) {
        hpet.write(off, 8, v);
    }

    static int tconf(int n) {
        return 0x100 + 0x20 * n;
    }

    static int tcmp(int n) {
        return 0x108 + 0x20 * n;
    }

    @Test
    void capabilities() {
        long cap = rd(CAP);
        assertEquals(0x01, cap & 0xFF, "revision");
        assertEquals(2, (cap >>> 8) & 0x1F, "three timers");
        assertEquals(1, (cap >>> 13) & 1, "64-bit counter");
        assertEquals(1, (cap >>> 15) & 1, "legacy replacement capable");
        assertEquals(0x8086, (cap >>> 16) & 0xFFFF);
        assertEquals(10_000_000L, cap >>> 32, "period in femtoseconds");
        assertTrue((cap >>> 32) <= 0x05F5E100L, "spec limit: at most 100 ns");
        assertEquals(cap & 0xFFFFFFFFL, hpet.read(CAP, 4), "32-bit read of the low half");
        assertEquals(cap >>> 32, hpet.read(CAP + 4, 4), "32-bit read of the high half");
        long t0 = rd(tconf(0));
        assertEquals(0x00FF0104L, t0 >>> 32, "routing capability");
        assertEquals(0, t0 & (1 << 15), "no FSB delivery advertised");
        assertEquals(1 << 5, t0 & (1 << 5), "64-bit comparator");
        assertEquals(-1L, rd(tcmp(0)), "comparator is all ones at reset");
    }

    @Test
    void mainCounterRunsAt100MHzAndIsWritableOnlyWhileHalted() {
        clock.advance(1_000);
        assertEquals(0, rd(COUNTER), "halted at reset");
        wr(COUNTER, 1_000_000);
        wr(CONF, 1);
        clock.advance(1_000);                          // 1 µs = 100 ticks
        assertEquals(1_000_100, rd(COUNTER));
        wr(COUNTER, 5);
        assertEquals(1_000_100, rd(COUNTER), "writes while running are ignored");
        wr(CONF, 0);
        clock.advance(1_000_000);
        assertEquals(1_000_100, rd(COUNTER), "halted counter holds");
        wr(COUNTER, 0xFFFF_FFFFL);
        wr(CONF, 1);
        clock.advance(10);
        assertEquals(0x1_0000_0000L, rd(COUNTER), "64-bit counter carries past 32 bits");
        assertEquals(1, hpet.read(COUNTER + 4, 4));
    }

    @Test
    void oneShotEdgeOnARoutedGsi() {
        wr(tconf(2), (16 << 9) | 4);                   // route GSI 16, edge, enabled
        assertEquals(16, (rd(tconf(2)) >>> 9) & 0x1F);
        wr(tcmp(2), 500);
        wr(CONF, 1);
        clock.advance(4_990);
        assertEquals(0, gsi[16].rises);
        clock.advance(10);
        assertEquals(1, gsi[16].rises);
        assertFalse(gsi[16].high, "edge mode pulses");
        clock.advance(1_000_000_000L);
        assertEquals(1, gsi[16].rises, "a 64-bit one-shot fires once");
        assertEquals(0, rd(STA), "edge mode does not set the status bit");
    }

    @Test
    void unsupportedRouteIsNotTaken() {
        wr(tconf(2), (16 << 9));
        wr(tconf(2), (3 << 9));                        // GSI 3 is not in the capability
        assertEquals(16, (rd(tconf(2)) >>> 9) & 0x1F);
    }

    @Test
    void periodicLegacyReplacementOnIrq0WithValSet() {
        wr(CONF, 1 | 2);                              // enabled, legacy replacement
        assertTrue(hpet.legacyReplacement());
        // What Linux does: PERIODIC | VAL_SET | ENB, comparator = now + delta, then = delta.
        wr(tconf(0), 8 | 0x40 | 4);
        long now = rd(COUNTER);
        wr(tcmp(0), now + 100_000);                    // first tick after 1 ms
        wr(tcmp(0), 100_000);                          // then every 1 ms
        assertEquals(0, rd(tconf(0)) & 0x40, "VAL_SET clears itself");
        clock.advance(10_000_000);                     // 10 ms
        assertEquals(10, irq0.rises);
        assertEquals(0, gsi[2].rises, "legacy mode replaces the routing");
        assertEquals(now + 11 * 100_000, rd(tcmp(0)), "comparator accumulates the period");
    }

    @Test
    void periodic64BitTimerProgrammedWithThirtyTwoBitHalves() {
        // A 32-bit OS: VAL_SET before each comparator half, then the period low and high.
        wr(CONF, 1);
        wr(tconf(0), 8 | 4 | (16 << 9));
        long first = rd(COUNTER) + 100_000;
        hpet.write(tconf(0), 4, 8 | 0x40 | 4 | (16 << 9));
        hpet.write(tcmp(0), 4, first & 0xFFFF_FFFFL);
        hpet.write(tconf(0), 4, 8 | 0x40 | 4 | (16 << 9));
        hpet.write(tcmp(0) + 4, 4, first >>> 32);
        hpet.write(tcmp(0), 4, 100_000);
        hpet.write(tcmp(0) + 4, 4, 0);
        assertEquals(first, rd(tcmp(0)), "the period's halves do not disturb the comparator");
        clock.advance(10_000_000);                     // 10 ms: a tick every 1 ms
        assertEquals(10, gsi[16].rises);
    }

    @Test
    void legacyReplacementListenerSeesEachChange() {
        List<Boolean> seen = new ArrayList<>();
        hpet.setLegacyReplacementListener(seen::add);
        wr(CONF, 1);
        wr(CONF, 3);
        wr(CONF, 3);
        wr(CONF, 1);
        assertEquals(List.of(true, false), seen);
    }

    @Test
    void timer1GoesToIrq8InLegacyMode() {
        wr(CONF, 3);
        wr(tconf(1), 4);
        wr(tcmp(1), rd(COUNTER) + 1_000);
        clock.advance(10_000);
        assertEquals(1, irq8.rises);
    }

    @Test
    void levelModeHoldsTheLineUntilStatusIsCleared() {
        wr(tconf(2), (8 << 9) | 4 | 2);               // GSI 8, level, enabled
        wr(tcmp(2), 1_000);
        wr(CONF, 1);
        clock.advance(10_000);
        assertTrue(gsi[8].high);
        assertEquals(4, rd(STA));
        hpet.write(STA, 4, 1);                        // clearing another bit changes nothing
        assertTrue(gsi[8].high);
        hpet.write(STA, 4, 4);                        // write 1 to clear
        assertFalse(gsi[8].high);
        assertEquals(0, rd(STA));
    }

    @Test
    void levelStatusIsSetEvenWithInterruptsDisabled() {
        wr(tconf(2), (8 << 9) | 2);                   // level, interrupts disabled
        wr(tcmp(2), 100);
        wr(CONF, 1);
        clock.advance(10_000);
        assertEquals(4, rd(STA));
        assertFalse(gsi[8].high);
    }

    @Test
    void thirtyTwoBitModeWrapsTheComparator() {
        wr(COUNTER, 0xFFFF_FF00L);
        wr(tconf(2), (16 << 9) | 0x100 | 4);          // 32-bit mode, edge
        wr(tcmp(2), 0x1_0000_0010L);                   // truncated to 0x10
        assertEquals(0x10, rd(tcmp(2)));
        wr(CONF, 1);
        clock.advance(0x110 * 10 - 10);
        assertEquals(0, gsi[16].rises);
        clock.advance(10);
        assertEquals(1, gsi[16].rises, "matches the low 32 bits after the wrap");
        clock.advance((1L << 32) * 10);
        assertEquals(2, gsi[16].rises, "and again one 32-bit wrap later");
    }

    @Test
    void periodicThirtyTwoBit() {
        wr(tconf(2), (17 << 9) | 0x100 | 8 | 0x40 | 4);
        wr(tcmp(2), 1_000);
        wr(tcmp(2), 1_000);
        wr(CONF, 1);
        clock.advance(100_000);                        // 10,000 ticks
        assertEquals(10, gsi[17].rises);
    }

    @Test
    void haltingStopsTimers() {
        wr(tconf(2), (16 << 9) | 4);
        wr(tcmp(2), 1_000);
        wr(CONF, 1);
        clock.advance(5_000);
        wr(CONF, 0);
        clock.advance(100_000);
        assertEquals(0, gsi[16].rises);
        wr(CONF, 1);
        clock.advance(5_000);
        assertEquals(1, gsi[16].rises, "resumes where it stopped");
    }

    @Test
    void guestNonsenseIsHarmless() {
        assertEquals(0, rd(0x300), "reserved");
        wr(0x3F8, -1);
        assertEquals(0xFFFF_FFFFL, hpet.read(0x400, 4));
        hpet.write(-8, 8, 1);
        assertEquals(0xFF, hpet.read(0x3FF + 1, 1));
    }

    @Test
    void randomGuestAccessesNeverThrow() {
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            int size = 1 << rnd.nextInt(4);
            long offset = rnd.nextInt(0x420) - 8;
            if (rnd.nextBoolean()) {
                hpet.write(offset, size, rnd.nextLong());
            } else {
                hpet.read(offset, size);
            }
            clock.advance(rnd.nextInt(1_000));
        }
        assertEquals(0x8086, (rd(CAP) >>> 16) & 0xFFFF, "capabilities are read-only");
    }
}
