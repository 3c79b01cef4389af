package tvmm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.vmm.cli.Main;

/** The command line's contract with the user: clear output, one-line errors, exit codes. */
class LauncherTest {

    /** Output of one in-process run of the command line. */
    record Run(int status, String out, String err) { }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void infoReportsTheOptimizingRuntime() {
        Run r = run("info");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Truffle runtime: GraalVM CE"), r.out());
        assertTrue(r.out().contains("cores"), r.out());
        // Every advertised feature is one the CPUID model marks implemented; long mode is one.
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("guest features:") && l.contains(" lm")), r.out());
    }

    @Test
    void unknownFlagIsOneLineAndUsageStatus() {
        Run r = run("--bogus-flag");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--bogus-flag"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void everyVerbHasHelp() {
        for (String verb : new String[] {"info", "run", "image", "bench", "difftest", "disasm"}) {
            Run r = run(verb, "--help");
            assertEquals(0, r.status(), verb + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: tvmm " + verb), verb + ": " + r.out());
        }
    }

    @Test
    void launcherRejectsABadJavaHomeInOneLine() throws IOException, InterruptedException {
        Path launcher = Path.of("..", "tvmm").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(launcher), "launcher missing at " + launcher);
        var pb = new ProcessBuilder("bash", launcher.toString(), "info");
        pb.environment().put("JAVA_HOME", "/nonexistent");
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher hung");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, p.exitValue());
        assertEquals("", out);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("JAVA_HOME=/nonexistent"), err);
    }
}
