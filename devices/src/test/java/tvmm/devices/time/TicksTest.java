package tvmm.devices.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TicksTest {
    static final long PIT_HZ = 1_193_182;

    @Test
    void oneSecondIsExactlyTheOscillatorFrequency() {
        assertEquals(PIT_HZ, Ticks.ticksAt(1_000_000_000L, PIT_HZ));
        assertEquals(32768, Ticks.ticksAt(1_000_000_000L, 32768));
    }

    @Test
    void nanosOfTickIsTheFirstInstantTheTickIsComplete() {
        for (long tick : new long[] {1, 2, 65536, 1_193_181, 1_193_183, 123_456_789_012L}) {
            long ns = Ticks.nanosOfTick(tick, PIT_HZ);
            assertEquals(tick, Ticks.ticksAt(ns, PIT_HZ), "tick " + tick);
            assertEquals(tick - 1, Ticks.ticksAt(ns - 1, PIT_HZ), "tick " + tick);
        }
    }

    @Test
    void noOverflowAfterAYearOfVirtualTime() {
        long year = 365L * 24 * 3600 * 1_000_000_000L;
        long t = Ticks.ticksAt(year, PIT_HZ);
        assertEquals(365L * 24 * 3600 * PIT_HZ, t);
        assertTrue(Ticks.nanosOfTick(t, PIT_HZ) <= year);
    }
}
