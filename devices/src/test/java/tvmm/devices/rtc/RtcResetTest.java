package tvmm.devices.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tvmm.devices.time.ManualClock;

/**
 * The RESET pin (MC146818A datasheet): PIE, AIE, UIE, SQWE and the register C flags clear, IRQ
 * released; the time, register A, the data-mode bits and the CMOS memory survive.
 */
class RtcResetTest {
    final ManualClock clock = new ManualClock();
    boolean irq;
    final Mc146818 rtc = new Mc146818(clock, high -> irq = high, Instant.parse("2026-11-22T18:30:05Z"));

    int read(int reg) {
        rtc.writeByte(Mc146818.PORT_INDEX, reg);
        return rtc.readByte(Mc146818.PORT_DATA);
    }

    void write(int reg, int v) {
        rtc.writeByte(Mc146818.PORT_INDEX, reg);
        rtc.writeByte(Mc146818.PORT_DATA, v);
    }

    @Test
    void resetClearsInterruptEnablesAndFlagsOnly() {
        int modes = Mc146818.B_24H | Mc146818.B_DM_BINARY;
        write(Mc146818.REG_B, modes | Mc146818.B_PIE | Mc146818.B_UIE | Mc146818.B_AIE | Mc146818.B_SQWE);
        write(0x40, 0x5A);
        int regA = read(0x0A) & 0x7F;
        clock.advance(1_100_000_000L);
        assertTrue(irq, "periodic and update interrupts pending");

        rtc.reset();

        assertFalse(irq, "IRQ released");
        assertEquals(modes, read(Mc146818.REG_B), "only PIE, AIE, UIE and SQWE cleared");
        assertEquals(0, read(Mc146818.REG_C), "IRQF, PF, AF and UF cleared");
        assertEquals(regA, read(0x0A) & 0x7F, "register A kept");
        assertEquals(0x5A, read(0x40), "CMOS memory is battery-backed");
        assertEquals(6, read(Mc146818.SECONDS), "the clock runs on (binary mode): 05 + 1.1 s");
        clock.advance(5_000_000_000L);
        assertFalse(irq, "no interrupt enabled after the reset");
    }
}
