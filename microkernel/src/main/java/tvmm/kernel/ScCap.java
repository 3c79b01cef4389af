package tvmm.kernel;

/** Capability to a scheduling context: {@link Perm#SC_BIND} lets ECs be created on it. */
public final class ScCap extends Capability {

    ScCap(Sc sc, int rights, Capability parent) {
        super(sc, rights, parent);
    }

    @Override
    ScCap derive(int newRights) {
        return new ScCap(sc(), newRights, this);
    }

    Sc sc() {
        return (Sc) object;
    }

    public Sc.Policy policy() {
        return sc().policy;
    }

    public int core() {
        return sc().core;
    }

    public int priority() {
        return sc().priority;
    }
}
