package tvmm.devices.hpet;

import java.util.function.IntFunction;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.Ticks;
import tvmm.devices.time.VirtualClock;

/**
 * The High Precision Event Timer (IA-PC HPET specification 1.0a): a 64-bit main counter
 * at 100 MHz and three comparators, each one-shot or periodic, 32- or 64-bit, edge or
 * level, routed to an IOAPIC pin or, in legacy replacement mode, timer 0 to IRQ0 and
 * timer 1 to IRQ8 in place of the PIT and the RTC. FSB (MSI) delivery is not offered.
 *
 * <p>The counter is computed from the virtual clock, never ticked; each comparator has a
 * clock timer armed at its next match. Threading: one monitor; interrupt lines are driven
 * with it held (lock order device → interrupt controller).
 */
public final class Hpet implements IoDevice {
    public static final int TIMERS = 3;
    public static final int VENDOR_ID = 0x8086;
    /** Main counter period: 10 ns (100 MHz), as QEMU's HPET. */
    public static final long PERIOD_FS = 10_000_000L;
    public static final long FREQUENCY_HZ = 1_000_000_000_000_000L / PERIOD_FS;
    /**
     * The low half of GCAP_ID, also the ACPI HPET table's Event Timer Block ID: revision 1,
     * NUM_TIM_CAP = timers − 1, COUNT_SIZE_CAP (64-bit), LEG_RT_CAP, vendor.
     */
    public static final int EVENT_TIMER_BLOCK_ID =
            (VENDOR_ID << 16) | (1 << 15) | (1 << 13) | ((TIMERS - 1) << 8) | 0x01;

    /** Register offsets (spec table 3). */
    static final int GCAP_ID = 0x000;
    static final int GEN_CONF = 0x010;
    static final int GINTR_STA = 0x020;
    static final int MAIN_COUNTER = 0x0F0;
    static final int TIMER_BASE = 0x100;
    static final int TIMER_STRIDE = 0x20;
    static final int TN_CONF = 0x00;
    static final int TN_COMPARATOR = 0x08;
    static final int TN_FSB_ROUTE = 0x10;
    public static final int WINDOW = 0x400;

    static final long ENABLE_CNF = 1;
    static final long LEG_RT_CNF = 2;

    private static final int ROUTE_IRQ0 = -1;
    private static final int ROUTE_IRQ8 = -2;

    private final VirtualClock clock;
    private final IrqLine legacyIrq0;
    private final IrqLine legacyIrq8;
    private final IrqLine[] gsiLines = new IrqLine[32];
    private final HpetTimer[] timers = new HpetTimer[TIMERS];

    private volatile java.util.function.Consumer<Boolean> legacyListener = on -> { };
    private long generalConfig;
    private long interruptStatus;
    /** Counter value at {@link #startNanos} (running) or the held value (halted). */
    private long counterBase;
    private long startNanos;

    /**
     * @param legacyIrq0      the wire of ISA IRQ0 (8259 input 0 and IOAPIC pin 2)
     * @param legacyIrq8      the wire of ISA IRQ8
     * @param gsi             the IOAPIC pin wires, by GSI
     * @param routeCapability bit n set: the comparators may be routed to GSI n
     */
    public Hpet(VirtualClock clock, IrqLine legacyIrq0, IrqLine legacyIrq8,
                IntFunction<IrqLine> gsi, int routeCapability) {
        this.clock = clock;
        this.legacyIrq0 = legacyIrq0;
        this.legacyIrq8 = legacyIrq8;
        for (int r = 0; r < 32; r++) {
            if ((routeCapability & (1 << r)) != 0) {
                gsiLines[r] = gsi.apply(r);
            }
        }
        for (int n = 0; n < TIMERS; n++) {
            int index = n;
            timers[n] = new HpetTimer(n, routeCapability & 0xFFFFFFFFL,
                    clock.newTimer("hpet" + n, () -> expired(timers[index])));
        }
    }

    @Override
    public String name() {
        return "hpet";
    }

    /** Whether timers 0/1 have taken over IRQ0 and IRQ8 (the PIT and RTC outputs are then cut). */
    public synchronized boolean legacyReplacement() {
        return (generalConfig & LEG_RT_CNF) != 0;
    }

