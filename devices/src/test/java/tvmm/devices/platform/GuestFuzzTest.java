package tvmm.devices.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.time.ManualClock;

/**
 * Guest-controlled input must never raise a Java exception (DESIGN.md §6): random port
 * accesses of every width to every legacy device, with time moving between them.
 */
class GuestFuzzTest {
    @Test
    void randomPortTrafficNeverThrows() {
        ManualClock clock = new ManualClock();
        IoBus ports = IoBus.portBus();
        IoDevice reset = new IoDevice() {
            @Override
            public long read(long offset, int size) {
                return 0;
            }

            @Override
            public void write(long offset, int size, long value) {
            }

            @Override
            public String name() {
                return "reset";
            }
        };
        LegacyPlatform pc = new LegacyPlatform(new LegacyPlatform.Host(clock, b -> { }, 1,
                b -> { }, s -> { }, () -> { }, reset, 2, 64L << 20, 0), ports);
        IoBus.Range[] windows = ports.ranges();
        SplittableRandom rnd = new SplittableRandom(20261122);
        int[] sizes = {1, 2, 4};
        long acks = 0;
        for (int i = 0; i < 200_000; i++) {
            IoBus.Range r = windows[rnd.nextInt(windows.length)];
            long port = r.base() + rnd.nextLong(r.length() + 1);
            int size = sizes[rnd.nextInt(3)];
            if (rnd.nextBoolean()) {
                ports.write(port, size, rnd.nextLong());
            } else {
                ports.read(port, size);
            }
            if (rnd.nextInt(16) == 0) {
                clock.advance(rnd.nextLong(2_000_000));
            }
            if (pc.pic.intr()) {
                int v = pc.pic.acknowledge();
                assertTrue(v >= 0 && v <= 0xFF);
                acks++;
            }
            pc.com1.receive(rnd.nextInt(256));
        }
        clock.advance(10_000_000_000L);
        assertTrue(acks > 0, "the fuzzing also produced interrupts");
    }
}
