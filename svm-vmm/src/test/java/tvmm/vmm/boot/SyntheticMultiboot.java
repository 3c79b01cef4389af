package tvmm.vmm.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds multiboot kernels for tests: an ELF32 executable and a flat a.out-kludge binary. */
final class SyntheticMultiboot {
    private SyntheticMultiboot() {
    }

    static final long TEXT = 0x100000;
    static final long DATA = 0x102000;
    static final int TEXT_SIZE = 0x800;
    static final int DATA_FILE = 0x100;
    static final int DATA_MEM = 0x3000;

    static void header(ByteBuffer b, int at, int flags) {
        b.putInt(at, (int) MultibootHeader.MAGIC);
        b.putInt(at + 4, flags);
        b.putInt(at + 8, (int) -(MultibootHeader.MAGIC + flags));
    }

    /**
     * ELF32: text at {@link #TEXT} (holding the multiboot header) linked at {@code linkOffset}
     * above its load address, data + bss at {@link #DATA}; entry text + 0x20 (virtual).
     */
    static byte[] elf(int flags, long linkOffset, int elfClass) {
        ByteBuffer b = ByteBuffer.allocate(0x2000).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, new byte[] {0x7F, 'E', 'L', 'F', (byte) elfClass, 1, 1});
        b.putShort(16, (short) 2); // ET_EXEC
        b.putShort(18, (short) Elf32Image.EM_386);
        b.putInt(20, 1);
        b.putInt(24, (int) (TEXT + linkOffset + 0x20)); // e_entry
        b.putInt(28, 52); // e_phoff
        b.putShort(40, (short) 52);
        b.putShort(42, (short) 32);
        b.putShort(44, (short) 3);
        phdr(b, 52, Elf32Image.PT_LOAD, 0x1000, TEXT + linkOffset, TEXT, TEXT_SIZE, TEXT_SIZE);
        phdr(b, 84, 4 /* PT_NOTE: ignored */, 0x1900, 0, 0, 0x10, 0x10);
        phdr(b, 116, Elf32Image.PT_LOAD, 0x1800, DATA + linkOffset, DATA, DATA_FILE, DATA_MEM);
        header(b, 0x1000, flags);
        for (int i = 0x100C; i < 0x1000 + TEXT_SIZE; i++) {
            b.put(i, (byte) 0x90); // nop sled, recognisable
        }
        for (int i = 0; i < DATA_FILE; i++) {
            b.put(0x1800 + i, (byte) (0xD0 + (i & 15)));
        }
        return b.array();
    }

    private static void phdr(ByteBuffer b, int at, int type, int offset, long vaddr, long paddr, int filesz, int memsz) {
        b.putInt(at, type);
        b.putInt(at + 4, offset);
        b.putInt(at + 8, (int) vaddr);
        b.putInt(at + 12, (int) paddr);
        b.putInt(at + 16, filesz);
        b.putInt(at + 20, memsz);
        b.putInt(at + 24, 5);
        b.putInt(at + 28, 0x1000);
    }

    /** Flat binary: header at file offset 0x40 loaded at 0x200040, 0x1000 bytes, bss to 0x203000, entry 0x200080. */
    static byte[] aout() {
        ByteBuffer b = ByteBuffer.allocate(0x1000).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) (i ^ 0x5A));
        }
        int flags = MultibootHeader.MEMORY_INFO | MultibootHeader.AOUT_KLUDGE;
        header(b, 0x40, flags);
        b.putInt(0x40 + 12, 0x200040); // header_addr
        b.putInt(0x40 + 16, 0x200000); // load_addr
        b.putInt(0x40 + 20, 0x201000); // load_end_addr
        b.putInt(0x40 + 24, 0x203000); // bss_end_addr
        b.putInt(0x40 + 28, 0x200080); // entry_addr
        return b.array();
    }
}
