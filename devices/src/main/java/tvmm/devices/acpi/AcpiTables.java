package tvmm.devices.acpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the ACPI tables of one machine in a region of guest memory (the BIOS area at
 * {@code Layout.ACPI_TABLES} by default) and writes them there. Tables are written in
 * dependency order, each 16-byte aligned (the FACS 64): the RSDP first, at the base, so
 * the OS's scan of the BIOS area finds it; then DSDT, FACS, FADT, MADT, HPET, XSDT, RSDT.
 */
public final class AcpiTables {
    private final Map<String, Long> addresses = new LinkedHashMap<>();
    private final byte[] image;
    private final long base;

    private AcpiTables(long base, byte[] image) {
        this.base = base;
        this.image = image;
    }

    /**
     * Builds the tables for {@code config} at guest-physical {@code base}, at most
     * {@code capacity} bytes. Fails cleanly (IllegalArgumentException) if they do not fit.
     */
    public static AcpiTables build(AcpiConfig config, long base, int capacity) {
        if ((base & 0xF) != 0) {
            throw new IllegalArgumentException("ACPI region must be 16-byte aligned");
        }
        Placer placer = new Placer(base + align(Rsdp.LENGTH, 16));
        long dsdt = placer.place("DSDT", Dsdt.build(config));
        long facs = placer.place("FACS", Facs.build());
        long fadt = placer.place("FACP", Fadt.build(config, facs, dsdt));
        long madt = placer.place("APIC", Madt.build(config));
        long hpet = placer.place("HPET", HpetTable.build(config));
        List<Long> roots = List.of(fadt, madt, hpet);
        long xsdt = placer.place("XSDT", Xsdt.xsdt(roots));
        long rsdt = placer.place("RSDT", Xsdt.rsdt(roots));
        long end = placer.next;
        if (end - base > capacity || end > 0x1_0000_0000L) {
            throw new IllegalArgumentException("ACPI tables need " + (end - base)
                    + " bytes, the region has " + capacity);
        }
        byte[] image = new byte[(int) (end - base)];
        System.arraycopy(Rsdp.build(rsdt, xsdt), 0, image, 0, Rsdp.LENGTH);
        for (int i = 0; i < placer.parts.size(); i++) {
            byte[] p = placer.parts.get(i);
            System.arraycopy(p, 0, image, (int) (placer.at.get(i) - base), p.length);
        }
        AcpiTables t = new AcpiTables(base, image);
        t.addresses.put("RSDP", base);
        t.addresses.putAll(placer.addresses);
        return t;
    }

    /** Hands out addresses in order, each table aligned as its type requires. */
    private static final class Placer {
        final List<byte[]> parts = new ArrayList<>();
        final List<Long> at = new ArrayList<>();
        final Map<String, Long> addresses = new LinkedHashMap<>();
        long next;

        Placer(long start) {
            next = start;
        }

        long place(String signature, byte[] table) {
            long a = align(next, signature.equals("FACS") ? Facs.ALIGNMENT : 16);
            parts.add(table);
            at.add(a);
            addresses.put(signature, a);
            next = a + table.length;
            return a;
        }
    }

    /** The bytes to copy to guest-physical {@link #base()}. */
    public byte[] image() {
        return image.clone();
    }

    /** Copies the tables into {@code memory}, which holds guest-physical {@code memoryBase} onwards. */
    public void writeTo(byte[] memory, long memoryBase) {
        System.arraycopy(image, 0, memory, (int) (base - memoryBase), image.length);
    }

    public long base() {
        return base;
    }

    public long rsdpAddress() {
        return base;
    }

    /** Guest-physical address of each table by signature (RSDP, DSDT, FACS, FACP, APIC, HPET, XSDT, RSDT). */
    public Map<String, Long> addresses() {
        return Map.copyOf(addresses);
    }

    private static long align(long v, int a) {
        return (v + a - 1) & -a;
    }
}
