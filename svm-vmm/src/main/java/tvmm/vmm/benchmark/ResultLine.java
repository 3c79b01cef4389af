package tvmm.vmm.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One result line of a guest benchmark program (guest-images, {@code bench.h}):
 * {@code tvmm-bench name=NAME unit=UNIT value=V iterations=N [key=value ...]}, or
 * {@code tvmm-bench name=NAME status=unsupported|failed reason=WORD}. The serial console
 * may put a carriage return or kernel messages around it; anything not of this shape is
 * not a result (a garbled line never becomes a number).
 */
public record ResultLine(String name, String unit, double value, long iterations, String status, String reason,
        Map<String, String> extras) {
    static final String PREFIX = "tvmm-bench name=";

    public boolean ok() {
        return status.equals("ok");
    }

    public boolean unsupported() {
        return status.equals("unsupported");
    }

    /** The result in {@code line}, if it holds one that is complete and well formed. */
    public static Optional<ResultLine> parse(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : line.substring(at + "tvmm-bench ".length()).strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1 || fields.containsKey(token.substring(0, eq))) {
                return Optional.empty();
            }
            fields.put(token.substring(0, eq), token.substring(eq + 1));
        }
        String name = fields.remove("name");
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        String status = fields.remove("status");
        if (status != null) {
            String reason = fields.remove("reason");
            if (!(status.equals("unsupported") || status.equals("failed")) || reason == null) {
                return Optional.empty();
            }
            return Optional.of(new ResultLine(name, "", Double.NaN, 0, status, reason, Map.copyOf(fields)));
        }
        String unit = fields.remove("unit");
        String value = fields.remove("value");
        String iterations = fields.remove("iterations");
        if (unit == null || value == null || iterations == null) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(value);
            long n = Long.parseLong(iterations);
            if (!Double.isFinite(v) || v < 0 || n <= 0 || value.matches(".*[a-zA-Z].*")) {
                return Optional.empty();
            }
            return Optional.of(new ResultLine(name, unit, v, n, "ok", "", Map.copyOf(fields)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
