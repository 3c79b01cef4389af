package tvmm.kernel;

/** Capability to a semaphore: {@link Perm#SM_UP} to signal, {@link Perm#SM_DOWN} to wait. */
public final class SemaphoreCap extends Capability {

    SemaphoreCap(Semaphore sm, int rights, Capability parent) {
        super(sm, rights, parent);
    }

    @Override
    SemaphoreCap derive(int newRights) {
        return new SemaphoreCap((Semaphore) object, newRights, this);
    }

    /** Signals: an atomic increment, plus a wake-up only if someone waits. */
    public Status up() {
        if (revoked) {
            return Status.BAD_CAP;
        }
        if ((rights & Perm.SM_UP) == 0) {
            return Status.BAD_PERM;
        }
        ((Semaphore) object).up();
        return Status.SUCCESS;
    }

    /** Waits for a signal; ABORTED if the thread is interrupted (a component being stopped). */
    public Status down() {
        Status s = check(Perm.SM_DOWN);
        return s.ok() ? ((Semaphore) object).down() : s;
    }

    /** Waits at most {@code nanos}; TIMEOUT if no signal came. {@code 0} polls. */
    public Status down(long nanos) {
        Status s = check(Perm.SM_DOWN);
        return s.ok() ? ((Semaphore) object).down(nanos) : s;
    }

    /** Waits for a signal, then consumes every pending one (NOVA's zero-counter down). */
    public Status downAll() {
        Status s = check(Perm.SM_DOWN);
        return s.ok() ? ((Semaphore) object).downAll(-1) : s;
    }

    /** As {@link #downAll()}, giving up after {@code nanos}. */
    public Status downAll(long nanos) {
        Status s = check(Perm.SM_DOWN);
        if (s.ok() && nanos < 0) {
            return Status.BAD_PAR;
        }
        return s.ok() ? ((Semaphore) object).downAll(nanos) : s;
    }

    /** Pending signals (positive) or minus the number of waiters: for diagnostics and tests. */
    public long count() {
        return ((Semaphore) object).count();
    }
}