    /**
     * Told whenever LEG_RT_CNF changes, so the wiring can cut (true) or reconnect (false)
     * the PIT's IRQ0 and the RTC's IRQ8 outputs. Runs with the HPET's lock held: it must
     * only flip a flag.
     */
    public void setLegacyReplacementListener(java.util.function.Consumer<Boolean> listener) {
        legacyListener = listener;
    }

    /**
     * System reset (spec §2.3, the registers' default values): GEN_CONF, GINTR_STA and the
     * main counter 0, every timer at its reset values with its line released; leaving legacy
     * replacement gives IRQ0 and IRQ8 back to the PIT and the RTC.
     */
    public synchronized void reset() {
        boolean wasLegacy = (generalConfig & LEG_RT_CNF) != 0;
        generalConfig = 0;
        interruptStatus = 0;
        counterBase = 0;
        for (HpetTimer t : timers) {
            t.reset();
            updateLine(t);
        }
        if (wasLegacy) {
            legacyListener.accept(false);
        }
    }

    // ---------------------------------------------------------------- register access

    @Override
    public synchronized long read(long offset, int size) {
        long mask = size >= 8 ? -1L : (1L << (size * 8)) - 1;
        if (offset < 0 || offset + size > WINDOW) {
            return mask;
        }
        int shift = (int) (offset & 7) * 8;
        return (register((int) offset & ~7) >>> shift) & mask;
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        if (offset < 0 || offset + size > WINDOW || size > 8) {
            return;
        }
        int reg = (int) offset & ~7;
        int shift = (int) (offset & 7) * 8;
        long mask = (size >= 8 ? -1L : (1L << (size * 8)) - 1) << shift;
        long bits = (value << shift) & mask;
        if (reg == GINTR_STA) {
            clearStatus(bits);      // write 1 to clear; other bytes untouched
            return;
        }
        HpetTimer t = timerAt(reg);
        if (t != null && (reg - TIMER_BASE) % TIMER_STRIDE == TN_COMPARATOR) {
            t.writeComparator(bits, mask); // comparator and period each keep their other half
            schedule(t);
            return;
        }
        writeRegister(reg, (register(reg) & ~mask) | bits);
    }

    private long register(int reg) {
        switch (reg) {
            case GCAP_ID:
                return (PERIOD_FS << 32) | (EVENT_TIMER_BLOCK_ID & 0xFFFFFFFFL);
            case GEN_CONF:
                return generalConfig;
            case GINTR_STA:
                return interruptStatus;
            case MAIN_COUNTER:
                return counter();
            default:
                break;
        }
        HpetTimer t = timerAt(reg);
        if (t == null) {
            return 0;   // reserved
        }
        return switch ((reg - TIMER_BASE) % TIMER_STRIDE) {
            case TN_CONF -> t.config;
            case TN_COMPARATOR -> t.readComparator();
            case TN_FSB_ROUTE -> t.fsbRoute;
            default -> 0;
        };
    }

    private void writeRegister(int reg, long value) {
        switch (reg) {
            case GEN_CONF -> writeGeneralConfig(value);
            case MAIN_COUNTER -> {
                // Software must halt the counter before writing it (spec §2.3.6).
                if ((generalConfig & ENABLE_CNF) == 0) {
                    counterBase = value;
                }
            }
            default -> {
                HpetTimer t = timerAt(reg);
                if (t == null) {
                    return;
                }
                switch ((reg - TIMER_BASE) % TIMER_STRIDE) {
                    case TN_CONF -> {
                        t.writeConfig(value);
                        updateLine(t);
                    }
                    case TN_COMPARATOR -> t.writeComparator(value, -1L);
                    case TN_FSB_ROUTE -> t.fsbRoute = value;     // stored; FSB is not offered
                    default -> {
                        return;
                    }
                }
                schedule(t);
            }
        }
    }

    private HpetTimer timerAt(int reg) {
        int n = (reg - TIMER_BASE) / TIMER_STRIDE;
        return reg >= TIMER_BASE && n < TIMERS ? timers[n] : null;
    }

