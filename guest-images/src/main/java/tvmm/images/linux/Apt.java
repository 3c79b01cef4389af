package tvmm.images.linux;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Debian tools the recipe uses: {@code apt-cache} to pick a version and learn its
 * SHA256, {@code apt-get download} to fetch it (no root needed, nothing is installed),
 * {@code dpkg-deb} to check and unpack it. Every download is verified against the
 * checksum apt-cache reports for that exact version before anything uses it.
 */
final class Apt {
    private static final Pattern CANDIDATE = Pattern.compile("(?m)^\\s*Candidate:\\s*(\\S+)\\s*$");
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s*([a-z0-9][a-z0-9+.-]*)(?::\\S+)?\\s*(?:\\(\\s*(<<|<=|=|>=|>>)\\s*([^)\\s]+)\\s*\\))?\\s*$");

    private Apt() {
    }

    /** True when apt-get is on the PATH (Debian and its derivatives). */
    static boolean available() {
        return available(System.getenv("PATH"));
    }

    /** True when apt-get and apt-cache are executables in one of {@code path}'s directories. */
    static boolean available(String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "apt-get"))
                    && Files.isExecutable(Path.of(dir, "apt-cache"))) {
                return true;
            }
        }
        return false;
    }

    /** The version apt would install now (from the local package lists; no network). */
    static String candidate(String name) throws GuestImageException {
        return candidates(List.of(name)).get(name);
    }

    /**
     * The candidate versions of several packages in one apt-cache run (each run re-reads
     * every package list, about half a second where apt keeps no pkgcache.bin).
     */
    static Map<String, String> candidates(List<String> names) throws GuestImageException {
        List<String> cmd = new ArrayList<>(List.of("apt-cache", "policy"));
        cmd.addAll(names);
        Map<String, String> result = parseCandidates(HostCommand.run(null, cmd));
        for (String name : names) {
            if (!result.containsKey(name)) {
                throw new GuestImageException("Debian package " + name
                        + " is not in apt's package lists (run apt-get update, or pass -kernel FILE -initrd FILE)");
            }
        }
        return result;
    }

    /** Package name to candidate version, from apt-cache policy output; "(none)" is left out. */
    static Map<String, String> parseCandidates(String policyOutput) {
        Map<String, String> result = new LinkedHashMap<>();
        // One section per package: "NAME:" at column 0, then indented fields.
        for (String section : policyOutput.split("(?m)^(?=\\S)")) {
            int colon = section.indexOf(':');
            Matcher m = CANDIDATE.matcher(section);
            if (colon > 0 && m.find() && !m.group(1).equals("(none)")) {
                result.put(section.substring(0, colon).strip(), m.group(1));
            }
        }
        return result;
    }

    /**
     * A stamp of apt's package lists (newest modification time and file count): while it
     * is unchanged, the candidate versions are too, and apt need not be asked again.
     */
    static String listsStamp() {
        Path lists = Path.of("/var/lib/apt/lists");
        long newest = 0;
        int count = 0;
        try (Stream<Path> s = Files.list(lists)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                newest = Math.max(newest, f.toFile().lastModified());
                count++;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
        return count == 0 ? "" : newest + "/" + count;
    }

    /** The index entry of exactly {@code name=version}. */
    static DebPackage show(String name, String version) throws GuestImageException {
        String out = HostCommand.run(null, List.of("apt-cache", "show", name + "=" + version));
        return parseStanza(out, name, version);
    }

    /** Parses the first stanza of apt-cache show output (one version may be listed per source). */
    static DebPackage parseStanza(String text, String name, String version) throws GuestImageException {
        String stanza = text.strip().split("\\n\\s*\\n", 2)[0];
        String arch = field(stanza, "Architecture");
        String sha = field(stanza, "SHA256");
        String size = field(stanza, "Size");
        String pkg = field(stanza, "Package");
        String ver = field(stanza, "Version");
        if (pkg == null || !pkg.equals(name) || ver == null || !ver.equals(version)) {
            throw new GuestImageException("apt-cache show " + name + "=" + version + " described " + pkg + " " + ver);
        }
        if (arch == null || sha == null || !sha.matches("[0-9a-f]{64}") || size == null) {
            throw new GuestImageException("apt's index has no SHA256/Size/Architecture for " + name + " " + version);
        }
        String depends = field(stanza, "Depends");
        return new DebPackage(name, version, arch, depends == null ? "" : depends, sha, Long.parseLong(size));
    }

    private static String field(String stanza, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ":[ \\t]*(.*)$").matcher(stanza);
        return m.find() ? m.group(1).strip() : null;
    }

    /**
     * The package of {@code meta}'s dependencies whose name matches {@code wanted}, at the
     * version pinned by an {@code (= V)} relation, else at apt's candidate version. This
     * is how the metapackage linux-image-cloud-amd64 leads to the real kernel package.
     */
    static DebPackage dependency(DebPackage meta, Pattern wanted) throws GuestImageException {
        String[] nameAndVersion = findDependency(meta.depends(), wanted);
        if (nameAndVersion == null) {
            throw new GuestImageException(meta.name() + " " + meta.version() + " depends on no package like "
                    + wanted.pattern() + " (Depends: " + meta.depends() + ")");
        }
        String name = nameAndVersion[0];
        return show(name, nameAndVersion[1] != null ? nameAndVersion[1] : candidate(name));
    }

    /**
     * In a Depends field, the first package whose name matches {@code wanted}:
     * {@code {name, version}} with the version of an {@code (= V)} relation, else null;
     * null when no package matches.
     */
    static String[] findDependency(String depends, Pattern wanted) {
        for (String clause : depends.split(",")) {
            for (String alternative : clause.split("\\|")) {
                Matcher m = DEPENDENCY.matcher(alternative);
                if (m.matches() && wanted.matcher(m.group(1)).matches()) {
                    return new String[] {m.group(1), "=".equals(m.group(2)) ? m.group(3) : null};
                }
            }
        }
        return null;
    }

    /**
     * Downloads {@code p} into {@code debDir} unless a verified copy is already there.
     * {@code progress} receives the bytes downloaded so far while apt-get runs.
     */
    static Path download(DebPackage p, Path debDir, LongConsumer progress) throws GuestImageException {
        Path target = debDir.resolve(p.fileName());
        try {
            if (Files.isRegularFile(target) && Files.size(target) == p.size() && sha256(target).equals(p.sha256())) {
                progress.accept(p.size());
                return target;
            }
            Files.createDirectories(debDir);
            Path tmp = Files.createTempDirectory(debDir, ".download-");
            try {
                fetch(p, tmp, progress);
                Path got = tmp.resolve(p.fileName());
                if (!Files.isRegularFile(got)) {
                    throw new GuestImageException("apt-get download " + p.pinned() + " left no " + p.fileName());
                }
                verify(p, got);
                Files.move(got, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new GuestImageException("cannot store " + p.fileName() + " in " + debDir + ": " + e.getMessage(), e);
        }
    }

    private static void fetch(DebPackage p, Path dir, LongConsumer progress) throws GuestImageException, IOException {
        List<String> cmd = List.of("apt-get", "download", "-q", p.pinned());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("LC_ALL", "C");
        Process proc = HostCommand.start(pb, "apt-get");
        StringBuilder output = new StringBuilder();
        Thread drain = Thread.ofVirtual().start(() -> {
            try (InputStream in = proc.getInputStream()) {
                output.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // The status below tells whether the download worked.
            }
        });
        try {
            while (!proc.waitFor(200, TimeUnit.MILLISECONDS)) {
                progress.accept(directorySize(dir));
            }
            drain.join();
        } catch (InterruptedException e) {
            proc.destroy();
            Thread.currentThread().interrupt();
            throw new GuestImageException("download of " + p.pinned() + " interrupted", e);
        }
        progress.accept(directorySize(dir));
        if (proc.exitValue() != 0) {
            throw new GuestImageException("apt-get download " + p.pinned() + " failed: " + HostCommand.lastLine(output.toString()));
        }
    }

    /** The download must be byte for byte the file apt's signed index describes. */
    static void verify(DebPackage p, Path deb) throws GuestImageException, IOException {
        long size = Files.size(deb);
        if (size != p.size()) {
            throw new GuestImageException(deb.getFileName() + ": " + size + " bytes, apt's index says " + p.size());
        }
        String sha = sha256(deb);
        if (!sha.equals(p.sha256())) {
            throw new GuestImageException(deb.getFileName() + ": SHA256 " + sha + " does not match apt's index " + p.sha256());
        }
    }

    /**
     * Unpacks the members of {@code deb} matching the tar wildcard {@code member} (e.g.
     * {@code ./boot/vmlinuz-*}) into {@code dest}. dpkg-deb checks the ar container and
     * the compressed data as it streams; a damaged package fails here.
     */
    static void extract(Path deb, String member, Path dest) throws GuestImageException {
        List<ProcessBuilder> pipeline = List.of(
                new ProcessBuilder("dpkg-deb", "--fsys-tarfile", deb.toString())
                        .redirectError(ProcessBuilder.Redirect.PIPE),
                new ProcessBuilder("tar", "-x", "-f", "-", "-C", dest.toString(), "--wildcards", "--no-same-owner", member)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        List<Process> procs;
        try {
            procs = ProcessBuilder.startPipeline(pipeline);
        } catch (IOException e) {
            throw new GuestImageException("dpkg-deb or tar is not available: " + e.getMessage(), e);
        }
        try {
            String dpkgErr = new String(procs.get(0).getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String tarErr = new String(procs.get(1).getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int s0 = procs.get(0).waitFor();
            int s1 = procs.get(1).waitFor();
            if (s0 != 0) {
                throw new GuestImageException("dpkg-deb rejects " + deb.getFileName() + ": " + HostCommand.lastLine(dpkgErr));
            }
            if (s1 != 0) {
                throw new GuestImageException("unpacking " + member + " from " + deb.getFileName() + " failed: "
                        + HostCommand.lastLine(tarErr));
            }
        } catch (IOException e) {
            throw new GuestImageException("unpacking " + deb.getFileName() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestImageException("unpacking " + deb.getFileName() + " interrupted", e);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0;) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    private static long directorySize(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless; the next run makes a new one.
        }
    }
}
