package tvmm.vmm.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a suite on several systems, interleaved: run 1 on every system, then run 2 on
 * every system, and so on (tvmm, qemu, native, tvmm, ...), so drift in the host's load
 * hits all alike (issue 07). Each system's run is one boot of its guest.
 */
public final class BenchHarness {
    private BenchHarness() {
    }

    public static BenchResults run(List<BenchSystem> systems, Suite suite, int runs, PrintStream err)
            throws InterruptedException {
        List<String> names = new ArrayList<>();
        systems.forEach(s -> names.add(s.name()));
        BenchResults results = new BenchResults(suite.rows(), names);
        try (BenchProgress progress = BenchProgress.start((long) runs * systems.size(), err)) {
            for (int i = 1; i <= runs; i++) {
                for (BenchSystem s : systems) {
                    String what = s.name() + " run " + i + "/" + runs;
                    progress.running(what);
                    long t0 = System.nanoTime();
                    Map<String, Outcome> outcomes = s.runOnce(suite);
                    results.record(s.name(), outcomes);
                    progress.finished(what, summary(outcomes, (System.nanoTime() - t0) / 1e9));
                }
            }
        }
        return results;
    }

    private static String summary(Map<String, Outcome> outcomes, double seconds) {
        long ok = outcomes.values().stream().filter(Outcome::ok).count();
        String firstFailure = outcomes.values().stream().filter(o -> o.kind() == Outcome.Kind.FAILED)
                .map(Outcome::reason).findFirst().map(r -> "; " + r).orElse("");
        return String.format(Locale.ROOT, "%d/%d measured in %.1f s%s", ok, outcomes.size(), seconds, firstFailure);
    }
}
