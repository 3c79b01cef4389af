package tvmm.vmm.boot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The BIOS memory map (INT 15h AX=E820h) as the loaders hand it to the guest: in Linux's
 * boot_params.e820_table and as the multiboot mmap. The zero page has room for
 * {@link #MAX_ENTRIES} entries; adding more fails with a {@link BootException} instead of
 * writing past the table (Firecracker's lesson).
 */
public final class E820Table {
    /** E820_MAX_ENTRIES_ZEROPAGE (arch/x86/include/uapi/asm/setup_data.h). */
    public static final int MAX_ENTRIES = 128;
    /** Size of one entry in boot_params: u64 addr, u64 size, u32 type, packed. */
    public static final int ENTRY_SIZE = 20;

    public static final int TYPE_RAM = 1;
    public static final int TYPE_RESERVED = 2;
    public static final int TYPE_ACPI = 3;
    public static final int TYPE_NVS = 4;
    public static final int TYPE_UNUSABLE = 5;

    /** One entry, [address, address + size). */
    public record Entry(long address, long size, int type) {
        public long end() {
            return address + size;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a range; overlaps and a full table are refused. */
    public E820Table add(long address, long size, int type) throws BootException {
        if (size <= 0 || address < 0 || address + size < address) {
            throw new BootException(String.format("e820: bad range 0x%x+0x%x", address, size));
        }
        for (Entry e : entries) {
            if (address < e.end() && e.address() < address + size) {
                throw new BootException(String.format("e820: [0x%x-0x%x] overlaps [0x%x-0x%x]", address,
                        address + size - 1, e.address(), e.end() - 1));
            }
        }
        if (entries.size() == MAX_ENTRIES) {
            throw new BootException("e820: more than " + MAX_ENTRIES + " ranges do not fit in the zero page");
        }
        entries.add(new Entry(address, size, type));
        entries.sort(Comparator.comparingLong(Entry::address));
        return this;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * A PC's map of {@code ramBytes} of RAM laid out by {@link BootLayout#ramRanges}:
     * conventional memory below the EBDA, the EBDA and the ACPI/BIOS area reserved,
     * extended memory from 1 MiB to the 32-bit hole and RAM above 4 GiB. The hole itself
     * is a gap, not "reserved": Linux puts PCI windows in the largest gap below 4 GiB and
     * finds the LAPIC/IOAPIC/HPET through ACPI, as under QEMU with SeaBIOS.
     */
    public static E820Table forPc(long ramBytes) throws BootException {
        if (ramBytes < 2 * BootLayout.MiB) {
            throw new BootException("guest RAM of " + ramBytes / BootLayout.KiB + " KiB is too small (2 MiB at least)");
        }
        E820Table t = new E820Table();
        List<BootLayout.RamRange> ram = BootLayout.ramRanges(ramBytes);
        t.add(0, BootLayout.EBDA, TYPE_RAM);
        t.add(BootLayout.EBDA, BootLayout.LOW_MEMORY_END - BootLayout.EBDA, TYPE_RESERVED);
        t.add(BootLayout.ACPI_REGION, BootLayout.ACPI_REGION_SIZE, TYPE_RESERVED);
        t.add(BootLayout.HIGH_MEMORY, ram.get(0).end() - BootLayout.HIGH_MEMORY, TYPE_RAM);
        for (int i = 1; i < ram.size(); i++) {
            t.add(ram.get(i).start(), ram.get(i).size(), TYPE_RAM);
        }
        return t;
    }

    /** Usable RAM below 4 GiB that is contiguous from {@code from}: the end of that RAM range. */
    long ramEndFrom(long from) {
        for (Entry e : entries) {
            if (e.type() == TYPE_RAM && e.address() <= from && from < e.end()) {
                return e.end();
            }
        }
        return from;
    }

    /** True when [address, address + size) lies inside one RAM entry. */
    public boolean isRam(long address, long size) {
        for (Entry e : entries) {
            if (e.type() == TYPE_RAM && e.address() <= address && address + size <= e.end() && size >= 0) {
                return true;
            }
        }
        return false;
    }
}
