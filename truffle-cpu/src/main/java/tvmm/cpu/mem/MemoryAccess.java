package tvmm.cpu.mem;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.mmu.Access;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.DebugRegisters;

/**
 * One vCPU's path from a linear address to guest RAM: translate (the MMU's
 * {@link LinearTranslator}, identity when none is installed), then plain RAM on the fast
 * path, or the slow path for accesses that cross a page, hit an MMIO hole (an exit through
 * {@link ExitPort}), ROM, or a page holding translated code (self-modifying code).
 *
 * <p>Methods take the size in bytes as a separate argument; at every node it is a constant,
 * so the size switches fold. Every access is checked against the RAM size in
 * {@link PhysicalMemory#isPlainRead}/{@link PhysicalMemory#isPlainWrite}: no guest address
 * can reach outside the region.
 */
public final class MemoryAccess {
    private final CpuState s;
    private final PhysicalMemory phys;
    private final ExitPort exits;
    /** The MMU; null means linear = physical (paging off, or a flat test machine). */
    private LinearTranslator translator;
    /**
     * Valid while no data breakpoint is enabled in DR7: then compiled code carries no check.
     * The engine invalidates it (deoptimizing) when the guest arms one, and makes a new one
     * when none is left.
     */
    @CompilationFinal private Assumption noWatchpoints = Truffle.getRuntime().createAssumption("no data breakpoints");

    public MemoryAccess(CpuState s, PhysicalMemory phys, ExitPort exits) {
        this.s = s;
        this.phys = phys;
        this.exits = exits;
    }

    public void setTranslator(LinearTranslator translator) {
        this.translator = translator;
    }

    public PhysicalMemory physical() {
        return phys;
    }

    public ExitPort exits() {
        return exits;
    }

