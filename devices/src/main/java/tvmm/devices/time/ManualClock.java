package tvmm.devices.time;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A virtual clock that moves only when told to: tests advance it and every timer whose
 * deadline passes fires in deadline order, on the calling thread, with {@link #nanos()}
 * equal to that deadline while its callback runs.
 */
public final class ManualClock implements VirtualClock {
    private long now;
    private final List<ManualTimer> timers = new ArrayList<>();

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized Timer newTimer(String name, Runnable onExpiry) {
        ManualTimer t = new ManualTimer(name, onExpiry);
        timers.add(t);
        return t;
    }

    /** Advances by {@code deltaNanos}, firing due timers. */
    public void advance(long deltaNanos) {
        advanceTo(nanos() + deltaNanos);
    }

    /** Moves time forward to {@code target}, firing every timer due on the way. */
    public void advanceTo(long target) {
        while (true) {
            ManualTimer next;
            synchronized (this) {
                next = timers.stream()
                        .filter(t -> t.armed && t.deadline <= target)
                        .min(Comparator.comparingLong(t -> t.deadline))
                        .orElse(null);
                if (next == null) {
                    now = Math.max(now, target);
                    return;
                }
                now = Math.max(now, next.deadline);
                next.armed = false;
            }
            next.onExpiry.run();
        }
    }

    private final class ManualTimer implements Timer {
        final String name;
        final Runnable onExpiry;
        long deadline;
        boolean armed;

        ManualTimer(String name, Runnable onExpiry) {
            this.name = name;
            this.onExpiry = onExpiry;
        }

        @Override
        public void armAt(long deadlineNanos) {
            synchronized (ManualClock.this) {
                deadline = deadlineNanos;
                armed = true;
            }
        }

        @Override
        public void cancel() {
            synchronized (ManualClock.this) {
                armed = false;
            }
        }

        @Override
        public boolean isArmed() {
            synchronized (ManualClock.this) {
                return armed;
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
