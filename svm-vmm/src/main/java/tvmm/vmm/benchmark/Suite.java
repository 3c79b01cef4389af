package tvmm.vmm.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tvmm.images.bench.BenchPrograms;
import tvmm.vmm.svm.Placement;

/**
 * What to run: the benchmarks (names of /bench programs), their size, and the machine
 * shape the guests get. {@link #BOOT} (wall time from starting the emulator to the
 * guest's ready line) is measured on every guest boot.
 */
public record Suite(List<String> benchmarks, boolean quick, int smp, String placement, int memoryMiB,
        Duration bootTimeout, Duration benchTimeout) {
    public static final String BOOT = "boot";

    public Suite {
        benchmarks = List.copyOf(benchmarks);
        for (String b : benchmarks) {
            if (!BenchPrograms.ALL.contains(b)) {
                throw new IllegalArgumentException("unknown benchmark " + b + " (known: " + String.join(", ", BenchPrograms.ALL) + ")");
            }
        }
        if (placement != null) {
            placement = Placement.parse(placement).label(); // fails early, before any boot
        }
    }

    /** Every row of the report: boot first, then the programs. */
    public List<String> rows() {
        List<String> r = new ArrayList<>();
        r.add(BOOT);
        r.addAll(benchmarks);
        return r;
    }

    /** The size argument the programs take on the host. */
    String sizeArgument() {
        return quick ? "quick" : "full";
    }

    /** The kernel command line's additions for a guest running this suite. */
    String guestParameters() {
        return "tvmm.bench=" + String.join(",", benchmarks) + (quick ? " " + tvmm.images.bench.BenchGuest.QUICK_PARAMETER : "");
    }
}