    /** Turns the data-breakpoint checks on or off (the engine follows DR7 between instructions). */
    public void setWatchpoints(boolean on) {
        if (on == noWatchpoints.isValid()) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            if (on) {
                noWatchpoints.invalidate();
            } else {
                noWatchpoints = Truffle.getRuntime().createAssumption("no data breakpoints");
            }
        }
    }

    /** Records the data breakpoints an explicit access matches (implicit supervisor accesses are not checked). */
    private void watch(long linear, int size, int access) {
        if (!noWatchpoints.isValid() && (access & Access.IMPLICIT) == 0) {
            recordHits(linear, size, (access & Access.WRITE) != 0);
        }
    }

    @TruffleBoundary
    private void recordHits(long linear, int size, boolean write) {
        int hits = DebugRegisters.dataHits(s.dr, linear, size, write);
        if (hits != 0) {
            s.breakpointHits |= hits;
            s.postEvent(CpuState.EVENT_BREAKPOINT);
        }
    }

    private int user() {
        return s.cpl == 3 ? Access.USER : 0;
    }

    /** Translates one page's worth of access; the only call into the MMU. */
    public long translate(long linear, int access) {
        LinearTranslator t = translator;
        return t == null ? linear : t.translate(linear, access);
    }

    private static boolean crossesPage(long linear, int size) {
        return (linear & PhysicalMemory.PAGE_MASK) + size > PhysicalMemory.PAGE_SIZE;
    }

    // region explicit data accesses at the current privilege level

    public long read(long linear, int size) {
        return readAs(linear, size, user());
    }

    /** The read half of a read-modify-write: checked for write permission (as the hardware does). */
    public long readForWrite(long linear, int size) {
        return readAs(linear, size, user() | Access.WRITE);
    }

    public void write(long linear, int size, long value) {
        writeAs(linear, size, value, user());
    }

    public int read8(long linear) {
        return (int) read(linear, 1);
    }

    public int read16(long linear) {
        return (int) read(linear, 2);
    }

    public int read32(long linear) {
        return (int) read(linear, 4);
    }

    public long read64(long linear) {
        return read(linear, 8);
    }

    public void write8(long linear, int v) {
        write(linear, 1, v);
    }

    public void write16(long linear, int v) {
        write(linear, 2, v);
    }

    public void write32(long linear, int v) {
        write(linear, 4, v);
    }

    public void write64(long linear, long v) {
        write(linear, 8, v);
    }

    // endregion

    // region implicit supervisor accesses (descriptor tables, TSS, IDT: SDM Vol. 3 §4.6.1)

    public long readSupervisor(long linear, int size) {
        return readAs(linear, size, Access.IMPLICIT);
    }

    public void writeSupervisor(long linear, int size, long value) {
        writeAs(linear, size, value, Access.IMPLICIT);
    }

    // endregion

    public long readAs(long linear, int size, int access) {
        watch(linear, size, access);
        if (crossesPage(linear, size)) {
            return readSplit(linear, size, access);
        }
        long pa = translate(linear, access);
        if (phys.isPlainRead(pa)) {
            return phys.ramRead(pa, size);
        }
        return readSlow(pa, size);
    }

    public void writeAs(long linear, int size, long value, int access) {
        watch(linear, size, access | Access.WRITE);
        if (crossesPage(linear, size)) {
            writeSplit(linear, size, value, access | Access.WRITE);
            return;
        }
        long pa = translate(linear, access | Access.WRITE);
        if (phys.isPlainWrite(pa)) {
            phys.ramWrite(pa, size, value);
            return;
        }
        writeSlow(pa, size, value);
    }

    /** Instruction fetch of one byte (the decoder's byte source); -1 never: faults propagate. */
    public int fetch8(long linear) {
        long pa = translate(linear, user() | Access.FETCH);
        if (phys.isPlainRead(pa)) {
            return phys.ram8(pa);
        }
        return (int) readSlow(pa, 1);
    }

    /** The physical address of an instruction fetch (the unit cache key). */
    public long translateFetch(long linear) {
        return translate(linear, user() | Access.FETCH);
    }

    // region locked read-modify-write (LOCK prefix, XCHG, CMPXCHG: DESIGN.md §3 memory model)

    /**
     * Atomically replaces {@code expected} by {@code update} and returns the old value. A
     * locked operation always checks write permission, even when the compare fails
     * (SDM Vol. 2 CMPXCHG: "the destination operand is written back if the comparison fails").
     */
    public long compareExchange(long linear, int size, long expected, long update) {
        watch(linear, size, Access.WRITE);
        if (crossesPage(linear, size)) {
            return lockedSplit(linear, size, expected, update, false);
        }
        long pa = translate(linear, user() | Access.WRITE);
        if (phys.isPlainWrite(pa)) {
            return phys.ramCompareExchange(pa, size, expected, update);
        }
        return lockedSlow(pa, size, expected, update, false);
    }

    public long getAndSet(long linear, int size, long value) {
        watch(linear, size, Access.WRITE);
        if (crossesPage(linear, size)) {
            return lockedSplit(linear, size, 0, value, true);
        }
        long pa = translate(linear, user() | Access.WRITE);
        if (phys.isPlainWrite(pa)) {
            return phys.ramGetAndSet(pa, size, value);
        }
        return lockedSlow(pa, size, 0, value, true);
    }

    // endregion

    // region slow paths

    @TruffleBoundary
    private long readSlow(long pa, int size) {
        if (phys.isRam(pa) && (phys.flags(pa) & PhysicalMemory.MMIO) == 0) {
            return phys.ramRead(pa, size);
        }
        return exits.mmioRead(pa, size) & mask(size);
    }

    @TruffleBoundary
    private void writeSlow(long pa, int size, long value) {
        int flags = phys.flags(pa);
        if ((flags & PhysicalMemory.MMIO) != 0) {
            exits.mmioWrite(pa, size, value & mask(size));
            return;
        }
        if ((flags & PhysicalMemory.ROM) != 0) {
            return; // writes to ROM are ignored by the bus
        }
        if ((flags & PhysicalMemory.CODE) != 0) {
            // Self-modifying code: stale units of this page must not run again, and the unit
            // doing the store stops after this instruction (SDM Vol. 3 §11.6).
            phys.invalidateCode(pa);
            s.codeModified = true;
        }
        phys.ramWrite(pa, size, value);
    }

    /** Bytes one at a time; every page is translated before anything is written (precise #PF). */
    @TruffleBoundary
    private long readSplit(long linear, int size, int access) {
        int first = (int) (PhysicalMemory.PAGE_SIZE - (linear & PhysicalMemory.PAGE_MASK));
        long pa0 = translate(linear, access);
        long pa1 = translate(linear + first, access);
        long v = 0;
        for (int i = 0; i < size; i++) {
            long pa = i < first ? pa0 + i : pa1 + (i - first);
            v |= readSlow(pa, 1) << (8 * i);
        }
        return v;
    }

    @TruffleBoundary
    private void writeSplit(long linear, int size, long value, int access) {
        int first = (int) (PhysicalMemory.PAGE_SIZE - (linear & PhysicalMemory.PAGE_MASK));
        long pa0 = translate(linear, access | user());
        long pa1 = translate(linear + first, access | user());
        for (int i = 0; i < size; i++) {
            long pa = i < first ? pa0 + i : pa1 + (i - first);
            writeSlow(pa, 1, value >>> (8 * i));
        }
    }

    private static final Object SPLIT_LOCK = new Object();

    @TruffleBoundary
    private long lockedSlow(long pa, int size, long expected, long update, boolean swap) {
        synchronized (SPLIT_LOCK) {
            long old = readSlow(pa, size);
            if (swap || old == (expected & mask(size))) {
                writeSlow(pa, size, update);
            } else {
                writeSlow(pa, size, old);
            }
            return old;
        }
    }

    @TruffleBoundary
    private long lockedSplit(long linear, int size, long expected, long update, boolean swap) {
        synchronized (SPLIT_LOCK) {
            long old = readSplit(linear, size, user() | Access.WRITE);
            long v = swap || old == (expected & mask(size)) ? update : old;
            writeSplit(linear, size, v, Access.WRITE);
            return old;
        }
    }

    // endregion

    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

}
