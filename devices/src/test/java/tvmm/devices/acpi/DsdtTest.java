package tvmm.devices.acpi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.acpi.aml.AmlWalker;
import tvmm.devices.acpi.aml.AmlWalker.Node;
import tvmm.devices.acpi.pm.AcpiPm;
import tvmm.devices.platform.Layout;

/** The DSDT's AML decoded back by an independent walker. */
class DsdtTest {
    final AcpiConfig config = AcpiConfig.forPlatform(3, 0x8000_0000L);
    final byte[] dsdt = Dsdt.build(config);
    final List<Node> tree = AmlWalker.parse(dsdt, 36, dsdt.length);

    Node sb() {
        return tree.stream().filter(n -> n.kind().equals("Scope") && n.name().equals("\\_SB_")).findFirst().orElseThrow();
    }

    static Node value(Node device, String name) {
        Node n = device.child("Name", name);
        assertNotNull(n, name + " missing");
        return n.children().get(0);
    }

    static long eisa(String id) {
        byte[] b = tvmm.devices.acpi.aml.Aml.eisaId(id);
        return (b[1] & 0xFFL) | (b[2] & 0xFFL) << 8 | (b[3] & 0xFFL) << 16 | (b[4] & 0xFFL) << 24;
    }

    @Test
    void headerAndChecksum() {
        assertEquals("DSDT", new String(dsdt, 0, 4));
        assertEquals(2, dsdt[8], "revision 2: 64-bit integers");
        assertTrue(Checksum.valid(dsdt, 0, dsdt.length));
    }

    @Test
    void oneProcessorDevicePerVcpuWithTheMadtUid() {
        for (int uid = 0; uid < 3; uid++) {
            Node cpu = sb().child("Device", String.format("C%03X", uid));
            assertNotNull(cpu);
            assertEquals("ACPI0007", value(cpu, "_HID").name());
            assertEquals(uid, value(cpu, "_UID").value());
        }
        assertNull(sb().child("Device", "C003"));
    }

    @Test
    void pciRootBridge() {
        Node pci = sb().child("Device", "PCI0");
        assertEquals(eisa("PNP0A03"), value(pci, "_HID").value());
        assertEquals(0, value(pci, "_BBN").value());
        List<byte[]> crs = AmlWalker.descriptors(value(pci, "_CRS").bytes());
        assertEquals(7, crs.size(), "bus range, config ports, two I/O windows, two memory windows, end");
        byte[] cfg = crs.get(1);
        assertEquals(0x47, cfg[0] & 0xFF);
        assertEquals(Layout.PCI_CONFIG, (cfg[2] & 0xFF) | (cfg[3] & 0xFF) << 8);
        assertEquals(8, cfg[7]);
        byte[] hole = crs.get(5);
        long min = (hole[10] & 0xFFL) | (hole[11] & 0xFFL) << 8 | (hole[12] & 0xFFL) << 16 | (hole[13] & 0xFFL) << 24;
        assertEquals(0x8000_0000L, min, "the 32-bit window starts at the end of low RAM");
    }

    @Test
    void com1AndRtc() {
        Node com1 = sb().child("Device", "COM1");
        assertEquals(eisa("PNP0501"), value(com1, "_HID").value());
        List<byte[]> crs = AmlWalker.descriptors(value(com1, "_CRS").bytes());
        assertEquals(Layout.COM1, (crs.get(0)[2] & 0xFF) | (crs.get(0)[3] & 0xFF) << 8);
        assertEquals(8, crs.get(0)[7]);
        assertEquals(1 << Layout.IRQ_COM1, (crs.get(1)[1] & 0xFF) | (crs.get(1)[2] & 0xFF) << 8);
        assertEquals(0x0F, com1.child("Method", "_STA").children().get(0).children().get(0).value());
        Node rtc = sb().child("Device", "RTC_");
        assertEquals(eisa("PNP0B00"), value(rtc, "_HID").value());
        List<byte[]> rtcCrs = AmlWalker.descriptors(value(rtc, "_CRS").bytes());
        assertEquals(Layout.RTC, (rtcCrs.get(0)[2] & 0xFF) | (rtcCrs.get(0)[3] & 0xFF) << 8);
        assertEquals(1 << Layout.IRQ_RTC, (rtcCrs.get(1)[1] & 0xFF) | (rtcCrs.get(1)[2] & 0xFF) << 8);
    }

    @Test
    void s5PackageNamesThePmDevicesPowerOffType() {
        Node s5 = tree.stream().filter(n -> n.name().equals("\\_S5_")).findFirst().orElseThrow();
        Node pkg = s5.children().get(0);
        assertEquals("Package", pkg.kind());
        assertEquals(AcpiPm.SLP_TYP_S5, pkg.children().get(0).value());
        assertEquals(AcpiPm.SLP_TYP_S5, pkg.children().get(1).value());
    }

    @Test
    void largeMachinesNeedMultiBytePackageLengths() {
        byte[] big = Dsdt.build(AcpiConfig.forPlatform(200, 0x8000_0000L));
        List<Node> t = AmlWalker.parse(big, 36, big.length);
        assertEquals(200 + 4, t.get(0).children().size());
    }
}
