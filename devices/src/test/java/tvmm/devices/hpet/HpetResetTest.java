package tvmm.devices.hpet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.ManualClock;

/** Reset values of the IA-PC HPET 1.0a register table (§2.3). */
class HpetResetTest {
    final ManualClock clock = new ManualClock();
    boolean gsi20;
    int irq0Pulses;
    final List<Boolean> legacy = new ArrayList<>();
    final Hpet hpet = new Hpet(clock, new IrqLine() {
        @Override
        public void set(boolean high) {
            if (high) {
                irq0Pulses++;
            }
        }
    }, IrqLine.NONE, g -> high -> gsi20 = high, 0x00F0_0000);

    long rd(int off) {
        return hpet.read(off, 8);
    }

    void wr(int off, long v) {
        hpet.write(off, 8, v);
    }

    @Test
    void resetHaltsAndClearsEverythingAndEndsLegacyReplacement() {
        hpet.setLegacyReplacementListener(legacy::add);
        long caps1 = rd(0x120);
        // Timer 0 periodic in legacy mode, timer 1 level-triggered on GSI 20 and fired.
        wr(0x100, HpetTimer.INT_ENABLE | HpetTimer.PERIODIC | HpetTimer.VAL_SET);
        wr(0x108, 1000);
        wr(0x120, HpetTimer.INT_ENABLE | HpetTimer.INT_TYPE_LEVEL | 20L << HpetTimer.ROUTE_SHIFT);
        wr(0x128, 50);
        wr(0x010, Hpet.ENABLE_CNF | Hpet.LEG_RT_CNF);
        clock.advance(20_000);
        assertTrue(irq0Pulses > 0);
        assertEquals(List.of(true), legacy);

        hpet.reset();
        int pulses = irq0Pulses;

        assertEquals(0, rd(0x010), "GEN_CONF: halted, no legacy replacement");
        assertEquals(0, rd(0x020), "GINTR_STA clear");
        assertEquals(0, rd(0x0F0), "main counter 0");
        assertEquals(List.of(true, false), legacy, "IRQ0/IRQ8 go back to the PIT and RTC");
        assertFalse(gsi20, "the level line is released");
        assertEquals(caps1, rd(0x120), "Tn_CONF: capabilities only");
        for (int n = 0; n < Hpet.TIMERS; n++) {
            assertEquals(-1L, rd(0x108 + 0x20 * n), "comparator " + n + " all ones");
            assertEquals(0, rd(0x110 + 0x20 * n), "FSB route " + n);
        }
        clock.advance(1_000_000);
        assertEquals(0, rd(0x0F0), "the counter stays halted");
        assertEquals(pulses, irq0Pulses, "no timer fires after the reset");
    }
}
