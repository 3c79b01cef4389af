package tvmm.devices.acpi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tvmm.devices.platform.Layout;

/** Layout, root pointers and checksums of the whole table set, read back from the image. */
class AcpiTablesTest {
    final AcpiConfig config = AcpiConfig.forPlatform(4, 0x8000_0000L);
    final AcpiTables tables = AcpiTables.build(config, Layout.ACPI_TABLES, (int) Layout.ACPI_TABLES_SIZE);
    final TableReader r = new TableReader(tables);

    @Test
    void rsdpAtTheBaseWithBothChecksums() {
        long rsdp = tables.rsdpAddress();
        assertEquals(Layout.ACPI_TABLES, rsdp);
        assertEquals(0, rsdp % 16, "the OS scans 16-byte boundaries");
        assertEquals("RSD PTR ", r.ascii(rsdp, 8));
        assertTrue(Checksum.valid(r.image, r.at(rsdp), 20), "ACPI 1.0 checksum");
        assertTrue(Checksum.valid(r.image, r.at(rsdp), 36), "extended checksum");
        assertEquals(2, r.u8(rsdp + 15), "revision 2: XSDT present");
        assertEquals(36, r.u32(rsdp + 20));
        assertEquals(tables.addresses().get("XSDT"), r.u64(rsdp + 24));
        assertEquals(tables.addresses().get("RSDT"), r.u32(rsdp + 16));
    }

    @Test
    void xsdtAndRsdtListTheSameTables() {
        long xsdt = r.u64(tables.rsdpAddress() + 24);
        long rsdt = r.u32(tables.rsdpAddress() + 16);
        int xlen = r.checkTable(xsdt, "XSDT");
        int rlen = r.checkTable(rsdt, "RSDT");
        assertEquals((xlen - 36) / 8, (rlen - 36) / 4);
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < (xlen - 36) / 8; i++) {
            long table = r.u64(xsdt + 36 + 8L * i);
            assertEquals(table, r.u32(rsdt + 36 + 4L * i));
            String sig = r.ascii(table, 4);
            r.checkTable(table, sig);
            signatures.add(sig);
        }
        assertEquals(List.of("FACP", "APIC", "HPET"), signatures);
    }

    @Test
    void fadtPointsToDsdtAndFacs() {
        long fadt = tables.addresses().get("FACP");
        long dsdt = r.u64(fadt + 140);
        assertEquals(dsdt, r.u32(fadt + 40), "32- and 64-bit DSDT pointers agree");
        r.checkTable(dsdt, "DSDT");
        long facs = r.u64(fadt + 132);
        assertEquals(facs, r.u32(fadt + 36));
        assertEquals(0, facs % 64, "FACS is 64-byte aligned");
        assertEquals("FACS", r.ascii(facs, 4));
        assertEquals(64, r.u32(facs + 4));
    }

    @Test
    void tablesDoNotOverlapAndFitTheRegion() {
        Map<String, Long> addr = tables.addresses();
        Set<Long> seen = new HashSet<>();
        long end = 0;
        for (var e : addr.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList()) {
            assertTrue(seen.add(e.getValue()), e.getKey());
            int length = switch (e.getKey()) {
                case "RSDP" -> 36;
                case "FACS" -> 64;
                default -> (int) r.u32(e.getValue() + 4);
            };
            assertTrue(e.getValue() >= end, e.getKey() + " overlaps the table before it");
            end = e.getValue() + length;
        }
        assertEquals(Layout.ACPI_TABLES + r.image.length, end);
        assertTrue(r.image.length < Layout.ACPI_TABLES_SIZE);
    }

    @Test
    void failsCleanlyWhenTheRegionIsTooSmall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AcpiTables.build(config, Layout.ACPI_TABLES, 256));
        assertTrue(e.getMessage().contains("256"));
    }

    @Test
    void platformConfigRejectsImpossibleMachines() {
        assertThrows(IllegalArgumentException.class, () -> AcpiConfig.forPlatform(0, 0x8000_0000L));
        assertThrows(IllegalArgumentException.class, () -> AcpiConfig.forPlatform(1, Layout.IOAPIC_BASE));
    }

    @Test
    void writeToPlacesTheImageAtItsGuestAddress() {
        byte[] memory = new byte[0x2_0000];
        tables.writeTo(memory, Layout.ACPI_TABLES);
        assertEquals('R', memory[0]);
        byte[] low = new byte[0x10_0000];
        tables.writeTo(low, 0);
        assertEquals('R', low[(int) Layout.ACPI_TABLES]);
    }

    @Test
    void hpetTableDescribesTheDevice() {
        long hpet = tables.addresses().get("HPET");
        assertEquals(56, r.checkTable(hpet, "HPET"));
        assertEquals(tvmm.devices.hpet.Hpet.EVENT_TIMER_BLOCK_ID & 0xFFFFFFFFL, r.u32(hpet + 36));
        assertEquals(0, r.u8(hpet + 40), "system memory");
        assertEquals(Layout.HPET_BASE, r.u64(hpet + 44));
    }
}
