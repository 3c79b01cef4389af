package tvmm.vmm.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * The loadable segments of a 32-bit x86 ELF executable (System V ABI, i386 supplement):
 * what a multiboot loader needs when the header has no a.out-kludge addresses.
 */
final class Elf32Image {
    static final int PT_LOAD = 1;
    static final int EM_386 = 3;

    /** A PT_LOAD segment: file bytes [offset, offset + fileSize) at physical address, zero-filled to memSize. */
    record Segment(long physical, long virtual, long offset, long fileSize, long memSize) {
    }

    final long entry;
    final List<Segment> segments;

    private Elf32Image(long entry, List<Segment> segments) {
        this.entry = entry;
        this.segments = segments;
    }

    static boolean isElf(byte[] b) {
        return b.length >= 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
    }

    static Elf32Image parse(ImageBytes f) throws BootException {
        String n = f.name();
        if (!isElf(f.bytes())) {
            throw new BootException(n + ": not an ELF file and no a.out-kludge addresses in its multiboot header");
        }
        int elfClass = f.u8(4, "e_ident[EI_CLASS]");
        if (elfClass == 2) {
            throw new BootException(n + ": a 64-bit ELF; multiboot v1 loads 32-bit ELF kernels"
                    + " (convert with objcopy -O elf32-i386)");
        }
        if (elfClass != 1 || f.u8(5, "e_ident[EI_DATA]") != 1) {
            throw new BootException(n + ": not a little-endian 32-bit ELF file");
        }
        int machine = f.u16(18, "e_machine");
        if (machine != EM_386) {
            throw new BootException(n + ": ELF machine " + machine + " is not i386 (3)");
        }
        long entry = f.u32(24, "e_entry");
        long phoff = f.u32(28, "e_phoff");
        int phentsize = f.u16(42, "e_phentsize");
        int phnum = f.u16(44, "e_phnum");
        if (phentsize < 32 && phnum > 0) {
            throw new BootException(n + ": ELF program headers of " + phentsize + " bytes (32 expected)");
        }
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            long ph = phoff + (long) i * phentsize;
            if (f.u32(ph, "p_type") != PT_LOAD) {
                continue;
            }
            Segment s = new Segment(f.u32(ph + 12, "p_paddr"), f.u32(ph + 8, "p_vaddr"), f.u32(ph + 4, "p_offset"),
                    f.u32(ph + 16, "p_filesz"), f.u32(ph + 20, "p_memsz"));
            if (s.fileSize() > s.memSize()) {
                throw new BootException(n + ": ELF segment " + i + " has p_filesz > p_memsz");
            }
            f.check(s.offset(), s.fileSize(), "ELF segment " + i);
            if (s.memSize() > 0) {
                segs.add(s);
            }
        }
        if (segs.isEmpty()) {
            throw new BootException(n + ": ELF file without loadable segments");
        }
        return new Elf32Image(entry, List.copyOf(segs));
    }

    /** The entry point as a physical address: translated when it lies in a segment linked elsewhere. */
    long physicalEntry() {
        for (Segment s : segments) {
            if (entry >= s.virtual() && entry < s.virtual() + s.memSize()) {
                return s.physical() + (entry - s.virtual());
            }
        }
        return entry;
    }
}
