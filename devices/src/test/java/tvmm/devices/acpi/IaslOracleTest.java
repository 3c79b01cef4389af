package tvmm.devices.acpi;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.devices.platform.Layout;

/**
 * ACPICA's disassembler as the oracle: {@code iasl -d} (Debian package acpica-tools)
 * decodes every table the way Linux's ACPICA reads it, checks each checksum and prints the
 * AML as ASL. Skipped when iasl is not installed.
 */
class IaslOracleTest {
    static String iasl;

    @TempDir
    Path dir;

    AcpiTables tables = AcpiTables.build(AcpiConfig.forPlatform(2, 0x8000_0000L),
            Layout.ACPI_TABLES, (int) Layout.ACPI_TABLES_SIZE);
    TableReader r = new TableReader(tables);

    @BeforeAll
    static void findIasl() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "iasl"))) {
                iasl = Path.of(d, "iasl").toString();
                return;
            }
        }
    }

    /** Disassembles one table and returns the .dsl text plus iasl's own output. */
    String disassemble(String signature) throws IOException, InterruptedException {
        assumeTrue(iasl != null, "iasl (acpica-tools) not installed");
        long address = tables.addresses().get(signature);
        // (iasl 20200925 does not take a lone RSDP; AcpiTablesTest checks it.)
        int length = signature.equals("FACS") ? 64 : (int) r.u32(address + 4);
        String base = signature.toLowerCase();
        Files.write(dir.resolve(base + ".dat"), r.table(address, length));
        Process p = new ProcessBuilder(iasl, "-d", base + ".dat").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "iasl -d " + signature + ":\n" + log);
        String dsl = Files.readString(dir.resolve(base + ".dsl"));
        assertFalse(dsl.contains("Incorrect checksum"), signature + " checksum:\n" + dsl);
        assertFalse(dsl.toLowerCase().contains("error"), signature + ":\n" + dsl);
        return dsl;
    }

    @Test
    void dsdtDisassemblesToTheExpectedAsl() throws Exception {
        String dsl = disassemble("DSDT").replaceAll("\\s+", " ");
        for (String expected : new String[] {
                "Scope (\\_SB)",
                "Device (C000) { Name (_HID, \"ACPI0007\" /* Processor Device */) // _HID: Hardware ID Name (_UID, Zero)",
                "Device (C001) { Name (_HID, \"ACPI0007\" /* Processor Device */) // _HID: Hardware ID Name (_UID, One)",
                "Device (PCI0) { Name (_HID, EisaId (\"PNP0A03\") /* PCI Bus */)",
                "WordBusNumber (ResourceProducer, MinFixed, MaxFixed, PosDecode, 0x0000, // Granularity 0x0000, // Range Minimum 0x00FF, // Range Maximum",
                "IO (Decode16, 0x0CF8, // Range Minimum 0x0CF8, // Range Maximum 0x01, // Alignment 0x08, // Length",
                "0x80000000, // Range Minimum 0xFEBFFFFF, // Range Maximum",
                "Device (COM1) { Name (_HID, EisaId (\"PNP0501\") /* 16550A-compatible COM Serial Port */)",
                "Method (_STA, 0, NotSerialized) // _STA: Status { Return (0x0F) }",
                "IO (Decode16, 0x03F8, // Range Minimum 0x03F8, // Range Maximum 0x01, // Alignment 0x08, // Length ) IRQNoFlags () {4}",
                "Device (RTC) { Name (_HID, EisaId (\"PNP0B00\") /* AT Real-Time Clock */)",
                "IO (Decode16, 0x0070, // Range Minimum 0x0070, // Range Maximum 0x01, // Alignment 0x02, // Length ) IRQNoFlags () {8}",
                "Name (_HID, EisaId (\"PNP0103\") /* HPET System Timer */)",
                "Memory32Fixed (ReadOnly, 0xFED00000, // Address Base 0x00000400, // Address Length",
                "Name (\\_S5, Package (0x04) // _S5_: S5 System State { 0x05, 0x05, Zero, Zero })"}) {
            assertTrue(dsl.contains(expected), "missing: " + expected + "\n" + dsl);
        }
    }

    @Test
    void dataTablesDecodeWithValidChecksums() throws Exception {
        Map<String, String> expect = Map.of(
                "FACP", "Reset Register",
                "APIC", "Local Apic Address : FEE00000",
                "HPET", "Hardware Block ID : 8086A201",
                "XSDT", "ACPI Table Address   0",
                "RSDT", "ACPI Table Address   2",
                "FACS", "Signature : \"FACS\"");
        for (var e : expect.entrySet()) {
            String dsl = disassemble(e.getKey());
            assertTrue(dsl.replaceAll("\\s+", " ").contains(e.getValue().replaceAll("\\s+", " ")),
                    e.getKey() + " lacks '" + e.getValue() + "':\n" + dsl);
        }
    }

    @Test
    void fadtFieldsAsAcpicaReadsThem() throws Exception {
        String dsl = disassemble("FACP").replaceAll("\\s+", " ");
        assertTrue(dsl.contains("SCI Interrupt : 0009"), dsl);
        assertTrue(dsl.contains("PM1A Event Block Address : 00000600"), dsl);
        assertTrue(dsl.contains("PM1A Control Block Address : 00000604"), dsl);
        assertTrue(dsl.contains("PM Timer Block Address : 00000608"), dsl);
        assertTrue(dsl.contains("Value to cause reset : 06"), dsl);
        assertTrue(dsl.contains("Hardware Reduced (V5) : 0"), dsl);
        assertTrue(dsl.contains("Address : 0000000000000CF9"), dsl);
    }

    @Test
    void aLargeMachineWithMultiByteLengthsAndX2ApicEntries() throws Exception {
        tables = AcpiTables.build(AcpiConfig.forPlatform(300, 0x8000_0000L),
                Layout.ACPI_TABLES, (int) Layout.ACPI_TABLES_SIZE);
        r = new TableReader(tables);
        String dsdt = disassemble("DSDT");
        assertTrue(dsdt.contains("Device (C12B)"), "the 300th processor");
        assertTrue(r.u32(tables.addresses().get("DSDT") + 4) > 4096, "needs 3-byte PkgLengths");
        String madt = disassemble("APIC").replaceAll("\\s+", " ");
        assertTrue(madt.contains("Subtable Type : 09 [Processor Local x2APIC]"), madt);
        assertTrue(madt.contains("Processor x2Apic ID : 0000012B"), madt);
        assertTrue(madt.contains("Subtable Type : 0A [Local x2APIC NMI]"), madt);
    }

    @Test
    void madtEntriesAsAcpicaReadsThem() throws Exception {
        String dsl = disassemble("APIC").replaceAll("\\s+", " ");
        assertTrue(dsl.contains("Subtable Type : 00 [Processor Local APIC]"), dsl);
        assertTrue(dsl.contains("Subtable Type : 01 [I/O APIC]"), dsl);
        assertTrue(dsl.contains("Address : FEC00000"), dsl);
        assertTrue(dsl.contains("Subtable Type : 02 [Interrupt Source Override]"), dsl);
        assertTrue(dsl.contains("Interrupt : 00000002"), dsl);
        assertTrue(dsl.contains("Subtable Type : 04 [Local APIC NMI]"), dsl);
        assertTrue(dsl.contains("Interrupt Input LINT : 01"), dsl);
    }
}
