package tvmm.kernel;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Execution context: a host thread in a protection domain. vCPU ECs are platform threads, placed
 * by their scheduling context; service ECs that block on host I/O are virtual threads, which
 * give the Virtual Processor Interface's "upcall when a thread blocks" for free (DESIGN.md §5).
 *
 * <p>An EC may own an event window: exit reason {@code r} is delivered as a call of the portal at
 * selector {@code eventBase + r} of its PD, on the EC's own thread (NOVA's event-specific
 * capability selectors).
 */
public final class Ec extends KObject {

    public enum Kind {
        /** A platform thread: vCPUs, anything that must be placed on a core. */
        PLATFORM,
        /** A virtual thread: services that block on host I/O. Not placeable. */
        VIRTUAL
    }

    /** The code an EC runs. An exception escaping it is contained by the EC's PD. */
    @FunctionalInterface
    public interface Body {
        void run(Ec self) throws Exception;
    }

    private static final ScopedValue<Ec> CURRENT = ScopedValue.newInstance();

    final Pd pd;
    final Kind kind;
    final int eventBase;
    private final Sc sc;
    private final Body body;
    private final int core;
    private final int priority;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Status placement = Status.SUCCESS;
    private volatile String allowedCores = "";
    volatile Runnable recallHook;

    private Ec(Pd pd, String name, Kind kind, Sc sc, int core, int eventBase, Body body) {
        super(pd.kernel, name);
        this.sc = sc;
        this.pd = pd;
        this.kind = kind;
        this.core = core;
        this.priority = sc.priority;
        this.eventBase = eventBase;
        this.body = body;
        this.thread = kind == Kind.PLATFORM
                ? Thread.ofPlatform().name(name).daemon(true).priority(priority).unstarted(this::main)
                : Thread.ofVirtual().name(name).unstarted(this::main);
    }

    /**
     * Creates an EC in {@code pd} bound to {@code sc}, not yet started. {@code eventBase} is the
     * first selector of its event window, or -1 for none.
     */
    public static Result<EcCap> create(PdCap pd, int sel, String name, Kind kind, ScCap sc, int eventBase, Body body) {
        Status s = pd.check(Perm.PD_CREATE_EC);
        if (s.ok()) {
            s = sc.check(Perm.SC_BIND);
        }
        if (!s.ok()) {
            return Result.fail(s);
        }
        Sc schedule = sc.sc();
        if (kind == null || body == null || eventBase < -1 || eventBase >= pd.pd().space.size()
                || (kind == Kind.VIRTUAL && schedule.policy != Sc.Policy.FREE)) {
            return Result.fail(Status.BAD_PAR);
        }
        if (sel < 0 || sel >= pd.pd().space.size()) {
            return Result.fail(Status.BAD_PAR);
        }
        if (!pd.empty(sel)) {
            return Result.fail(Status.BUSY); // checked before binding so a failure costs no SC slot
        }
        int member = schedule.bind();
        if (member < 0) {
            return Result.fail(Status.BUSY);
        }
        Ec ec = new Ec(pd.pd(), name, kind, schedule, schedule.coreFor(member), eventBase, body);
        EcCap cap = new EcCap(ec, Perm.ALL, null);
        s = Capability.installRoot(pd.pd().space, sel, cap);
        if (!s.ok()) {
            schedule.unbind(); // lost a race for the slot: the EC never existed
            return Result.fail(s);
        }
        return Result.of(cap);
    }

    /** The EC running the calling code, or null on a thread the kernel did not start. */
    public static Ec current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /**
     * Delivers event {@code event} (a dense exit index) as a call of the portal at
     * {@code eventBase + event}, on this thread. BAD_PAR without an event window or out of range,
     * BAD_CAP for an empty or revoked slot, BAD_TYPE if the slot holds no portal.
     *
     * <p>Only the EC's own thread delivers its exits: a vCPU's state is never handled on another
     * thread (Humbel's lesson). Checked as an assertion, so it costs nothing in production.
     */
    public Status deliver(int event, Utcb utcb) {
        assert Thread.currentThread() == thread : "exit of " + name + " delivered on " + Thread.currentThread();
        if (eventBase < 0 || event < 0) {
            return Status.BAD_PAR;
        }
        Capability c = pd.space.get(eventBase + event);
        if (c instanceof PortalCap pt) {
            return pt.call(utcb);
        }
        return c == null ? (eventBase + event >= pd.space.size() ? Status.BAD_PAR : Status.BAD_CAP) : Status.BAD_TYPE;
    }

    public Kind kind() {
        return kind;
    }

    /** The host core the scheduling context asked for, or -1. */
    public int requestedCore() {
        return core;
    }

    /** SUCCESS if the placement was applied (or none was asked for); BAD_CPU if only recorded. */
    public Status placement() {
        return placement;
    }

    /** The thread's allowed cores as the host reports them after placement ("1", "0-1"). */
    public String allowedCores() {
        return allowedCores;
    }

    public int priority() {
        return priority;
    }

    Status start() {
        if (!started.compareAndSet(false, true)) {
            return Status.BUSY;
        }
        thread.start();
        return Status.SUCCESS;
    }

    void stop() {
        thread.interrupt();
    }

    boolean join(long millis) throws InterruptedException {
        if (!started.get()) {
            return true;
        }
        thread.join(Math.max(1, millis));
        return !thread.isAlive();
    }

    boolean alive() {
        return thread.isAlive();
    }

    private void main() {
        if (core >= 0) {
            placement = Affinity.pinCurrentThread(core);
        }
        allowedCores = Affinity.allowedCores();
        try {
            ScopedValue.where(CURRENT, this).run(() -> {
                try {
                    body.run(this);
                } catch (Throwable t) {
                    if (!Faults.containable(t)) {
                        throw (Error) t;
                    }
                    pd.fault("ec " + name, t);
                }
            });
        } finally {
            sc.unbind();
        }
    }
}
