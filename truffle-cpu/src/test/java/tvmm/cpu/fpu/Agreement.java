package tvmm.cpu.fpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts agreement with the oracle per family and keeps the first mismatches for the report. */
public final class Agreement {
    private final String suite;
    private final Map<String, int[]> counts = new TreeMap<>();
    private final List<String> firstMismatches = new ArrayList<>();

    public Agreement(String suite) {
        this.suite = suite;
    }

    public void record(String family, boolean ok, String detail) {
        int[] c = counts.computeIfAbsent(family, k -> new int[2]);
        c[0]++;
        if (!ok) {
            c[1]++;
            if (c[1] <= 6) {
                firstMismatches.add(family + ": " + detail);
            }
        }
    }

    public int mismatches(String family) {
        int[] c = counts.get(family);
        return c == null ? 0 : c[1];
    }

    public int totalMismatches() {
        return counts.values().stream().mapToInt(c -> c[1]).sum();
    }

    /** Prints "suite family agree/total" lines and the first mismatches; returns the summary. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        counts.forEach((f, c) -> sb.append(String.format("[%s] %-12s %7d/%-7d agree%n", suite, f, c[0] - c[1], c[0])));
        for (String m : firstMismatches) {
            sb.append("  mismatch ").append(m).append('\n');
        }
        System.out.print(sb);
        return sb.toString();
    }
}
