package tvmm.devices.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;
import tvmm.devices.time.ManualClock;

/** The RTC through ports 0x70/0x71 with a pinned start date and a manual clock. */
class Mc146818Test {
    static final long MS = 1_000_000;
    final ManualClock clock = new ManualClock();
    int irqRises;
    boolean irq;
    IoBus bus;
    Mc146818 rtc;

    @BeforeEach
    void setUp() {
        // A leap day, 1.5 s before midnight.
        rtc = new Mc146818(clock, high -> {
            if (high && !irq) {
                irqRises++;
            }
            irq = high;
        }, Instant.parse("2024-02-29T23:59:58.500Z"));
        bus = IoBus.portBus();
        bus.register(Layout.RTC, Layout.RTC_LEN, rtc);
    }

    int cmos(int reg) {
        bus.write(Layout.RTC, 1, reg);
        return (int) bus.read(Layout.RTC + 1, 1);
    }

    void setCmos(int reg, int v) {
        bus.write(Layout.RTC, 1, reg);
        bus.write(Layout.RTC + 1, 1, v);
    }

    @Test
    void readsHostTimeInBcdAndRollsOverALeapDay() {
        assertEquals(0x58, cmos(Mc146818.SECONDS));
        assertEquals(0x59, cmos(Mc146818.MINUTES));
        assertEquals(0x23, cmos(Mc146818.HOURS));
        assertEquals(0x29, cmos(Mc146818.DAY_OF_MONTH));
        assertEquals(0x02, cmos(Mc146818.MONTH));
        assertEquals(0x24, cmos(Mc146818.YEAR));
        assertEquals(0x20, cmos(Mc146818.CENTURY));
        assertEquals(5, cmos(Mc146818.DAY_OF_WEEK), "Thursday, Sunday = 1");
        clock.advance(1500 * MS);
        assertEquals(0x00, cmos(Mc146818.HOURS));
        assertEquals(0x01, cmos(Mc146818.DAY_OF_MONTH));
        assertEquals(0x03, cmos(Mc146818.MONTH));
        assertEquals(6, cmos(Mc146818.DAY_OF_WEEK));
    }

    @Test
    void binaryAnd12HourFormats() {
        setCmos(Mc146818.REG_B, Mc146818.B_DM_BINARY); // binary, 12-hour
        assertEquals(58, cmos(Mc146818.SECONDS));
        assertEquals(0x80 | 11, cmos(Mc146818.HOURS), "11 PM");
        clock.advance(2 * 1000 * MS);
        assertEquals(12, cmos(Mc146818.HOURS), "12 AM is midnight");
        setCmos(Mc146818.REG_B, 0); // BCD 12-hour
        assertEquals(0x12, cmos(Mc146818.HOURS));
    }

    @Test
    void setBitFreezesTimeWhileTheGuestWritesIt() {
        setCmos(Mc146818.REG_B, Mc146818.B_SET | Mc146818.B_24H);
        setCmos(Mc146818.HOURS, 0x10);
        setCmos(Mc146818.MINUTES, 0x20);
        setCmos(Mc146818.SECONDS, 0x30);
        setCmos(Mc146818.YEAR, 0x25);
        clock.advance(5000 * MS);
        assertEquals(0x30, cmos(Mc146818.SECONDS), "no updates while SET");
        assertEquals(0, cmos(Mc146818.REG_A) & Mc146818.A_UIP, "UIP is clear while SET");
        setCmos(Mc146818.REG_B, Mc146818.B_24H);
        clock.advance(2000 * MS);
        assertEquals(0x32, cmos(Mc146818.SECONDS));
        assertEquals(0x10, cmos(Mc146818.HOURS));
        assertEquals(0x25, cmos(Mc146818.YEAR));
        setCmos(Mc146818.MONTH, 0x02);
        assertEquals(0x28, cmos(Mc146818.DAY_OF_MONTH), "29 Feb 2025 does not exist");
        setCmos(Mc146818.DAY_OF_MONTH, 0x30); // February 30th does not exist: ignored
        assertEquals(0x28, cmos(Mc146818.DAY_OF_MONTH));
    }

    @Test
    void fieldsWrittenUnderSetMayPassThroughAnInvalidDate() {
        // Linux's mc146818_set_time order (year, month, day, ...) from 29 Feb to 31 Mar:
        // month 3 first, then day 31; and day 31 before month 12 (day first, as a guest may).
        setCmos(Mc146818.REG_B, Mc146818.B_SET | Mc146818.B_24H);
        setCmos(Mc146818.DAY_OF_MONTH, 0x31);
        assertEquals(0x31, cmos(Mc146818.DAY_OF_MONTH), "the register holds what was written");
        setCmos(Mc146818.MONTH, 0x12);
        setCmos(Mc146818.YEAR, 0x99);
        setCmos(Mc146818.REG_B, Mc146818.B_24H);
        assertEquals(0x31, cmos(Mc146818.DAY_OF_MONTH));
        assertEquals(0x12, cmos(Mc146818.MONTH));
        clock.advance(2000 * MS); // 23:59:58.5 + 2 s: a new century
        assertEquals(0x01, cmos(Mc146818.DAY_OF_MONTH));
        assertEquals(0x01, cmos(Mc146818.MONTH));
        assertEquals(0x00, cmos(Mc146818.YEAR));
        assertEquals(0x21, cmos(Mc146818.CENTURY));
        setCmos(Mc146818.REG_B, Mc146818.B_SET | Mc146818.B_24H);
        setCmos(Mc146818.MONTH, 0x02);
        setCmos(Mc146818.DAY_OF_MONTH, 0x30);
        setCmos(Mc146818.REG_B, Mc146818.B_24H);
        assertEquals(0x28, cmos(Mc146818.DAY_OF_MONTH), "30 Feb 2100 becomes its last day");
    }

