package tvmm.vmm.boot;

import java.util.Arrays;

/**
 * A Linux x86 kernel image (bzImage) and its real-mode setup header, checked for what
 * tvmm's 64-bit direct boot needs (Documentation/arch/x86/boot.rst): the "HdrS" header,
 * boot protocol 2.12 or newer, a kernel loaded high, and the 64-bit entry point
 * (XLF_KERNEL_64). Offsets below are file offsets, equal to boot_params offsets.
 */
public final class BzImage {
    static final int SETUP_SECTS = 0x1F1;
    static final int SYSSIZE = 0x1F4;
    static final int BOOT_FLAG = 0x1FE;
    static final int JUMP = 0x200;
    static final int HEADER = 0x202;
    static final int VERSION = 0x206;
    static final int TYPE_OF_LOADER = 0x210;
    static final int LOADFLAGS = 0x211;
    static final int CODE32_START = 0x214;
    static final int RAMDISK_IMAGE = 0x218;
    static final int RAMDISK_SIZE = 0x21C;
    static final int CMD_LINE_PTR = 0x228;
    static final int INITRD_ADDR_MAX = 0x22C;
    static final int KERNEL_ALIGNMENT = 0x230;
    static final int RELOCATABLE_KERNEL = 0x234;
    static final int XLOADFLAGS = 0x236;
    static final int CMDLINE_SIZE = 0x238;
    static final int PREF_ADDRESS = 0x258;
    static final int INIT_SIZE = 0x260;
    /** boot_params has room for the setup header up to here (zero-page.rst: 0x290 edd_mbr_sig_buffer). */
    static final int HEADER_LIMIT = 0x290;

    /** "HdrS", little-endian. */
    static final long HDRS_MAGIC = 0x5372_6448L;
    /** Protocol 2.12 (Linux 3.8): xloadflags and the 64-bit entry at load address + 0x200. */
    public static final int MIN_PROTOCOL = 0x020C;

    public static final int LOADED_HIGH = 1 << 0;
    public static final int KASLR_FLAG = 1 << 1;
    public static final int QUIET_FLAG = 1 << 5;
    public static final int KEEP_SEGMENTS = 1 << 6;
    public static final int CAN_USE_HEAP = 1 << 7;
    public static final int XLF_KERNEL_64 = 1 << 0;
    public static final int XLF_CAN_BE_LOADED_ABOVE_4G = 1 << 1;

    /** The 64-bit entry point's offset from the load address (boot.rst, "64-bit Boot Protocol"). */
    public static final long ENTRY_64_OFFSET = 0x200;

    private final ImageBytes file;
    private final int protocol;
    private final int setupSize;
    private final long syssize;
    private final int loadflags;
    private final int xloadflags;
    private final long prefAddress;
    private final long kernelAlignment;
    private final boolean relocatable;
    private final long initSize;
    private final long cmdlineSize;
    private final long initrdAddrMax;
    private final int headerEnd;

