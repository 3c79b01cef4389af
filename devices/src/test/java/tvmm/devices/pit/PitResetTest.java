package tvmm.devices.pit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;
import tvmm.devices.time.ManualClock;

/** A system reset leaves every 8254 counter unprogrammed with no timer armed, and port 0x61 at 00h. */
class PitResetTest {
    final ManualClock clock = new ManualClock();
    final List<Boolean> irq0 = new ArrayList<>();
    final Pit8254 pit = new Pit8254(clock, irq0::add);
    final SystemControlPortB portB = new SystemControlPortB(pit, clock);
    final IoBus bus = IoBus.portBus();

    PitResetTest() {
        bus.register(Layout.PIT, Layout.PIT_LEN, pit);
        bus.register(Layout.SYSTEM_CONTROL_B, 1, portB);
    }

    void out(int port, int v) {
        bus.write(port, 1, v);
    }

    int in(int port) {
        return (int) bus.read(port, 1);
    }

    /** Read-back status of counter {@code n} (8254 datasheet, "Read-Back Command"). */
    int status(int n) {
        out(0x43, 0xE0 | (2 << n)); // latch status only
        return in(0x40 + n);
    }

    @Test
    void resetStopsTheCountersAndClearsTheirProgramming() {
        out(0x43, 0x34); // counter 0: LSB/MSB, mode 2 (rate generator)
        out(0x40, 100);
        out(0x40, 0);
        out(0x43, 0xB6); // counter 2: mode 3, square wave
        out(0x42, 0x10);
        out(0x42, 0x00);
        out(0x61, 0x03); // GATE2 and speaker on
        clock.advance(1_000_000);
        assertTrue(irq0.contains(false), "counter 0 was running");

        pit.reset();
        portB.reset();
        irq0.clear();

        for (int n = 0; n < 3; n++) {
            // OUT high, null count (no count loaded), RW = LSB then MSB, mode 0, binary.
            assertEquals(0xF0, status(n), "counter " + n);
        }
        assertEquals(0, in(0x61) & 0x03, "port 0x61: GATE2 and speaker data off");
        clock.advance(100_000_000);
        assertEquals(List.of(), irq0, "no counter runs, so OUT0 never changes");
    }
}
