package tvmm.cpu.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.mmu.PagingControl;

/**
 * The architectural state of one vCPU (SDM Vol. 1 §3.4, Vol. 3 §2). Plain fields: the
 * vCPU's own thread is the only writer while it runs (DESIGN.md §4); other threads only
 * post events through {@link #postEvent}. Nodes read and write the fields directly so
 * that, inside a compiled unit, Graal forwards stores to later loads.
 */
public final class CpuState implements PagingControl {
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
    public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;

    public final long[] gpr = new long[16];
    /** The instruction pointer; exact whenever control is outside a unit (units keep it implicit). */
    public long rip;

    /** RFLAGS; the six arithmetic bits are valid only when {@link #flagOp} is {@link Flags#NONE}. */
    public long rflags = Flags.FIXED1;
    public int flagOp;
    public long flagA;
    public long flagB;
    public long flagRes;

    public final Segment[] seg = new Segment[6];
    public final Segment ldtr = new Segment(0, 0, 0xffff, 0x82);
    public final Segment tr = new Segment(0, 0, 0xffff, 0x8b);
    public long gdtrBase;
    public int gdtrLimit = 0xffff;
    public long idtrBase;
    public int idtrLimit = 0xffff;

    public long cr0 = ControlBits.CR0_ET | ControlBits.CR0_CD | ControlBits.CR0_NW;
    public long cr2;
    public long cr3;
    public long cr4;
    public long cr8;
    /** XCR0, the XSAVE feature mask (SDM Vol. 1 §13.3): x87 (bit 0, always 1) and SSE (bit 1). */
    public long xcr0 = 1;
    public long efer;
    public final long[] dr = new long[8];

    /** The x87 FPU (and the MMX registers aliased onto it). */
    public final tvmm.cpu.fpu.X87State x87 = new tvmm.cpu.fpu.X87State();
    /** XMM0-15 and MXCSR. */
    public final tvmm.cpu.simd.SseState sse = new tvmm.cpu.simd.SseState();

    /**
     * The time-stamp counter (SDM Vol. 3 §18.17): {@link #tscHz} ticks per second of the host's
     * monotonic clock (or the VMM's virtual clock, {@link #setTscClock}), plus {@link #tscOffset}
     * (a WRMSR to IA32_TSC sets it). CPUID 15h/16h must report the same frequency; RDTSCP
     * returns {@link #tscAux} (IA32_TSC_AUX) in ECX.
     */
    public long tscHz = 2_000_000_000L;
    public long tscOffset;
    public long tscAux;

    /** The host clock at reset, when the TSC was 0. */
    private long tscEpoch = System.nanoTime();
    /** The machine's virtual clock (ns) the TSC counts instead of the host's, if the VMM installed one. */
    private java.util.function.LongSupplier tscClock;

    /** Makes the TSC count the machine's virtual clock: TSC 0 at its zero, plus {@link #tscOffset}. */
    public void setTscClock(java.util.function.LongSupplier nanos) {
        tscClock = nanos;
        tscEpoch = 0;
    }

    public long readTsc() {
        long ns = tscNanos() - tscEpoch;
        // ns * hz / 1e9 without overflow: whole seconds and the remainder separately.
        return (ns / 1_000_000_000L) * tscHz + (ns % 1_000_000_000L) * tscHz / 1_000_000_000L + tscOffset;
    }

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private long tscNanos() {
        java.util.function.LongSupplier c = tscClock;
        return c != null ? c.getAsLong() : System.nanoTime();
    }

    /** Current privilege level (CS.RPL outside real mode, as SS.DPL after loads). */
    public int cpl;
    /** Code size of the current mode in bytes: 2, 4 or 8 (CS.D, CS.L and EFER.LMA). */
    public int codeSize = 2;
    /** Stack address size in bytes (SS.B, 8 in 64-bit mode). */
    public int stackSize = 2;
    /** Key bits that select the translation of a code page (see {@link #updateMode()}). */
    public int modeKey;

