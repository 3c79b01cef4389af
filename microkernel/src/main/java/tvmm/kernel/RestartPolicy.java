package tvmm.kernel;

import java.time.Duration;

/**
 * How often a faulting component is restarted: at most {@code maxRestarts} within a sliding
 * {@code window}; the n-th restart in the window waits {@code initialBackoff * 2^(n-1)}, capped
 * at {@code maxBackoff}, so a component that faults on start cannot spin the host.
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration initialBackoff, Duration maxBackoff) {

    public RestartPolicy {
        if (maxRestarts < 0 || window.isNegative() || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("bad restart policy");
        }
    }

    /** Up to {@code maxRestarts} within {@code window}, backing off from 10 ms to 1 s. */
    public static RestartPolicy bounded(int maxRestarts, Duration window) {
        return new RestartPolicy(maxRestarts, window, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    /** The first fault is final. */
    public static RestartPolicy never() {
        return new RestartPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before the {@code n}-th restart within the window (n starts at 1). */
    public Duration backoff(int n) {
        Duration d = initialBackoff;
        for (int i = 1; i < n && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
