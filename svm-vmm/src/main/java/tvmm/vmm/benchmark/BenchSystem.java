package tvmm.vmm.benchmark;

import java.util.Map;

/** One side of the comparison (tvmm, QEMU TCG, the host): runs the suite once. */
public interface BenchSystem {
    /** "tvmm", "qemu" or "native": the column and JSON key. */
    String name();

    /**
     * Runs every benchmark of {@code suite} once (guests: one boot) and returns an outcome
     * per benchmark, plus {@link Suite#BOOT} for guests. Never throws for a guest that
     * misbehaves: that is a failed outcome.
     */
    Map<String, Outcome> runOnce(Suite suite) throws InterruptedException;
}
