package tvmm.vmm.boot;

/**
 * The Multiboot 1 header (Multiboot Specification 0.6.96, §3.1): magic 0x1BADB002,
 * flags and checksum in the first 8192 bytes of the file, 32-bit aligned; with flags
 * bit 16 (the "a.out kludge") also the load addresses, so any binary format boots.
 */
public final class MultibootHeader {
    public static final long MAGIC = 0x1BAD_B002L;
    /** How far into the file the header may start. */
    public static final int SEARCH_LIMIT = 8192;

    public static final int PAGE_ALIGN = 1 << 0; // modules on page boundaries
    public static final int MEMORY_INFO = 1 << 1; // mem_* and mmap_* wanted
    public static final int VIDEO_MODE = 1 << 2; // a graphics mode wanted
    public static final int AOUT_KLUDGE = 1 << 16; // addresses come from this header
    /** Bits 0-15 are requirements: a loader that does not know one must refuse the kernel. */
    static final int KNOWN_REQUIRED = PAGE_ALIGN | MEMORY_INFO | VIDEO_MODE;

    final int offset;
    final int flags;
    final long headerAddr;
    final long loadAddr;
    final long loadEndAddr;
    final long bssEndAddr;
    final long entryAddr;

    private MultibootHeader(int offset, int flags, long headerAddr, long loadAddr, long loadEndAddr, long bssEndAddr,
            long entryAddr) {
        this.offset = offset;
        this.flags = flags;
        this.headerAddr = headerAddr;
        this.loadAddr = loadAddr;
        this.loadEndAddr = loadEndAddr;
        this.bssEndAddr = bssEndAddr;
        this.entryAddr = entryAddr;
    }

    /** True when {@code file} has a multiboot header with a valid checksum. */
    public static boolean isMultiboot(byte[] file) {
        return findOffset(file) >= 0;
    }

    private static int findOffset(byte[] b) {
        int end = Math.min(SEARCH_LIMIT, b.length) - 12;
        for (int at = 0; at <= end; at += 4) {
            long magic = le32(b, at);
            if (magic == MAGIC && ((magic + le32(b, at + 4) + le32(b, at + 8)) & 0xFFFF_FFFFL) == 0) {
                return at;
            }
        }
        return -1;
    }

    static MultibootHeader find(ImageBytes f) throws BootException {
        int at = findOffset(f.bytes());
        if (at < 0) {
            throw new BootException(f.name() + ": no multiboot header (magic 0x1BADB002 with a valid checksum)"
                    + " in the first 8192 bytes");
        }
        int flags = (int) f.u32(at + 4, "multiboot flags");
        int unknown = flags & 0xFFFF & ~KNOWN_REQUIRED;
        if (unknown != 0) {
            throw new BootException(f.name() + ": multiboot header requires features tvmm does not know (flags 0x"
                    + Integer.toHexString(unknown) + ")");
        }
        if ((flags & AOUT_KLUDGE) == 0) {
            return new MultibootHeader(at, flags, 0, 0, 0, 0, 0);
        }
        return new MultibootHeader(at, flags, f.u32(at + 12, "header_addr"), f.u32(at + 16, "load_addr"),
                f.u32(at + 20, "load_end_addr"), f.u32(at + 24, "bss_end_addr"), f.u32(at + 28, "entry_addr"));
    }

    boolean aoutKludge() {
        return (flags & AOUT_KLUDGE) != 0;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
