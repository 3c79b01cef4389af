package tvmm.images.linux;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The recipe of tvmm's default guest (DESIGN.md §8): Debian bookworm's cloud kernel and
 * an initramfs around busybox-static, both fetched by package name with
 * {@code apt-get download}, verified against apt's SHA256 for that exact version, and
 * cached per package versions so only the first {@code tvmm run} does any work.
 *
 * <p>The VMM calls {@link #ensure()} and boots {@link GuestImage#kernel()} and
 * {@link GuestImage#initrd()} with {@link GuestImage#append()}. As a program it prints
 * those three (see {@link #main}), which is what scripts use.
 */
public final class DefaultGuest {
    /** The metapackage; its Depends names the real, versioned kernel package. */
    public static final String KERNEL_METAPACKAGE = "linux-image-cloud-amd64";
    static final Pattern KERNEL_PACKAGE = Pattern.compile("linux-image-.+-cloud-amd64");
    public static final String BUSYBOX_PACKAGE = "busybox-static";

    /**
     * The default kernel command line. The console is the 16550 at COM1; panic=-1 makes
     * a panic reboot at once instead of hanging, so with -no-reboot the VM ends.
     */
    public static final String DEFAULT_APPEND = "console=ttyS0 panic=-1";

    /** Bump when the way the image is put together changes without a resource changing. */
    private static final int RECIPE_VERSION = 1;
    private static final String MANIFEST = "guest.properties";
    private static final String RESOLVED = "resolved.properties";
    private static final long BUILD_STEP_BYTES = 4 << 20; // progress weight of unpack + cpio

    private DefaultGuest() {
    }

    /**
     * The default guest, built on first use. With apt missing (or its lists unusable) an
     * image built earlier is still returned; with none, the exception says to use
     * {@code -kernel/-initrd}.
     */
    public static GuestImage ensure() throws GuestImageException {
        String arch = System.getProperty("os.arch");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            // The recipe runs the guest's busybox on the host to list its applets, and
            // asks apt for amd64 packages: both need an x86-64 host.
            return cached().orElseThrow(() -> new GuestImageException("the default guest is built on x86-64 hosts"
                    + " only (this is " + arch + "); boot your own kernel with -kernel FILE -initrd FILE"));
        }
        if (!Apt.available()) {
            return cached().orElseThrow(() -> new GuestImageException(
                    "apt-get not found: the default guest is built from Debian packages;"
                            + " boot your own kernel with -kernel FILE -initrd FILE"));
        }
        // Fast path: apt's lists have not changed since the last run resolved the versions.
        String stamp = Apt.listsStamp();
        Properties last = readProperties(GuestCache.defaultGuests().resolve(RESOLVED));
        if (!stamp.isEmpty() && stamp.equals(last.getProperty("lists.stamp"))
                && recipeHash().equals(last.getProperty("recipe")) && last.getProperty("dir") != null) {
            Optional<GuestImage> hit = load(GuestCache.defaultGuests().resolve(last.getProperty("dir")));
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        DebPackage kernel;
        DebPackage busybox;
        try {
            Map<String, String> versions = Apt.candidates(List.of(KERNEL_METAPACKAGE, BUSYBOX_PACKAGE));
            DebPackage meta = Apt.show(KERNEL_METAPACKAGE, versions.get(KERNEL_METAPACKAGE));
            kernel = Apt.dependency(meta, KERNEL_PACKAGE);
            busybox = Apt.show(BUSYBOX_PACKAGE, versions.get(BUSYBOX_PACKAGE));
        } catch (GuestImageException e) {
            Optional<GuestImage> old = cached();
            if (old.isPresent()) {
                return old.get();
            }
            throw e;
        }
        String key = kernel.key() + "+" + busybox.key() + "+r" + recipeHash();
        Path dir = GuestCache.defaultGuests().resolve(key);
        try {
            Files.createDirectories(GuestCache.root());
            // Two tvmm processes starting at once must not build into the same directory.
            try (FileChannel lockFile = FileChannel.open(GuestCache.root().resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    Optional<GuestImage> ready = load(dir);
                    GuestImage image = ready.isPresent() ? ready.get() : build(kernel, busybox, dir);
                    if (ready.isEmpty()) {
                        prune(key, kernel, busybox);
                    }
                    Properties resolved = new Properties();
                    resolved.setProperty("lists.stamp", stamp);
                    resolved.setProperty("recipe", recipeHash());
                    resolved.setProperty("dir", key);
                    try (Writer w = Files.newBufferedWriter(GuestCache.defaultGuests().resolve(RESOLVED))) {
                        resolved.store(w, "apt lists stamp -> default guest last resolved from them");
                    }
                    return image;
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new GuestImageException("cannot write the guest cache " + GuestCache.root() + ": " + e.getMessage(), e);
        }
    }

    /**
     * After a new build: drops the images and packages of older versions or recipes, so
     * the cache holds one default guest (about 30 MB), not one per kernel update.
     */
    private static void prune(String keep, DebPackage kernel, DebPackage busybox) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(GuestCache.defaultGuests())) {
            for (Path d : ds) {
                if (Files.isDirectory(d) && !d.getFileName().toString().equals(keep)) {
                    Apt.deleteTree(d);
                }
            }
        } catch (IOException ignored) {
            // Pruning is housekeeping; a leftover directory costs only disk space.
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(GuestCache.debs(), "*.deb")) {
            for (Path f : ds) {
                String n = f.getFileName().toString();
                if (!n.equals(kernel.fileName()) && !n.equals(busybox.fileName())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ignored) {
            // As above.
        }
    }

    /** The most recently built complete default guest, without asking apt. */
    public static Optional<GuestImage> cached() {
        Path root = GuestCache.defaultGuests();
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<GuestImage> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path d : ds) {
                load(d).ifPresent(found::add);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return found.stream().max((a, b) -> Long.compare(a.directory().resolve(MANIFEST).toFile().lastModified(),
                b.directory().resolve(MANIFEST).toFile().lastModified()));
    }

    private static GuestImage build(DebPackage kernel, DebPackage busybox, Path dir)
            throws GuestImageException, IOException {
        // Leftovers of a build that was interrupted (Ctrl-C, power loss) under this lock.
        removeTemporaries(GuestCache.debs(), ".download-*");
        removeTemporaries(dir, ".work-*");
        long total = kernel.size() + busybox.size() + BUILD_STEP_BYTES;
        try (BuildProgress progress = BuildProgress.start("tvmm: default guest", total)) {
            progress.message("downloading " + kernel.name());
            Path kernelDeb = Apt.download(kernel, GuestCache.debs(), progress::stepTo);
            progress.message("downloading " + busybox.name());
            Path busyboxDeb = Apt.download(busybox, GuestCache.debs(), n -> progress.stepTo(kernel.size() + n));

            progress.message("unpacking");
            Files.createDirectories(dir);
            Path work = Files.createTempDirectory(dir, ".work-");
            try {
                Apt.extract(kernelDeb, "./boot/vmlinuz-*", work);
                Path vmlinuz = single(work.resolve("boot"), "vmlinuz-", kernel);
                checkBzImage(vmlinuz);
                Apt.extract(busyboxDeb, "./bin/busybox", work);
                Path busyboxBin = work.resolve("bin/busybox");
                progress.stepTo(total - BUILD_STEP_BYTES / 2);

                progress.message("writing initramfs");
                List<String> applets = applets(busyboxBin);
                Path initrdTmp = work.resolve("initramfs.cpio.gz");
                try (OutputStream out = Files.newOutputStream(initrdTmp)) {
                    new InitramfsBuilder(Files.readAllBytes(busyboxBin), applets).writeTo(out);
                }
                Files.move(vmlinuz, dir.resolve("vmlinuz"), StandardCopyOption.REPLACE_EXISTING);
                Files.move(initrdTmp, dir.resolve("initramfs.cpio.gz"), StandardCopyOption.REPLACE_EXISTING);

                Properties p = new Properties();
                p.setProperty("kernel.package", kernel.name());
                p.setProperty("kernel.version", kernel.version());
                p.setProperty("kernel.sha256", kernel.sha256());
                p.setProperty("kernel.file", vmlinuz.getFileName().toString());
                p.setProperty("busybox.package", busybox.name());
                p.setProperty("busybox.version", busybox.version());
                p.setProperty("busybox.sha256", busybox.sha256());
                p.setProperty("busybox.applets", Integer.toString(applets.size()));
                p.setProperty("append", DEFAULT_APPEND);
                Path manifestTmp = work.resolve(MANIFEST);
                try (Writer w = Files.newBufferedWriter(manifestTmp, StandardCharsets.UTF_8)) {
                    p.store(w, "tvmm default guest (tvmm.images.linux.DefaultGuest)");
                }
                // Written last and atomically: a build cut short leaves no manifest.
                Files.move(manifestTmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Apt.deleteTree(work);
            }
            progress.stepTo(total);
        }
        return load(dir).orElseThrow(() -> new GuestImageException("the guest built in " + dir + " is incomplete"));
    }

    private static void removeTemporaries(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            ds.forEach(Apt::deleteTree);
        } catch (IOException ignored) {
            // Only disk space is at stake.
        }
    }

    private static Properties readProperties(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties(); // A damaged file only costs one slow run.
            }
        }
        return p;
    }

    private static Optional<GuestImage> load(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        Path kernel = dir.resolve("vmlinuz");
        Path initrd = dir.resolve("initramfs.cpio.gz");
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(kernel) || !Files.isRegularFile(initrd)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        String description = p.getProperty("kernel.package") + " " + p.getProperty("kernel.version") + ", "
                + p.getProperty("busybox.package") + " " + p.getProperty("busybox.version");
        return Optional.of(new GuestImage(kernel, initrd, p.getProperty("append", DEFAULT_APPEND), dir, description));
    }

    private static Path single(Path dir, String prefix, DebPackage from) throws GuestImageException, IOException {
        List<Path> hits = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*")) {
                ds.forEach(hits::add);
            }
        }
        if (hits.size() != 1) {
            throw new GuestImageException(from.name() + " " + from.version() + " holds " + hits.size()
                    + " files " + prefix + "* in /" + dir.getFileName() + ", expected one");
        }
        return hits.get(0);
    }

    /** A cheap early check; the VMM's loader checks the header fully. */
    private static void checkBzImage(Path vmlinuz) throws GuestImageException, IOException {
        byte[] head = new byte[0x206];
        try (var in = Files.newInputStream(vmlinuz)) {
            if (in.readNBytes(head, 0, head.length) != head.length
                    || !new String(head, 0x202, 4, StandardCharsets.US_ASCII).equals("HdrS")) {
                throw new GuestImageException(vmlinuz.getFileName() + " is not a bzImage (no HdrS header)");
            }
        }
    }

    /** The applet paths of this busybox, from the binary itself (it runs on any x86-64 Linux host). */
    static List<String> applets(Path busybox) throws GuestImageException {
        busybox.toFile().setExecutable(true);
        String out = HostCommand.run(null, List.of(busybox.toString(), "--list-full"));
        List<String> list = Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (list.size() < 10 || !list.contains("bin/sh")) {
            throw new GuestImageException("busybox --list-full printed no usable applet list");
        }
        return list;
    }

    /** Hash of everything in this recipe that shapes the image, so a change makes a new cache entry. */
    static String recipeHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Integer.toString(RECIPE_VERSION).getBytes(StandardCharsets.US_ASCII));
            for (byte[] r : InitramfsBuilder.recipeResources()) {
                md.update(r);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Builds (or finds) the default guest and prints {@code kernel=}, {@code initrd=} and
     * {@code append=} lines on stdout; on failure one line on stderr and status 1.
     */
    public static void main(String[] args) {
        try {
            GuestImage g = ensure();
            System.out.println("kernel=" + g.kernel());
            System.out.println("initrd=" + g.initrd());
            System.out.println("append=" + g.append());
            System.out.println("packages=" + g.description());
        } catch (GuestImageException e) {
            System.err.println("tvmm: " + e.getMessage());
            System.exit(1);
        }
    }
}
