package tvmm.devices.time;

/**
 * Exact conversion between virtual nanoseconds and the ticks of a device oscillator (the
 * PIT's 1.193182 MHz, the RTC's 32.768 kHz divider taps, a UART's character clock), so a
 * device computes its counters from the clock instead of ticking. The split arithmetic
 * keeps the products below 2^63 for any time a machine can run (centuries of nanoseconds
 * at oscillators up to ~9 GHz).
 */
public final class Ticks {
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Ticks() {
    }

    /** Whole ticks of an {@code hz} oscillator completed {@code nanos} after its origin (floor). */
    public static long ticksAt(long nanos, long hz) {
        long q = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long r = Math.floorMod(nanos, NANOS_PER_SECOND);
        return q * hz + r * hz / NANOS_PER_SECOND;
    }

    /** The first nanosecond at which tick {@code tick} has completed (inverse of {@link #ticksAt}). */
    public static long nanosOfTick(long tick, long hz) {
        long q = Math.floorDiv(tick, hz);
        long r = Math.floorMod(tick, hz);
        return q * NANOS_PER_SECOND + (r * NANOS_PER_SECOND + hz - 1) / hz;
    }
}