    @Test
    void uipPrecedesEachUpdateBy244Microseconds() {
        // The next update is 500 ms away (host time was x.5 s).
        clock.advanceTo(500 * MS - 300_000);
        assertEquals(0, cmos(Mc146818.REG_A) & Mc146818.A_UIP);
        clock.advanceTo(500 * MS - 100_000);
        assertEquals(Mc146818.A_UIP, cmos(Mc146818.REG_A) & Mc146818.A_UIP);
        assertEquals(0x58, cmos(Mc146818.SECONDS));
        clock.advanceTo(500 * MS);
        assertEquals(0, cmos(Mc146818.REG_A) & Mc146818.A_UIP);
        assertEquals(0x59, cmos(Mc146818.SECONDS));
    }

    @Test
    void periodicInterruptAt1024Hz() {
        setCmos(Mc146818.REG_A, 0x26); // 32.768 kHz base, RS = 6: 1024 Hz
        setCmos(Mc146818.REG_B, Mc146818.B_24H | Mc146818.B_PIE);
        int pf = 0;
        for (int i = 0; i < 1024; i++) {
            clock.advance(976_563);
            if (irq) {
                assertEquals(Mc146818.C_IRQF | Mc146818.C_PF, cmos(Mc146818.REG_C) & 0xC0);
                pf++;
            }
            assertFalse(irq, "reading C releases IRQ8");
        }
        assertEquals(1024, pf);
        assertEquals(1024, irqRises);
        setCmos(Mc146818.REG_A, 0x2F); // RS = 15: 2 Hz
        irqRises = 0;
        clock.advance(1000 * MS);
        cmos(Mc146818.REG_C);
        clock.advance(1000 * MS);
        assertEquals(2, irqRises, "IRQ held until C is read: one rise per read");
    }

    @Test
    void flagsAreSetWithoutEnablesButDoNotInterrupt() {
        clock.advance(600 * MS);
        assertEquals(Mc146818.C_PF | Mc146818.C_UF, cmos(Mc146818.REG_C));
        assertEquals(0, cmos(Mc146818.REG_C), "reading C cleared them");
        assertEquals(0, irqRises);
    }

    @Test
    void updateEndedAndAlarmInterrupts() {
        setCmos(Mc146818.REG_A, 0x20); // no periodic rate
        setCmos(Mc146818.REG_B, Mc146818.B_24H | Mc146818.B_UIE);
        clock.advance(500 * MS);
        assertTrue(irq);
        assertEquals(Mc146818.C_IRQF | Mc146818.C_UF, cmos(Mc146818.REG_C));
        // Alarm at 00:00:00 (BCD), 1 s away now.
        setCmos(Mc146818.SECONDS_ALARM, 0x00);
        setCmos(Mc146818.MINUTES_ALARM, 0x00);
        setCmos(Mc146818.HOURS_ALARM, 0x00);
        setCmos(Mc146818.REG_B, Mc146818.B_24H | Mc146818.B_AIE);
        clock.advance(999 * MS);
        assertFalse(irq);
        clock.advance(1 * MS);
        assertTrue(irq);
        assertEquals(Mc146818.C_IRQF | Mc146818.C_AF | Mc146818.C_UF, cmos(Mc146818.REG_C));
        // Don't-care hours: every hour at mm:ss = 00:05.
        setCmos(Mc146818.HOURS_ALARM, 0xFF);
        setCmos(Mc146818.SECONDS_ALARM, 0x05);
        clock.advance(3600L * 1000 * MS);
        assertEquals(Mc146818.C_IRQF | Mc146818.C_AF | Mc146818.C_UF, cmos(Mc146818.REG_C));
    }

    @Test
    void dividerResetHoldsTimeAndRestartsHalfASecondLater() {
        setCmos(Mc146818.REG_A, 0x70);
        clock.advance(3000 * MS);
        assertEquals(0x58, cmos(Mc146818.SECONDS));
        setCmos(Mc146818.REG_A, 0x26);
        clock.advance(499 * MS);
        assertEquals(0x58, cmos(Mc146818.SECONDS));
        clock.advance(1 * MS);
        assertEquals(0x59, cmos(Mc146818.SECONDS));
    }

    @Test
    void cmosRamNmiMaskAndMemorySize() {
        setCmos(0x40, 0xA5);
        assertEquals(0xA5, cmos(0x40));
        assertEquals(Mc146818.D_VRT, cmos(Mc146818.REG_D));
        bus.write(Layout.RTC, 1, 0x80 | 0x40);
        assertTrue(rtc.nmiDisabled());
        assertEquals(0xA5, bus.read(Layout.RTC + 1, 1), "bit 7 of the index is the NMI mask, not address");
        bus.write(Layout.RTC, 1, 0x40);
        assertFalse(rtc.nmiDisabled());
        rtc.setMemorySize(512L << 20, 1L << 30);
        assertEquals(640, cmos(0x15) | cmos(0x16) << 8);
        assertEquals(0xFFFF, cmos(0x17) | cmos(0x18) << 8, "KiB above 1 MiB saturate");
        assertEquals((512 - 16) * 16, cmos(0x34) | cmos(0x35) << 8);
        assertEquals(0x4000, cmos(0x5B) | cmos(0x5C) << 8 | cmos(0x5D) << 16);
        rtc.setMemorySize(32L << 20, 0);
        assertEquals(31 * 1024, cmos(0x30) | cmos(0x31) << 8);
    }
}
