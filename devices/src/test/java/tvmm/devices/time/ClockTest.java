package tvmm.devices.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tvmm.devices.pit.Pit8254;

class ClockTest {
    @Test
    void manualClockFiresInDeadlineOrderAtTheDeadline() {
        ManualClock clock = new ManualClock();
        List<String> fired = new ArrayList<>();
        VirtualClock.Timer a = clock.newTimer("a", () -> fired.add("a@" + clock.nanos()));
        VirtualClock.Timer b = clock.newTimer("b", () -> fired.add("b@" + clock.nanos()));
        VirtualClock.Timer c = clock.newTimer("c", () -> fired.add("c@" + clock.nanos()));
        a.armAt(300);
        b.armAt(100);
        c.armAt(200);
        c.cancel();
        assertFalse(c.isArmed());
        clock.advanceTo(250);
        assertEquals(List.of("b@100"), fired);
        assertEquals(250, clock.nanos());
        clock.advance(1000);
        assertEquals(List.of("b@100", "a@300"), fired);
        assertFalse(a.isArmed());
    }

    @Test
    void hostClockFiresNearTheDeadlineOnItsThread() throws InterruptedException {
        try (HostClock clock = new HostClock()) {
            CountDownLatch done = new CountDownLatch(1);
            long[] at = new long[1];
            String[] thread = new String[1];
            VirtualClock.Timer t = clock.newTimer("t", () -> {
                at[0] = clock.nanos();
                thread[0] = Thread.currentThread().getName();
                done.countDown();
            });
            long deadline = clock.nanos() + 20_000_000;
            t.armAt(deadline);
            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertTrue(at[0] >= deadline, "never early");
            assertEquals("tvmm-timer", thread[0]);
        }
    }

    /** The PIT on the real clock: 1 kHz for 300 ms gives at most one edge per period. */
    @Test
    void pitOnTheHostClockInterruptsAtItsRate() throws InterruptedException {
        try (HostClock clock = new HostClock()) {
            AtomicInteger rises = new AtomicInteger();
            boolean[] level = {true};
            Pit8254 pit = new Pit8254(clock, high -> {
                if (high && !level[0]) {
                    rises.incrementAndGet();
                }
                level[0] = high;
            });
            long start = clock.nanos();
            pit.write(Pit8254.CONTROL, 1, 0x34);
            pit.write(Pit8254.COUNTER0, 1, 1193 & 0xFF);
            pit.write(Pit8254.COUNTER0, 1, 1193 >> 8);
            Thread.sleep(300);
            long elapsed = clock.nanos() - start;
            long periods = Ticks.ticksAt(elapsed, Pit8254.FREQUENCY_HZ) / 1193;
            int n = rises.get();
            assertTrue(n <= periods + 1, n + " edges in " + periods + " periods");
            // Only a weak lower bound: on a loaded host the timer thread runs late, and a late
            // timer delivers one edge for the periods it missed, as a PIC would latch only one.
            assertTrue(n >= 10, n + " edges in " + periods + " periods (timer thread starved?)");
        }
    }
}
