package tvmm.devices.time;

import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The virtual clock of a running machine: the host's monotonic clock, offset to zero at
 * creation, and one timer-service thread that fires timer callbacks at their deadlines.
 */
public final class HostClock implements VirtualClock, AutoCloseable {
    private final long origin = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<HostTimer> queue =
            new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));
    private final Thread service;
    private volatile boolean closed;

    public HostClock() {
        service = Thread.ofPlatform().daemon().name("tvmm-timer").start(this::serve);
    }

    @Override
    public long nanos() {
        return System.nanoTime() - origin;
    }

    @Override
    public Timer newTimer(String name, Runnable onExpiry) {
        return new HostTimer(name, onExpiry);
    }

    private void serve() {
        while (!closed) {
            HostTimer due = null;
            lock.lock();
            try {
                HostTimer head = queue.peek();
                if (head == null) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                long wait = head.deadline - nanos();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                queue.poll();
                head.queued = false;
                due = head;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                due.onExpiry.run();
            } catch (RuntimeException e) {
                // A device callback failed: log one line and keep the other timers alive.
                System.err.println("tvmm: timer " + due.name + " failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        service.interrupt();
    }

    private final class HostTimer implements Timer {
        final String name;
        final Runnable onExpiry;
        long deadline;
        boolean queued;

        HostTimer(String name, Runnable onExpiry) {
            this.name = name;
            this.onExpiry = onExpiry;
        }

        @Override
        public void armAt(long deadlineNanos) {
            lock.lock();
            try {
                if (queued) {
                    queue.remove(this);
                }
                deadline = deadlineNanos;
                queued = true;
                queue.add(this);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void cancel() {
            lock.lock();
            try {
                if (queued) {
                    queue.remove(this);
                    queued = false;
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isArmed() {
            lock.lock();
            try {
                return queued;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
