package tvmm.devices.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.platform.Layout;

/** Configuration mechanism #1 as Linux's arch/x86/pci/direct.c drives it. */
class PciHostBridgeTest {
    IoBus bus;
    PciHostBridge bridge;
    final List<String> legacy = new ArrayList<>();

    @BeforeEach
    void setUp() {
        IoDevice resetControl = new IoDevice() {
            @Override
            public long read(long offset, int size) {
                legacy.add("r" + offset);
                return 0x00;
            }

            @Override
            public void write(long offset, int size, long value) {
                legacy.add("w" + offset + "=" + Long.toHexString(value));
            }

            @Override
            public String name() {
                return "rcr";
            }
        };
        bridge = new PciHostBridge();
        bridge.legacyWindow().register(Layout.RESET_CONTROL - Layout.PCI_CONFIG, 1, resetControl);
        bus = IoBus.portBus();
        bus.register(Layout.PCI_CONFIG, Layout.PCI_CONFIG_LEN, bridge);
    }

    static int address(int busNo, int dev, int fn, int reg) {
        return 0x8000_0000 | busNo << 16 | dev << 11 | fn << 8 | (reg & 0xFC);
    }

    long conf1Read(int dev, int fn, int reg, int size) {
        bus.write(0xCF8, 4, address(0, dev, fn, reg));
        return bus.read(0xCFC + (reg & 3), size);
    }

    void conf1Write(int dev, int fn, int reg, int size, int v) {
        bus.write(0xCF8, 4, address(0, dev, fn, reg));
        bus.write(0xCFC + (reg & 3), size, v);
    }

    @Test
    void linuxType1ProbeSucceeds() {
        // pci_check_type1(): outb(0x01, 0xCFB); tmp = inl(0xCF8); outl(0x80000000, 0xCF8); inl == 0x80000000.
        bus.write(0xCFB, 1, 0x01);
        long tmp = bus.read(0xCF8, 4);
        bus.write(0xCF8, 4, 0x8000_0000L);
        assertEquals(0x8000_0000L, bus.read(0xCF8, 4));
        bus.write(0xCF8, 4, tmp);
        assertEquals(List.of(), legacy, "the byte write to 0xCFB went to neither the latch nor 0xCF9");
        bus.write(0xCF9, 1, 0x06);
        assertEquals(List.of("w0=6"), legacy, "0xCF9 reaches the reset control register at its offset 0");
        assertEquals(0x00, bus.read(0xCF9, 1));
        assertEquals(0xFF, bus.read(0xCFA, 1), "nothing else in the legacy window");
    }

    @Test
    void hostBridgeIs440fxAt0000() {
        assertEquals(0x1237_8086L, conf1Read(0, 0, 0x00, 4));
        assertEquals(0x8086, conf1Read(0, 0, 0x00, 2));
        assertEquals(0x12, conf1Read(0, 0, 0x03, 1));
        assertEquals(0x0600_0002L, conf1Read(0, 0, 0x08, 4), "class 06/00/00, revision 02");
        assertEquals(0x00, conf1Read(0, 0, 0x0E, 1), "single-function type-0 header");
        conf1Write(0, 0, 0x00, 4, 0xDEAD_BEEF);
        assertEquals(0x1237_8086L, conf1Read(0, 0, 0x00, 4), "IDs are read-only");
        conf1Write(0, 0, 0x04, 2, 0xFFFF);
        assertEquals(0x0146, conf1Read(0, 0, 0x04, 2));
        conf1Write(0, 0, 0x5A, 1, 0x33);
        assertEquals(0x33, conf1Read(0, 0, 0x5A, 1), "PAM registers are writable");
    }

    @Test
    void absentFunctionsAndDisabledAccessReadAllOnes() {
        assertEquals(0xFFFF_FFFFL, conf1Read(1, 0, 0x00, 4));
        assertEquals(0xFFFF_FFFFL, conf1Read(0, 1, 0x00, 4));
        bus.write(0xCF8, 4, address(1, 0, 0, 0)); // bus 1 does not exist
        assertEquals(0xFFFF, bus.read(0xCFC, 2));
        bus.write(0xCF8, 4, 0x0000_0000); // enable bit clear
        assertEquals(0xFFFF_FFFFL, bus.read(0xCFC, 4));
        assertEquals(0x8000_0000L, bus.read(0xCF8, 4) | 0x8000_0000L);
        bus.write(0xCF8, 4, 0xFFFF_FFFFL);
        assertEquals(0x80FF_FFFCL, bus.read(0xCF8, 4), "reserved address bits read as zero");
    }

    @Test
    void attachedFunctionIsReachedAndStatusIsWriteOneToClear() {
        PciConfigSpace dev = new PciConfigSpace(0x1AF4, 0x1001, 0, 0x01_00_00);
        dev.setReadOnly(PciConfigSpace.STATUS, 2, 0x4000);
        dev.setWriteOneToClear(PciConfigSpace.STATUS, 2, 0x4000);
        bridge.attach(3, 0, dev);
        assertEquals(0x1001_1AF4L, conf1Read(3, 0, 0, 4));
        assertEquals(0x4000, conf1Read(3, 0, PciConfigSpace.STATUS, 2));
        conf1Write(3, 0, PciConfigSpace.STATUS, 2, 0x4000);
        assertEquals(0, conf1Read(3, 0, PciConfigSpace.STATUS, 2));
        conf1Write(3, 0, PciConfigSpace.INTERRUPT_LINE, 1, 11);
        assertEquals(11, conf1Read(3, 0, PciConfigSpace.INTERRUPT_LINE, 1));
        assertThrows(IllegalArgumentException.class, () -> bridge.attach(3, 0, dev));
    }
}