    private BzImage(ImageBytes f) throws BootException {
        String n = f.name();
        if (f.startsWith(0, (byte) 0x7F, (byte) 'E', (byte) 'L', (byte) 'F')) {
            throw new BootException(n + ": an ELF file, not a bzImage (boot the vmlinuz bzImage, not vmlinux;"
                    + " an ELF with a multiboot header boots as multiboot)");
        }
        if (f.startsWith(0, (byte) 0x1F, (byte) 0x8B)) {
            throw new BootException(n + ": a gzip file, not a bzImage (an initramfs passed as -kernel?)");
        }
        if (f.length() < INIT_SIZE + 4 || f.u16(BOOT_FLAG, "boot_flag") != 0xAA55
                || f.u32(HEADER, "header") != HDRS_MAGIC) {
            throw new BootException(n + ": not a Linux bzImage (no 'HdrS' boot header)");
        }
        protocol = f.u16(VERSION, "version");
        if (protocol < MIN_PROTOCOL) {
            throw new BootException(n + ": boot protocol " + protocolString(protocol) + " is too old: the 64-bit"
                    + " entry needs " + protocolString(MIN_PROTOCOL) + " or newer (Linux 3.8+)");
        }
        loadflags = f.u8(LOADFLAGS, "loadflags");
        if ((loadflags & LOADED_HIGH) == 0) {
            throw new BootException(n + ": a zImage (loaded below 1 MiB); only bzImages are supported");
        }
        xloadflags = f.u16(XLOADFLAGS, "xloadflags");
        if ((xloadflags & XLF_KERNEL_64) == 0) {
            throw new BootException(n + ": no 64-bit entry point (XLF_KERNEL_64 clear: a 32-bit kernel?)");
        }
        int sects = f.u8(SETUP_SECTS, "setup_sects");
        setupSize = ((sects == 0 ? 4 : sects) + 1) * 512; // 0 means 4, for old images
        syssize = f.u32(SYSSIZE, "syssize") * 16;
        if (syssize == 0 || setupSize + syssize > f.length()) {
            throw new BootException(n + ": truncated (setup " + setupSize + " + kernel " + syssize
                    + " bytes, file " + f.length() + " bytes)");
        }
        kernelAlignment = f.u32(KERNEL_ALIGNMENT, "kernel_alignment");
        relocatable = f.u8(RELOCATABLE_KERNEL, "relocatable_kernel") != 0;
        prefAddress = f.u64(PREF_ADDRESS, "pref_address");
        initSize = f.u32(INIT_SIZE, "init_size");
        cmdlineSize = f.u32(CMDLINE_SIZE, "cmdline_size");
        initrdAddrMax = f.u32(INITRD_ADDR_MAX, "initrd_addr_max");
        if (kernelAlignment == 0 || Long.bitCount(kernelAlignment) != 1) {
            throw new BootException(n + ": kernel_alignment 0x" + Long.toHexString(kernelAlignment) + " is not a power of two");
        }
        if (prefAddress < BootLayout.HIGH_MEMORY || prefAddress % BootLayout.PAGE_SIZE != 0) {
            throw new BootException(n + ": pref_address 0x" + Long.toHexString(prefAddress) + " is not a page above 1 MiB");
        }
        if (initSize < syssize) {
            throw new BootException(n + ": init_size " + initSize + " is smaller than the kernel (" + syssize + " bytes)");
        }
        headerEnd = JUMP + 2 + f.u8(JUMP + 1, "jump"); // the header ends where its jump lands
        if (headerEnd > HEADER_LIMIT || headerEnd < INIT_SIZE + 4) {
            throw new BootException(n + ": setup header ends at 0x" + Integer.toHexString(headerEnd)
                    + ", outside 0x264..0x290");
        }
        file = f;
    }

    /** Parses and checks {@code bytes}; {@code name} (a file name) starts every error message. */
    public static BzImage parse(String name, byte[] bytes) throws BootException {
        return new BzImage(new ImageBytes(name, bytes));
    }

    static String protocolString(int v) {
        return (v >>> 8) + "." + String.format("%02d", v & 0xFF);
    }

    public String name() {
        return file.name();
    }

    /** Boot protocol version, e.g. 0x020F for 2.15. */
    public int protocol() {
        return protocol;
    }

    /** Bytes before the protected-mode code: the boot sector and setup_sects sectors. */
    public int setupSize() {
        return setupSize;
    }

    /** Size of the protected-mode code (syssize paragraphs). */
    public long kernelSize() {
        return syssize;
    }

    public int loadflags() {
        return loadflags;
    }

    public int xloadflags() {
        return xloadflags;
    }

    public long prefAddress() {
        return prefAddress;
    }

    public long kernelAlignment() {
        return kernelAlignment;
    }

    public boolean relocatable() {
        return relocatable;
    }

    /** Memory the kernel needs from its load address to decompress itself in place. */
    public long initSize() {
        return initSize;
    }

    /** Longest command line the kernel takes, without the terminating NUL. */
    public long cmdlineSize() {
        return cmdlineSize;
    }

    /** Highest address the initrd's last byte may have. */
    public long initrdAddrMax() {
        return initrdAddrMax;
    }

    /** Offset just past the setup header (0x202 + the jump's displacement). */
    public int headerEnd() {
        return headerEnd;
    }

    /** The setup header, file bytes 0x1F1 up to {@link #headerEnd()}, to copy into boot_params. */
    byte[] setupHeader() {
        return Arrays.copyOfRange(file.bytes(), SETUP_SECTS, headerEnd);
    }

    /** The protected-mode code: everything after the setup sectors. */
    void writeKernel(GuestPhysicalMemory memory, long address) {
        memory.write(address, file.bytes(), setupSize, file.length() - setupSize);
    }

    /** Bytes after the setup sectors (the kernel proper, possibly with trailing signature data). */
    long payloadFileSize() {
        return file.length() - (long) setupSize;
    }

    @Override
    public String toString() {
        return String.format("%s: boot protocol %s, %d KiB kernel, init_size %d KiB, pref_address 0x%x%s",
                file.name(), protocolString(protocol), syssize / 1024, initSize / 1024, prefAddress,
                relocatable ? ", relocatable" : "");
    }
}
