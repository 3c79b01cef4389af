package tvmm.vmm.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.Flags;

/**
 * Multiboot v1 (Multiboot Specification 0.6.96): loads an ELF32 kernel by its program
 * headers, or any binary by the header's a.out-kludge addresses, places the modules
 * page-aligned after it, writes the multiboot information structure with the memory
 * map, and starts the CPU as §3.2 says: 32-bit protected mode, flat segments, paging
 * off, interrupts off, EAX = 0x2BADB002, EBX = the information structure.
 */
public final class MultibootLoader {
    private MultibootLoader() {
    }

    /** The magic a multiboot kernel finds in EAX. */
    public static final long BOOTLOADER_MAGIC = 0x2BAD_B002L;
    static final String LOADER_NAME = "tvmm";

    static final int INFO_MEMORY = 1 << 0;
    static final int INFO_CMDLINE = 1 << 2;
    static final int INFO_MODS = 1 << 3;
    static final int INFO_MEM_MAP = 1 << 6;
    static final int INFO_BOOT_LOADER_NAME = 1 << 9;
    /** sizeof(struct multiboot_info) up to the framebuffer fields. */
    static final int INFO_SIZE = 116;
    static final int MMAP_ENTRY_SIZE = 24; // u32 size (= 20, not counting itself) + u64 base + u64 length + u32 type
    static final int MODULE_SIZE = 16; // mod_start, mod_end, string, reserved
    /** Kernels may not load over tvmm's own boot structures (GDT, stack, info, command line). */
    static final long LOADER_AREA_END = BootLayout.CMDLINE + BootLayout.CMDLINE_MAX;

    /** A boot module: its contents and its command line (conventionally its name first). */
    public record Module(byte[] data, String cmdline) {
    }

    /** Where the kernel and modules went and the CPU state to start from. */
    public record Loaded(InitialCpuState cpu, long kernelStart, long kernelEnd, List<long[]> modules, long infoAddress,
            E820Table e820) {
    }

    public static Loaded load(GuestPhysicalMemory memory, long ramBytes, String name, byte[] file, String cmdline,
            List<Module> modules) throws BootException {
        return load(memory, E820Table.forPc(ramBytes), name, file, cmdline, modules);
    }

    public static Loaded load(GuestPhysicalMemory memory, E820Table e820, String name, byte[] file, String cmdline,
            List<Module> modules) throws BootException {
        ImageBytes f = new ImageBytes(name, file);
        MultibootHeader h = MultibootHeader.find(f);
        long start = Long.MAX_VALUE;
        long end = 0;
        long entry;
        // Check every range before writing anything.
        if (h.aoutKludge()) {
            if (h.loadAddr > h.headerAddr || h.headerAddr - h.loadAddr > h.offset) {
                throw new BootException(name + ": a.out-kludge load_addr 0x" + Long.toHexString(h.loadAddr)
                        + " does not precede the header in the file");
            }
            long fileOffset = h.offset - (h.headerAddr - h.loadAddr);
            long loadSize = h.loadEndAddr == 0 ? file.length - fileOffset : h.loadEndAddr - h.loadAddr;
            if (loadSize < 0) {
                throw new BootException(name + ": a.out-kludge load_end_addr is below load_addr");
            }
            f.check(fileOffset, loadSize, "a.out-kludge text and data");
            long bssEnd = h.bssEndAddr == 0 ? h.loadAddr + loadSize : h.bssEndAddr;
            if (bssEnd < h.loadAddr + loadSize) {
                throw new BootException(name + ": a.out-kludge bss_end_addr is below load_end_addr");
            }
            checkRange(e820, name, h.loadAddr, bssEnd - h.loadAddr);
            memory.write(h.loadAddr, file, (int) fileOffset, (int) loadSize);
            memory.zero(h.loadAddr + loadSize, bssEnd - (h.loadAddr + loadSize));
            start = h.loadAddr;
            end = bssEnd;
            entry = h.entryAddr;
        } else {
            Elf32Image elf = Elf32Image.parse(f);
            for (Elf32Image.Segment s : elf.segments) {
                checkRange(e820, name, s.physical(), s.memSize());
            }
            for (Elf32Image.Segment s : elf.segments) {
                memory.write(s.physical(), file, (int) s.offset(), (int) s.fileSize());
                memory.zero(s.physical() + s.fileSize(), s.memSize() - s.fileSize());
                start = Math.min(start, s.physical());
                end = Math.max(end, s.physical() + s.memSize());
            }
            entry = elf.physicalEntry();
        }
        if (entry < start || entry >= end) {
            throw new BootException(String.format("%s: entry point 0x%x is outside the loaded image [0x%x-0x%x)", name,
                    entry, start, end));
        }

        // Modules, page-aligned after the kernel (flags bit 0 asks for it; we always do).
        List<long[]> placed = new ArrayList<>();
        long next = align(end);
        for (Module m : modules) {
            checkRange(e820, name + " module '" + m.cmdline() + "'", next, m.data().length);
            if (next + m.data().length > 0x1_0000_0000L) {
                throw new BootException("multiboot module '" + m.cmdline() + "' would end above 4 GiB");
            }
            memory.write(next, m.data());
            placed.add(new long[] {next, next + m.data().length});
            next = align(next + m.data().length);
        }

        writeInfo(memory, e820, cmdline, modules, placed);
        int gdtLimit = FlatGdt.write(memory);

        SegmentState data = SegmentState.data(FlatGdt.DATA_SELECTOR);
        InitialCpuState cpu = new InitialCpuState(entry, BootLayout.BOOT_STACK_TOP, BOOTLOADER_MAGIC,
                BootLayout.MULTIBOOT_INFO, 0, Flags.FIXED1,
                ControlBits.CR0_PE | ControlBits.CR0_ET, 0, 0, 0, BootLayout.GDT, gdtLimit, 0, 0,
                SegmentState.code32(FlatGdt.CODE32_SELECTOR), data, data, data, data, data,
                SegmentState.bootTaskRegister(), SegmentState.unusable());
        return new Loaded(cpu, start, end, List.copyOf(placed), BootLayout.MULTIBOOT_INFO, e820);
    }

