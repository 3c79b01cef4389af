package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** A few lines of 32-bit guest code built with the test-guest library and run on {@link GuestMachine}. */
final class MiniGuest {
    private MiniGuest() {
    }

    /** Runs {@code body} as test_main (it must fall through to PASS); returns the console. */
    static String run(Path tmp, String body) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(TestGuestsOnTvmmTest.SOURCES));
        Path src = tmp.resolve("t.asm");
        Files.writeString(src, "%include \"lib/boot.inc\"\ntest_main:\n" + body + "\n    PASS\n%include \"lib/end.inc\"\n");
        Path bin = tmp.resolve("t.bin");
        Process p = new ProcessBuilder("nasm", "-f", "bin", "-I", TestGuestsOnTvmmTest.SOURCES.toAbsolutePath() + "/",
                "-o", bin.toString(), src.toString()).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), msg);
        try (GuestMachine m = new GuestMachine()) {
            m.load(Files.readAllBytes(bin)).run(20_000);
            assertEquals(1, m.exitStatus, m.stopReason + "\n" + m.console);
            return m.console.toString();
        }
    }
}
