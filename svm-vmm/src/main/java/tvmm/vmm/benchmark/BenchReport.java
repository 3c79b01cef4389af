package tvmm.vmm.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text table of {@code tvmm bench}: per benchmark and system the median with min and
 * max of the successful runs, "FAILED" with the reason when no run succeeded, "n/a" when
 * the system cannot run it, and each other system's median as a multiple of tvmm's.
 */
public final class BenchReport {
    private BenchReport() {
    }

    public static String table(BenchResults results) {
        List<String> header = new ArrayList<>(List.of("benchmark", "unit"));
        for (String s : results.systems()) {
            header.add(s + " median [min..max]");
            if (!s.equals(BenchResults.REFERENCE) && results.systems().contains(BenchResults.REFERENCE)) {
                header.add(s + "/tvmm");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        // Failure reasons, grouped: a guest that never boots fails every row for one reason.
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (String r : results.rows()) {
            List<String> line = new ArrayList<>(List.of(r, results.unit(r)));
            for (String s : results.systems()) {
                BenchResults.Cell c = results.cell(r, s);
                line.add(cellText(c));
                if (c.failed() > 0) {
                    notes.computeIfAbsent(s + ": " + c.failure(), k -> new ArrayList<>()).add(r);
                }
                if (!s.equals(BenchResults.REFERENCE) && results.systems().contains(BenchResults.REFERENCE)) {
                    Optional<Double> ratio = results.ratioToReference(r, s);
                    line.add(ratio.map(x -> String.format(Locale.ROOT, "%.3g×", x)).orElse("-"));
                }
            }
            rows.add(line);
        }
        StringBuilder sb = new StringBuilder();
        int[] width = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String f = i < 2 ? "%-" + width[i] + "s" : "%" + width[i] + "s";
                sb.append(String.format(Locale.ROOT, f, row.get(i))).append(i + 1 < row.size() ? "  " : "\n");
            }
        }
        if (!notes.isEmpty()) {
            sb.append("failures:\n");
            for (Map.Entry<String, List<String>> n : notes.entrySet()) {
                String which = n.getValue().size() == results.rows().size() ? "all" : String.join(", ", n.getValue());
                sb.append("  ").append(n.getKey()).append(" [").append(which).append("]\n");
            }
        }
        return sb.toString();
    }

    static String cellText(BenchResults.Cell c) {
        if (c.unsupported()) {
            return "n/a";
        }
        if (!c.measured()) {
            return "FAILED";
        }
        Stats s = c.stats();
        String text = String.format(Locale.ROOT, "%s [%s..%s]", num(s.median()), num(s.min()), num(s.max()));
        return c.failed() > 0 ? text + " (" + c.failed() + "/" + c.runs().size() + " failed)" : text;
    }

    static String num(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }
}
