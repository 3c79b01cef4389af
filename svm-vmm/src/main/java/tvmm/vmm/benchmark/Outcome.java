package tvmm.vmm.benchmark;

import java.util.Map;

/**
 * What one run of one benchmark on one system gave: a value, "unsupported" (the system
 * cannot run it, e.g. VMMCALL on a host without a hypervisor: shown as n/a), or a
 * failure with its reason. A failure never carries a number.
 */
public record Outcome(Kind kind, double value, String unit, String reason, Map<String, String> extras) {
    public enum Kind { OK, UNSUPPORTED, FAILED }

    public static Outcome ok(double value, String unit, Map<String, String> extras) {
        return new Outcome(Kind.OK, value, unit, "", Map.copyOf(extras));
    }

    public static Outcome unsupported(String reason) {
        return new Outcome(Kind.UNSUPPORTED, Double.NaN, "", reason, Map.of());
    }

    public static Outcome failed(String reason) {
        return new Outcome(Kind.FAILED, Double.NaN, "", reason, Map.of());
    }

    /** The outcome a result line stands for. */
    public static Outcome of(ResultLine r) {
        if (r.ok()) {
            return ok(r.value(), r.unit(), r.extras());
        }
        return r.unsupported() ? unsupported(r.reason()) : failed(r.reason());
    }

    public boolean ok() {
        return kind == Kind.OK;
    }
}
