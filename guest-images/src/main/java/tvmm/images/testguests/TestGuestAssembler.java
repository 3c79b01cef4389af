package tvmm.images.testguests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the test guests with nasm into a cache outside the repository:
 * {@code <cache>/test-guests/<hash>/<name>.bin}, where the hash covers every source file, so
 * an edited source is assembled again and an unchanged one is reused. The cache root is the
 * system property {@code tvmm.cache.dir}, else {@code $XDG_CACHE_HOME/tvmm}, else
 * {@code ~/.cache/tvmm}. Sources are read from the class path, so the jar alone suffices.
 */
public final class TestGuestAssembler {
    static final String RESOURCE_DIR = "/tvmm/images/testguests/";
    /** Every source file, guests and library (class-path resources cannot be listed). */
    static final List<String> LIBRARY = List.of("lib/boot.inc", "lib/gdt.inc", "lib/report.inc", "lib/idt32.inc",
            "lib/long.inc", "lib/end.inc");

    private final Path cacheRoot;

    public TestGuestAssembler(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    public TestGuestAssembler() {
        this(defaultCacheRoot());
    }

    public static Path defaultCacheRoot() {
        String override = System.getProperty("tvmm.cache.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tvmm");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tvmm");
    }

    static List<String> sources() {
        List<String> all = new ArrayList<>(LIBRARY);
        for (TestGuest g : TestGuest.values()) {
            all.add(g.fileName() + ".asm");
        }
        return all;
    }

    /** The directory holding this source set's sources and binaries. */
    public Path directory() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String name : sources()) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(read(name));
        }
        String key = HexFormat.of().formatHex(sha.digest(), 0, 8);
        return cacheRoot.resolve("test-guests").resolve(key);
    }

    /** Assembles {@code guest} if needed and returns its flat binary. */
    public Path binary(TestGuest guest) throws IOException {
        Path dir = directory();
        Path bin = dir.resolve(guest.fileName() + ".bin");
        if (Files.isRegularFile(bin)) {
            return bin;
        }
        Path src = dir.resolve("src");
        for (String name : sources()) {
            Path target = src.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, read(name));
        }
        Path tmp = Files.createTempFile(dir, guest.fileName(), ".part");
        List<String> command = List.of("nasm", "-f", "bin", "-I", src + "/", "-o", tmp.toString(),
                src.resolve(guest.fileName() + ".asm").toString());
        String output = run(command);
        if (!output.isBlank()) {
            // Warnings are errors for the guests: a truncated constant silently changes a test.
            Files.deleteIfExists(tmp);
            throw new IOException("nasm warned on " + guest.fileName() + ".asm:\n" + output);
        }
        Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return bin;
    }

    private static String run(List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("nasm is not installed (apt-get install -y nasm): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("nasm timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("nasm failed (status " + p.exitValue() + "):\n" + out);
        }
        return out;
    }

    static byte[] read(String name) {
        try (InputStream in = TestGuestAssembler.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test-guest source " + RESOURCE_DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
