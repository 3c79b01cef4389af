package tvmm.devices.pit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.platform.Layout;
import tvmm.devices.time.ManualClock;
import tvmm.devices.time.Ticks;
import tvmm.devices.time.VirtualClock;

/** The 8254 through ports 0x40–0x43 and 0x61, timed exactly by a manual clock. */
class Pit8254Test {
    static final long HZ = Pit8254.FREQUENCY_HZ;

    final ManualClock manual = new ManualClock();
    final List<VirtualClock.Timer> timers = new ArrayList<>();
    /** The manual clock, remembering the timers devices make so tests can see if they are armed. */
    final VirtualClock clock = new VirtualClock() {
        @Override
        public long nanos() {
            return manual.nanos();
        }

        @Override
        public Timer newTimer(String name, Runnable onExpiry) {
            Timer t = manual.newTimer(name, onExpiry);
            timers.add(t);
            return t;
        }
    };
    final List<Long> irqRises = new ArrayList<>();
    boolean irqLevel;
    IoBus bus;
    Pit8254 pit;

    @BeforeEach
    void setUp() {
        IrqLine irq0 = high -> {
            if (high && !irqLevel) {
                irqRises.add(tick());
            }
            irqLevel = high;
        };
        pit = new Pit8254(clock, irq0);
        bus = IoBus.portBus();
        bus.register(Layout.PIT, Layout.PIT_LEN, pit);
        bus.register(Layout.SYSTEM_CONTROL_B, 1, new SystemControlPortB(pit, clock));
    }

    long tick() {
        return Ticks.ticksAt(manual.nanos(), HZ);
    }

    void toTick(long t) {
        manual.advanceTo(Ticks.nanosOfTick(t, HZ));
    }

    void out(int port, int v) {
        bus.write(port, 1, v);
    }

    int in(int port) {
        return (int) bus.read(port, 1);
    }

    int readLoHi(int port) {
        int lo = in(port);
        return lo | in(port) << 8;
    }

    boolean out2() {
        return (in(0x61) & SystemControlPortB.TIMER2_OUT) != 0;
    }

