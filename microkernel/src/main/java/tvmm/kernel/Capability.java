package tvmm.kernel;

import java.util.ArrayList;

/**
 * A capability: a reference to a kernel object plus the rights its holder has over it.
 *
 * <p>Capabilities form NOVA's mapping database: a delegated capability is a child of the one it
 * was derived from, and revoking a capability revokes its whole subtree. The tree is changed only
 * under the kernel's mapping lock (delegation and revocation are rare); the hot paths (portal
 * call, semaphore up/down) read only {@link #revoked}, a volatile that is a plain load on x86.
 */
public abstract sealed class Capability permits PdCap, EcCap, ScCap, PortalCap, SemaphoreCap {
    final KObject object;
    final int rights;
    final Capability parent;
    /** Derived capabilities; guarded by {@code kernel.mappingLock}. */
    private final ArrayList<Capability> children = new ArrayList<>(0);
    /** Where this capability is installed; guarded by {@code kernel.mappingLock}. */
    private CapSpace space;
    private int selector = -1;
    volatile boolean revoked;

    Capability(KObject object, int rights, Capability parent) {
        this.object = object;
        this.rights = rights;
        this.parent = parent;
    }

    /** A new capability of the same type to the same object, with the given rights. */
    abstract Capability derive(int rights);

    public final int rights() {
        return rights;
    }

    public final boolean revoked() {
        return revoked;
    }

    /** The name of the object this capability refers to. */
    public final String objectName() {
        return object.name;
    }

    /** The check every invocation starts with. */
    public final Status check(int need) {
        if (revoked) {
            return Status.BAD_CAP;
        }
        return (rights & need) == need ? Status.SUCCESS : Status.BAD_PERM;
    }

    /** Installs a fresh root capability (the one an object's creator gets) at {@code sel}. */
    static Status installRoot(CapSpace into, int sel, Capability cap) {
        synchronized (cap.object.kernel.mappingLock) {
            return cap.place(into, sel);
        }
    }

    /** Derives a child with {@code rights & mask} and installs it at {@code sel} of {@code into}. */
    final Status delegate(CapSpace into, int sel, int mask) {
        synchronized (object.kernel.mappingLock) {
            // Checked under the lock: once revoke() has marked us, no child can be attached.
            if (revoked) {
                return Status.BAD_CAP;
            }
            Capability child = derive(rights & mask);
            Status s = child.place(into, sel);
            if (s.ok()) {
                children.add(child);
            }
            return s;
        }
    }

    /** Revokes everything derived from this capability, and this one too if {@code self}. */
    final void revoke(boolean self) {
        synchronized (object.kernel.mappingLock) {
            revokeChildren();
            if (self && !revoked) {
                markRevoked();
                if (parent != null) {
                    parent.children.remove(this);
                }
            }
        }
    }

    private void revokeChildren() {
        for (Capability c : children) {
            c.revokeChildren();
            c.markRevoked();
        }
        children.clear();
    }

    private void markRevoked() {
        revoked = true;
        if (space != null) {
            space.clear(selector, this);
            space = null;
        }
    }

    /** Number of direct children: for tests of the mapping database. */
    final int childCount() {
        synchronized (object.kernel.mappingLock) {
            return children.size();
        }
    }

    private Status place(CapSpace into, int sel) {
        Status s = into.install(sel, this);
        if (s.ok()) {
            space = into;
            selector = sel;
        }
        return s;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + object + " rights=0x" + Integer.toHexString(rights)
                + (revoked ? " revoked" : "") + "]";
    }
}
