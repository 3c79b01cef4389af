package tvmm.kernel;

/**
 * A kernel object. Objects are reached only through capabilities; their operations are
 * package-private and invoked by the typed capability after its rights check.
 */
public abstract sealed class KObject permits Pd, Ec, Sc, Portal, Semaphore {
    final Kernel kernel;
    final String name;

    KObject(Kernel kernel, String name) {
        this.kernel = kernel;
        this.name = name;
    }

    public final String name() {
        return name;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().toLowerCase() + " " + name;
    }
}
