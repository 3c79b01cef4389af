package tvmm.kernel;

/** Capability to a portal. */
public final class PortalCap extends Capability {

    PortalCap(Portal pt, int rights, Capability parent) {
        super(pt, rights, parent);
    }

    @Override
    PortalCap derive(int newRights) {
        return new PortalCap((Portal) object, newRights, this);
    }

    /**
     * Calls the portal on this thread: rights check, state transfer per the portal's MTD, handler.
     * Returns SUCCESS, ABORTED if the handler threw, or the callee PD's availability
     * (UNAVAILABLE while its component restarts, DEAD after); BAD_CAP once revoked.
     */
    public Status call(Utcb utcb) {
        if (revoked) {
            return Status.BAD_CAP;
        }
        if ((rights & Perm.PT_CALL) == 0) {
            return Status.BAD_PERM;
        }
        return ((Portal) object).invoke(utcb);
    }

    /** The groups of state the portal's handler declared. */
    public int mtd() {
        return ((Portal) object).mtd;
    }

    public long id() {
        return ((Portal) object).id;
    }

    /** Sets the id passed to the handler; needs {@link Perm#PT_CTRL}. */
    public Status id(long newId) {
        Status s = check(Perm.PT_CTRL);
        if (s.ok()) {
            ((Portal) object).id = newId;
        }
        return s;
    }
}
