package tvmm.cpu.seg;

import tvmm.cpu.interrupts.InterruptState;
import tvmm.cpu.mmu.ByteMemory;
import tvmm.cpu.mmu.ControlBits;

/**
 * A vCPU for system-layer tests: plain fields for the state and a byte array as memory
 * (paging off, linear = physical). Helpers write GDT/IDT entries.
 */
public class FakeCpu implements InterruptState, SystemMemory {
    public final ByteMemory mem = new ByteMemory(1 << 20);
    public final int[] selector = new int[8];
    public final long[] base = new long[8];
    public final int[] limit = new int[8];
    public final int[] attr = new int[8];
    public long gdtBase = 0x1000;
    public int gdtLimit = 0x3ff;
    public long idtBase = 0x2000;
    public int idtLimit = 0xfff;
    public long cr0 = ControlBits.CR0_PE;
    public long cr4;
    public long efer;
    public long rflags = 0x2;
    public int cpl;
    public long rip;
    public long rsp;
    public long cr2;
    public final long[] gpr = new long[16];

    /** Flat 32-bit ring-0 code (0x08) and data (0x10), ring-3 code (0x1b) and data (0x23). */
    public static final int FLAT_CODE = 0x9b | 0xc00;   // P, S, code RA, D, G
    public static final int FLAT_DATA = 0x93 | 0xc00;   // P, S, data RWA, B, G
    public static final int CODE64 = 0x9b | 0xa00;      // P, S, code, L, G

    public void setGdt(int index, long raw) {
        mem.write64(gdtBase + index * 8L, raw);
    }

    public void setSegmentDescriptor(int index, long base, int limitField, int attributes) {
        setGdt(index, Descriptor.build(base, limitField, attributes));
    }

    /** Loads a segment register straight from GDT entry {@code index} (as if it had been loaded before). */
    public void loadFromGdt(int sreg, int sel) {
        long raw = mem.read64(gdtBase + (sel & ~7));
        loadSegment(sreg, sel, Descriptor.base(raw), Descriptor.limit(raw), Descriptor.attributes(raw));
        if (sreg == CS) {
            cpl = sel & 3;
        }
    }

    public void setIdt32(int vector, long raw) {
        mem.write64(idtBase + vector * 8L, raw);
    }

    public void setIdt64(int vector, int sel, long offset, int attributes, int ist) {
        mem.write64(idtBase + vector * 16L, Descriptor.gate(sel, offset, attributes, ist));
        mem.write64(idtBase + vector * 16L + 8, offset >>> 32);
    }

    @Override
    public long readLinear(long linear, int bytes, boolean user) {
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | mem.read8(linear + i);
        }
        return v;
    }

    @Override
    public void writeLinear(long linear, int bytes, long value, boolean user) {
        for (int i = 0; i < bytes; i++) {
            mem.write8(linear + i, (int) (value >>> (8 * i)));
        }
    }

    @Override public int selector(int sreg) { return selector[sreg]; }
    @Override public long base(int sreg) { return base[sreg]; }
    @Override public int limit(int sreg) { return limit[sreg]; }
    @Override public int attributes(int sreg) { return attr[sreg]; }

    @Override
    public void loadSegment(int sreg, int sel, long b, int l, int a) {
        selector[sreg] = sel;
        base[sreg] = b;
        limit[sreg] = l;
        attr[sreg] = a;
    }

    @Override public long gdtBase() { return gdtBase; }
    @Override public int gdtLimit() { return gdtLimit; }
    @Override public long idtBase() { return idtBase; }
    @Override public int idtLimit() { return idtLimit; }
    @Override public long cr0() { return cr0; }
    @Override public long cr4() { return cr4; }
    @Override public long efer() { return efer; }
    @Override public long rflags() { return rflags; }
    @Override public int cpl() { return cpl; }
    @Override public void setCpl(int c) { cpl = c; }
    @Override public long rip() { return rip; }
    @Override public void setRip(long r) { rip = r; }
    @Override public long rsp() { return rsp; }
    @Override public void setRsp(long r) { rsp = r; }
    @Override public void setRflags(long f) { rflags = f; }
    @Override public void setCr2(long c) { cr2 = c; }
    @Override public long gpr(int i) { return i == 4 ? rsp : gpr[i]; }
    @Override public void setGpr(int i, long v) { if (i == 4) { rsp = v; } else { gpr[i] = v; } }
}