    /** The information structure, then the memory map, module list and strings, all in the info area. */
    private static void writeInfo(GuestPhysicalMemory memory, E820Table e820, String cmdline, List<Module> modules,
            List<long[]> placed) throws BootException {
        List<E820Table.Entry> map = e820.entries();
        ByteBuffer b = ByteBuffer.allocate(BootLayout.MULTIBOOT_INFO_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int mmapAt = align16(INFO_SIZE);
        int modsAt = mmapAt + map.size() * MMAP_ENTRY_SIZE;
        int stringsAt = modsAt + modules.size() * MODULE_SIZE;
        StringArea strings = new StringArea(b, stringsAt);

        int flags = INFO_MEMORY | INFO_MEM_MAP | INFO_BOOT_LOADER_NAME | INFO_CMDLINE | INFO_MODS;
        b.putInt(0, flags);
        // mem_lower: KiB of RAM from 0 (at most 640); mem_upper: KiB from 1 MiB to the first hole.
        b.putInt(4, (int) (Math.min(e820.ramEndFrom(0), BootLayout.LOW_MEMORY_END) / 1024));
        b.putInt(8, (int) ((e820.ramEndFrom(BootLayout.HIGH_MEMORY) - BootLayout.HIGH_MEMORY) / 1024));
        b.putInt(16, (int) strings.put(cmdline == null ? "" : cmdline));
        b.putInt(20, modules.size());
        b.putInt(24, (int) (BootLayout.MULTIBOOT_INFO + modsAt));
        b.putInt(44, map.size() * MMAP_ENTRY_SIZE);
        b.putInt(48, (int) (BootLayout.MULTIBOOT_INFO + mmapAt));
        b.putInt(64, (int) strings.put(LOADER_NAME));

        int at = mmapAt;
        for (E820Table.Entry e : map) {
            b.putInt(at, MMAP_ENTRY_SIZE - 4);
            b.putLong(at + 4, e.address());
            b.putLong(at + 12, e.size());
            b.putInt(at + 20, e.type());
            at += MMAP_ENTRY_SIZE;
        }
        for (int i = 0; i < modules.size(); i++) {
            int m = modsAt + i * MODULE_SIZE;
            b.putInt(m, (int) placed.get(i)[0]);
            b.putInt(m + 4, (int) placed.get(i)[1]);
            b.putInt(m + 8, (int) strings.put(modules.get(i).cmdline() == null ? "" : modules.get(i).cmdline()));
        }
        memory.write(BootLayout.MULTIBOOT_INFO, b.array(), 0, strings.end);
    }

    /** NUL-terminated strings appended after the tables, with the area's budget enforced. */
    private static final class StringArea {
        private final ByteBuffer buffer;
        int end;

        StringArea(ByteBuffer buffer, int start) {
            this.buffer = buffer;
            this.end = start;
        }

        long put(String s) throws BootException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (end + bytes.length + 1 > buffer.capacity()) {
                throw new BootException("multiboot information (command lines, memory map, modules) exceeds its "
                        + BootLayout.MULTIBOOT_INFO_SIZE + "-byte area");
            }
            long address = BootLayout.MULTIBOOT_INFO + end;
            buffer.put(end, bytes);
            buffer.put(end + bytes.length, (byte) 0);
            end += bytes.length + 1;
            return address;
        }
    }

    private static void checkRange(E820Table e820, String what, long address, long size) throws BootException {
        if (address < LOADER_AREA_END && size > 0) {
            throw new BootException(String.format("%s: loads at 0x%x, inside tvmm's boot structures below 0x%x", what,
                    address, LOADER_AREA_END));
        }
        if (!e820.isRam(address, size)) {
            throw new BootException(String.format("%s: [0x%x-0x%x) is not guest RAM (give the guest more memory?)", what,
                    address, address + size));
        }
    }

    private static long align(long a) {
        return (a + BootLayout.PAGE_SIZE - 1) & -BootLayout.PAGE_SIZE;
    }

    private static int align16(int a) {
        return (a + 15) & -16;
    }
}
