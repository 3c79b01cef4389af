package tvmm.devices.acpi.pm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.ManualClock;

/** PM1 event/control blocks, the PM timer and the reset register through their ports. */
class AcpiPmTest {
    ManualClock clock;
    boolean sci;
    AtomicInteger powerOffs;
    AcpiPm pm;
    IoDevice evt;
    IoDevice cnt;
    IoDevice tmr;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        powerOffs = new AtomicInteger();
        IrqLine line = high -> sci = high;
        pm = new AcpiPm(clock, line, false, powerOffs::incrementAndGet);
        evt = pm.eventBlock();
        cnt = pm.controlBlock();
        tmr = pm.timerBlock();
    }

    @Test
    void sciEnIsSetBecauseThereIsNoSmiCommandPort() {
        assertEquals(AcpiPm.SCI_EN, cnt.read(0, 2) & AcpiPm.SCI_EN);
    }

    @Test
    void pmTimerRunsAt3579545HzAndWrapsAt24Bits() {
        assertEquals(0, tmr.read(0, 4));
        clock.advance(1_000_000_000L);
        assertEquals(3_579_545, tmr.read(0, 4));
        clock.advance(4_000_000_000L);                 // 5 s = 17,897,725 ticks
        assertEquals(17_897_725L & 0xFFFFFF, tmr.read(0, 4), "24-bit counter");
        tmr.write(0, 4, 0);
        assertEquals(17_897_725L & 0xFFFFFF, tmr.read(0, 4), "read-only");
        AcpiPm wide = new AcpiPm(clock, IrqLine.NONE, true, () -> { });
        assertEquals(17_897_725L, wide.timerBlock().read(0, 4), "32-bit counter (TMR_VAL_EXT)");
    }

    @Test
    void timerOverflowStatusAndSci() {
        evt.write(2, 2, AcpiPm.TMR);                   // TMR_EN
        assertFalse(sci);
        // The top bit of the 24-bit counter flips every 2^23 ticks: 2.3435 s.
        clock.advance(2_343_000_000L);
        assertFalse(sci);
        assertEquals(0, evt.read(0, 2) & AcpiPm.TMR);
        clock.advance(1_000_000L);
        assertTrue(sci, "TMR_STS with TMR_EN raises the SCI");
        assertEquals(AcpiPm.TMR, evt.read(0, 2) & AcpiPm.TMR);
        evt.write(0, 2, AcpiPm.TMR);                   // write 1 to clear
        assertFalse(sci);
        assertEquals(0, evt.read(0, 2) & AcpiPm.TMR);
        clock.advance(2_343_600_000L);
        assertTrue(sci, "and again at the next flip");
    }

    @Test
    void powerButton() {
        pm.pressPowerButton();
        assertEquals(AcpiPm.PWRBTN, evt.read(0, 2));
        assertFalse(sci, "not enabled");
        evt.write(2, 2, AcpiPm.PWRBTN);
        assertTrue(sci);
        assertEquals(((long) AcpiPm.PWRBTN << 16) | AcpiPm.PWRBTN, evt.read(0, 4), "dword read of both registers");
        cnt.write(0, 2, 0);                            // SCI_EN off: no SCI
        assertFalse(sci);
        cnt.write(0, 2, AcpiPm.SCI_EN);
        assertTrue(sci);
        evt.write(0, 2, 0);                            // writing 0 clears nothing
        assertTrue(sci);
        evt.write(1, 1, AcpiPm.PWRBTN >>> 8);          // byte write of 1 to PWRBTN_STS
        assertFalse(sci);
        assertEquals(0, evt.read(0, 2));
    }

    @Test
    void s5PowersOff() {
        cnt.write(0, 2, AcpiPm.SCI_EN | (AcpiPm.SLP_TYP_S5 << 10));
        assertEquals(0, powerOffs.get(), "SLP_TYP alone does nothing");
        assertEquals(AcpiPm.SLP_TYP_S5, (cnt.read(0, 2) >>> 10) & 7);
        cnt.write(0, 2, AcpiPm.SCI_EN | (AcpiPm.SLP_TYP_S5 << 10) | AcpiPm.SLP_EN);
        assertEquals(1, powerOffs.get());
        assertEquals(0, cnt.read(0, 2) & AcpiPm.SLP_EN, "SLP_EN is write-only");
    }

    @Test
    void otherSleepTypesAreIgnored() {
        cnt.write(0, 2, AcpiPm.SCI_EN | (1 << 10) | AcpiPm.SLP_EN);
        assertEquals(0, powerOffs.get());
    }

    @Test
    void outOfRangeAccessesAreHarmless() {
        assertEquals(0xFF, evt.read(4, 1));
        evt.write(3, 2, -1);
        cnt.write(2, 1, -1);
        assertEquals(0xFFFFFFFFL, tmr.read(1, 4));
    }

    @Test
    void resetRegister() {
        AtomicInteger resets = new AtomicInteger();
        ResetRegister reg = new ResetRegister(resets::incrementAndGet);
        reg.write(0, 1, 0x02);                        // SYS_RST: choose a hard reset
        assertEquals(0, resets.get());
        assertEquals(0x02, reg.read(0, 1));
        reg.write(0, 1, AcpiPm.RESET_VALUE);          // SYS_RST | RST_CPU: reset
        assertEquals(1, resets.get());
        reg.write(0, 2, 0x06);                        // wrong width: not this register
        assertEquals(1, resets.get());
    }

    @Test
    void randomGuestAccessesNeverThrow() {
        java.util.Random rnd = new java.util.Random(5);
        ResetRegister reset = new ResetRegister(() -> { });
        IoDevice[] blocks = {evt, cnt, tmr, reset};
        for (int i = 0; i < 20_000; i++) {
            IoDevice d = blocks[rnd.nextInt(blocks.length)];
            int size = 1 << rnd.nextInt(4);
            long offset = rnd.nextInt(8) - 2;
            if (rnd.nextBoolean()) {
                d.write(offset, size, rnd.nextLong());
            } else {
                d.read(offset, size);
            }
            clock.advance(rnd.nextInt(100_000));
        }
        assertTrue(tmr.read(0, 4) <= 0xFFFFFF, "24-bit timer stays 24-bit");
    }
}
