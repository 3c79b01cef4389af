package tvmm.cpu.mmu;

import java.util.Arrays;

/**
 * A per-vCPU software TLB: {@link Access#TABLES} direct-mapped tables (read, write, fetch ×
 * supervisor, user) of 4 KiB slots. A slot holds the virtual page as its tag and an addend such
 * that {@code target = linear + addend}; the target is guest-physical for {@link Mmu}, but a
 * caller may fill its own addends (e.g. a host offset into RAM). Large pages are cached as their
 * 4 KiB slices; the range they span is remembered so INVLPG inside it flushes everything
 * (as QEMU does), since the slices of one large page may sit in many slots.
 *
 * <p>The fast path is one array load, a compare and an add: all fields are final arrays, the
 * lookup never allocates. A write slot is filled only after the walker set the dirty bit, so
 * the first store to a clean page always walks.
 */
public final class SoftTlb {
    /** A tag no page-aligned address can equal. */
    public static final long INVALID = 1L;
    public static final long PAGE_MASK = ~0xfffL;

    private final int bits;
    private final int mask;
    private final long[] tags;
    private final long[] addends;
    private final boolean[] global;
    private long largeBase = INVALID;
    private long largeMask;
    private int globalCount;

    /** @param bits log2 of the slots per table (8 → 256 slots). */
    public SoftTlb(int bits) {
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        int n = Access.TABLES << bits;
        this.tags = new long[n];
        this.addends = new long[n];
        this.global = new boolean[n];
        Arrays.fill(tags, INVALID);
    }

    public int slot(int table, long linear) {
        return (table << bits) | (int) ((linear >>> 12) & mask);
    }

    /** Whether {@code slot} maps the page of {@code linear}; the fast-path compare. */
    public boolean hit(int slot, long linear) {
        return tags[slot] == (linear & PAGE_MASK);
    }

    public long addend(int slot) {
        return addends[slot];
    }

    public void fill(int table, long linear, long target, boolean isGlobal, long pageSize) {
        int slot = slot(table, linear);
        long page = linear & PAGE_MASK;
        if (global[slot]) {
            globalCount--;
        }
        tags[slot] = page;
        addends[slot] = (target & PAGE_MASK) - page;
        global[slot] = isGlobal;
        if (isGlobal) {
            globalCount++;
        }
        if (pageSize > 4096) {
            noteLargePage(linear, pageSize);
        }
    }

    private void noteLargePage(long linear, long size) {
        long m = ~(size - 1);
        if (largeBase == INVALID) {
            largeBase = linear & m;
            largeMask = m;
            return;
        }
        long lm = largeMask & m;
        // Widen the mask until the old range and the new page share one aligned block.
        while (((largeBase ^ linear) & lm) != 0) {
            lm <<= 1;
        }
        largeMask = lm;
        largeBase &= lm;
    }

    /** INVLPG and INVPCID type 0: drop every translation of the page holding {@code linear}. */
    public void flushPage(long linear) {
        if (largeBase != INVALID && (linear & largeMask) == largeBase) {
            flushAll();
            return;
        }
        long page = linear & PAGE_MASK;
        for (int t = 0; t < Access.TABLES; t++) {
            int slot = slot(t, linear);
            if (tags[slot] == page) {
                invalidate(slot);
            }
        }
    }

    /** Everything, global pages included (CR4.PGE toggled, paging mode changed). */
    public void flushAll() {
        Arrays.fill(tags, INVALID);
        Arrays.fill(global, false);
        globalCount = 0;
        largeBase = INVALID;
        largeMask = 0;
    }

    /** What a CR3 write drops: all but global translations (SDM §4.10.4.1). */
    public void flushNonGlobal() {
        if (globalCount == 0) {
            Arrays.fill(tags, INVALID);
        } else {
            for (int i = 0; i < tags.length; i++) {
                if (!global[i]) {
                    tags[i] = INVALID;
                }
            }
        }
        // The large-page range stays conservative: it may still cover global large pages.
    }

    private void invalidate(int slot) {
        tags[slot] = INVALID;
        if (global[slot]) {
            global[slot] = false;
            globalCount--;
        }
    }

    public int slotsPerTable() {
        return mask + 1;
    }
}
