package tvmm.cpu.seg;

/**
 * Segment and system descriptors (SDM vol. 3 §3.4.5, §3.5; AMD APM vol. 2 §4.7–4.8), decoded
 * from the 8-byte raw form. Attribute words use the VMCB layout: bits 3:0 type, 4 S, 6:5 DPL,
 * 7 P, 8 AVL, 9 L, 10 D/B, 11 G — i.e. descriptor bits 47:40 and 55:52.
 */
public final class Descriptor {
    public static final int ATTR_TYPE = 0xf;
    public static final int ATTR_S = 1 << 4;
    public static final int ATTR_P = 1 << 7;
    public static final int ATTR_AVL = 1 << 8;
    public static final int ATTR_L = 1 << 9;
    public static final int ATTR_DB = 1 << 10;
    public static final int ATTR_G = 1 << 11;

    /** Code/data type bits (S = 1). */
    public static final int TYPE_ACCESSED = 1;
    public static final int TYPE_WRITABLE = 2;   // data
    public static final int TYPE_READABLE = 2;   // code
    public static final int TYPE_EXPAND_DOWN = 4; // data
    public static final int TYPE_CONFORMING = 4;  // code
    public static final int TYPE_CODE = 8;

    /** System types (S = 0); in long mode 9/B are 64-bit TSS and C/E/F are 64-bit gates. */
    public static final int SYS_TSS16 = 0x1;
    public static final int SYS_LDT = 0x2;
    public static final int SYS_TSS16_BUSY = 0x3;
    public static final int SYS_CALL_GATE16 = 0x4;
    public static final int SYS_TASK_GATE = 0x5;
    public static final int SYS_INT_GATE16 = 0x6;
    public static final int SYS_TRAP_GATE16 = 0x7;
    public static final int SYS_TSS32 = 0x9;
    public static final int SYS_TSS32_BUSY = 0xb;
    public static final int SYS_CALL_GATE32 = 0xc;
    public static final int SYS_INT_GATE32 = 0xe;
    public static final int SYS_TRAP_GATE32 = 0xf;

    private Descriptor() {
    }

    public static long base(long raw) {
        return ((raw >>> 16) & 0xff_ffffL) | (((raw >>> 56) & 0xff) << 24);
    }

    /** Limit expanded to bytes by the granularity bit. */
    public static int limit(long raw) {
        int limit = (int) ((raw & 0xffff) | ((raw >>> 32) & 0xf_0000));
        return (raw & (1L << 55)) != 0 ? (limit << 12) | 0xfff : limit;
    }

    public static int attributes(long raw) {
        return (int) (((raw >>> 40) & 0xff) | (((raw >>> 52) & 0xf) << 8));
    }

    public static int type(int attributes) {
        return attributes & ATTR_TYPE;
    }

    public static int dpl(int attributes) {
        return (attributes >>> 5) & 3;
    }

    public static boolean present(int attributes) {
        return (attributes & ATTR_P) != 0;
    }

    public static boolean isSystem(int attributes) {
        return (attributes & ATTR_S) == 0;
    }

    public static boolean isCode(int attributes) {
        return (attributes & ATTR_S) != 0 && (attributes & TYPE_CODE) != 0;
    }

    public static boolean isData(int attributes) {
        return (attributes & ATTR_S) != 0 && (attributes & TYPE_CODE) == 0;
    }

    public static boolean isConforming(int attributes) {
        return isCode(attributes) && (attributes & TYPE_CONFORMING) != 0;
    }

    public static boolean isReadable(int attributes) {
        return isData(attributes) || (attributes & TYPE_READABLE) != 0;
    }

    public static boolean isWritableData(int attributes) {
        return isData(attributes) && (attributes & TYPE_WRITABLE) != 0;
    }

    /** Gate fields: target selector, 32-bit (or 16-bit) offset, parameter count, IST index. */
    public static int gateSelector(long raw) {
        return (int) ((raw >>> 16) & 0xffff);
    }

    public static long gateOffset(long raw) {
        return (raw & 0xffff) | ((raw >>> 32) & 0xffff_0000L);
    }

    /** In long mode the second quadword holds offset bits 63:32. */
    public static long gateOffset64(long low, long high) {
        return gateOffset(low) | (high << 32);
    }

    public static int gateParamCount(long raw) {
        return (int) ((raw >>> 32) & 0x1f);
    }

    public static int gateIst(long raw) {
        return (int) ((raw >>> 32) & 7);
    }

    /** Builds a raw descriptor (tests, and the TSS busy-bit update). */
    public static long build(long base, int limitField, int attributes) {
        return (limitField & 0xffffL) | ((base & 0xff_ffffL) << 16) | ((long) (attributes & 0xff) << 40)
                | ((long) (limitField >>> 16 & 0xf) << 48) | ((long) (attributes >>> 8 & 0xf) << 52)
                | (((base >>> 24) & 0xff) << 56);
    }

    /** Builds an 8-byte gate (the low half of a long-mode gate). */
    public static long gate(int selector, long offset, int attributes, int paramsOrIst) {
        return (offset & 0xffff) | ((long) (selector & 0xffff) << 16) | ((long) (paramsOrIst & 0x1f) << 32)
                | ((long) (attributes & 0xff) << 40) | ((offset & 0xffff_0000L) << 32);
    }
}
