package tvmm.vmm.svm;

import java.util.Locale;
import tvmm.kernel.Sc;

/**
 * How the vCPUs' host threads are placed on host cores ({@code tvmm run --placement}), the three
 * policies Humbel compares (§4.1, ch. 7): each is a scheduling-context layout in {@link Vmm}.
 */
public enum Placement {
    /** No affinity: the host scheduler moves the vCPU threads freely (one FREE SC for all). */
    FREE(Sc.Policy.FREE),
    /** vCPU n runs only on the n-th host core (one PINNED SC per vCPU); needs a core per vCPU. */
    PINNED(Sc.Policy.PINNED),
    /** One gang SC: member n gets the n-th host core after the first, wrapping if there are fewer. */
    GANG(Sc.Policy.GANG);

    final Sc.Policy policy;

    Placement(Sc.Policy policy) {
        this.policy = policy;
    }

    /** "pinned", "free" or "gang" (any case); a one-line message for anything else. */
    public static Placement parse(String name) {
        for (Placement p : values()) {
            if (p.name().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("--placement " + name + ": use pinned, free or gang");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
