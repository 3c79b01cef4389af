package tvmm.cpu.mem;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import tvmm.cpu.mmu.PageTableMemory;

/**
 * Guest-physical memory of one machine: RAM as one off-heap region starting at guest-physical
 * 0 (DESIGN.md §3), plus one flag byte per 4 KiB page that sends accesses off the fast path:
 * {@link #CODE} (a translated page: stores invalidate its units), {@link #MMIO} (a hole: the
 * access leaves as an NPF exit), {@link #ROM} (stores are dropped). Addresses at or above the
 * RAM size are MMIO. Shared by every vCPU of the machine.
 *
 * <p>The raw accessors ({@code ram*}) do no checks: callers have checked {@link #isPlainRead}
 * or {@link #isPlainWrite} for the whole access, which is the one place a guest address is
 * bounds-checked. Locked accesses use the region's VarHandles, so LOCK'd instructions and
 * XCHG are atomic against other vCPUs (x86-TSO); an access split across its natural
 * alignment cannot be atomic in Java and takes a global lock (a "split lock").
 */
public final class PhysicalMemory implements PageTableMemory, AutoCloseable {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long PAGE_MASK = PAGE_SIZE - 1;

    public static final byte CODE = 1;
    public static final byte MMIO = 2;
    public static final byte ROM = 4;

    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort S = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    // Aligned layouts for atomic access modes (x86 is little-endian, as is every JVM host we run on).
    private static final VarHandle AB = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle AS = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle AI = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle AL = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final Object SPLIT_LOCK = new Object();

    private final Arena arena;
    private final MemorySegment ram;
    private final long size;
    private final byte[] pageFlags;
    /** Bumped whenever a code page is written: units built from an older version are stale. */
    private final int[] codeVersion;

