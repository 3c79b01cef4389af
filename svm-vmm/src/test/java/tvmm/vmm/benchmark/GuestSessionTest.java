package tvmm.vmm.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console protocol of the guest's /init, played by a shell script standing in for the
 * emulator: what is read, what times out, what exits early.
 */
class GuestSessionTest {
    private static Suite suite(int bootSeconds, int benchSeconds, String... names) {
        return new Suite(List.of(names), true, 1, null, 512, Duration.ofSeconds(bootSeconds), Duration.ofSeconds(benchSeconds));
    }

    private static Map<String, Outcome> play(Suite suite, String script) throws InterruptedException {
        return new GuestSession("fake", List.of("/bin/sh", "-c", script)).run(suite);
    }

    @Test
    void readsResultLinesBetweenStartAndEnd() throws Exception {
        Map<String, Outcome> o = play(suite(10, 10, "compute", "vmmcall", "memcpy", "gzip"), """
                echo 'booting'
                printf 'tvmm-guest: ready (uptime 1.20 s)\\r\\n'
                echo 'tvmm-bench: start compute'
                echo 'tvmm-bench name=compute unit=ms value=85.5 iterations=500 checksum=0x7329'
                echo 'tvmm-bench: end compute status=0 uptime-start=1 uptime-end=2'
                echo 'tvmm-bench: start vmmcall'
                echo 'tvmm-bench name=vmmcall status=unsupported reason=vmmcall-faults'
                echo 'tvmm-bench: end vmmcall status=0 uptime-start=2 uptime-end=2'
                echo 'tvmm-bench: start memcpy'
                echo 'tvmm-bench name=memcpy unit=ms value=3 iterations=10'
                echo 'tvmm-bench: end memcpy status=1 uptime-start=2 uptime-end=3'
                echo 'tvmm-bench: missing gzip'
                echo 'tvmm-bench: done'
                sleep 20
                """);
        assertTrue(o.get("boot").ok());
        assertEquals("1.20", o.get("boot").extras().get("guest_uptime_s"));
        assertEquals(Outcome.ok(85.5, "ms", Map.of("checksum", "0x7329")), o.get("compute"));
        assertEquals(Outcome.Kind.UNSUPPORTED, o.get("vmmcall").kind());
        assertEquals(Outcome.failed("exit status 1"), o.get("memcpy"));
        assertEquals(Outcome.failed("not in the guest's /bench"), o.get("gzip"));
    }

    /** tvmm today: the guest never reaches its ready line. Every row fails with the reason, and quickly. */
    @Test
    void aGuestThatNeverBootsTimesOutAndEveryRowFails() throws Exception {
        long t0 = System.nanoTime();
        Map<String, Outcome> o = play(suite(1, 10, "compute", "syscall"), "echo 'tvmm: loading kernel'; sleep 30");
        assertTrue(System.nanoTime() - t0 < 8_000_000_000L, "the timeout did not end the run");
        for (String row : List.of("boot", "compute", "syscall")) {
            assertEquals(Outcome.Kind.FAILED, o.get(row).kind(), row);
            assertTrue(o.get(row).reason().startsWith("timeout: not booted to the ready line within 1 s"), o.get(row).reason());
            assertTrue(o.get(row).reason().contains("tvmm: loading kernel"), o.get(row).reason());
        }
    }

    @Test
    void anEmulatorThatDiesReportsItsLastLine() throws Exception {
        Map<String, Outcome> o = play(suite(10, 10, "compute"), "echo 'tvmm: triple fault at rip=0x1000' >&2; exit 3");
        assertTrue(o.get("compute").reason().startsWith("exited before the ready line"), o.get("compute").reason());
        assertTrue(o.get("boot").reason().contains("triple fault"), o.get("boot").reason());
    }

    @Test
    void aBenchmarkThatHangsTimesOutAloneAfterABoot() throws Exception {
        Map<String, Outcome> o = play(suite(10, 1, "compute", "syscall"), """
                echo 'tvmm-guest: ready (uptime 1.20 s)'
                echo 'tvmm-bench: start compute'
                sleep 30
                """);
        assertTrue(o.get("boot").ok());
        assertEquals("timeout: compute did not finish within 1 s", o.get("compute").reason());
        assertEquals(Outcome.Kind.FAILED, o.get("syscall").kind());
    }

    @Test
    void aMissingEmulatorIsAFailureNotAnException() throws Exception {
        Map<String, Outcome> o = new GuestSession("x", List.of("/nonexistent/qemu")).run(suite(1, 1, "compute"));
        assertTrue(o.get("compute").reason().startsWith("cannot start /nonexistent/qemu"));
    }
}
