package tvmm.vmm.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The host: the same static binaries the guest runs, started directly, with the guest's
 * own busybox first on PATH for the busybox workloads. There is no boot (n/a).
 */
public final class NativeSystem implements BenchSystem {
    private final Path programs;
    private final Path busyboxDir;

    /**
     * @param programs the directory of the compiled benchmarks (guest-images' BenchPrograms)
     * @param busyboxDir a directory with busybox and its applet links, put first on PATH
     */
    public NativeSystem(Path programs, Path busyboxDir) {
        this.programs = programs;
        this.busyboxDir = busyboxDir;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public Map<String, Outcome> runOnce(Suite suite) throws InterruptedException {
        Map<String, Outcome> out = new LinkedHashMap<>();
        out.put(Suite.BOOT, Outcome.unsupported("no boot on the host"));
        for (String b : suite.benchmarks()) {
            out.put(b, runOne(b, suite));
        }
        return out;
    }

    private Outcome runOne(String name, Suite suite) throws InterruptedException {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("tvmm-bench-");
        } catch (IOException e) {
            return Outcome.failed("no temporary directory: " + e.getMessage());
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(programs.resolve(name).toString(), suite.sizeArgument()))
                .redirectErrorStream(true).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", busyboxDir + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("TVMM_BENCH_DIR", programs.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            deleteQuietly(tmp);
            return Outcome.failed("cannot start " + name + ": " + e.getMessage());
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        });
        try {
            if (!p.waitFor(suite.benchTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return Outcome.failed("timeout: did not finish within " + suite.benchTimeout().toSeconds() + " s");
            }
            String text = output.join();
            Optional<ResultLine> r = text.lines().map(ResultLine::parse).flatMap(Optional::stream)
                    .filter(l -> l.name().equals(name)).findFirst();
            if (r.isEmpty()) {
                return Outcome.failed("exit status " + p.exitValue() + ", no result line");
            }
            if (p.exitValue() != 0 && r.get().ok()) {
                return Outcome.failed("exit status " + p.exitValue());
            }
            return Outcome.of(r.get());
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A leftover temporary directory costs only disk space.
        }
    }
}
