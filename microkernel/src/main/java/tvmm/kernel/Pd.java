package tvmm.kernel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Protection domain: a component's capability space. A PD reaches other components only through
 * capabilities it holds (NOVA §2; DESIGN.md §5).
 *
 * <p>A PD also carries its availability: a component's PD is {@link Status#UNAVAILABLE} while the
 * component restarts and {@link Status#DEAD} after it gave up, and calls to its portals return
 * that status instead of running a handler.
 */
public final class Pd extends KObject {
    final CapSpace space;
    volatile Status availability = Status.SUCCESS;
    /** Non-null if this PD is a component's: faults inside it restart the component. */
    volatile Component component;
    /** Contained faults so far, for rate-limiting their log lines. */
    private final AtomicLong faults = new AtomicLong();

    /** Faults logged one by one; after that only every power of two (a guest can repeat one). */
    static final int FAULTS_LOGGED = 10;

    private Pd(Kernel kernel, String name, int slots) {
        super(kernel, name);
        this.space = new CapSpace(slots);
    }

    static PdCap createRoot(Kernel kernel) {
        Pd pd = new Pd(kernel, "root", CapSpace.DEFAULT_SLOTS);
        PdCap cap = new PdCap(pd, Perm.ALL, null);
        Capability.installRoot(pd.space, Kernel.SEL_SELF, cap);
        return cap;
    }

    /** Creates a PD with a default-sized space; its capability goes to {@code sel} of {@code parent}. */
    public static Result<PdCap> create(PdCap parent, int sel, String name) {
        return create(parent, sel, name, CapSpace.DEFAULT_SLOTS);
    }

    public static Result<PdCap> create(PdCap parent, int sel, String name, int slots) {
        Status s = parent.check(Perm.PD_CREATE_PD);
        if (!s.ok()) {
            return Result.fail(s);
        }
        if (slots <= 0 || slots > 1 << 20) {
            return Result.fail(Status.BAD_PAR);
        }
        Pd pd = new Pd(parent.object.kernel, name, slots);
        PdCap cap = new PdCap(pd, Perm.ALL, null);
        s = Capability.installRoot(parent.pd().space, sel, cap);
        return s.ok() ? Result.of(cap) : Result.fail(s);
    }

    /**
     * An uncaught exception escaped code running in this PD (a portal handler or an EC body).
     * It is contained here: a component is restarted, any other PD gets one log line.
     */
    void fault(String where, Throwable t) {
        Component c = component;
        if (c != null) {
            c.fault(where, t);
            return;
        }
        long n = faults.incrementAndGet();
        if (n <= FAULTS_LOGGED || Long.bitCount(n) == 1) {
            kernel.log("pd " + name + ": " + where + " faulted (contained, fault " + n + "): " + Kernel.describe(t));
        }
    }
}
