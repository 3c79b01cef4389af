package tvmm.kernel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A service component: a PD of its own, an EC running the {@link Service}, and the portals it
 * exports. A fault (an exception escaping the EC or a portal handler) is contained: it is logged
 * in one line, the PD turns UNAVAILABLE so callers get that status instead of a half-dead
 * service, and after a backoff a fresh Service instance starts on a new EC. When the
 * {@link RestartPolicy} is exhausted the PD turns DEAD. Everything else keeps running.
 *
 * <p>This is user-level policy on top of the kernel objects, as restart is in NOVA's environment.
 */
public final class Component {
    /** Selector of the component's EC in its own PD. */
    public static final int SEL_EC = 1;

    private static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private final PdCap pd;
    private final String name;
    private final Ec.Kind kind;
    private final ScCap sc;
    private final RestartPolicy policy;
    private final Supplier<? extends Service> factory;
    /** Guards the restart state. Lock order: this lock, then the kernel's mapping lock. */
    private final Object lock = new Object();
    /** Restart times (System.nanoTime) within the policy window; guarded by lock. */
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private volatile Service current;
    private volatile int incarnation;
    private volatile EcCap ec;
    private int restarts; // guarded by lock
    private boolean stopped; // guarded by lock

    /** What a running incarnation sees of itself. */
    public static final class Context {
        private final Component component;
        private final int incarnation;

        private Context(Component component, int incarnation) {
            this.component = component;
            this.incarnation = incarnation;
        }

        /** The component's PD: its own capabilities (e.g. semaphores the VMM delegated). */
        public PdCap pd() {
            return component.pd;
        }

        public String name() {
            return component.name;
        }

        /** 1 for the first start, +1 per restart. */
        public int incarnation() {
            return incarnation;
        }

        /** True once this incarnation is being replaced or the component was stopped. */
        public boolean stopping() {
            return component.incarnation != incarnation || component.pd.availability() != Status.SUCCESS;
        }
    }

    private Component(PdCap pd, String name, Ec.Kind kind, ScCap sc, RestartPolicy policy,
                      Supplier<? extends Service> factory) {
        this.pd = pd;
        this.name = name;
        this.kind = kind;
        this.sc = sc;
        this.policy = policy;
        this.factory = factory;
    }

    /**
     * Creates a component with its own PD (capability at {@code sel} of {@code parent}); its EC
     * will run on {@code sc}. Call {@link #start()} after exporting portals and delegating caps.
     */
    public static Result<Component> create(PdCap parent, int sel, String name, Ec.Kind kind, ScCap sc,
                                           RestartPolicy policy, Supplier<? extends Service> factory) {
        if (kind == null || sc == null || policy == null || factory == null) {
            return Result.fail(Status.BAD_PAR);
        }
        Status s = sc.check(Perm.SC_BIND);
        if (!s.ok()) {
            return Result.fail(s);
        }
        Result<PdCap> r = Pd.create(parent, sel, name);
        if (!r.ok()) {
            return Result.fail(r.status());
        }
        Component c = new Component(r.value(), name, kind, sc, policy, factory);
        r.value().pd().component = c;
        return Result.of(c);
    }

    /** The component's PD. Its holder can delegate the component's portals to clients. */
    public PdCap pd() {
        return pd;
    }

    public String name() {
        return name;
    }

    /** Exports a portal at {@code sel} of the component's PD; calls reach {@link Service#call}. */
    public Result<PortalCap> export(int sel, String portalName, long id, int mtd) {
        return Portal.create(pd, sel, portalName, mtd, id, (pid, utcb) -> current.call(pid, utcb));
    }

    /** Starts the first incarnation. BUSY if already started. */
    public Status start() {
        synchronized (lock) {
            if (incarnation != 0 || stopped) {
                return Status.BUSY;
            }
            try {
                current = factory.get();
            } catch (RuntimeException e) {
                kernelLog("start failed: " + Kernel.describe(e));
                return Status.ABORTED;
            }
            return launch();
        }
    }

