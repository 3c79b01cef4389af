package tvmm.cpu.fpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The host CPU as oracle: compiles src/test/resources/tvmm/cpu/fpu/fpu-oracle.c with gcc into
 * target/fpu-oracle once per JVM and runs batches of requests through it (see the C file for
 * the line protocol). Tests are skipped when gcc is missing or the host is not x86-64.
 */
public final class HostOracle {
    private static Path binary;
    private static String failure;

    private HostOracle() {
    }

    private static synchronized Path binary() {
        if (binary != null || failure != null) {
            return binary;
        }
        try {
            String arch = System.getProperty("os.arch");
            if (!"amd64".equals(arch) && !"x86_64".equals(arch)) {
                failure = "host is not x86-64";
                return null;
            }
            Path dir = Path.of("target", "fpu-oracle");
            Files.createDirectories(dir);
            Path src = dir.resolve("fpu-oracle.c");
            try (InputStream in = HostOracle.class.getResourceAsStream("/tvmm/cpu/fpu/fpu-oracle.c")) {
                Files.write(src, in.readAllBytes());
            }
            Path exe = dir.resolve("fpu-oracle");
            Process p = new ProcessBuilder("gcc", "-O1", "-msse4.2", "-o", exe.toString(), src.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                failure = "gcc failed: " + out;
                return null;
            }
            binary = exe;
        } catch (IOException | InterruptedException e) {
            failure = "no gcc: " + e.getMessage();
        }
        return binary;
    }

    /** Runs the requests (one per element) and returns one reply line each; skips the test without gcc. */
    public static List<String> run(List<String> requests) {
        Path exe = binary();
        Assumptions.assumeTrue(exe != null, () -> "host oracle unavailable: " + failure);
        try {
            Path in = Files.createTempFile(exe.getParent(), "req", ".txt");
            Files.write(in, requests);
            Process p = new ProcessBuilder(exe.toAbsolutePath().toString()).redirectInput(in.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            Files.delete(in);
            List<String> lines = new ArrayList<>(List.of(out.split("\n")));
            if (lines.size() != requests.size()) {
                throw new AssertionError("oracle returned " + lines.size() + " lines for " + requests.size());
            }
            return lines;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Parses the hex fields of one reply. */
    public static long[] fields(String line) {
        String[] t = line.trim().split(" ");
        long[] v = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Long.parseUnsignedLong(t[i], 16);
        }
        return v;
    }
}
