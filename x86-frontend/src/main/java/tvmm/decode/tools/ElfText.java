package tvmm.decode.tools;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The executable sections of an ELF file (System V ABI, ELF header and section header
 * table): what a disassembler walks. Reads ELF32 (i386: 32-bit code) and ELF64 (x86-64).
 */
public final class ElfText {
    /** One executable section: its name, load address, bytes and the code's bitness. */
    public record Section(String name, long address, byte[] bytes, int bits) {
    }

    private ElfText() {
    }

    private static final int SHF_EXECINSTR = 4;
    private static final int SHT_NOBITS = 8;
    private static final int EM_386 = 3;

    public static boolean isElf(byte[] f) {
        return f.length >= 16 && f[0] == 0x7F && f[1] == 'E' && f[2] == 'L' && f[3] == 'F';
    }

    /** The executable sections; throws IllegalArgumentException for a malformed file. */
    public static List<Section> sections(byte[] f) {
        if (!isElf(f)) {
            throw new IllegalArgumentException("not an ELF file");
        }
        boolean is64 = f[4] == 2;
        ByteBuffer b = ByteBuffer.wrap(f).order(f[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        try {
            int machine = b.getShort(18) & 0xffff;
            int bits = is64 ? 64 : machine == EM_386 ? 32 : 32;
            long shoff = is64 ? b.getLong(0x28) : b.getInt(0x20) & 0xffffffffL;
            int shentsize = b.getShort(is64 ? 0x3A : 0x2E) & 0xffff;
            int shnum = b.getShort(is64 ? 0x3C : 0x30) & 0xffff;
            int shstrndx = b.getShort(is64 ? 0x3E : 0x32) & 0xffff;
            long strOff = field(b, is64, shoff + (long) shstrndx * shentsize, 0x18, 0x10);
            List<Section> out = new ArrayList<>();
            for (int i = 0; i < shnum; i++) {
                long sh = shoff + (long) i * shentsize;
                int type = b.getInt((int) sh + 4);
                long flags = is64 ? b.getLong((int) sh + 8) : b.getInt((int) sh + 8) & 0xffffffffL;
                if ((flags & SHF_EXECINSTR) == 0 || type == SHT_NOBITS) {
                    continue;
                }
                long addr = field(b, is64, sh, 0x10, 0x0C);
                long off = field(b, is64, sh, 0x18, 0x10);
                long size = field(b, is64, sh, 0x20, 0x14);
                if (off < 0 || size < 0 || off + size > f.length) {
                    throw new IllegalArgumentException("section " + i + " outside the file");
                }
                byte[] bytes = java.util.Arrays.copyOfRange(f, (int) off, (int) (off + size));
                out.add(new Section(name(f, strOff + (b.getInt((int) sh) & 0xffffffffL)), addr, bytes, bits));
            }
            return out;
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated ELF headers", e);
        }
    }

    private static long field(ByteBuffer b, boolean is64, long sh, int off64, int off32) {
        return is64 ? b.getLong((int) (sh + off64)) : b.getInt((int) (sh + off32)) & 0xffffffffL;
    }

    private static String name(byte[] f, long at) {
        int end = (int) at;
        while (end < f.length && f[end] != 0) {
            end++;
        }
        return new String(f, (int) at, end - (int) at, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
