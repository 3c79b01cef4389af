package tvmm.vmm.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every outcome of a benchmark session, by benchmark and system in run order, and what
 * follows from them: per cell the runs, min/median/max of the successful ones, and the
 * ratio of each system's median to tvmm's. A cell whose runs all failed has no median.
 */
public final class BenchResults {
    /** The system the ratios are taken against. */
    public static final String REFERENCE = "tvmm";

    private final List<String> rows;
    private final List<String> systems;
    private final Map<String, Map<String, List<Outcome>>> runs = new LinkedHashMap<>();

    public BenchResults(List<String> rows, List<String> systems) {
        this.rows = List.copyOf(rows);
        this.systems = List.copyOf(systems);
        for (String r : rows) {
            Map<String, List<Outcome>> bySystem = new LinkedHashMap<>();
            for (String s : systems) {
                bySystem.put(s, new ArrayList<>());
            }
            runs.put(r, bySystem);
        }
    }

    public List<String> rows() {
        return rows;
    }

    public List<String> systems() {
        return systems;
    }

    /** Adds one run of {@code system}; a row it did not report counts as failed. */
    public void record(String system, Map<String, Outcome> outcomes) {
        for (String r : rows) {
            Outcome o = outcomes.getOrDefault(r, Outcome.failed("no outcome reported"));
            runs.get(r).get(system).add(o);
        }
    }

    /** The runs of one cell, each checked against the host's checksum where the program prints one. */
    public List<Outcome> runs(String row, String system) {
        List<Outcome> list = runs.get(row).get(system);
        Optional<String> reference = referenceChecksum(row);
        if (reference.isEmpty()) {
            return List.copyOf(list);
        }
        List<Outcome> checked = new ArrayList<>();
        for (Outcome o : list) {
            String c = o.extras().get("checksum");
            // The host CPU running the same binary is the oracle (DESIGN.md §10).
            checked.add(o.ok() && c != null && !c.equals(reference.get())
                    ? Outcome.failed("checksum " + c + " differs from the host's " + reference.get()) : o);
        }
        return checked;
    }

    private Optional<String> referenceChecksum(String row) {
        List<Outcome> host = runs.get(row).get("native");
        if (host == null) {
            return Optional.empty();
        }
        return host.stream().filter(Outcome::ok).map(o -> o.extras().get("checksum")).filter(c -> c != null).findFirst();
    }

    /** One cell of the report. */
    public record Cell(List<Outcome> runs, Stats stats, String unit, int failed, boolean unsupported, String failure) {
        /** Has a median: at least one run succeeded. */
        public boolean measured() {
            return stats != null;
        }
    }

    public Cell cell(String row, String system) {
        List<Outcome> list = runs(row, system);
        List<Double> values = new ArrayList<>();
        LinkedHashSet<String> reasons = new LinkedHashSet<>();
        String unit = "";
        int failed = 0;
        int unsupported = 0;
        for (Outcome o : list) {
            switch (o.kind()) {
                case OK -> {
                    values.add(o.value());
                    unit = o.unit();
                }
                case FAILED -> {
                    failed++;
                    reasons.add(o.reason());
                }
                case UNSUPPORTED -> unsupported++;
            }
        }
        Stats stats = values.isEmpty() ? null : Stats.of(values);
        return new Cell(list, stats, unit, failed, !list.isEmpty() && unsupported == list.size(),
                reasons.isEmpty() ? "" : String.join("; ", reasons));
    }

    /** This system's median over tvmm's, when both have one. */
    public Optional<Double> ratioToReference(String row, String system) {
        if (!systems.contains(REFERENCE)) {
            return Optional.empty();
        }
        Cell ref = cell(row, REFERENCE);
        Cell c = cell(row, system);
        if (!ref.measured() || !c.measured() || ref.stats().median() == 0 || !ref.unit().equals(c.unit())) {
            return Optional.empty();
        }
        return Optional.of(c.stats().median() / ref.stats().median());
    }

    /** The unit of a row, from whichever system measured it. */
    public String unit(String row) {
        for (String s : systems) {
            Cell c = cell(row, s);
            if (c.measured()) {
                return c.unit();
            }
        }
        return "";
    }
}
