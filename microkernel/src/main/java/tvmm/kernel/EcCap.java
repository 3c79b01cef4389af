package tvmm.kernel;

import java.time.Duration;

/** Capability to an execution context: {@link Perm#EC_CTRL} starts, recalls and stops it. */
public final class EcCap extends Capability {

    EcCap(Ec ec, int rights, Capability parent) {
        super(ec, rights, parent);
    }

    @Override
    EcCap derive(int newRights) {
        return new EcCap(ec(), newRights, this);
    }

    Ec ec() {
        return (Ec) object;
    }

    /** Starts the EC's thread; BUSY if it was started before. */
    public Status start() {
        Status s = check(Perm.EC_CTRL);
        return s.ok() ? ec().start() : s;
    }

    /**
     * Sets what a recall does. The VMM's vCPU installs "set the pending-event bit and unpark", so
     * another thread never touches a running vCPU's VMCB but forces it to exit (NOVA's recall).
     */
    public Status onRecall(Runnable hook) {
        Status s = check(Perm.EC_CTRL);
        if (s.ok()) {
            ec().recallHook = hook;
        }
        return s;
    }

    /** Forces the EC to the VMM's attention by running its recall hook; BAD_PAR if it has none. */
    public Status recall() {
        Status s = check(Perm.EC_CTRL);
        if (!s.ok()) {
            return s;
        }
        Runnable hook = ec().recallHook;
        if (hook == null) {
            return Status.BAD_PAR;
        }
        hook.run();
        return Status.SUCCESS;
    }

    /** Interrupts the EC's thread: blocking semaphore downs return ABORTED. */
    public Status stop() {
        Status s = check(Perm.EC_CTRL);
        if (s.ok()) {
            ec().stop();
        }
        return s;
    }

    /** Waits for the EC's thread to end; TIMEOUT if it is still running after {@code timeout}. */
    public Status join(Duration timeout) {
        try {
            return ec().join(timeout.toMillis()) ? Status.SUCCESS : Status.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.ABORTED;
        }
    }

    public boolean alive() {
        return ec().alive();
    }

    public Ec.Kind kind() {
        return ec().kind;
    }

    public int requestedCore() {
        return ec().requestedCore();
    }

    public Status placement() {
        return ec().placement();
    }

    public String allowedCores() {
        return ec().allowedCores();
    }
}
