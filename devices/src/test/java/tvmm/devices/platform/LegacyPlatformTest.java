package tvmm.devices.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.time.ManualClock;
import tvmm.devices.time.Ticks;

/** The assembled legacy platform, driven through ports only, end to end. */
class LegacyPlatformTest {
    @Test
    void pitInterruptReachesBothControllersAndSerialReachesTheHost() {
        ManualClock clock = new ManualClock();
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        List<Integer> exits = new ArrayList<>();
        int[] resets = {0};
        IoBus ports = IoBus.portBus();
        LegacyPlatform pc = new LegacyPlatform(new LegacyPlatform.Host(clock, serial::write, 1,
                b -> { }, exits::add, () -> resets[0]++, null, 2, 128L << 20, 0), ports);
        List<String> ioapic = new ArrayList<>();
        pc.router.connectIoApic((gsi, high) -> {
            if (high) {
                ioapic.add("gsi" + gsi);
            }
        });
        // Linux-style PIC init, unmask IRQ0, PIT 1 kHz.
        int[][] init = {{0x20, 0x11}, {0x21, 0x20}, {0x21, 0x04}, {0x21, 0x01},
            {0xA0, 0x11}, {0xA1, 0x28}, {0xA1, 0x02}, {0xA1, 0x01}, {0x21, 0xFE}, {0xA1, 0xFF},
            {0x43, 0x34}, {0x40, 0xA9}, {0x40, 0x04}};
        for (int[] w : init) {
            ports.write(w[0], 1, w[1]);
        }
        clock.advanceTo(Ticks.nanosOfTick(1 + 1193, 1_193_182));
        assertTrue(pc.pic.intr());
        assertEquals(0x20, pc.pic.acknowledge());
        assertEquals(List.of("gsi2"), ioapic);

        for (byte b : "hi".getBytes()) {
            ports.write(Layout.COM1, 1, b);
        }
        clock.advance(1_000_000_000L); // the default divisor 12 (9600 baud) takes ~2 ms
        assertEquals("hi", serial.toString());

        ports.write(Layout.DEBUG_EXIT, 1, 3);
        assertEquals(List.of(7), exits);
        ports.write(Layout.I8042_COMMAND, 1, 0xFE);
        assertEquals(1, resets[0]);
        ports.write(Layout.PCI_CONFIG, 4, 0x8000_0000L);
        assertEquals(0x1237_8086L, ports.read(Layout.PCI_CONFIG + 4, 4));
        ports.write(Layout.RTC, 1, 0x34);
        long lo = ports.read(Layout.RTC + 1, 1);
        ports.write(Layout.RTC, 1, 0x35);
        long hi = ports.read(Layout.RTC + 1, 1);
        assertEquals((128 - 16) * 16, lo | hi << 8, "CMOS: 64 KiB units above 16 MiB");
    }

    @Test
    void hpetLegacyReplacementCutsThePitAndRtcOutputs() {
        ManualClock clock = new ManualClock();
        IoBus ports = IoBus.portBus();
        LegacyPlatform pc = new LegacyPlatform(new LegacyPlatform.Host(clock, b -> { }, 1,
                b -> { }, v -> { }, () -> { }, null, 1, 64L << 20, 0), ports);
        List<String> pins = new ArrayList<>();
        pc.router.connectIoApic((gsi, high) -> pins.add(gsi + (high ? "+" : "-")));
        ports.write(Layout.PIT + 3, 1, 0x34); // 1 kHz rate generator
        ports.write(Layout.PIT, 1, 0xA9);
        ports.write(Layout.PIT, 1, 0x04);
        clock.advance(2_000_000); // the first edge comes 1194 clocks (1.0007 ms) after the write
        assertTrue(pins.contains("2+"), "PIT reaches GSI 2");
        pc.setLegacyReplacement(true);
        pins.clear();
        clock.advance(10_000_000);
        assertTrue(pins.stream().noneMatch(p -> p.equals("2+")), "cut off: " + pins);
        pc.setLegacyReplacement(false);
        clock.advance(2_000_000);
        assertTrue(pins.contains("2+"), "reconnected");
    }
}
