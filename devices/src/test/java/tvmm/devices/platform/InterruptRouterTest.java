package tvmm.devices.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.pic.PicPair;

class InterruptRouterTest {
    @Test
    void isaIrqReachesPicInputAndIoapicPinWithIrq0Override() {
        PicPair pic = new PicPair();
        IoBus bus = IoBus.portBus();
        bus.register(Layout.PIC_MASTER, Layout.PIC_MASTER_LEN, pic.masterPorts());
        bus.register(Layout.PIC_SLAVE, Layout.PIC_SLAVE_LEN, pic.slavePorts());
        bus.write(Layout.PIC_MASTER + 1, 1, 0x00); // unmask all
        bus.write(Layout.PIC_SLAVE + 1, 1, 0x00);
        InterruptRouter router = new InterruptRouter(pic);
        List<String> pins = new ArrayList<>();
        router.connectIoApic((gsi, high) -> pins.add(gsi + (high ? "+" : "-")));

        router.isaIrq(Layout.IRQ_PIT).pulse();
        assertEquals(List.of("2+", "2-"), pins, "IRQ0 is GSI 2 on the IOAPIC");
        assertTrue(pic.intr());
        assertEquals(Layout.PIC_MASTER_VECTOR_BASE, pic.acknowledge(), "and IR0 on the 8259");

        pins.clear();
        router.isaIrq(Layout.IRQ_RTC).raise();
        assertEquals(List.of("8+"), pins);
        bus.write(Layout.PIC_MASTER, 1, 0x20);
        assertEquals(Layout.PIC_SLAVE_VECTOR_BASE, pic.acknowledge());

        pins.clear();
        router.gsi(19).raise();
        assertEquals(List.of("19+"), pins);
        assertThrows(IllegalArgumentException.class, () -> router.gsi(5));
        assertThrows(IllegalArgumentException.class, () -> router.isaIrq(16));
    }

    @Test
    void sharedWireIsTheOrOfItsSources() {
        InterruptRouter router = new InterruptRouter(new PicPair());
        List<String> pins = new ArrayList<>();
        router.connectIoApic((gsi, high) -> pins.add(gsi + (high ? "+" : "-")));
        var a = router.gsi(17);
        var b = router.gsi(17);
        a.raise();
        b.raise();
        a.lower();
        assertEquals(List.of("17+", "17+"), pins, "still asserted by b");
        b.lower();
        assertEquals(List.of("17+", "17+", "17-"), pins);
        a.lower(); // repeating a level is harmless
        assertEquals(3, pins.size());
    }

    @Test
    void layoutWindowsDoNotOverlap() {
        IoBus bus = IoBus.portBus();
        int[][] windows = {
            {Layout.PIC_MASTER, Layout.PIC_MASTER_LEN}, {Layout.PIC_SLAVE, Layout.PIC_SLAVE_LEN},
            {Layout.PIC_ELCR, Layout.PIC_ELCR_LEN}, {Layout.PIT, Layout.PIT_LEN},
            {Layout.SYSTEM_CONTROL_B, 1}, {Layout.I8042_DATA, 1}, {Layout.I8042_COMMAND, 1},
            {Layout.RTC, Layout.RTC_LEN}, {Layout.DEBUG_CONSOLE, 1}, {Layout.DEBUG_EXIT, 1},
            {Layout.COM1, Layout.COM_LEN}, {Layout.FW_CFG, Layout.FW_CFG_LEN},
            {Layout.ACPI_PM1A_EVT, Layout.ACPI_PM1_EVT_LEN}, {Layout.ACPI_PM1A_CNT, Layout.ACPI_PM1_CNT_LEN},
            {Layout.ACPI_PM_TMR, Layout.ACPI_PM_TMR_LEN}, {Layout.PCI_CONFIG, Layout.PCI_CONFIG_LEN},
        };
        for (int[] w : windows) {
            bus.register(w[0], w[1], new tvmm.devices.debug.DebugConsole(b -> { }));
        }
        assertEquals(windows.length, bus.ranges().length);
        assertEquals(Layout.PCI_CONFIG, bus.find(Layout.RESET_CONTROL).base(), "0xCF9 is decoded by the bridge");
    }
}
