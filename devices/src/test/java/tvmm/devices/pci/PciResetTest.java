package tvmm.devices.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;

/** PCI RST#: CONFIG_ADDRESS 0 and every writable configuration bit back to 0; IDs untouched. */
class PciResetTest {
    final PciHostBridge bridge = new PciHostBridge();
    final IoBus bus = IoBus.portBus();

    PciResetTest() {
        bus.register(Layout.PCI_CONFIG, Layout.PCI_CONFIG_LEN, bridge);
    }

    long read(int reg, int size) {
        bus.write(0xCF8, 4, 0x8000_0000 | (reg & 0xFC));
        return bus.read(0xCFC + (reg & 3), size);
    }

    void write(int reg, int size, int v) {
        bus.write(0xCF8, 4, 0x8000_0000 | (reg & 0xFC));
        bus.write(0xCFC + (reg & 3), size, v);
    }

    @Test
    void resetRestoresConfigurationRegisters() {
        write(PciConfigSpace.COMMAND, 2, 0x0146);
        write(0x59, 1, 0x30);                       // PAM0: BIOS shadow read/write
        write(PciConfigSpace.INTERRUPT_LINE, 1, 11);
        bus.write(0xCF8, 4, 0x8000_0810);

        bridge.reset();

        assertEquals(0, bus.read(0xCF8, 4), "CONFIG_ADDRESS: disabled");
        assertEquals(0, read(PciConfigSpace.COMMAND, 2));
        assertEquals(0, read(0x59, 1));
        assertEquals(0, read(PciConfigSpace.INTERRUPT_LINE, 1));
        assertEquals(PciHostBridge.INTEL_VENDOR | PciHostBridge.I440FX_DEVICE << 16, read(0, 4));
        assertEquals(0x0280, read(PciConfigSpace.STATUS, 2), "read-only status bits kept");
    }
}
