package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import tvmm.devices.platform.Layout;

/**
 * The HPET's legacy replacement route on the assembled machine (IA-PC HPET 1.0a §2.3.9.2.2):
 * with LEG_RT_CNF set the 8254's OUT0 no longer reaches IRQ0 and HPET timer 0 drives it
 * instead; clearing it gives IRQ0 back to the PIT. Observed at the 8259's IRR through the
 * ports, with the devices on the machine's real clock.
 */
class HpetLegacyReplacementTest {
    static final long GEN_CONF = Layout.HPET_BASE + 0x10;
    static final long T0_CONF = Layout.HPET_BASE + 0x100;
    static final long T0_COMPARATOR = Layout.HPET_BASE + 0x108;
    static final long ENABLE_CNF = 1;
    static final long LEG_RT_CNF = 2;
    static final long INT_ENABLE = 1 << 2;
    static final long PERIODIC = 1 << 3;
    static final long VAL_SET = 1 << 6;

    @Test
    void legacyReplacementMovesIrq0FromThePitToHpetTimer0() throws Exception {
        try (Machine m = new Machine(MachineConfig.forTest(16L << 20, 1, b -> { }))) {
            var ports = m.ports();
            // 8259 master: vectors 0x20, IRQ0 unmasked; PIT counter 0 as a 12 kHz rate generator.
            int[][] init = {{0x20, 0x11}, {0x21, 0x20}, {0x21, 0x04}, {0x21, 0x01}, {0x21, 0xFE},
                {0x43, 0x34}, {0x40, 100}, {0x40, 0}};
            for (int[] w : init) {
                ports.write(w[0], 1, w[1]);
            }
            BooleanSupplier irq0 = () -> {
                ports.write(0x20, 1, 0x0A); // OCW3: read IRR
                return (ports.read(0x20, 1) & 1) != 0;
            };
            assertTrue(waitFor(irq0), "the PIT drives IRQ0");

            m.memory().mmioWrite(GEN_CONF, 8, LEG_RT_CNF); // the HPET takes IRQ0, its counter halted
            take(m);
            Thread.sleep(50); // about 600 PIT periods
            assertEquals(false, irq0.getAsBoolean(), "the PIT's OUT0 is cut from IRQ0");

            // HPET timer 0 periodic at 10 µs (1000 ticks of 10 ns): it now raises IRQ0.
            m.memory().mmioWrite(T0_CONF, 8, INT_ENABLE | PERIODIC | VAL_SET);
            m.memory().mmioWrite(T0_COMPARATOR, 8, 1000);
            m.memory().mmioWrite(T0_COMPARATOR, 8, 1000);
            m.memory().mmioWrite(GEN_CONF, 8, ENABLE_CNF | LEG_RT_CNF);
            assertTrue(waitFor(irq0), "HPET timer 0 drives IRQ0");

            m.memory().mmioWrite(T0_CONF, 8, 0);
            m.memory().mmioWrite(GEN_CONF, 8, 0); // legacy replacement off: OUT0 reconnected
            take(m);
            assertTrue(waitFor(irq0), "IRQ0 is the PIT's again");
        }
    }

    /** INTA and EOI for whatever is pending, so the next edge shows in IRR again. */
    private static void take(Machine m) {
        for (int i = 0; i < 4 && m.pic().intr(); i++) {
            m.pic().acknowledge();
            m.ports().write(0x20, 1, 0x20);
        }
    }

    private static boolean waitFor(BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (c.getAsBoolean()) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }
}
