package tvmm.vmm.benchmark;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tvmm bench --json FILE}: for each benchmark and system the runs (each a value or
 * a failure with its reason), min/median/max of the successful runs, and the ratio of the
 * system's median to tvmm's (null where either has none). Failed runs never carry a value.
 */
public final class BenchJson {
    private BenchJson() {
    }

    /** The document; {@code meta} (string, number or boolean values) goes in at the top. */
    public static String write(BenchResults results, Map<String, Object> meta) {
        StringBuilder sb = new StringBuilder("{\n");
        for (Map.Entry<String, Object> m : meta.entrySet()) {
            sb.append("  ").append(str(m.getKey())).append(": ").append(value(m.getValue())).append(",\n");
        }
        sb.append("  \"systems\": [");
        for (int i = 0; i < results.systems().size(); i++) {
            sb.append(i > 0 ? ", " : "").append(str(results.systems().get(i)));
        }
        sb.append("],\n  \"ratio_to_tvmm\": ")
                .append(str("median of the system / median of tvmm; every unit is lower-is-better")).append(",\n");
        sb.append("  \"benchmarks\": {\n");
        int r = 0;
        for (String row : results.rows()) {
            sb.append("    ").append(str(row)).append(": {\"unit\": ").append(str(results.unit(row))).append(", \"systems\": {\n");
            int s = 0;
            for (String system : results.systems()) {
                BenchResults.Cell c = results.cell(row, system);
                sb.append("      ").append(str(system)).append(": {\"status\": ")
                        .append(str(c.unsupported() ? "unsupported" : c.measured() ? (c.failed() > 0 ? "partial" : "ok") : "failed"))
                        .append(", \"runs\": [");
                for (int i = 0; i < c.runs().size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(run(c.runs().get(i)));
                }
                sb.append("], \"min\": ").append(c.measured() ? num(c.stats().min()) : "null");
                sb.append(", \"median\": ").append(c.measured() ? num(c.stats().median()) : "null");
                sb.append(", \"max\": ").append(c.measured() ? num(c.stats().max()) : "null");
                sb.append(", \"failed\": ").append(c.failed());
                Optional<Double> ratio = results.ratioToReference(row, system);
                sb.append(", \"ratio_to_tvmm\": ").append(ratio.map(BenchJson::num).orElse("null"));
                sb.append("}").append(++s < results.systems().size() ? "," : "").append("\n");
            }
            sb.append("    }}").append(++r < results.rows().size() ? "," : "").append("\n");
        }
        sb.append("  }\n}\n");
        return sb.toString();
    }

    private static String run(Outcome o) {
        StringBuilder sb = new StringBuilder("{\"status\": ");
        switch (o.kind()) {
            case OK -> {
                sb.append(str("ok")).append(", \"value\": ").append(num(o.value()));
                for (Map.Entry<String, String> e : o.extras().entrySet()) {
                    sb.append(", ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
                }
            }
            case FAILED -> sb.append(str("failed")).append(", \"reason\": ").append(str(o.reason()));
            case UNSUPPORTED -> sb.append(str("unsupported")).append(", \"reason\": ").append(str(o.reason()));
        }
        return sb.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number n) {
            return n instanceof Double || n instanceof Float ? num(n.doubleValue()) : n.toString();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        return str(v.toString());
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
