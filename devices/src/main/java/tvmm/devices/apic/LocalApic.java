package tvmm.devices.apic;

import static tvmm.devices.apic.ApicRegisters.*;

import tvmm.devices.time.VirtualClock;

/**
 * One vCPU's local APIC (SDM vol. 3 ch. 11): the register file, the APIC timer, and the
 * interface the CPU uses to take interrupts. The guest reaches the registers through the
 * xAPIC page ({@link #mmio()}) or the x2APIC MSRs ({@link #msrs()}).
 *
 * <p>Threading: the owning vCPU reads and writes registers; other threads (IPIs from other
 * vCPUs, the IOAPIC, the timer service) only post into the IRR or the event flags through
 * {@link #accept}. Everything runs under this object's monitor, and no method calls out
 * (IPI send, EOI broadcast, kick) while holding it: lock order is IOAPIC → local APIC and
 * a local APIC never holds two APIC locks.
 */
public final class LocalApic {

    private final ApicBus bus;
    private final int initialId;
    private final ApicTimer timer;
    private final XApicPage mmio;
    private final X2ApicMsrs msrs;
    private volatile Runnable kick = () -> { };

    private long apicBase;
    private int id;
    private int ldr;
    private int dfr;
    private int svr;
    private int esr;
    private int pendingEsr;
    private int icrLow;
    private int icrHigh;
    private final int[] lvt = new int[6];
    private final boolean[] lintLevel = new boolean[2];
    private final InterruptRegisters ints = new InterruptRegisters();

    private final ApicEvents events = new ApicEvents();

    private LocalApic(ApicBus bus, int apicId, boolean bsp, VirtualClock clock, long busHz, long tscHz) {
        this.bus = bus;
        this.initialId = apicId;
        this.mmio = new XApicPage(this);
        this.msrs = new X2ApicMsrs(this);
        this.timer = new ApicTimer(clock, clock.newTimer("lapic" + apicId, this::timerFired), busHz, tscHz);
        this.apicBase = DEFAULT_BASE | BASE_ENABLE | (bsp ? BASE_BSP : 0);
        resetRegisters();
    }

    /**
     * A local APIC attached to {@code bus}, in its power-up state: globally enabled at
     * 0xFEE00000, software-disabled, every LVT masked.
     *
     * @param busHz the APIC timer's input clock (the "bus clock" the divider divides)
     * @param tscHz the guest TSC frequency, for TSC-deadline mode
     */
    public static LocalApic create(ApicBus bus, int apicId, boolean bsp, VirtualClock clock,
                                   long busHz, long tscHz) {
        LocalApic apic = new LocalApic(bus, apicId, bsp, clock, busHz, tscHz);
        bus.attach(apic);
        return apic;
    }

    /** The callback that wakes this APIC's vCPU (it may be parked in HLT). */
    public void setKick(Runnable kick) {
        this.kick = kick;
    }

    public int initialId() {
        return initialId;
    }

    /** The xAPIC register page, to map at {@link #apicBaseAddress()}. */
    public XApicPage mmio() {
        return mmio;
    }

    /** IA32_APIC_BASE, IA32_TSC_DEADLINE and the x2APIC MSRs. */
    public X2ApicMsrs msrs() {
        return msrs;
    }

    // ---------------------------------------------------------------- IA32_APIC_BASE

    public synchronized long apicBase() {
        return apicBase;
    }

    /** Guest-physical address of the xAPIC page, for the VMM's MMIO map. */
    public synchronized long apicBaseAddress() {
        return apicBase & BASE_ADDRESS_MASK;
    }

    public synchronized boolean isHardwareEnabled() {
        return (apicBase & BASE_ENABLE) != 0;
    }

    public synchronized boolean isX2ApicMode() {
        return (apicBase & (BASE_ENABLE | BASE_EXTD)) == (BASE_ENABLE | BASE_EXTD);
    }