    /** Stops the component for good: its portals answer DEAD, its EC is interrupted and joined. */
    public Status stop() {
        EcCap e;
        synchronized (lock) {
            stopped = true;
            pd.pd().availability = Status.DEAD;
            e = ec;
        }
        if (e == null) {
            return Status.SUCCESS;
        }
        e.stop();
        return e.join(STOP_WAIT);
    }

    /** SUCCESS while serving, UNAVAILABLE while restarting, DEAD when stopped or given up. */
    public Status availability() {
        return pd.availability();
    }

    public int incarnation() {
        return incarnation;
    }

    /** Restarts so far (including ones still waiting for their backoff). */
    public int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /** A portal handler of the current incarnation faulted (called via {@link Pd#fault}). */
    void fault(String where, Throwable t) {
        fault(incarnation, where, t);
    }

    private void fault(int inc, String where, Throwable t) {
        Duration wait;
        EcCap old;
        synchronized (lock) {
            // A second fault of the same incarnation, or one of an incarnation already being
            // replaced, is part of the failure already handled.
            if (stopped || inc != incarnation || pd.pd().availability != Status.SUCCESS) {
                return;
            }
            old = ec;
            wait = admitRestart(where + " faulted: " + Kernel.describe(t));
            if (wait != null) {
                pd.pd().availability = Status.UNAVAILABLE;
            }
        }
        // Whether it restarts or is dead, the faulty incarnation's EC must not run on.
        if (old != null) {
            old.stop();
        }
        if (wait == null) {
            return;
        }
        Thread.ofVirtual().name(name + "-restart").start(() -> restartAfter(wait, old));
    }

    /** Counts a restart against the policy; the backoff, or null after marking the component DEAD. */
    private Duration admitRestart(String what) {
        long now = System.nanoTime();
        while (!recent.isEmpty() && now - recent.peekFirst() > policy.window().toNanos()) {
            recent.pollFirst();
        }
        if (recent.size() >= policy.maxRestarts()) {
            kernelLog(what + "; restart limit " + policy.maxRestarts() + " in " + policy.window()
                    + " reached, component dead");
            pd.pd().availability = Status.DEAD;
            return null;
        }
        recent.addLast(now);
        restarts++;
        Duration wait = policy.backoff(recent.size());
        kernelLog(what + "; restart " + restarts + " in " + wait.toMillis() + " ms");
        return wait;
    }

    private void restartAfter(Duration wait, EcCap old) {
        for (;;) {
            LockSupport.parkNanos(wait.toNanos());
            if (old != null && !old.join(STOP_WAIT).ok()) {
                kernelLog("old EC did not stop within " + STOP_WAIT + "; restarting beside it");
            }
            Service fresh;
            try {
                fresh = factory.get();
            } catch (RuntimeException e) {
                synchronized (lock) {
                    if (stopped) {
                        return;
                    }
                    wait = admitRestart("restart failed: " + Kernel.describe(e));
                    if (wait == null) {
                        return;
                    }
                }
                old = null;
                continue;
            }
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                current = fresh;
                // Available before the new EC starts: its Context.stopping() reads this.
                pd.pd().availability = Status.SUCCESS;
                if (!launch().ok()) {
                    kernelLog("could not create a new EC; component dead");
                    pd.pd().availability = Status.DEAD;
                }
            }
            return;
        }
    }

    /** Starts a new incarnation's EC; called with the lock held. */
    private Status launch() {
        int inc = incarnation + 1;
        pd.revoke(SEL_EC, true); // the previous incarnation's EC capability, if any
        Service svc = current;
        Context ctx = new Context(this, inc);
        Result<EcCap> r = Ec.create(pd, SEL_EC, name + "#" + inc, kind, sc, -1, self -> {
            try {
                svc.run(ctx);
            } catch (Throwable t) {
                if (!Faults.containable(t)) {
                    throw t;
                }
                fault(inc, "ec " + name + "#" + inc, t);
            }
        });
        if (!r.ok()) {
            return r.status();
        }
        incarnation = inc;
        ec = r.value();
        return ec.start();
    }

    private void kernelLog(String line) {
        pd.kernel().log("component " + name + ": " + line);
    }
}
