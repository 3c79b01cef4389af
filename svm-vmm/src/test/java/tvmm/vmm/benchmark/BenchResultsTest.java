package tvmm.vmm.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics, ratios, checksum validation, the table, the JSON document and the chart of one session. */
class BenchResultsTest {
    private static Outcome ms(double v) {
        return Outcome.ok(v, "ms", Map.of());
    }

    /** tvmm timed out every run; qemu and native measured; native cannot boot. */
    private static BenchResults session() {
        BenchResults r = new BenchResults(List.of("boot", "compute", "vmmcall"), List.of("tvmm", "qemu", "native"));
        for (int run = 0; run < 3; run++) {
            Map<String, Outcome> tvmm = new LinkedHashMap<>();
            tvmm.put("boot", Outcome.failed("timeout: not booted to the ready line within 40 s"));
            tvmm.put("compute", Outcome.failed("timeout: not booted to the ready line within 40 s"));
            // vmmcall missing from the map: counted as failed, not as zero
            r.record("tvmm", tvmm);
            r.record("qemu", Map.of("boot", ms(5000 + run * 100), "compute",
                    Outcome.ok(80 + run, "ms", Map.of("checksum", run == 2 ? "0xdead" : "0x7329")),
                    "vmmcall", Outcome.unsupported("vmmcall-faults")));
            r.record("native", Map.of("boot", Outcome.unsupported("no boot on the host"), "compute",
                    Outcome.ok(8 + run, "ms", Map.of("checksum", "0x7329")), "vmmcall", Outcome.ok(30000, "cycles", Map.of())));
        }
        return r;
    }

    @Test
    void failedRunsHaveNoMedianAndNoRatio() {
        BenchResults r = session();
        BenchResults.Cell t = r.cell("compute", "tvmm");
        assertFalse(t.measured());
        assertEquals(3, t.failed());
        assertTrue(t.failure().startsWith("timeout"));
        assertFalse(r.cell("vmmcall", "tvmm").measured());
        assertEquals("no outcome reported", r.cell("vmmcall", "tvmm").failure());
        assertTrue(r.ratioToReference("compute", "qemu").isEmpty());
        assertEquals(5100.0, r.cell("boot", "qemu").stats().median());
        assertTrue(r.cell("boot", "native").unsupported());
    }

    @Test
    void aChecksumThatDiffersFromTheHostsFailsThatRun() {
        BenchResults.Cell q = session().cell("compute", "qemu");
        assertEquals(1, q.failed());
        assertTrue(q.failure().contains("0xdead differs from the host's 0x7329"), q.failure());
        assertEquals(new Stats(2, 80, 80.5, 81), q.stats());
    }

    @Test
    void ratioIsTheSystemsMedianOverTvmms() {
        BenchResults r = new BenchResults(List.of("syscall"), List.of("tvmm", "native"));
        r.record("tvmm", Map.of("syscall", ms(40)));
        r.record("native", Map.of("syscall", ms(10)));
        r.record("tvmm", Map.of("syscall", ms(20)));
        r.record("native", Map.of("syscall", ms(5)));
        assertEquals(0.25, r.ratioToReference("syscall", "native").orElseThrow(), 1e-12);
        assertEquals(1.0, r.ratioToReference("syscall", "tvmm").orElseThrow(), 1e-12);
        assertTrue(BenchReport.table(r).contains("0.250×"), BenchReport.table(r));
    }

    @Test
    void tableMarksFailuresAndUnsupportedRunsInWords() {
        String table = BenchReport.table(session());
        String computeRow = table.lines().filter(l -> l.startsWith("compute")).findFirst().orElseThrow();
        assertTrue(computeRow.contains("FAILED"), table);
        assertTrue(computeRow.contains("80.5 [80.0..81.0] (1/3 failed)"), table);
        String bootRow = table.lines().filter(l -> l.startsWith("boot")).findFirst().orElseThrow();
        assertTrue(bootRow.contains("n/a"), table);
        assertTrue(table.contains("tvmm: timeout: not booted to the ready line within 40 s [boot, compute]"), table);
        assertTrue(table.contains("tvmm: no outcome reported [vmmcall]"), table);
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonHoldsRunsMedianAndRatioForEachBenchmarkAndSystem() {
        BenchResults r = session();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("quick", true);
        meta.put("runs", 3);
        meta.put("note", "a \"quoted\"\nline");
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(BenchJson.write(r, meta));
        assertEquals(true, doc.get("quick"));
        assertEquals(3.0, doc.get("runs"));
        assertEquals("a \"quoted\"\nline", doc.get("note"));
        assertEquals(List.of("tvmm", "qemu", "native"), doc.get("systems"));
        Map<String, Object> benchmarks = (Map<String, Object>) doc.get("benchmarks");
        assertEquals(List.of("boot", "compute", "vmmcall"), List.copyOf(benchmarks.keySet()));
        for (String b : benchmarks.keySet()) {
            Map<String, Object> systems = (Map<String, Object>) ((Map<String, Object>) benchmarks.get(b)).get("systems");
            for (String s : List.of("tvmm", "qemu", "native")) {
                Map<String, Object> cell = (Map<String, Object>) systems.get(s);
                assertEquals(3, ((List<Object>) cell.get("runs")).size(), b + "/" + s);
                assertTrue(cell.containsKey("median") && cell.containsKey("ratio_to_tvmm"), b + "/" + s);
            }
        }
        Map<String, Object> compute = (Map<String, Object>) ((Map<String, Object>) benchmarks.get("compute")).get("systems");
        Map<String, Object> tvmm = (Map<String, Object>) compute.get("tvmm");
        assertEquals("failed", tvmm.get("status"));
        assertNull(tvmm.get("median"));
        for (Object run : (List<Object>) tvmm.get("runs")) {
            assertEquals("failed", ((Map<String, Object>) run).get("status"));
            assertFalse(((Map<String, Object>) run).containsKey("value"));
        }
        Map<String, Object> nat = (Map<String, Object>) compute.get("native");
        assertEquals(9.0, nat.get("median"));
        assertNull(nat.get("ratio_to_tvmm"));
        assertEquals("0x7329", ((Map<String, Object>) ((List<Object>) nat.get("runs")).get(0)).get("checksum"));
        assertEquals("partial", ((Map<String, Object>) compute.get("qemu")).get("status"));
    }

    @Test
    void jsonNumbersAreValid() {
        for (double v : new double[] {0, 1, 100, 85.2134, 1e-7, 123456789.0, 0.5}) {
            assertEquals(v, (Double) MiniJson.parse(BenchJson.num(v)), Math.abs(v) * 1e-5, BenchJson.num(v));
        }
        assertEquals("null", BenchJson.num(Double.NaN));
    }

    @Test
    void plotsAPng(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("out.png");
        BenchChart.write(session(), "test", png);
        byte[] b = Files.readAllBytes(png);
        assertTrue(b.length > 1000);
        assertEquals(0x89, b[0] & 0xff);
        assertEquals('P', b[1]);
        assertEquals('N', b[2]);
    }
}
