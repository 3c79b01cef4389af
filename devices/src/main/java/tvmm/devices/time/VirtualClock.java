package tvmm.devices.time;

/**
 * The one clock every timer of the machine runs from (DESIGN.md §6): nanoseconds since
 * the machine was created, and timers that fire a callback at a deadline on that scale.
 * {@link HostClock} follows the host's monotonic clock; {@link ManualClock} is advanced by
 * tests so device timing is exact and repeatable.
 */
public interface VirtualClock {

    /** Nanoseconds of virtual time since the machine was created. */
    long nanos();

    /**
     * A new, disarmed timer whose {@code onExpiry} runs on the clock's timer service
     * thread (or, for {@link ManualClock}, inside {@link ManualClock#advanceTo}).
     * Callbacks must be short: they latch state and kick a vCPU, nothing more.
     */
    Timer newTimer(String name, Runnable onExpiry);

    /** A one-shot timer; periodic devices re-arm it from their callback. */
    interface Timer {
        /** Arms (or re-arms) the timer to fire once at {@code deadlineNanos} virtual time. */
        void armAt(long deadlineNanos);

        /** Disarms the timer; a pending expiry does not run. */
        void cancel();

        boolean isArmed();
    }
}
