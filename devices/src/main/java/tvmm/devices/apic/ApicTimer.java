package tvmm.devices.apic;

import java.math.BigInteger;
import tvmm.devices.time.VirtualClock;

/**
 * The local APIC timer (SDM vol. 3 §11.5.4): a down-counter clocked by the bus clock
 * divided by the divide configuration, in one-shot, periodic or TSC-deadline mode.
 *
 * <p>All methods run under the owning {@link LocalApic}'s lock. The count is not stored:
 * it is computed from the virtual clock, so reading TMCCT costs no timer event. Periods
 * are counted from the programming time ({@code startNanos} + k·period), so a periodic
 * timer does not drift however late the timer service fires.
 */
final class ApicTimer {
    static final int MODE_ONE_SHOT = 0;
    static final int MODE_PERIODIC = 1;
    static final int MODE_TSC_DEADLINE = 2;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final VirtualClock clock;
    private final VirtualClock.Timer timer;
    private final long busHz;
    private final long tscHz;

    private int mode;
    private int divideConfig;
    private long initialCount;
    private long startNanos;
    private long periods;
    /** Virtual time of the next expiry, or -1 when nothing is armed. */
    private long deadlineNanos = -1;
    private long tscDeadline;
    private long tscOffset;

    ApicTimer(VirtualClock clock, VirtualClock.Timer timer, long busHz, long tscHz) {
        this.clock = clock;
        this.timer = timer;
        this.busHz = busHz;
        this.tscHz = tscHz;
    }

    /** The divisor encoded by TDCR bits 3,1:0 (SDM figure 11-10): 2, 4, …, 128, or 1. */
    static int divisor(int config) {
        int code = ((config >>> 1) & 4) | (config & 3);
        return code == 7 ? 1 : 2 << code;
    }

    void reset() {
        stop();
        mode = MODE_ONE_SHOT;
        divideConfig = 0;
        tscDeadline = 0;
    }

    /** The LVT timer's mode field changed: switching modes disarms the timer (as KVM does). */
    void setMode(int newMode) {
        if (newMode != mode) {
            stop();
            tscDeadline = 0;
            mode = newMode;
        }
    }

    int mode() {
        return mode;
    }

    int divideConfig() {
        return divideConfig;
    }

    /** A TDCR write: the count so far is kept and counting goes on at the new rate. */
    void setDivideConfig(int config) {
        int old = divideConfig;
        divideConfig = config & 0xB;
        if (mode != MODE_TSC_DEADLINE && initialCount != 0 && deadlineNanos >= 0
                && divisor(old) != divisor(divideConfig)) {
            long now = clock.nanos();
            long current = currentCount(now, divisor(old));
            startNanos = now - nanosFor(initialCount - current);
            periods = 0;
            arm(startNanos + nanosFor(initialCount));
        }
    }

    long initialCount() {
        return initialCount;
    }

    /** A TMICT write starts (or with 0 stops) the count; ignored in TSC-deadline mode. */
    void setInitialCount(long count) {
        if (mode == MODE_TSC_DEADLINE) {
            return;
        }
        stop();
        initialCount = count & 0xFFFFFFFFL;
        if (initialCount != 0) {
            startNanos = clock.nanos();
            periods = 0;
            arm(startNanos + nanosFor(initialCount));
        }
    }

    long currentCount() {
        if (mode == MODE_TSC_DEADLINE || initialCount == 0) {
            return 0;
        }
        return currentCount(clock.nanos(), divisor(divideConfig));
    }

    private long currentCount(long now, int divide) {
        long ticks = mulDiv(Math.max(0, now - startNanos), busHz, NANOS_PER_SECOND * divide);
        if (mode == MODE_PERIODIC) {
            return initialCount - ticks % initialCount;
        }
        return Math.max(0, initialCount - ticks);
    }

    /** IA32_TSC_DEADLINE reads zero outside TSC-deadline mode (SDM §11.5.4.1). */
    long tscDeadline() {
        return mode == MODE_TSC_DEADLINE ? tscDeadline : 0;
    }

    /** An IA32_TSC_DEADLINE write: arms at that TSC value, 0 disarms; ignored in other modes. */
    void setTscDeadline(long tsc) {
        if (mode != MODE_TSC_DEADLINE) {
            return;
        }
        stop();
        tscDeadline = tsc;
        if (tsc != 0) {
            long delta = tsc - tscOffset;
            long at = delta <= 0 ? 0 : mulDivCeil(delta, NANOS_PER_SECOND, tscHz);
            arm(Math.max(at, clock.nanos()));
        }
    }

    /** Guest TSC = tscOffset + virtual nanoseconds × tscHz / 10⁹ (the CPU keeps this offset). */
    void setTscOffset(long offset) {
        tscOffset = offset;
    }

    /**
     * The timer service fired. Returns true when the timer really expired (the LVT timer
     * interrupt is due); a stale expiry of an earlier programming returns false.
     */
    boolean expire() {
        long now = clock.nanos();
        if (deadlineNanos < 0 || now < deadlineNanos) {
            return false;
        }
        switch (mode) {
            case MODE_PERIODIC -> {
                // One interrupt per expiry; periods the timer service missed are skipped
                // (coalesced, as a real APIC would if the CPU did not take them).
                periods++;
                long next = startNanos + nanosFor(initialCount * (periods + 1));
                if (next <= now) {
                    periods = Math.max(periods, (now - startNanos) / Math.max(1, nanosFor(initialCount)));
                    next = startNanos + nanosFor(initialCount * (periods + 1));
                    while (next <= now) {
                        periods++;
                        next = startNanos + nanosFor(initialCount * (periods + 1));
                    }
                }
                arm(next);
            }
            case MODE_TSC_DEADLINE -> {
                tscDeadline = 0;
                deadlineNanos = -1;
            }
            default -> deadlineNanos = -1;
        }
        return true;
    }

    void stop() {
        initialCount = 0;
        deadlineNanos = -1;
        timer.cancel();
    }

    private void arm(long at) {
        deadlineNanos = at;
        timer.armAt(at);
    }

    /** Nanoseconds for {@code ticks} timer ticks at bus clock / divisor, rounded up. */
    private long nanosFor(long ticks) {
        return mulDivCeil(ticks, NANOS_PER_SECOND * divisor(divideConfig), busHz);
    }

    static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) {
            return a * b / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(c)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    static long mulDivCeil(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) {
            long p = a * b;
            return p / c + (p % c != 0 ? 1 : 0);
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divideAndRemainder(BigInteger.valueOf(c));
        BigInteger q = qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return q.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }
}
