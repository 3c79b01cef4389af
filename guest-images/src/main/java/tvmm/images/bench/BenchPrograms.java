package tvmm.images.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tvmm.images.linux.GuestCache;
import tvmm.images.linux.GuestImageException;

/**
 * tvmm's own guest benchmark programs (issue 07): C sources in this package's resources,
 * compiled on first use with {@code gcc -static -O2 -msse2} into
 * {@code CACHE/bench/HASH/}, where HASH covers every source, script and the compiler
 * flags, so an edit builds a new entry and the same binaries serve the guest (inside the
 * benchmark initramfs, see {@link BenchGuest}) and the host (tvmm bench --compare native).
 *
 * <p>Every benchmark prints one result line (see {@code bench.h}). Each takes an optional
 * size argument {@code quick} or {@code full}; without one (the guest's /init passes
 * none) {@code tvmm.quick} on the kernel command line selects the quick size.
 */
public final class BenchPrograms {
    /** Benchmarks written in C, in the order the suite runs them. */
    public static final List<String> C_PROGRAMS = List.of("vmmcall", "syscall", "pagefault", "forkbench", "hackbench",
            "rambench", "compute", "memcpy");
    /** busybox workloads: shell scripts that time a busybox applet with {@code .timeit}. */
    public static final List<String> SCRIPTS = List.of("shloop", "gzip", "md5sum");
    /** Every benchmark program under /bench, in suite order. */
    public static final List<String> ALL;
    static {
        List<String> all = new ArrayList<>(C_PROGRAMS);
        all.addAll(SCRIPTS);
        ALL = List.copyOf(all);
    }

    /** Helpers in /bench, hidden from {@code ls /bench} (tvmm.bench=all) by their leading dot. */
    static final String TIMEIT = ".timeit";
    static final String SIZE = ".size";
    private static final List<String> GCC_FLAGS = List.of("-static", "-O2", "-msse2", "-fno-strict-aliasing");
    private static final String COMPLETE = ".complete";

    private final Path dir;

    private BenchPrograms(Path dir) {
        this.dir = dir;
    }

    /** The directory holding every program and helper, as named in /bench. */
    public Path directory() {
        return dir;
    }

    /** The executable of benchmark {@code name} (one of {@link #ALL}). */
    public Path program(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("no benchmark program " + name);
        }
        return dir.resolve(name);
    }

    /** /bench's files: name (e.g. {@code compute}, {@code .timeit}) to path. */
    public Map<String, Path> files() {
        Map<String, Path> m = new LinkedHashMap<>();
        for (String n : ALL) {
            m.put(n, dir.resolve(n));
        }
        m.put(TIMEIT, dir.resolve(TIMEIT));
        m.put(SIZE, dir.resolve(SIZE));
        return m;
    }

    /** The programs, compiled now unless the cache has them for exactly these sources. */
    public static BenchPrograms ensure() throws GuestImageException {
        Path root = GuestCache.root().resolve("bench");
        String hash = sourceHash();
        Path dir = root.resolve(hash);
        if (Files.isRegularFile(dir.resolve(COMPLETE))) {
            return new BenchPrograms(dir);
        }
        try {
            Files.createDirectories(root);
            // Two tvmm processes starting at once must not compile into the same directory.
            try (FileChannel lockFile = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                if (!Files.isRegularFile(dir.resolve(COMPLETE))) {
                    build(root, dir);
                }
            }
        } catch (IOException e) {
            throw new GuestImageException("cannot build the benchmark programs in " + root + ": " + e.getMessage(), e);
        }
        return new BenchPrograms(dir);
    }

    private static void build(Path root, Path dir) throws IOException, GuestImageException {
        Path work = Files.createTempDirectory(root, ".work-");
        try {
            Files.write(work.resolve("bench.h"), resource("bench.h"));
            List<String> sources = new ArrayList<>(C_PROGRAMS);
            sources.add("timeit");
            for (String name : sources) {
                Path src = work.resolve(name + ".c");
                Files.write(src, resource(name + ".c"));
                String out = name.equals("timeit") ? TIMEIT : name;
                List<String> cmd = new ArrayList<>(List.of("gcc"));
                cmd.addAll(GCC_FLAGS);
                cmd.addAll(List.of("-o", work.resolve(out).toString(), src.toString()));
                compile(cmd, work);
            }
            for (String script : SCRIPTS) {
                Path p = work.resolve(script);
                Files.write(p, resource(script));
                p.toFile().setExecutable(true);
            }
            Files.write(work.resolve(SIZE), resource("size.sh"));
            for (String name : List.of("bench.h")) {
                Files.delete(work.resolve(name));
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(work, "*.c")) {
                for (Path c : ds) {
                    Files.delete(c);
                }
            }
            Files.writeString(work.resolve(COMPLETE), String.join(" ", GCC_FLAGS) + "\n");
            if (Files.exists(dir)) {
                deleteTree(dir);
            }
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(work)) {
                deleteTree(work);
            }
        }
    }

    private static void compile(List<String> cmd, Path work) throws GuestImageException, IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new GuestImageException("gcc is not available (apt-get install gcc libc6-dev): the benchmark"
                    + " programs are compiled on first use", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                String last = out.strip().lines().reduce((a, b) -> b).orElse("");
                throw new GuestImageException("gcc failed on " + cmd.get(cmd.size() - 1) + ": " + last
                        + " (static linking needs libc6-dev)");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GuestImageException("interrupted while compiling the benchmarks", e);
        }
    }

    /** SHA-256 over every source, script and the flags: the cache key (16 hex digits). */
    static String sourceHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.join(" ", GCC_FLAGS).getBytes(StandardCharsets.US_ASCII));
            List<String> names = new ArrayList<>(List.of("bench.h", "timeit.c", "size.sh"));
            C_PROGRAMS.forEach(n -> names.add(n + ".c"));
            names.addAll(SCRIPTS);
            for (String n : names) {
                md.update(n.getBytes(StandardCharsets.US_ASCII));
                md.update(resource(n));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = BenchPrograms.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource tvmm/images/bench/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