    private void writeGeneralConfig(long value) {
        long old = generalConfig;
        generalConfig = value & (ENABLE_CNF | LEG_RT_CNF);
        boolean wasOn = (old & ENABLE_CNF) != 0;
        boolean on = (generalConfig & ENABLE_CNF) != 0;
        if (on && !wasOn) {
            startNanos = clock.nanos();
        } else if (!on && wasOn) {
            counterBase = counter(old);
        }
        for (HpetTimer t : timers) {
            updateLine(t);
            schedule(t);
        }
        if (((old ^ generalConfig) & LEG_RT_CNF) != 0) {
            legacyListener.accept((generalConfig & LEG_RT_CNF) != 0);
        }
    }

    private void clearStatus(long bits) {
        interruptStatus &= ~bits;
        for (HpetTimer t : timers) {
            updateLine(t);
        }
    }

    // ---------------------------------------------------------------- counter and matches

    private long counter() {
        return counter(generalConfig);
    }

    private long counter(long config) {
        if ((config & ENABLE_CNF) == 0) {
            return counterBase;
        }
        return counterBase + Ticks.ticksAt(clock.nanos() - startNanos, FREQUENCY_HZ);
    }

    /** Arms the timer's clock event at its next match, if it can have any effect. */
    private void schedule(HpetTimer t) {
        boolean running = (generalConfig & ENABLE_CNF) != 0;
        t.target = running && (t.interruptsEnabled() || t.isLevel()) ? t.nextMatch(counter()) : -1;
        arm(t);
    }

    private void arm(HpetTimer t) {
        if (t.target < 0) {
            t.timer.cancel();
        } else {
            t.timer.armAt(startNanos + Ticks.nanosOfTick(t.target - counterBase, FREQUENCY_HZ));
        }
    }

    private void expired(HpetTimer t) {
        synchronized (this) {
            if ((generalConfig & ENABLE_CNF) == 0 || t.target < 0) {
                return;
            }
            long now = counter();
            if (now < t.target) {
                arm(t);             // a stale event of an earlier programming
                return;
            }
            signal(t);
            if (t.isPeriodic() && t.period != 0) {
                // Add the period until the comparator is ahead again (missed periods coalesce).
                do {
                    t.advanceAfterMatch();
                    t.target += t.period;
                } while (t.target <= now);
            } else if (t.is32Bit()) {
                t.target += 1L << 32;       // the 32-bit comparator matches again after a wrap
            } else {
                t.target = -1;
            }
            arm(t);
        }
    }

    /** A match: level mode sets the status bit and holds the line; edge mode pulses it. */
    private void signal(HpetTimer t) {
        if (t.isLevel()) {
            interruptStatus |= 1L << t.index;
            updateLine(t);
        } else if (t.interruptsEnabled()) {
            IrqLine line = line(routeOf(t));
            if (line != null) {
                line.pulse();
            }
        }
    }

    private int routeOf(HpetTimer t) {
        if ((generalConfig & LEG_RT_CNF) != 0 && t.index < 2) {
            return t.index == 0 ? ROUTE_IRQ0 : ROUTE_IRQ8;
        }
        return t.route();
    }

    private IrqLine line(int route) {
        return switch (route) {
            case ROUTE_IRQ0 -> legacyIrq0;
            case ROUTE_IRQ8 -> legacyIrq8;
            default -> gsiLines[route & 31];
        };
    }

    /** Drives the level line of {@code t}: high while its status bit is set and interrupts are on. */
    private void updateLine(HpetTimer t) {
        boolean active = t.isLevel() && t.interruptsEnabled() && (interruptStatus & (1L << t.index)) != 0;
        int want = active ? routeOf(t) : HpetTimer.NO_ROUTE;
        if (want == t.raisedRoute) {
            return;
        }
        if (t.raisedRoute != HpetTimer.NO_ROUTE && line(t.raisedRoute) != null) {
            line(t.raisedRoute).lower();
        }
        if (want != HpetTimer.NO_ROUTE && line(want) != null) {
            line(want).raise();
        }
        t.raisedRoute = want;
    }
}
