package tvmm.kernel;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The kernel instance: the root protection domain, the mapping lock that guards the capability
 * derivation tree, and the log every contained fault is reported to in one line.
 *
 * <p>There is no static mutable state: two kernels in one JVM (two tests, two VMs) are independent.
 */
public final class Kernel {
    /** The root PD's capability to itself lives at this selector of its own space. */
    public static final int SEL_SELF = 0;

    final Object mappingLock = new Object();
    private final Consumer<String> log;
    /** Host CPU ids the process may run on, ascending (the cpuset, not just a count). */
    private final int[] cores;
    private final PdCap root;

    private Kernel(Consumer<String> log) {
        this.log = log;
        this.cores = Affinity.processCores();
        this.root = Pd.createRoot(this);
    }

    /** Boots a kernel that logs to standard error. */
    public static Kernel boot() {
        return boot(System.err::println);
    }

    /** Boots a kernel whose one-line log records go to {@code log}. */
    public static Kernel boot(Consumer<String> log) {
        return new Kernel(Objects.requireNonNull(log));
    }

    /** A capability with every right to the root protection domain. */
    public PdCap root() {
        return root;
    }

    /** Host CPU ids the JVM may run on (its cpuset): the valid scheduling-context placements. */
    public int[] hostCores() {
        return cores.clone();
    }

    /** True if {@code core} is a host CPU the JVM may run on. */
    public boolean hasCore(int core) {
        return java.util.Arrays.binarySearch(cores, core) >= 0;
    }

    /** The host core {@code n} places after {@code core} in the cpuset, wrapping around. */
    int coreAfter(int core, int n) {
        int i = java.util.Arrays.binarySearch(cores, core);
        return cores[(Math.max(i, 0) + n) % cores.length];
    }

    /** Writes one log record; newlines are folded so a record is always one line. */
    void log(String line) {
        log.accept("tvmm.kernel: " + line.replace('\n', ' ').replace('\r', ' '));
    }

    /** "Type: message at Frame" in one line: how a contained fault is described. */
    static String describe(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        String where = st.length > 0 ? " at " + st[0] : "";
        return t.getClass().getName() + (t.getMessage() != null ? ": " + t.getMessage() : "") + where;
    }
}
