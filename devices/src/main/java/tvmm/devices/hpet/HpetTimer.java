package tvmm.devices.hpet;

import tvmm.devices.time.VirtualClock;

/**
 * One comparator of the HPET (IA-PC HPET spec 1.0a §2.3.8–9): its configuration, the
 * comparator and, in periodic mode, the period added to it at each match. Holds no lock
 * of its own; {@link Hpet} calls it under the HPET's monitor.
 */
final class HpetTimer {
    /** Tn_CONF bits. */
    static final long INT_TYPE_LEVEL = 1L << 1;
    static final long INT_ENABLE = 1L << 2;
    static final long PERIODIC = 1L << 3;
    static final long PERIODIC_CAPABLE = 1L << 4;
    static final long SIZE_64 = 1L << 5;
    static final long VAL_SET = 1L << 6;
    static final long MODE_32 = 1L << 8;
    static final int ROUTE_SHIFT = 9;
    static final long ROUTE_MASK = 0x1FL << ROUTE_SHIFT;
    static final long WRITABLE = INT_TYPE_LEVEL | INT_ENABLE | PERIODIC | VAL_SET | MODE_32 | ROUTE_MASK;

    final int index;
    final VirtualClock.Timer timer;
    long config;
    long comparator = -1L;     // all ones at reset (spec §2.3.9.1)
    long period;
    long fsbRoute;
    /** Main-counter value of the next match, or -1 when nothing is scheduled. */
    long target = -1;
    /** The interrupt line this timer holds high (level mode), as a route id, or NO_ROUTE. */
    int raisedRoute = NO_ROUTE;

    static final int NO_ROUTE = Integer.MIN_VALUE;

    HpetTimer(int index, long routeCapability, VirtualClock.Timer timer) {
        this.index = index;
        this.timer = timer;
        this.config = (routeCapability << 32) | SIZE_64 | PERIODIC_CAPABLE;
    }

    /**
     * Reset values (spec §2.3.8–2.3.10): the writable Tn_CONF bits 0 (edge, interrupts off,
     * one-shot, 64-bit, route 0), comparator all ones, FSB route 0; the clock event disarmed.
     */
    void reset() {
        config = (routeCapability() << 32) | SIZE_64 | PERIODIC_CAPABLE;
        comparator = -1L;
        period = 0;
        fsbRoute = 0;
        target = -1;
        timer.cancel();
    }

    boolean is32Bit() {
        return (config & MODE_32) != 0;
    }

    boolean isPeriodic() {
        return (config & PERIODIC) != 0;
    }

    boolean isLevel() {
        return (config & INT_TYPE_LEVEL) != 0;
    }

    boolean interruptsEnabled() {
        return (config & INT_ENABLE) != 0;
    }

    int route() {
        return (int) ((config & ROUTE_MASK) >>> ROUTE_SHIFT);
    }

    long routeCapability() {
        return config >>> 32;
    }

    /** A write to Tn_CONF: read-only bits kept, an unsupported route not taken (§2.3.8). */
    void writeConfig(long value) {
        long next = (config & ~WRITABLE) | (value & WRITABLE);
        int route = (int) ((next & ROUTE_MASK) >>> ROUTE_SHIFT);
        if ((routeCapability() & (1L << route)) == 0) {
            next = (next & ~ROUTE_MASK) | (config & ROUTE_MASK);
        }
        config = next;
        if (is32Bit()) {
            comparator &= 0xFFFF_FFFFL;
            period &= 0xFFFF_FFFFL;
        }
    }

    /**
     * A write to the bytes {@code mask} of Tn_COMPARATOR (all 64 bits, or one 32-bit half
     * from a 32-bit OS), QEMU's reading of §2.3.9.2.2: outside periodic mode it sets the
     * comparator; in periodic mode it sets the period, and the comparator too when
     * Tn_VAL_SET_CNF was set, which the write then clears. Each register keeps the bytes
     * not written: a half written to the period merges with the period, not with the
     * comparator a read would return.
     */
    void writeComparator(long bits, long mask) {
        long cmp = (comparator & ~mask) | (bits & mask);
        long per = (period & ~mask) | (bits & mask);
        if (is32Bit()) {
            cmp &= 0xFFFF_FFFFL;
            per &= 0xFFFF_FFFFL;
        }
        if (!isPeriodic() || (config & VAL_SET) != 0) {
            comparator = cmp;
        }
        if (isPeriodic()) {
            period = per;
        }
        config &= ~VAL_SET;
    }

    long readComparator() {
        return is32Bit() ? comparator & 0xFFFF_FFFFL : comparator;
    }

    /**
     * The main-counter value of the next match at or after {@code counter}: the 64-bit
     * comparator, or the low 32 bits of the counter meeting the 32-bit comparator (which
     * wraps every 2^32 ticks). A 64-bit comparator already behind the counter matches only
     * after the counter wraps, centuries away: -1.
     */
    long nextMatch(long counter) {
        if (is32Bit()) {
            long delta = (comparator - counter) & 0xFFFF_FFFFL;
            return counter + delta;
        }
        long delta = comparator - counter;
        return delta < 0 ? -1 : counter + delta;
    }

    /** After a match: a periodic timer adds its period to the comparator (§2.3.9.2.1). */
    void advanceAfterMatch() {
        if (isPeriodic() && period != 0) {
            comparator = is32Bit() ? (comparator + period) & 0xFFFF_FFFFL : comparator + period;
        }
    }
}