    @Test
    void mode2RateGeneratorInterruptsEveryCountClocks() {
        // Linux setup_pit_timer: 0x34 = counter 0, LSB/MSB, mode 2, binary; LATCH for HZ=1000.
        out(0x43, 0x34);
        out(0x40, 1193 & 0xFF);
        out(0x40, 1193 >> 8);
        toTick(1 + 10 * 1193);
        List<Long> expected = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            expected.add(1 + k * 1193L); // loaded on the first CLK after the write
        }
        assertEquals(expected, irqRises);
        assertTrue(timers.get(0).isArmed(), "the next period is armed");
        // 1 kHz within the 8254's crystal: 1193 clocks = 999.847 µs.
        assertEquals(999_847, Ticks.nanosOfTick(1193, HZ), 1);
    }

    @Test
    void mode0InterruptsOnceAtTerminalCountThenDisarms() {
        out(0x43, 0x30);
        out(0x40, 100);
        out(0x40, 0);
        assertFalse(irqLevel, "OUT0 low after the count is written");
        toTick(100);
        assertEquals(List.of(), irqRises);
        toTick(5000);
        assertEquals(List.of(101L), irqRises);
        assertFalse(timers.get(0).isArmed(), "no busy ticking after terminal count");
        // The counter keeps counting down through zero.
        out(0x43, 0x00); // latch counter 0
        assertEquals((100 - (5000 - 1)) & 0xFFFF, readLoHi(0x40));
    }

    @Test
    void counterLatchHoldsUntilRead() {
        out(0x43, 0x34);
        out(0x40, 1000 & 0xFF);
        out(0x40, 1000 >> 8);
        toTick(501);
        out(0x43, 0x00);
        toTick(700);
        out(0x43, 0x00); // a second latch before reading is ignored
        assertEquals(500, readLoHi(0x40));
        assertEquals(1000 - 699, readLoHi(0x40), "after reading, the counter is live again");
    }

    @Test
    void readBackReturnsStatusThenCount() {
        out(0x43, 0x34);
        out(0x40, 0x00);
        out(0x40, 0x10); // count 0x1000
        out(0x43, 0xE2); // read-back status only, counter 0
        assertEquals(0x80 | 0x40 | 0x30 | 0x04, in(0x40), "OUT high, null count before the load CLK");
        toTick(0x101);
        out(0x43, 0xC2); // read-back count and status, counter 0
        assertEquals(0x80 | 0x30 | 0x04, in(0x40));
        assertEquals(0x1000 - 0x100, readLoHi(0x40));
        out(0x43, 0xD2); // count only
        toTick(0x200);
        assertEquals(0x1000 - 0x100, readLoHi(0x40));
    }

    @Test
    void bcdCountingReadsDecimalDigits() {
        out(0x43, 0x31); // counter 0, LSB/MSB, mode 0, BCD
        out(0x40, 0x00);
        out(0x40, 0x10); // 1000 decimal
        toTick(2);
        out(0x43, 0x00);
        assertEquals(0x0999, readLoHi(0x40));
        toTick(1000);
        assertEquals(List.of(), irqRises);
        toTick(1001);
        assertEquals(List.of(1001L), irqRises);
        toTick(1002);
        out(0x43, 0x00);
        assertEquals(0x9999, readLoHi(0x40), "BCD wraps to 9999");
    }

    @Test
    void lsbOnlyAndMsbOnlyAccess() {
        out(0x43, 0x10); // counter 0, LSB only, mode 0
        out(0x40, 0x50);
        toTick(1);
        assertEquals(0x50, in(0x40));
        assertEquals(0x50, in(0x40), "LSB-only reads never flip to MSB");
        out(0x43, 0xA0); // counter 2, MSB only, mode 0
        out(0x42, 0x02);
        out(0x61, SystemControlPortB.TIMER2_GATE);
        out(0x43, 0x80); // latch counter 2
        assertEquals(0x02, in(0x42));
    }

    @Test
    void linuxTscCalibrationSeesOut2RiseAfterLatchClocks() {
        // pit_calibrate_tsc(): gate on, speaker off; counter 2 mode 0; 50 ms worth of clocks.
        out(0x61, (in(0x61) & ~0x02) | 0x01);
        out(0x43, 0xB0);
        int latch = (int) (HZ / 20);
        out(0x42, latch & 0xFF);
        out(0x42, latch >> 8);
        assertFalse(out2());
        toTick(latch);
        assertFalse(out2());
        toTick(latch + 1);
        assertTrue(out2(), "OUT2 rises at terminal count, 50 ms after the write");
        assertEquals(50_000_000, manual.nanos(), 1_000);
    }

    @Test
    void linuxQuickPitCalibrationSeesTheMsbStepEvery256Clocks() {
        // quick_pit_calibrate(): gate on, counter 2 mode 0 from 0xFFFF, then poll the MSB.
        out(0x61, (in(0x61) & ~0x02) | 0x01);
        out(0x43, 0xB0);
        out(0x42, 0xFF);
        out(0x42, 0xFF);
        for (int i = 0; i < 50; i++) {
            toTick(1 + 256L * i + 100);
            in(0x42); // pit_verify_msb reads LSB, then compares the MSB
            assertEquals(0xFF - i, in(0x42), "MSB after " + i + " × 256 clocks");
        }
    }

    @Test
    void mode1OneShotIsTriggeredAndRetriggeredByGate() {
        out(0x43, 0xB2); // counter 2, LSB/MSB, mode 1
        out(0x42, 100);
        out(0x42, 0);
        assertTrue(out2(), "mode 1 OUT is high until triggered");
        toTick(500);
        assertTrue(out2());
        out(0x61, 1); // trigger at 500: OUT low from the next CLK for 100 clocks
        toTick(501);
        assertFalse(out2());
        toTick(550);
        out(0x61, 0);
        out(0x61, 1); // retrigger at 550
        toTick(640);
        assertFalse(out2(), "retriggered: still counting");
        toTick(651);
        assertTrue(out2());
    }

    @Test
    void mode3SquareWaveHalvesThePeriod() {
        out(0x61, 1);
        out(0x43, 0xB6); // counter 2, mode 3
        out(0x42, 10);
        out(0x42, 0);
        List<Boolean> wave = new ArrayList<>();
        for (long t = 1; t <= 21; t++) {
            toTick(t);
            wave.add(out2());
        }
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            expected.add(i % 10 < 5);
        }
        assertEquals(expected, wave);
        out(0x61, 0);
        assertTrue(out2(), "gate low forces OUT high in mode 3");
    }

    List<Boolean> sampleOut2(long fromTick, long toTick) {
        List<Boolean> wave = new ArrayList<>();
        for (long t = fromTick; t <= toTick; t++) {
            toTick(t);
            wave.add(out2());
        }
        return wave;
    }

    static List<Boolean> wave(String hl) {
        List<Boolean> w = new ArrayList<>();
        for (char c : hl.toCharArray()) {
            w.add(c == 'H');
        }
        return w;
    }

    @Test
    void mode3OddCountIsHighOneClockLonger() {
        out(0x61, 1);
        out(0x43, 0xB6);
        out(0x42, 7);
        out(0x42, 0);
        assertEquals(wave("HHHHLLLHHHHLLL"), sampleOut2(1, 14));
        toTick(16); // e = 15: second clock of a high half, count loaded as 6 and decremented by two
        out(0x43, 0x80);
        assertEquals(4, readLoHi(0x42));
    }

    @Test
    void mode3NewCountTakesEffectAtTheEndOfTheHalfCycle() {
        out(0x61, 1);
        out(0x43, 0xB6);
        out(0x42, 10);
        out(0x42, 0);
        toTick(3); // e = 2, in the high half
        out(0x42, 6);
        out(0x42, 0);
        // From e = 3: the high half of 10 ends at e = 5; then the new count's low half (3),
        // high (3), low (3).
        assertEquals(wave("HHLLLHHHLLLHHHL"), sampleOut2(4, 18));

        out(0x43, 0xB6);
        out(0x42, 10);
        out(0x42, 0); // restarted: loaded at the next clock
        long t0 = tick() + 1;
        toTick(t0 + 7); // e = 7, in the low half
        out(0x42, 4);
        out(0x42, 0);
        // The low half of 10 runs to e = 10, then 4: HH LL HH.
        assertEquals(wave("LLHHLLHH"), sampleOut2(t0 + 8, t0 + 15));
    }

    @Test
    void mode3InterruptsOncePerPeriodAcrossAHalfCycleReload() {
        out(0x43, 0x36); // counter 0, mode 3
        out(0x40, 100);
        out(0x40, 0);
        toTick(31);
        out(0x40, 40); // during the high half: reload at e = 50 into the low half of 40
        out(0x40, 0);
        toTick(400);
        // OUT0 rises at e = 50 + 20, then every 40 clocks; load was at tick 1.
        List<Long> expected = new ArrayList<>();
        for (long t = 1 + 70; t <= 400; t += 40) {
            expected.add(t);
        }
        assertEquals(expected, irqRises);
    }

    @Test
    void mode2GateLowStopsAndRisingGateReloads() {
        out(0x61, 1);
        out(0x43, 0xB4); // counter 2, mode 2
        out(0x42, 50);
        out(0x42, 0);
        toTick(21);
        out(0x61, 0);
        toTick(1000);
        out(0x43, 0x80);
        assertEquals(30, readLoHi(0x42), "counting suspended while the gate is low");
        out(0x61, 1); // rising gate: reload on the next CLK
        toTick(1001);
        out(0x43, 0x80);
        assertEquals(50, readLoHi(0x42));
        toTick(1001 + 49);
        assertFalse(out2(), "OUT low for the CLK at count 1");
        toTick(1001 + 50);
        assertTrue(out2());
    }

    @Test
    void mode2NewCountWaitsForThePeriodEnd() {
        out(0x43, 0x34);
        out(0x40, 100);
        out(0x40, 0);
        toTick(51);
        out(0x40, 10);
        out(0x40, 0);
        toTick(140);
        assertEquals(List.of(101L, 111L, 121L, 131L), irqRises);
    }

    @Test
    void mode0GateLowPausesCounting() {
        out(0x43, 0xB0);
        out(0x42, 100);
        out(0x42, 0);
        out(0x61, 1); // gate rises at tick 0: counting from tick 0
        toTick(40);
        out(0x61, 0);
        toTick(400);
        assertFalse(out2());
        out(0x61, 1);
        toTick(459);
        assertFalse(out2());
        toTick(460);
        assertTrue(out2(), "100 clocks of counting, 360 of them paused");
    }

    @Test
    void mode4StrobesOnceAndMode5WaitsForTheGate() {
        out(0x43, 0x38); // counter 0, mode 4
        out(0x40, 20);
        out(0x40, 0);
        toTick(1000);
        // OUT0 low for the one CLK at count 0 (tick 21), high again at 22.
        assertEquals(List.of(22L), irqRises);
        assertFalse(timers.get(0).isArmed());

        out(0x43, 0xBA); // counter 2, mode 5
        out(0x42, 20);
        out(0x42, 0);
        toTick(1100);
        assertTrue(out2());
        out(0x61, 1); // trigger at 1100
        toTick(1121);
        assertFalse(out2(), "strobe at count 0");
        toTick(1122);
        assertTrue(out2());
    }

    @Test
    void lateTimerStillDeliversOneEdge() {
        out(0x43, 0x34);
        out(0x40, 2);
        out(0x40, 0);
        // One jump over many periods: the controller sees a rise each time the timer runs.
        manual.advanceTo(Ticks.nanosOfTick(1000, HZ));
        assertTrue(irqRises.size() >= 1);
        assertTrue(irqLevel);
    }
}
