package tvmm.vmm.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.images.bench.BenchPrograms;

/**
 * End to end on the host: the real compiled programs at the quick size, next to a "tvmm"
 * that never boots (the failure path), through the harness, the table and the JSON.
 */
class NativeSystemTest {
    @Test
    void hostRunsMeasureAndANonBootingGuestIsReportedFailed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc not installed");
        BenchPrograms programs = BenchPrograms.ensure();
        Suite suite = new Suite(List.of("compute", "syscall"), true, 1, null, 512, Duration.ofSeconds(1), Duration.ofSeconds(30));
        BenchSystem neverBoots = new GuestSystem("tvmm", s -> List.of("/bin/sh", "-c", "sleep 20"));
        BenchSystem host = new NativeSystem(programs.directory(), programs.directory());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchResults r = BenchHarness.run(List.of(neverBoots, host), suite, 2, new PrintStream(log, true));
        for (String b : List.of("compute", "syscall")) {
            BenchResults.Cell c = r.cell(b, "native");
            assertTrue(c.measured() && c.failed() == 0, b + ": " + c.failure());
            assertEquals("ms", c.unit());
            assertTrue(c.stats().min() > 0);
            assertFalse(r.cell(b, "tvmm").measured());
        }
        assertTrue(r.runs("compute", "native").get(0).extras().get("checksum").matches("0x[0-9a-f]{4}"));
        assertTrue(r.cell("boot", "native").unsupported());
        // interleaved: tvmm, native, tvmm, native
        List<String> lines = log.toString().lines().toList();
        assertEquals(4, lines.size(), log.toString());
        assertTrue(lines.get(0).contains("tvmm run 1/2") && lines.get(1).contains("native run 1/2")
                && lines.get(2).contains("tvmm run 2/2"), log.toString());
        String table = BenchReport.table(r);
        assertTrue(table.lines().filter(l -> l.startsWith("compute")).findFirst().orElseThrow().contains("FAILED"), table);
    }
}
