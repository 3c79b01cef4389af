package tvmm.kernel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * NOVA's user semaphore (Steinberg and Kauer, §3): a counter updated with one atomic xadd, backed
 * by a blocking "kernel" semaphore that is touched only when someone has to wait or be woken.
 *
 * <p>{@code count > 0}: signals that downs can take without blocking. {@code count < 0}: minus the
 * number of waiters. A down that races an up needs no lock: whichever of ksem.acquire and
 * ksem.release comes first, the two neutralise each other (the paper's observation).
 *
 * <p>A waiter that gives up (timeout, interrupt) must withdraw: if the counter is still negative
 * it un-counts itself; if not, an up has already committed a wake-up to "someone", and the
 * withdrawing waiter takes it (see {@link #withdraw}).
 */
public final class Semaphore extends KObject {
    /** ucount; a long so a signal storm nobody consumes cannot wrap it. */
    private final AtomicLong count;
    /** ksem: the blocking half, only used on the slow paths. */
    private final java.util.concurrent.Semaphore ksem = new java.util.concurrent.Semaphore(0);
    /** Polls of the counter before blocking: 0 is NOVA's pure scheme. */
    private final int spin;

    private Semaphore(Pd pd, String name, long initial, int spin) {
        super(pd.kernel, name);
        this.count = new AtomicLong(initial);
        this.spin = spin;
    }

    public static Result<SemaphoreCap> create(PdCap pd, int sel, String name, long initial) {
        return create(pd, sel, name, initial, 0);
    }

    /**
     * Creates a semaphore with {@code initial} signals. A {@code spin} above zero polls the counter
     * that many times before blocking: lower wake-up latency across cores for the price of CPU.
     */
    public static Result<SemaphoreCap> create(PdCap pd, int sel, String name, long initial, int spin) {
        Status s = pd.check(Perm.PD_CREATE_SM);
        if (!s.ok()) {
            return Result.fail(s);
        }
        if (initial < 0 || spin < 0) {
            return Result.fail(Status.BAD_PAR);
        }
        SemaphoreCap cap = new SemaphoreCap(new Semaphore(pd.pd(), name, initial, spin), Perm.ALL, null);
        s = Capability.installRoot(pd.pd().space, sel, cap);
        return s.ok() ? Result.of(cap) : Result.fail(s);
    }

    void up() {
        if (count.getAndIncrement() < 0) {
            ksem.release(); // release someone
        }
    }

    /** Blocks until a signal arrives; ABORTED if the waiting thread is interrupted. */
    Status down() {
        if (spin > 0 && spinTake()) {
            return Status.SUCCESS;
        }
        if (count.getAndDecrement() > 0) {
            return Status.SUCCESS;
        }
        try {
            ksem.acquire(); // block me
            return Status.SUCCESS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withdraw(Status.ABORTED);
        }
    }

    /** As {@link #down()}, giving up after {@code nanos}; 0 only takes an available signal. */
    Status down(long nanos) {
        if (nanos < 0) {
            return Status.BAD_PAR;
        }
        if (nanos == 0) {
            return tryTake() ? Status.SUCCESS : Status.TIMEOUT;
        }
        if (spin > 0 && spinTake()) {
            return Status.SUCCESS;
        }
        if (count.getAndDecrement() > 0) {
            return Status.SUCCESS;
        }
        try {
            return ksem.tryAcquire(nanos, TimeUnit.NANOSECONDS) ? Status.SUCCESS : withdraw(Status.TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withdraw(Status.ABORTED);
        }
    }

    /**
     * NOVA's down with zero-counter: wait for at least one signal, then consume all pending ones.
     * Coalesces bursts, e.g. many timer or keyboard signals handled by one pass of a service.
     */
    Status downAll(long nanos) {
        Status s = nanos < 0 ? down() : down(nanos);
        if (s.ok()) {
            for (long c = count.get(); c > 0 && !count.compareAndSet(c, 0); c = count.get()) {
                Thread.onSpinWait();
            }
        }
        return s;
    }

    long count() {
        return count.get();
    }

    private boolean tryTake() {
        for (long c = count.get(); c > 0; c = count.get()) {
            if (count.compareAndSet(c, c - 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean spinTake() {
        for (int i = 0; i < spin; i++) {
            if (tryTake()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /**
     * A registered waiter stops waiting. Negative count: un-count ourselves. Otherwise every
     * remaining waiter, us included, is covered by an up that has released or is about to release
     * ksem, so we take one permit (waiting at most for that up to finish) and report the signal.
     */
    private Status withdraw(Status why) {
        for (;;) {
            long c = count.get();
            if (c < 0) {
                if (count.compareAndSet(c, c + 1)) {
                    return why;
                }
            } else {
                ksem.acquireUninterruptibly();
                return Status.SUCCESS;
            }
        }
    }
}