    /**
     * Interrupt shadow (SDM Vol. 3 §6.8.3): set by STI (when IF was 0), MOV SS and POP SS.
     * The engine then runs exactly one more instruction before it accepts any event, and
     * clears it (see {@link #debugShadow} for the single-step #DB).
     */
    public boolean interruptShadow;

    /**
     * The part of the shadow that also holds off debug traps (a single-step #DB) for one
     * instruction: only MOV SS and POP SS set it (SDM vol. 3 §6.8.3, §17.3.1.4); an STI shadow
     * blocks interrupts but the single-step trap after STI is taken as usual.
     */
    public boolean debugShadow;

    /**
     * DR6.B0-B3 bits of the data breakpoints the current instruction's accesses matched: the
     * engine raises the #DB trap after the instruction (SDM vol. 3 §18.2.4).
     */
    public int breakpointHits;

    /**
     * Event bit: a data breakpoint matched; posted so a REP string instruction stops after the
     * iteration that matched (it polls the event word between iterations). Taken by the engine.
     */
    public static final int EVENT_BREAKPOINT = 1 << 27;

    /** Set by a store that hit a page holding translated code: the unit must stop after it. */
    public boolean codeModified;

    /** This vCPU's memory path (installed once by the vCPU; a constant in compiled units). */
    @com.oracle.truffle.api.CompilerDirectives.CompilationFinal public tvmm.cpu.mem.MemoryAccess mem;

    /**
     * Event bit: the VMM (or a watchdog) wants {@code run} to return with an INTR exit at the
     * next poll. The other bits belong to the system layer (interrupt lines, NMI, INIT/SIPI).
     */
    public static final int EVENT_KICK = 1 << 30;

    /**
     * Event bit: a non-maskable interrupt is pending. Like the CPU's NMI latch it holds one:
     * NMIs posted while one is pending collapse into it. Taken by the {@link tvmm.cpu.Delivery}
     * only while {@link #nmiBlocked} is clear.
     */
    public static final int EVENT_NMI = 1 << 28;

    /**
     * NMI blocking (SDM vol. 3 §6.7.1, AMD APM vol. 2 §8.2.2): set when an NMI is delivered;
     * further NMIs stay pending until the next IRET (which clears it, even one that faults:
     * SDM vol. 3 §27.2.3 "NMI unblocking due to IRET").
     */
    public boolean nmiBlocked;

    /** Pending-event word: bits posted by other threads (interrupt lines, kicks), polled at back edges. */
    private volatile int events;
    private static final VarHandle EVENTS;