    /**
     * WRMSR IA32_APIC_BASE. Returns false where the CPU must raise #GP: reserved bits, and
     * the illegal transitions of SDM §11.12.5 (x2APIC → xAPIC, disabled → x2APIC, EXTD
     * without EN). The BSP flag is read-only here.
     */
    public boolean writeApicBase(long value) {
        synchronized (this) {
            if (!ApicBaseMsr.isLegalWrite(apicBase, value)) {
                return false;
            }
            boolean wasEnabled = isHardwareEnabled();
            apicBase = (value & ~BASE_BSP) | (apicBase & BASE_BSP);
            if (wasEnabled && !isHardwareEnabled()) {
                // A globally disabled APIC loses its state (SDM §11.4.3): power-up values.
                resetRegisters();
                events.clear();
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- register file

    /**
     * The register at xAPIC offset {@code reg} as the guest reads it, or -1 when there is
     * no such register (xAPIC: records an illegal register address in the ESR).
     */
    synchronized long readRegister(int reg, boolean x2) {
        int v;
        if (reg >= ISR && reg < ISR + 0x80) {
            v = ints.isr.word((reg - ISR) >>> 4);
        } else if (reg >= TMR && reg < TMR + 0x80) {
            v = ints.tmr.word((reg - TMR) >>> 4);
        } else if (reg >= IRR && reg < IRR + 0x80) {
            v = ints.irr.word((reg - IRR) >>> 4);
        } else {
            switch (reg) {
                case ID -> v = x2 ? initialId : id;
                case VERSION -> v = VERSION_VALUE;
                case TPR -> v = ints.tpr;
                case APR -> v = arbitrationPriority();
                case PPR -> v = processorPriority();
                case EOI -> v = 0;
                case LDR -> v = x2 ? ApicDestination.x2ApicLogicalId(initialId) : ldr;
                case DFR -> v = dfr | 0x0FFFFFFF;
                case SVR -> v = svr;
                case ESR -> v = esr;
                case ICR_LOW -> v = icrLow;
                case ICR_HIGH -> v = icrHigh;
                case LVT_TIMER, LVT_THERMAL, LVT_PERF, LVT_LINT0, LVT_LINT1, LVT_ERROR ->
                        v = lvt[(reg - LVT_TIMER) >>> 4];
                case TIMER_INITIAL -> v = (int) timer.initialCount();
                case TIMER_CURRENT -> v = (int) timer.currentCount();
                case TIMER_DIVIDE -> v = timer.divideConfig();
                default -> {
                    if (!x2) {
                        recordError(ESR_ILLEGAL_REGISTER);
                    }
                    return -1;
                }
            }
        }
        return v & 0xFFFFFFFFL;
    }

    /**
     * Writes {@code value} to the register at offset {@code reg}. For x2APIC the ICR value
     * is the whole 64-bit MSR. Read-only and unknown registers are ignored here (the x2APIC
     * MSR layer has already turned those into #GP).
     */
    synchronized AfterWrite writeRegister(int reg, long value, boolean x2) {
        AfterWrite after = new AfterWrite();
        int v = (int) value;
        switch (reg) {
            case ID -> {
                if (!x2) {
                    id = v & 0xFF000000;
                }
            }
            case TPR -> {
                ints.tpr = v & 0xFF;
                after.kick = hasDeliverableInterrupt();
            }
            case EOI -> {
                int retired = ints.endOfInterrupt();
                after.eoiVector = (svr & SVR_SUPPRESS_EOI_BROADCAST) == 0 ? retired : -1;
            }
            case LDR -> ldr = v & 0xFF000000;
            case DFR -> dfr = v | 0x0FFFFFFF;
            case SVR -> writeSvr(v);
            case ESR -> {
                // A write latches the errors seen since the previous write (SDM §11.5.3).
                esr = pendingEsr;
                pendingEsr = 0;
            }
            case ICR_LOW -> {
                icrLow = v & ICR_LOW_WRITABLE;
                if (x2) {
                    icrHigh = (int) (value >>> 32);
                }
                after.send = icrMessage(x2);
            }
            case ICR_HIGH -> icrHigh = v & 0xFF000000;
            case LVT_TIMER -> {
                writeLvt(LVT_INDEX_TIMER, v);
                timer.setMode((lvt[LVT_INDEX_TIMER] >>> 17) & 3);
            }
            case LVT_THERMAL, LVT_PERF, LVT_LINT0, LVT_LINT1, LVT_ERROR ->
                    writeLvt((reg - LVT_TIMER) >>> 4, v);
            case TIMER_INITIAL -> timer.setInitialCount(v & 0xFFFFFFFFL);
            case TIMER_DIVIDE -> timer.setDivideConfig(v);
            case SELF_IPI -> {
                if (x2) {
                    after.send = new ApicMessage(0, false, DeliveryMode.FIXED, v & 0xFF, false,
                            true, ApicMessage.SELF, true);
                }
            }
            case VERSION, APR, PPR, RRD, TIMER_CURRENT -> {
                // Read-only: a write has no effect.
            }
            default -> {
                boolean vectorRegs = reg >= ISR && reg < IRR + 0x80;
                if (!vectorRegs && !x2) {
                    recordError(ESR_ILLEGAL_REGISTER);
                }
            }
        }
        after.kick |= hasPendingEvent();
        return after;
    }

    private void writeSvr(int v) {
        boolean wasEnabled = (svr & SVR_ENABLE) != 0;
        svr = v & SVR_WRITABLE;
        if (wasEnabled && (svr & SVR_ENABLE) == 0) {
            // Software disable masks every LVT entry (SDM §11.4.7.2).
            for (int i = 0; i < lvt.length; i++) {
                lvt[i] |= LVT_MASKED;
            }
        }
    }

    private void writeLvt(int index, int v) {
        int value = v & LVT_WRITABLE[index];
        if ((svr & SVR_ENABLE) == 0) {
            value |= LVT_MASKED;    // masks cannot be cleared while software-disabled
        }
        // Remote IRR (bit 14) of LINT0/1 and the delivery status are kept, not written.
        lvt[index] = value | (lvt[index] & (1 << 14));
    }

    /** The IPI an ICR write sends; a fixed or lowest-priority vector below 16 is an error. */
    private ApicMessage icrMessage(boolean x2) {
        ApicMessage m = ApicMessage.fromIcr(icrLow, icrHigh, x2);
        boolean fixed = m.deliveryMode() == DeliveryMode.FIXED || m.deliveryMode() == DeliveryMode.LOWEST_PRIORITY;
        if (fixed && m.vector() < 16) {
            recordError(ESR_SEND_ILLEGAL_VECTOR);
            return null;
        }
        return m;
    }

    // ---------------------------------------------------------------- priorities

    synchronized int processorPriority() {
        return ints.processorPriority();
    }

    synchronized int arbitrationPriority() {
        return ints.arbitrationPriority();
    }

    /** Focus processor of lowest-priority delivery (SDM §11.6.2.4), unless SVR[9] is set. */
    synchronized boolean isFocusFor(int vector) {
        return (svr & SVR_FOCUS_DISABLED) == 0 && ints.pendingOrInService(vector);
    }

    private boolean hasDeliverableInterrupt() {
        if (!isHardwareEnabled() || (svr & SVR_ENABLE) == 0) {
            return false;
        }
        return ints.deliverable() >= 0;
    }

    // ---------------------------------------------------------------- the CPU's side

    /** A fixed interrupt outranks the processor priority (RFLAGS.IF is the CPU's business). */
    public synchronized boolean hasPendingInterrupt() {
        return hasDeliverableInterrupt();
    }

    /** The vector {@link #acknowledge()} would return, or -1. */
    public synchronized int pendingVector() {
        return hasDeliverableInterrupt() ? ints.deliverable() : -1;
    }

    /**
     * The INTA cycle: moves the highest deliverable vector from IRR to ISR and returns it;
     * with nothing deliverable returns the spurious vector, which enters no ISR bit.
     */
    public synchronized int acknowledge() {
        if (!hasDeliverableInterrupt()) {
            return svr & 0xFF;
        }
        return ints.acknowledge();
    }

    public synchronized boolean hasPendingNmi() {
        return events.nmiPending();
    }

    public synchronized boolean takeNmi() {
        return events.take(DeliveryMode.NMI);
    }

    /**
     * Takes a pending INIT: the APIC goes through its INIT reset (SDM §11.4.7.3: everything
     * but the APIC ID, IA32_APIC_BASE and x2APIC mode returns to power-up values). The CPU
     * then waits for STARTUP. A STARTUP already latched is kept.
     */
    public synchronized boolean takeInit() {
        if (!events.take(DeliveryMode.INIT)) {
            return false;
        }
        int keepId = id;
        resetRegisters();
        id = keepId;
        events.clearForInit();
        return true;
    }

    /**
     * Takes a pending STARTUP and returns its vector (execution starts at vector·0x1000 in
     * real mode: CS selector vector·0x100, IP 0), or -1. The CPU ignores it unless it is in
     * the wait-for-SIPI state.
     */
    public synchronized int takeSipi() {
        return events.takeSipi();
    }

    public synchronized boolean takeSmi() {
        return events.take(DeliveryMode.SMI);
    }

    /** An ExtINT message arrived: the CPU must run an INTA cycle on the 8259A. */
    public synchronized boolean takeExtInt() {
        return events.take(DeliveryMode.EXTINT);
    }

    /** Machine reset (power-on or the reset register): IA32_APIC_BASE and every register. */
    public synchronized void powerOnReset() {
        apicBase = DEFAULT_BASE | BASE_ENABLE | (apicBase & BASE_BSP);
        resetRegisters();
        events.clear();
        java.util.Arrays.fill(lintLevel, false);
    }

    /**
     * The 8259A's INTR reaches this CPU when the APIC is globally disabled or LINT0 is an
     * unmasked ExtINT entry (the virtual-wire mode of MP spec §3.6.2.2).
     */
    public synchronized boolean acceptsPicInterrupts() {
        if (!isHardwareEnabled()) {
            return true;
        }
        int lint0 = lvt[LVT_INDEX_LINT0];
        return (lint0 & LVT_MASKED) == 0 && ((lint0 >>> 8) & 7) == DeliveryMode.EXTINT;
    }

    public synchronized boolean hasPendingEvent() {
        return hasDeliverableInterrupt() || events.any();
    }

    /** IA32_TSC_DEADLINE (MSR 0x6E0). */
    public synchronized long tscDeadline() {
        return timer.tscDeadline();
    }

    public synchronized void setTscDeadline(long tsc) {
        timer.setTscDeadline(tsc);
    }

    /** The guest TSC's offset from virtual time (set when the guest writes its TSC). */
    public synchronized void setTscOffset(long offset) {
        timer.setTscOffset(offset);
    }

    /** LINT0/LINT1 input pins: a rising edge delivers through the pin's LVT entry. */
    public void setLint(int pin, boolean level) {
        if (pin != 0 && pin != 1) {
            return;
        }
        boolean deliver;
        synchronized (this) {
            int p = pin;
            deliver = level && !lintLevel[p];
            lintLevel[p] = level;
            if (deliver) {
                deliver = deliverLvt(LVT_INDEX_LINT0 + p);
            }
        }
        if (deliver) {
            kick.run();
        }
    }

    // ---------------------------------------------------------------- receiving

    /** Whether this APIC is a destination of {@code m} (no shorthand). */
    synchronized boolean matchesDestination(ApicMessage m) {
        if (!isHardwareEnabled()) {
            return false;
        }
        if (isX2ApicMode()) {
            return ApicDestination.matchesX2Apic(m, initialId, ApicDestination.x2ApicLogicalId(initialId));
        }
        return ApicDestination.matchesXApic(m, id >>> 24, ldr >>> 24, dfr >>> 28);
    }

    /** A message for this APIC: latches it and kicks the vCPU when something is deliverable. */
    void accept(int mode, int vector, boolean levelTriggered) {
        boolean wake;
        synchronized (this) {
            if (!isHardwareEnabled()) {
                return;
            }
            if (mode == DeliveryMode.FIXED || mode == DeliveryMode.LOWEST_PRIORITY) {
                acceptFixed(vector, levelTriggered);
            } else if (!events.latch(mode, vector)) {
                mmio.log().warn("delivery-mode", "reserved delivery mode %d ignored", mode);
            }
            wake = hasPendingEvent();
        }
        if (wake) {
            kick.run();
        }
    }

    private void acceptFixed(int vector, boolean levelTriggered) {
        if ((svr & SVR_ENABLE) == 0) {
            return;     // a software-disabled APIC does not accept fixed interrupts
        }
        if (vector < 16) {
            recordError(ESR_RECEIVE_ILLEGAL_VECTOR);
            return;
        }
        ints.request(vector, levelTriggered);
    }

    /** Delivers through LVT entry {@code index}; returns true if something became pending. */
    private boolean deliverLvt(int index) {
        int entry = lvt[index];
        if ((entry & LVT_MASKED) != 0) {
            return false;
        }
        int mode = index == LVT_INDEX_TIMER || index == LVT_INDEX_ERROR ? DeliveryMode.FIXED : (entry >>> 8) & 7;
        if (mode != DeliveryMode.FIXED) {
            // NMI, SMI, INIT, ExtINT; STARTUP is reserved in an LVT entry.
            return mode != DeliveryMode.STARTUP && events.latch(mode, 0);
        }
        boolean level = (index == LVT_INDEX_LINT0 || index == LVT_INDEX_LINT1) && (entry & (1 << 15)) != 0;
        int vector = entry & 0xFF;
        if (vector < 16) {
            pendingEsr |= ESR_RECEIVE_ILLEGAL_VECTOR;   // not re-signalled: no loop
            return false;
        }
        if ((svr & SVR_ENABLE) == 0) {
            return false;
        }
        ints.request(vector, level);
        return true;
    }

    private void recordError(int bits) {
        pendingEsr |= bits;
        deliverLvt(LVT_INDEX_ERROR);
    }

    private void timerFired() {
        boolean wake;
        synchronized (this) {
            wake = timer.expire() && deliverLvt(LVT_INDEX_TIMER);
        }
        if (wake) {
            kick.run();
        }
    }

    private void resetRegisters() {
        id = initialId << 24;
        ldr = 0;
        dfr = 0xFFFFFFFF;
        svr = 0xFF;
        esr = 0;
        pendingEsr = 0;
        icrLow = 0;
        icrHigh = 0;
        java.util.Arrays.fill(lvt, LVT_MASKED);
        ints.reset();
        timer.reset();
    }

    ApicBus bus() {
        return bus;
    }

    void kick() {
        kick.run();
    }

    /** After a register read that recorded an error: the error LVT may have raised a vector. */
    void kickIfPending() {
        if (hasPendingEvent()) {
            kick.run();
        }
    }
}
