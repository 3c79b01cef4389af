package tvmm.images.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * The default guest's initramfs: busybox with a symlink per applet, the console device
 * nodes, {@code /init}, {@code /etc/inittab}, {@code /etc/tvmm-shell} and
 * {@code /etc/profile} from this package's resources, and the
 * benchmark programs under {@code /bench}. Written as a gzip-compressed newc cpio archive,
 * which every Debian kernel unpacks (CONFIG_RD_GZIP).
 */
public final class InitramfsBuilder {
    /** Benchmarks shipped as resources under {@code bench/}; init runs them on tvmm.bench=NAME. */
    public static final List<String> BUNDLED_BENCHMARKS = List.of("shloop", "md5sum", "forkloop");

    /** Directories every Linux userland expects, created empty when nothing else fills them. */
    private static final List<String> BASE_DIRECTORIES = List.of("bin", "sbin", "usr", "usr/bin", "usr/sbin", "dev",
            "proc", "sys", "tmp", "run", "root", "etc", "bench", "mnt", "var");

    private final byte[] busybox;
    private final List<String> applets;
    private final Map<String, byte[]> benchmarks = new LinkedHashMap<>();

    /**
     * @param busybox the static busybox binary
     * @param applets applet paths as {@code busybox --list-full} prints them (e.g. {@code bin/sh})
     */
    public InitramfsBuilder(byte[] busybox, List<String> applets) {
        this.busybox = busybox.clone();
        this.applets = List.copyOf(applets);
        for (String name : BUNDLED_BENCHMARKS) {
            benchmarks.put(name, resource("bench/" + name));
        }
    }

    /** Adds (or replaces) an executable {@code /bench/NAME}. */
    public InitramfsBuilder benchmark(String name, byte[] program) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("benchmark name must be a plain file name: " + name);
        }
        benchmarks.put(name, program.clone());
        return this;
    }

    /** The text of {@code /init}. */
    public static byte[] initScript() {
        return resource("init");
    }

    /** The text of {@code /etc/tvmm-shell}, the console shell's wrapper started by busybox init. */
    static byte[] shellScript() {
        return resource("tvmm-shell");
    }

    /** Writes the gzip-compressed archive to {@code out} (not closed). */
    public void writeTo(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        CpioNewcWriter cpio = new CpioNewcWriter(gz, 0);
        TreeSet<String> dirs = new TreeSet<>(BASE_DIRECTORIES);
        List<String> links = new ArrayList<>();
        for (String applet : applets) {
            String path = applet.strip();
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            // linuxrc is for the old initrd; our /init is the script, never busybox itself.
            if (path.isEmpty() || path.equals("linuxrc") || path.equals("init") || path.equals("bin/busybox")
                    || path.contains("..")) {
                continue;
            }
            links.add(path);
            for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
                dirs.add(path.substring(0, i));
            }
        }
        // TreeSet order puts every parent before its children, as the kernel needs.
        for (String d : dirs) {
            cpio.directory(d, d.equals("tmp") ? 01777 : 0755);
        }
        cpio.file("bin/busybox", 0755, busybox);
        for (String link : links) {
            cpio.symlink(link, "/bin/busybox");
        }
        // Character devices (Documentation/admin-guide/devices.txt): the kernel opens
        // /dev/console for init's stdio before devtmpfs is mounted.
        cpio.characterDevice("dev/console", 0600, 5, 1);
        cpio.characterDevice("dev/ttyS0", 0660, 4, 64);
        cpio.characterDevice("dev/tty", 0666, 5, 0);
        cpio.characterDevice("dev/null", 0666, 1, 3);
        cpio.file("init", 0755, initScript());
        cpio.file("etc/profile", 0644, resource("profile"));
        cpio.file("etc/inittab", 0644, resource("inittab"));
        cpio.file("etc/tvmm-shell", 0755, resource("tvmm-shell"));
        cpio.file("etc/passwd", 0644, "root:x:0:0:root:/root:/bin/sh\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        cpio.file("etc/group", 0644, "root:x:0:\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> b : benchmarks.entrySet()) {
            cpio.file("bench/" + b.getKey(), 0755, b.getValue());
        }
        cpio.finish();
        gz.finish();
        gz.flush();
    }

    /** The resources that shape the image; their hash is part of the cache key. */
    static List<byte[]> recipeResources() {
        List<byte[]> r = new ArrayList<>();
        r.add(resource("init"));
        r.add(resource("profile"));
        r.add(resource("inittab"));
        r.add(resource("tvmm-shell"));
        for (String b : BUNDLED_BENCHMARKS) {
            r.add(resource("bench/" + b));
        }
        return r;
    }

    private static byte[] resource(String name) {
        try (InputStream in = InitramfsBuilder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource tvmm/images/linux/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
