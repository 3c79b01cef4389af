package tvmm.kernel;

/**
 * Portal: an IPC entry point into a protection domain. A call runs the handler on the caller's
 * own thread: the cost is a capability check plus a method call, which is how VM exits reach
 * the VMM's handlers without a thread switch (DESIGN.md §4–§5). The portal's message transfer
 * descriptor says which state groups the handler needs.
 */
public final class Portal extends KObject {

    /** The code behind a portal. {@code id} is the portal's id (NOVA's pt_ctrl), e.g. an exit reason. */
    @FunctionalInterface
    public interface Handler {
        void handle(long id, Utcb utcb) throws Exception;
    }

    final Pd owner;
    final int mtd;
    final Handler handler;
    volatile long id;

    private Portal(Pd owner, String name, int mtd, long id, Handler handler) {
        super(owner.kernel, name);
        this.owner = owner;
        this.mtd = mtd;
        this.id = id;
        this.handler = handler;
    }

    /**
     * Creates a portal into {@code pd} (which needs {@link Perm#PD_CREATE_PT}); its capability is
     * installed at {@code sel} of that PD.
     */
    public static Result<PortalCap> create(PdCap pd, int sel, String name, int mtd, long id, Handler handler) {
        Status s = pd.check(Perm.PD_CREATE_PT);
        if (!s.ok()) {
            return Result.fail(s);
        }
        if (!Mtd.valid(mtd) || handler == null) {
            return Result.fail(Status.BAD_PAR);
        }
        PortalCap cap = new PortalCap(new Portal(pd.pd(), name, mtd, id, handler), Perm.ALL, null);
        s = Capability.installRoot(pd.pd().space, sel, cap);
        return s.ok() ? Result.of(cap) : Result.fail(s);
    }

    Status invoke(Utcb utcb) {
        Status a = owner.availability;
        if (a != Status.SUCCESS) {
            return a;
        }
        utcb.mtd = mtd;
        utcb.arrive(mtd);
        try {
            handler.handle(id, utcb);
        } catch (Throwable t) {
            if (!Faults.containable(t)) {
                throw (Error) t;
            }
            // Contained: the caller sees ABORTED, the owner's component (if any) restarts.
            owner.fault("portal " + name, t);
            return Status.ABORTED;
        }
        utcb.depart(utcb.mtd);
        return Status.SUCCESS;
    }
}
