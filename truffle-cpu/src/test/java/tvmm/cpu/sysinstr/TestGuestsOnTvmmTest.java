package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the assembly test guests (guest-images, assembled here with nasm from the same
 * sources) on tvmm's CPU in {@link GuestMachine}. Passing means what it means under QEMU:
 * exit status 1 and PASS as the last console line (or, for "triple", a shutdown).
 * "shadows" runs its MOV SS / POP SS single-step half here; its STI half needs a local APIC,
 * which this machine lacks (the guest notices and says so).
 */
class TestGuestsOnTvmmTest {
    static final Path SOURCES = Path.of("../guest-images/src/main/resources/tvmm/images/testguests");

    static byte[] assemble(String name, Path out) throws IOException, InterruptedException {
        Path bin = out.resolve(name + ".bin");
        Process p = new ProcessBuilder("nasm", "-f", "bin", "-I", SOURCES.toAbsolutePath() + "/", "-o", bin.toString(),
                SOURCES.resolve(name + ".asm").toString()).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor() == 0, "nasm: " + msg);
        return Files.readAllBytes(bin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"modes", "paging", "faults", "rings", "iobitmap", "descriptors", "shadows", "smc", "triple"})
    void guestPasses(String name, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SOURCES), "guest sources not found from " + Path.of("").toAbsolutePath());
        byte[] image = assemble(name, tmp);
        try (GuestMachine m = new GuestMachine()) {
            m.load(image).run(20_000);
            String out = m.console.toString().strip();
            String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
            String report = name + ": " + m.stopReason + ", status " + m.exitStatus + "\n" + out;
            if (name.equals("triple")) {
                assertTrue(m.shutdown && !out.contains("FAIL"), report);
            } else {
                assertTrue(m.exitStatus == 1 && last.equals("PASS"), report);
            }
        }
    }
}
