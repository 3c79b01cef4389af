package tvmm.devices.acpi.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.time.ManualClock;

/** PM1 registers after a system reset (ACPI 6.5 §4.8.3): status and enables clear, SCI_EN as firmware. */
class AcpiPmResetTest {
    final ManualClock clock = new ManualClock();
    boolean sci;
    final AcpiPm pm = new AcpiPm(clock, high -> sci = high, false, () -> { });
    final IoDevice evt = pm.eventBlock();
    final IoDevice cnt = pm.controlBlock();

    @Test
    void resetClearsStatusEnablesAndSleepType() {
        evt.write(2, 2, AcpiPm.PWRBTN | AcpiPm.TMR);
        pm.pressPowerButton();
        cnt.write(0, 2, AcpiPm.SCI_EN | 3 << 10); // SLP_TYP 3, no SLP_EN
        assertTrue(sci);
        clock.advance(5_000_000_000L); // the 24-bit PM timer's MSB toggled: TMR_STS

        pm.reset();

        assertFalse(sci, "SCI released");
        assertEquals(0, evt.read(0, 2), "PM1_STS clear");
        assertEquals(0, evt.read(2, 2), "PM1_EN clear");
        assertEquals(AcpiPm.SCI_EN, cnt.read(0, 2), "PM1_CNT: ACPI mode, SLP_TYP 0");
        assertTrue(pm.timerBlock().read(0, 4) > 0, "the PM timer keeps running");
    }
}
