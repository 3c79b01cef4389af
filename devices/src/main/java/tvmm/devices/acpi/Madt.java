package tvmm.devices.acpi;

/**
 * The Multiple APIC Description Table (ACPI 6.5 §5.2.12): the local APIC address, one
 * Processor Local APIC entry per vCPU (x2APIC entries for IDs from 255 on), the IOAPIC,
 * the interrupt source overrides of the PC (IRQ0 → GSI 2, the SCI level/active-high) and
 * LINT1 as NMI on every processor.
 */
final class Madt {
    static final int TYPE_LOCAL_APIC = 0;
    static final int TYPE_IO_APIC = 1;
    static final int TYPE_SOURCE_OVERRIDE = 2;
    static final int TYPE_LOCAL_APIC_NMI = 4;
    static final int TYPE_LOCAL_X2APIC = 9;
    static final int TYPE_LOCAL_X2APIC_NMI = 0x0A;
    /** MADT flags: PCAT_COMPAT, a dual 8259 is present and must be masked. */
    static final int PCAT_COMPAT = 1;
    static final int ENABLED = 1;
    /** MPS INTI flags: bits 1:0 polarity (01 high, 11 low), 3:2 trigger (01 edge, 11 level). */
    static final int INTI_CONFORMS = 0x0000;
    static final int INTI_ACTIVE_HIGH_LEVEL = 0x000D;
    static final int INTI_ACTIVE_HIGH_EDGE = 0x0005;

    private Madt() {
    }

    static byte[] build(AcpiConfig c) {
        TableWriter w = TableWriter.header("APIC", 5);
        w.u32(c.lapicAddress()).u32(PCAT_COMPAT);
        int[] ids = c.apicIds();
        boolean anyX2 = false;
        for (int uid = 0; uid < ids.length; uid++) {
            if (ids[uid] < 0xFF) {
                w.u8(TYPE_LOCAL_APIC).u8(8).u8(uid).u8(ids[uid]).u32(ENABLED);
            } else {
                anyX2 = true;
                w.u8(TYPE_LOCAL_X2APIC).u8(16).u16(0).u32(ids[uid]).u32(ENABLED).u32(uid);
            }
        }
        w.u8(TYPE_IO_APIC).u8(12).u8(c.ioApicId()).u8(0).u32(c.ioApicAddress()).u32(c.ioApicGsiBase());
        w.u8(TYPE_SOURCE_OVERRIDE).u8(10).u8(0).u8(c.pitIrq()).u32(c.pitGsi()).u16(INTI_CONFORMS);
        w.u8(TYPE_SOURCE_OVERRIDE).u8(10).u8(0).u8(c.sciIrq()).u32(c.sciIrq()).u16(INTI_ACTIVE_HIGH_LEVEL);
        // LINT1 is the NMI input of every processor (UID 0xFF: all).
        w.u8(TYPE_LOCAL_APIC_NMI).u8(6).u8(0xFF).u16(INTI_ACTIVE_HIGH_EDGE).u8(1);
        if (anyX2) {
            w.u8(TYPE_LOCAL_X2APIC_NMI).u8(12).u16(INTI_ACTIVE_HIGH_EDGE).u32(0xFFFFFFFFL).u8(1).zeros(3);
        }
        return w.finish();
    }
}