    public PhysicalMemory(long size) {
        if (size <= 0 || (size & PAGE_MASK) != 0 || size > (1L << 43)) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB: " + size);
        }
        this.arena = Arena.ofShared();
        this.ram = arena.allocate(size, PAGE_SIZE);
        this.size = size;
        int pages = (int) (size >>> PAGE_SHIFT);
        this.pageFlags = new byte[pages];
        this.codeVersion = new int[pages];
    }

    public long size() {
        return size;
    }

    /** The RAM region, for loaders and DMA (which must call {@link #invalidateCode} on writes). */
    public MemorySegment segment() {
        return ram;
    }

    /** True when a read of {@code len} bytes at {@code pa} (within one page) is plain RAM. */
    public boolean isPlainRead(long pa) {
        return Long.compareUnsigned(pa, size) < 0 && (pageFlags[(int) (pa >>> PAGE_SHIFT)] & MMIO) == 0;
    }

    /** True when a write at {@code pa} (within one page) is plain RAM without code on the page. */
    public boolean isPlainWrite(long pa) {
        return Long.compareUnsigned(pa, size) < 0 && pageFlags[(int) (pa >>> PAGE_SHIFT)] == 0;
    }

    /** The page flags of {@code pa}; addresses beyond RAM are MMIO. */
    public int flags(long pa) {
        return Long.compareUnsigned(pa, size) < 0 ? pageFlags[(int) (pa >>> PAGE_SHIFT)] : MMIO;
    }

    /** Marks a RAM page as an MMIO hole or ROM (the VMM's guest-physical map). */
    public void setPageKind(long pa, byte kind) {
        int p = (int) (pa >>> PAGE_SHIFT);
        pageFlags[p] = (byte) ((pageFlags[p] & CODE) | (kind & (MMIO | ROM)));
    }

    // region code pages (self-modifying code, DESIGN.md §3)

    /** Marks the page of {@code pa} as holding translated code and returns its version. */
    public int markCode(long pa) {
        int p = (int) (pa >>> PAGE_SHIFT);
        pageFlags[p] |= CODE;
        return codeVersion[p];
    }

    public int codeVersion(long pa) {
        return codeVersion[(int) (pa >>> PAGE_SHIFT)];
    }

    /** A store hit a code page: every unit translated from it is stale from now on. */
    public void invalidateCode(long pa) {
        int p = (int) (pa >>> PAGE_SHIFT);
        if (p >= 0 && p < pageFlags.length) {
            codeVersion[p]++;
            pageFlags[p] &= ~CODE;
        }
    }

    /** Whether the page of {@code pa} is RAM (not beyond the end). */
    public boolean isRam(long pa) {
        return Long.compareUnsigned(pa, size) < 0;
    }

    // endregion

    // region raw accessors: caller checked the address

    // Guest loads are acquire and guest stores release when naturally aligned: x86-TSO keeps
    // load→load, load→store and store→store order, and these modes also stop the JIT from
    // hoisting a load out of a guest spin loop. They compile to plain moves on x86. An
    // unaligned access cannot use them (the VarHandles require alignment) and stays plain.

    public int ram8(long pa) {
        return (byte) AB.getAcquire(ram, pa) & 0xff;
    }

    public int ram16(long pa) {
        return ((pa & 1) == 0 ? (short) AS.getAcquire(ram, pa) : ram.get(S, pa)) & 0xffff;
    }

    public int ram32(long pa) {
        return (pa & 3) == 0 ? (int) AI.getAcquire(ram, pa) : ram.get(I, pa);
    }

    public long ram64(long pa) {
        return (pa & 7) == 0 ? (long) AL.getAcquire(ram, pa) : ram.get(L, pa);
    }

    /** Reads {@code size} bytes zero-extended; size is a constant at every node. */
    public long ramRead(long pa, int size) {
        switch (size) {
            case 1:
                return ram8(pa);
            case 2:
                return ram16(pa);
            case 4:
                return ram32(pa) & 0xffffffffL;
            default:
                return ram64(pa);
        }
    }

    public void ramWrite(long pa, int size, long v) {
        switch (size) {
            case 1:
                AB.setRelease(ram, pa, (byte) v);
                break;
            case 2:
                if ((pa & 1) == 0) {
                    AS.setRelease(ram, pa, (short) v);
                } else {
                    ram.set(S, pa, (short) v);
                }
                break;
            case 4:
                if ((pa & 3) == 0) {
                    AI.setRelease(ram, pa, (int) v);
                } else {
                    ram.set(I, pa, (int) v);
                }
                break;
            default:
                if ((pa & 7) == 0) {
                    AL.setRelease(ram, pa, v);
                } else {
                    ram.set(L, pa, v);
                }
                break;
        }
    }

    /**
     * Atomic compare-and-exchange of {@code size} bytes at {@code pa}; returns the old value
     * (zero-extended). Naturally aligned accesses use the VarHandle; split ones the global lock.
     */
    public long ramCompareExchange(long pa, int size, long expected, long update) {
        if ((pa & (size - 1)) != 0) {
            synchronized (SPLIT_LOCK) {
                long old = ramRead(pa, size);
                if (old == (expected & mask(size))) {
                    ramWrite(pa, size, update);
                }
                VarHandle.fullFence();
                return old;
            }
        }
        switch (size) {
            case 1:
            case 2:
                return subwordCompareExchange(pa, size, expected, update);
            case 4:
                return (int) AI.compareAndExchange(ram, pa, (int) expected, (int) update) & 0xffffffffL;
            default:
                return (long) AL.compareAndExchange(ram, pa, expected, update);
        }
    }

    /**
     * Bytes and naturally aligned words lie inside one aligned int: the VarHandles of a
     * memory segment only do atomics on 32 and 64 bits, so CAS the containing int.
     */
    private long subwordCompareExchange(long pa, int size, long expected, long update) {
        long word = pa & ~3L;
        int shift = (int) (pa & 3) * 8;
        int m = (int) mask(size) << shift;
        while (true) {
            int cur = (int) AI.getVolatile(ram, word);
            long old = ((cur & m) >>> shift) & mask(size);
            if (old != (expected & mask(size))) {
                return old;
            }
            int next = (cur & ~m) | (((int) update << shift) & m);
            if ((boolean) AI.compareAndSet(ram, word, cur, next)) {
                return old;
            }
        }
    }

    /** Atomic exchange (XCHG with memory is always locked, SDM Vol. 2 XCHG). */
    public long ramGetAndSet(long pa, int size, long v) {
        if ((pa & (size - 1)) != 0) {
            synchronized (SPLIT_LOCK) {
                long old = ramRead(pa, size);
                ramWrite(pa, size, v);
                VarHandle.fullFence();
                return old;
            }
        }
        switch (size) {
            case 1:
            case 2: {
                long old;
                do {
                    old = ramRead(pa, size);
                } while (subwordCompareExchange(pa, size, old, v) != old);
                return old;
            }
            case 4:
                return (int) AI.getAndSet(ram, pa, (int) v) & 0xffffffffL;
            default:
                return (long) AL.getAndSet(ram, pa, v);
        }
    }

    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    // endregion

    // region PageTableMemory: the page walker's view (accessed/dirty bits by CAS)

    @Override
    public long read64(long physical) {
        return isRam(physical + 7) ? ram64(physical) : -1L;
    }

    @Override
    public int read32(long physical) {
        return isRam(physical + 3) ? ram32(physical) : -1;
    }

    @Override
    public boolean compareAndSet64(long physical, long expected, long update) {
        return isRam(physical + 7) && (physical & 7) == 0 && AL.compareAndSet(ram, physical, expected, update);
    }

    @Override
    public boolean compareAndSet32(long physical, int expected, int update) {
        return isRam(physical + 3) && (physical & 3) == 0 && AI.compareAndSet(ram, physical, expected, update);
    }

    // endregion

    /** Copies host bytes into RAM (loaders); invalidates translated code on the pages written. */
    public void load(long pa, byte[] bytes) {
        if (pa < 0 || pa + bytes.length > size) {
            throw new IllegalArgumentException("load outside RAM: " + Long.toHexString(pa) + "+" + bytes.length);
        }
        MemorySegment.copy(bytes, 0, ram, B, pa, bytes.length);
        for (long p = pa & ~PAGE_MASK; p < pa + bytes.length; p += PAGE_SIZE) {
            invalidateCode(p);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
