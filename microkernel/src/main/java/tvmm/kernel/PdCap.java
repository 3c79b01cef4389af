package tvmm.kernel;

/** Capability to a protection domain: look up, delegate and revoke in its capability space. */
public final class PdCap extends Capability {

    PdCap(Pd pd, int rights, Capability parent) {
        super(pd, rights, parent);
    }

    @Override
    PdCap derive(int newRights) {
        return new PdCap(pd(), newRights, this);
    }

    Pd pd() {
        return (Pd) object;
    }

    public Kernel kernel() {
        return object.kernel;
    }

    /** Typed lookup in this PD's space; needs {@link Perm#PD_CTRL}. */
    public <C extends Capability> Result<C> lookup(int sel, Class<C> type, int need) {
        Status s = check(Perm.PD_CTRL);
        return s.ok() ? pd().space.lookup(sel, type, need) : Result.fail(s);
    }

    /** True if {@code sel} of this PD's space is empty (or out of range). */
    public boolean empty(int sel) {
        return pd().space.empty(sel);
    }

    /**
     * Delegates the capability at {@code srcSel} of this PD to {@code dstSel} of {@code to}, with
     * its rights masked by {@code mask}. The copy is a child of the source: revoking the source
     * revokes it. Needs {@link Perm#PD_CTRL} on both PDs.
     */
    public Status delegate(int srcSel, PdCap to, int dstSel, int mask) {
        Status s = check(Perm.PD_CTRL);
        if (s.ok()) {
            s = to.check(Perm.PD_CTRL);
        }
        if (!s.ok()) {
            return s;
        }
        Capability src = pd().space.get(srcSel);
        if (src == null) {
            return srcSel < 0 || srcSel >= pd().space.size() ? Status.BAD_PAR : Status.BAD_CAP;
        }
        return src.delegate(to.pd().space, dstSel, mask);
    }

    /**
     * Revokes every capability derived from the one at {@code sel}, recursively, and that one
     * too if {@code self}. Revoked capabilities vanish from their spaces and fail every
     * invocation with {@link Status#BAD_CAP}, also where a holder kept the reference.
     */
    public Status revoke(int sel, boolean self) {
        Status s = check(Perm.PD_CTRL);
        if (!s.ok()) {
            return s;
        }
        Capability c = pd().space.get(sel);
        if (c == null) {
            return Status.BAD_CAP;
        }
        c.revoke(self);
        return Status.SUCCESS;
    }

    /** SUCCESS while the PD serves calls; UNAVAILABLE while its component restarts; DEAD after. */
    public Status availability() {
        return pd().availability;
    }
}
