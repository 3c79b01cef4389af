package tvmm.vmm.boot;

/**
 * A segment register with its hidden part, as the VMCB state save area holds it
 * (AMD64 APM vol. 2, §15.5.1 and Appendix B): selector; attributes packed in 12 bits
 * (bits 7:0 = descriptor bits 47:40: type, S, DPL, P; bits 11:8 = descriptor bits 55:52:
 * AVL, L, D/B, G); limit in bytes (granularity applied); base.
 */
public record SegmentState(int selector, int attributes, long limit, long base) {
    public static final int ATTR_ACCESSED_CODE_READ = 0xB; // type: execute/read, accessed
    public static final int ATTR_ACCESSED_DATA_WRITE = 0x3; // type: read/write, accessed
    public static final int ATTR_S = 1 << 4; // code/data (not system)
    public static final int ATTR_P = 1 << 7;
    public static final int ATTR_L = 1 << 9; // 64-bit code
    public static final int ATTR_DB = 1 << 10; // 32-bit default size / big
    public static final int ATTR_G = 1 << 11; // limit in 4 KiB units
    /** System type 0xB: busy 32/64-bit TSS. */
    public static final int ATTR_TSS_BUSY = 0xB;

    /** 64-bit flat code, as Linux's __BOOT_CS (0x00af9b000000ffff). */
    public static SegmentState code64(int selector) {
        return new SegmentState(selector, ATTR_ACCESSED_CODE_READ | ATTR_S | ATTR_P | ATTR_L | ATTR_G, 0xFFFF_FFFFL, 0);
    }

    /** 32-bit flat code, 4 GiB limit (multiboot's CS). */
    public static SegmentState code32(int selector) {
        return new SegmentState(selector, ATTR_ACCESSED_CODE_READ | ATTR_S | ATTR_P | ATTR_DB | ATTR_G, 0xFFFF_FFFFL, 0);
    }

    /** Flat read/write data, 4 GiB limit (Linux's __BOOT_DS, multiboot's data segments). */
    public static SegmentState data(int selector) {
        return new SegmentState(selector, ATTR_ACCESSED_DATA_WRITE | ATTR_S | ATTR_P | ATTR_DB | ATTR_G, 0xFFFF_FFFFL, 0);
    }

    /** A usable task register for a CPU that never switches tasks at boot: busy TSS at 0, 104 bytes. */
    public static SegmentState bootTaskRegister() {
        return new SegmentState(0, ATTR_TSS_BUSY | ATTR_P, 0x67, 0);
    }

    /** An unusable (not present) segment: the LDTR at boot. */
    public static SegmentState unusable() {
        return new SegmentState(0, 0, 0, 0);
    }

    /** The 8-byte GDT descriptor that loads this state (Intel SDM vol. 3A, §3.4.5). */
    public long descriptor() {
        long rawLimit = (attributes & ATTR_G) != 0 ? limit >>> 12 : limit;
        if (rawLimit > 0xFFFFF || base > 0xFFFF_FFFFL) {
            throw new IllegalStateException("not encodable in a legacy descriptor: " + this);
        }
        return (rawLimit & 0xFFFF)
                | (base & 0xFF_FFFFL) << 16
                | (long) (attributes & 0xFF) << 40
                | (rawLimit >>> 16 & 0xF) << 48
                | (long) (attributes >>> 8 & 0xF) << 52
                | (base >>> 24 & 0xFF) << 56;
    }

    /** The state a CPU loads from {@code descriptor} with {@code selector}: the inverse of {@link #descriptor()}. */
    public static SegmentState fromDescriptor(int selector, long descriptor) {
        long rawLimit = (descriptor & 0xFFFF) | (descriptor >>> 48 & 0xF) << 16;
        long base = (descriptor >>> 16 & 0xFF_FFFFL) | (descriptor >>> 56 & 0xFF) << 24;
        int attributes = (int) (descriptor >>> 40 & 0xFF) | (int) (descriptor >>> 52 & 0xF) << 8;
        long limit = (attributes & ATTR_G) != 0 ? rawLimit << 12 | 0xFFF : rawLimit;
        return new SegmentState(selector, attributes, limit, base);
    }
}
