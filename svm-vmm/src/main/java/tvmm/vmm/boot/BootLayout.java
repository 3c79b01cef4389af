package tvmm.vmm.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * Every guest-physical address the boot loaders use, in one place (after Firecracker's
 * layout file), with the byte budget of each area. The low 1 MiB, from the bottom:
 *
 * <pre>
 *   0x00000 - 0x004FF  real-mode IVT and BIOS data area: left zero
 *   0x00500 - 0x0051F  GDT (4 descriptors)                      {@link #GDT}
 *   0x07000 - 0x07FFF  Linux boot_params ("zero page")           {@link #ZERO_PAGE}
 *   0x08000 - 0x08FFF  initial stack, grows down from 0x8FF0     {@link #BOOT_STACK_TOP}
 *   0x09000 - 0x09FFF  PML4                                      {@link #PML4}
 *   0x0A000 - 0x0AFFF  PDPT                                      {@link #PDPT}
 *   0x0B000 - 0x0EFFF  4 page directories of 2 MiB pages (4 GiB) {@link #PAGE_DIRECTORIES}
 *   0x10000 - 0x1FFFF  multiboot information, memory map, strings {@link #MULTIBOOT_INFO}
 *   0x20000 - 0x2FFFF  kernel command line                        {@link #CMDLINE}
 *   0x9FC00 - 0x9FFFF  EBDA: reserved in e820, as on a PC
 *   0xA0000 - 0xDFFFF  legacy VGA and option-ROM hole: not in e820
 *   0xE0000 - 0xFFFFF  ACPI tables and BIOS area: reserved in e820  {@link #ACPI_REGION}
 * </pre>
 *
 * Above 1 MiB: the Linux kernel at its preferred address (16 MiB for Debian's), the
 * initrd at the top of RAM below the 32-bit hole. RAM is split around the hole at
 * {@link #MMIO_HOLE_START}..4 GiB (IOAPIC, HPET, local APIC, PCI windows); RAM beyond
 * it continues at 4 GiB. {@link #ramRanges} is the one definition of that split: the
 * VMM maps RAM from it and the loaders describe RAM to the guest from it.
 */
public final class BootLayout {
    private BootLayout() {
    }

    public static final long KiB = 1024;
    public static final long MiB = 1024 * KiB;
    public static final long GiB = 1024 * MiB;
    public static final int PAGE_SIZE = 4096;

    /** Flat GDT: null, 32-bit code, 64-bit code, data (see {@link FlatGdt}). */
    public static final long GDT = 0x500;
    public static final int GDT_SIZE = 4 * 8;

    /** struct boot_params, one page (Documentation/arch/x86/zero-page.rst). */
    public static final long ZERO_PAGE = 0x7000;

    /** Initial RSP/ESP: below the page tables, 16-byte aligned (the kernel sets its own soon). */
    public static final long BOOT_STACK_TOP = 0x8FF0;

    /** Identity-map page tables: PML4, one PDPT, {@link #PAGE_DIRECTORY_COUNT} directories. */
    public static final long PML4 = 0x9000;
    public static final long PDPT = 0xA000;
    public static final long PAGE_DIRECTORIES = 0xB000;
    /** Page directories of 512 2-MiB pages each: 4 cover the 32-bit space. */
    public static final int PAGE_DIRECTORY_COUNT = 4;
    /** Bytes the identity map covers: [0, 4 GiB). */
    public static final long IDENTITY_MAPPED = PAGE_DIRECTORY_COUNT * GiB;

    /** Multiboot information structure followed by its memory map, module list and strings. */
    public static final long MULTIBOOT_INFO = 0x10000;
    public static final int MULTIBOOT_INFO_SIZE = 0x10000;

    /** Kernel command line, NUL-terminated; the kernel's own cmdline_size may be smaller. */
    public static final long CMDLINE = 0x20000;
    public static final int CMDLINE_MAX = 0x10000;

    /** Extended BIOS data area: reserved, as every PC firmware reports it. */
    public static final long EBDA = 0x9FC00;
    /** End of conventional memory (640 KiB): the VGA hole starts here. */
    public static final long LOW_MEMORY_END = 0xA0000;
    /** ACPI tables (RSDP found by the guest's scan of 0xE0000-0xFFFFF) and BIOS area. */
    public static final long ACPI_REGION = 0xE0000;
    public static final long ACPI_REGION_SIZE = 0x20000;
    /** First byte above the legacy area: where extended memory starts. */
    public static final long HIGH_MEMORY = 0x100000;

    /** Start of the 32-bit MMIO hole (PCI windows, IOAPIC 0xFEC00000, HPET 0xFED00000, LAPIC 0xFEE00000). */
    public static final long MMIO_HOLE_START = 0xC000_0000L;
    /** Where RAM continues above the hole. */
    public static final long HIGH_RAM_START = 4 * GiB;

    /** One range of guest RAM, [start, start + size). */
    public record RamRange(long start, long size) {
        public long end() {
            return start + size;
        }
    }

    /** Guest RAM of {@code ramBytes} split around the 32-bit MMIO hole. */
    public static List<RamRange> ramRanges(long ramBytes) {
        if (ramBytes <= 0) {
            throw new IllegalArgumentException("RAM size must be positive: " + ramBytes);
        }
        List<RamRange> r = new ArrayList<>(2);
        long low = Math.min(ramBytes, MMIO_HOLE_START);
        r.add(new RamRange(0, low));
        if (ramBytes > low) {
            r.add(new RamRange(HIGH_RAM_START, ramBytes - low));
        }
        return List.copyOf(r);
    }

    /** End of RAM below the hole: the limit for everything that must sit under 4 GiB. */
    public static long lowRamEnd(long ramBytes) {
        return Math.min(ramBytes, MMIO_HOLE_START);
    }
}
