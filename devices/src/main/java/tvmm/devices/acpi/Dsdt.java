package tvmm.devices.acpi;

import static tvmm.devices.acpi.aml.Aml.*;

import java.util.ArrayList;
import java.util.List;
import tvmm.devices.acpi.aml.ResourceTemplate;

/**
 * The Differentiated System Description Table (ACPI 6.5 §5.2.11.1): AML describing the
 * devices the OS cannot find by itself. Under {@code \_SB}: one ACPI0007 processor device
 * per vCPU (its {@code _UID} is the MADT processor UID), the PCI root bridge (PNP0A03 with
 * its bus range, the config ports and the I/O and memory windows), COM1 (PNP0501), the
 * RTC (PNP0B00) and the HPET (PNP0103); at the root the {@code \_S5} sleep object, whose
 * SLP_TYP value makes the PM1 control block power the machine off.
 */
final class Dsdt {
    /** Revision 2: integers are 64 bits wide. */
    static final int REVISION = 2;
    /** _STA: present, enabled, shown in the UI, functioning. */
    static final int STA_PRESENT = 0x0F;
    static final long HPET_WINDOW = 0x400;

    private Dsdt() {
    }

    static byte[] build(AcpiConfig c) {
        return TableWriter.header("DSDT", REVISION).bytes(aml(c)).finish();
    }

    /** The AML body (everything after the header). */
    static byte[] aml(AcpiConfig c) {
        List<byte[]> sb = new ArrayList<>();
        for (int uid = 0; uid < c.cpus(); uid++) {
            sb.add(device(String.format("C%03X", uid),
                    name("_HID", string("ACPI0007")),
                    name("_UID", integer(uid))));
        }
        sb.add(pciRoot(c));
        sb.add(device("COM1",
                name("_HID", eisaId("PNP0501")),
                name("_UID", integer(1)),
                method("_STA", 0, false, ret(integer(STA_PRESENT))),
                name("_CRS", resourceTemplate(new ResourceTemplate()
                        .io(c.com1Port(), c.com1Port(), 1, 8)
                        .irqNoFlags(c.com1Irq())))));
        sb.add(device("RTC",
                name("_HID", eisaId("PNP0B00")),
                name("_CRS", resourceTemplate(new ResourceTemplate()
                        .io(c.rtcPort(), c.rtcPort(), 1, 2)
                        .irqNoFlags(c.rtcIrq())))));
        sb.add(device("HPET",
                name("_HID", eisaId("PNP0103")),
                name("_UID", integer(0)),
                method("_STA", 0, false, ret(integer(STA_PRESENT))),
                name("_CRS", resourceTemplate(new ResourceTemplate()
                        .memory32Fixed(false, c.hpetAddress(), HPET_WINDOW)))));
        return concat(
                scope("\\_SB", sb.toArray(new byte[0][])),
                // \_S5: SLP_TYPa, SLP_TYPb, reserved, reserved.
                name("\\_S5", pkg(integer(c.s5SleepType()), integer(c.s5SleepType()), integer(0), integer(0))));
    }

    /**
     * The PCI host bridge: bus 0–255, the configuration ports it decodes itself, and
     * everything else it forwards: I/O below and above them, the legacy VGA window and
     * the 32-bit MMIO hole between the end of low RAM and the IOAPIC.
     */
    private static byte[] pciRoot(AcpiConfig c) {
        int cfg = c.pciConfigPort();
        return device("PCI0",
                name("_HID", eisaId("PNP0A03")),
                name("_UID", integer(0)),
                name("_BBN", integer(0)),
                name("_CRS", resourceTemplate(new ResourceTemplate()
                        .wordBusNumber(0, 0xFF)
                        .io(cfg, cfg, 1, 8)
                        .wordIo(0, cfg - 1)
                        .wordIo(cfg + 8, 0xFFFF)
                        .dwordMemory(true, 0xA0000, 0xBFFFF)
                        .dwordMemory(false, c.pciMmioStart(), c.pciMmioEnd()))));
    }
}
