package tvmm.cpu.state;

/**
 * A segment register with its hidden descriptor cache (SDM Vol. 3 §3.4.3). The attributes
 * use the VMCB packing (APM Vol. 2 §15.5.1): bits 0-7 are descriptor bits 40-47 (type, S,
 * DPL, P), bits 8-11 are descriptor bits 52-55 (AVL, L, D/B, G). The system layer
 * (tvmm.cpu.seg) loads these with all checks; the engine only reads them.
 */
public final class Segment {
    public static final int ATTR_TYPE = 0xf;
    public static final int ATTR_S = 1 << 4;
    public static final int ATTR_DPL_SHIFT = 5;
    public static final int ATTR_P = 1 << 7;
    public static final int ATTR_AVL = 1 << 8;
    public static final int ATTR_L = 1 << 9;
    public static final int ATTR_DB = 1 << 10;
    public static final int ATTR_G = 1 << 11;

    public int selector;
    public long base;
    /** Effective limit in bytes (already scaled by G). */
    public int limit;
    public int attr;

    public Segment(int selector, long base, int limit, int attr) {
        set(selector, base, limit, attr);
    }

    public void set(int selector, long base, int limit, int attr) {
        this.selector = selector & 0xffff;
        this.base = base;
        this.limit = limit;
        this.attr = attr & 0xfff;
    }

    public int dpl() {
        return (attr >> ATTR_DPL_SHIFT) & 3;
    }

    public boolean present() {
        return (attr & ATTR_P) != 0;
    }

    @Override
    public String toString() {
        return String.format("sel=%04x base=%x limit=%x attr=%03x", selector, base, limit, attr);
    }
}
