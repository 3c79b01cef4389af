package tvmm.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scheduling context: where and how urgently the execution contexts bound to it run. It is data
 * the kernel honours when it creates an EC's thread, as far as Java lets it: a core placement
 * becomes a CPU-affinity mask on the host thread ({@link Affinity}), the priority becomes the
 * Java thread priority (a hint the JVM on Linux ignores unless run privileged).
 */
public final class Sc extends KObject {

    /** How the vCPUs bound to an SC are placed (Humbel, §4.1). */
    public enum Policy {
        /** One EC on one dedicated host core (1:1). Binding a second EC fails with BUSY. */
        PINNED,
        /** No placement: the host scheduler decides. */
        FREE,
        /**
         * A gang: the ECs bound to it are meant to run at the same time. Java cannot co-schedule
         * threads; the kernel gives member i the i-th host core after {@code core} (wrapping), so all
         * members run at once when the host has the cores.
         */
        GANG
    }

    final Policy policy;
    final int core;
    final int priority;
    private final AtomicInteger members = new AtomicInteger();

    private Sc(Pd pd, String name, Policy policy, int core, int priority) {
        super(pd.kernel, name);
        this.policy = policy;
        this.core = core;
        this.priority = priority;
    }

    /**
     * Creates a scheduling context. {@code core} is a host CPU id from {@link Kernel#hostCores()}
     * (-1 for none, allowed only with FREE); {@code priority} is a Java thread priority (1 to 10).
     */
    public static Result<ScCap> create(PdCap pd, int sel, String name, Policy policy, int core, int priority) {
        Status s = pd.check(Perm.PD_CREATE_SC);
        if (!s.ok()) {
            return Result.fail(s);
        }
        if (policy == null || priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
            return Result.fail(Status.BAD_PAR);
        }
        if (core == -1 ? policy != Policy.FREE : !pd.kernel().hasCore(core)) {
            return Result.fail(Status.BAD_CPU);
        }
        ScCap cap = new ScCap(new Sc(pd.pd(), name, policy, core, priority), Perm.ALL, null);
        s = Capability.installRoot(pd.pd().space, sel, cap);
        return s.ok() ? Result.of(cap) : Result.fail(s);
    }

    /** Registers one more EC; its member index, or -1 if a pinned SC already has its EC. */
    int bind() {
        int m = members.getAndIncrement();
        if (policy == Policy.PINNED && m > 0) {
            members.getAndDecrement();
            return -1;
        }
        return m;
    }

    /** An EC bound to this SC ended: a pinned SC can take a new one (a restarted component's). */
    void unbind() {
        members.getAndDecrement();
    }

    /** The host core member {@code m} should run on, or -1 for no placement. */
    int coreFor(int m) {
        return switch (policy) {
            case PINNED -> core;
            case FREE -> -1;
            case GANG -> kernel.coreAfter(core, m);
        };
    }
}