    static {
        try {
            EVENTS = MethodHandles.lookup().findVarHandle(CpuState.class, "events", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public CpuState() {
        // Reset values (SDM Vol. 3 §9.1.1 Table 9-1): real mode, CS base FFFF0000.
        for (int i = 0; i < 6; i++) {
            seg[i] = new Segment(0, 0, 0xffff, 0x93);
        }
        seg[CS].set(0xf000, 0xffff0000L, 0xffff, 0x9b);
        rip = 0xfff0;
        dr[6] = 0xffff0ff0L;
        dr[7] = 0x400;
        gpr[RDX] = 0x600;
        updateMode();
    }

    /** Puts the vCPU in 64-bit mode at CPL 3 with flat segments and no paging (difftest, unit tests). */
    public void setFlat64User() {
        efer = ControlBits.EFER_LME | ControlBits.EFER_LMA | ControlBits.EFER_SCE | ControlBits.EFER_NXE;
        cr0 = ControlBits.CR0_PE | ControlBits.CR0_ET | ControlBits.CR0_NE;
        cr4 = ControlBits.CR4_PAE | ControlBits.CR4_OSFXSR;
        seg[CS].set(0x33, 0, 0xffffffff, 0xafb); // code, DPL 3, L=1, G=1
        for (int i : new int[] {ES, SS, DS, FS, GS}) {
            seg[i].set(0x2b, 0, 0xffffffff, 0xcf3);
        }
        cpl = 3;
        rflags = Flags.FIXED1 | Flags.IF;
        flagOp = Flags.NONE;
        updateMode();
    }

    /**
     * Compatibility mode at CPL 3 as a 64-bit Linux process enters it (CS = 0x23, a flat
     * 32-bit code segment; flat DS/ES/SS): difftest's 32-bit cases.
     */
    public void setCompat32User() {
        setFlat64User();
        seg[CS].set(0x23, 0, 0xffffffff, 0xcfb); // code, DPL 3, D=1, G=1, L=0
        seg[FS].set(0, 0, 0, 0); // a 64-bit Linux process has null FS and GS selectors
        seg[GS].set(0, 0, 0, 0);
        updateMode();
    }

    /**
     * Recomputes the derived mode fields after CS, SS, CR0, CR4 or EFER changed. The
     * system layer calls this after every such load.
     */
    public void updateMode() {
        boolean pe = (cr0 & ControlBits.CR0_PE) != 0;
        boolean lma = (efer & ControlBits.EFER_LMA) != 0;
        int csAttr = seg[CS].attr;
        if (lma && (csAttr & Segment.ATTR_L) != 0) {
            codeSize = 8;
            stackSize = 8;
        } else {
            codeSize = pe && (csAttr & Segment.ATTR_DB) != 0 ? 4 : 2;
            stackSize = pe && (seg[SS].attr & Segment.ATTR_DB) != 0 ? 4 : 2;
        }
        boolean vm86 = (rflags & Flags.VM) != 0;
        boolean paging = (cr0 & ControlBits.CR0_PG) != 0;
        modeKey = Flags.sizeLog(codeSize) | Flags.sizeLog(stackSize) << 2 | cpl << 4 | (pe ? 1 << 6 : 0)
                | (paging ? 1 << 7 : 0) | (vm86 ? 1 << 8 : 0);
    }

    public boolean longMode() {
        return (efer & ControlBits.EFER_LMA) != 0;
    }

    /**
     * Event bits that can only be acted on while RFLAGS.IF = 1 (maskable interrupt requests,
     * e.g. the VMM's V_IRQ window). While IF = 0 they do not end units at back edges, so a
     * loop that runs with interrupts disabled (a kernel decompressor, a spin with CLI) keeps
     * running compiled instead of leaving at every iteration. Set by whoever posts them.
     */
    public int maskableEvents;

    /**
     * Whether a posted event needs the outer loop now (the back-edge and REP poll): not a
     * maskable one while IF = 0, nor an NMI while NMIs are blocked.
     */
    public boolean eventsActionable() {
        int e = events();
        if (e == 0) {
            return false;
        }
        int held = ((rflags & Flags.IF) != 0 ? 0 : maskableEvents) | (nmiBlocked ? EVENT_NMI : 0);
        return (e & ~held) != 0;
    }

    /** Posts event bits from any thread (interrupt controllers, other vCPUs, the VMM). */
    public void postEvent(int bits) {
        EVENTS.getAndBitwiseOr(this, bits);
    }

    /** Takes and clears event bits; called on the vCPU's own thread. */
    public int takeEvents(int bits) {
        return (int) EVENTS.getAndBitwiseAnd(this, ~bits) & bits;
    }

    /**
     * An opaque read of the event word for back-edge polls: it cannot be hoisted out of a
     * compiled loop (so a posted event is seen), yet unlike a volatile read it does not stop
     * Graal from keeping the loop's loads of guest state in registers.
     */
    public int events() {
        return (int) EVENTS.getOpaque(this);
    }

    @Override
    public long cr0() {
        return cr0;
    }

    @Override
    public long cr3() {
        return cr3;
    }

    @Override
    public long cr4() {
        return cr4;
    }

    @Override
    public long efer() {
        return efer;
    }

    @Override
    public boolean alignmentCheckFlag() {
        return (rflags & Flags.AC) != 0;
    }
}
