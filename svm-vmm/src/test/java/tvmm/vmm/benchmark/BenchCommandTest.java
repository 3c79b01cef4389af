package tvmm.vmm.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import tvmm.vmm.cli.Main;

/** {@code tvmm bench}'s argument checks: wrong usage is status 2 and one line, before anything is built or booted. */
class BenchCommandTest {
    private static int run(ByteArrayOutputStream err, String... args) {
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true));
        try {
            return Main.execute(args);
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void unknownComparisonIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "bench", "--compare", "kvm"));
        assertTrue(err.toString().contains("--compare kvm: use qemu, native or qemu,native"), err.toString());
    }

    @Test
    void unknownBenchmarkIsAUsageErrorNamingTheKnownOnes() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "bench", "--benchmarks", "compute,coremark"));
        assertTrue(err.toString().contains("unknown benchmark coremark (known: vmmcall, syscall"), err.toString());
    }

    @Test
    void zeroRunsIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "bench", "--runs", "0"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void unknownPlacementIsAUsageErrorBeforeAnyBoot() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "bench", "--placement", "spread"));
        assertEquals("tvmm bench: --placement spread: use pinned, free or gang", err.toString().strip());
    }
}
