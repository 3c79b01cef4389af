package tvmm.images.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tvmm.images.linux.CpioNewcWriter;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;
import tvmm.images.linux.GuestImageException;

/**
 * The benchmark guest: the default guest's kernel and initramfs with tvmm's benchmark
 * programs added under /bench. The addition is a second gzip'd cpio archive appended to
 * the default initramfs: the kernel unpacks concatenated archives in order and a later
 * file replaces an earlier one of the same name (Documentation/driver-api/early-userspace/
 * buffer-format.rst), so the recipe's image stays byte for byte what it was and its /init
 * runs {@code /bench/NAME} for {@code tvmm.bench=NAME,...} as before.
 */
public final class BenchGuest {
    /** Extra command line for the quick sizes, read by the programs from /proc/cmdline. */
    public static final String QUICK_PARAMETER = "tvmm.quick";

    private BenchGuest() {
    }

    /** The benchmark guest, built on first use next to the programs it carries. */
    public static GuestImage ensure(BenchPrograms programs) throws GuestImageException {
        GuestImage base = DefaultGuest.ensure();
        // One image per default guest and program set; the programs' directory is keyed by their sources.
        String key = Integer.toHexString(base.directory().getFileName().toString().hashCode());
        Path initrd = programs.directory().resolve("bench-initramfs-" + key + ".cpio.gz");
        if (!Files.isRegularFile(initrd)) {
            try {
                Path tmp = Files.createTempFile(programs.directory(), ".initrd-", ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    write(Files.readAllBytes(base.initrd()), programs.files(), out);
                }
                Files.move(tmp, initrd, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new GuestImageException("cannot write the benchmark initramfs " + initrd + ": " + e.getMessage(), e);
            }
        }
        return new GuestImage(base.kernel(), initrd, base.append(), programs.directory(),
                base.description() + ", tvmm benchmarks " + programs.directory().getFileName());
    }

    /** The default initramfs, padded to 4 bytes, followed by a gzip'd cpio of /bench/NAME for each file. */
    static void write(byte[] baseInitrd, Map<String, Path> files, OutputStream out) throws IOException {
        out.write(baseInitrd);
        // The kernel skips zero bytes between archives; it expects each to start 4-aligned.
        out.write(new byte[(4 - baseInitrd.length % 4) % 4]);
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        CpioNewcWriter cpio = new CpioNewcWriter(gz, 0);
        cpio.directory("bench", 0755);
        for (Map.Entry<String, Path> f : files.entrySet()) {
            boolean script = f.getKey().equals(BenchPrograms.SIZE);
            cpio.file("bench/" + f.getKey(), script ? 0644 : 0755, Files.readAllBytes(f.getValue()));
        }
        cpio.finish();
        gz.finish();
        gz.flush();
    }

    /**
     * For runs on the host: a directory with the guest's own busybox (taken from the
     * default initramfs) and a link per applet the busybox workloads use, to put first
     * on PATH, so host and guest time the same binary.
     */
    public static Path hostBusybox(GuestImage guest, BenchPrograms programs) throws GuestImageException {
        Path dir = programs.directory().resolve("host-busybox");
        Path busybox = dir.resolve("busybox");
        if (Files.isExecutable(busybox)) {
            return dir;
        }
        try {
            byte[] binary = CpioFiles.read(guest.initrd(), "bin/busybox");
            if (binary == null) {
                throw new GuestImageException(guest.initrd() + " holds no bin/busybox");
            }
            Path tmp = Files.createTempDirectory(programs.directory(), ".busybox-");
            Files.write(tmp.resolve("busybox"), binary);
            tmp.resolve("busybox").toFile().setExecutable(true);
            for (String applet : List.of("sh", "seq", "gzip", "md5sum", "dd", "grep", "rm")) {
                Files.createSymbolicLink(tmp.resolve(applet), Path.of("busybox"));
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (Files.isExecutable(busybox)) {
                return dir; // another tvmm process got there first
            }
            throw new GuestImageException("cannot set up the host's busybox in " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** Reads regular files out of a gzip'd newc cpio (only the first archive of a concatenation). */
    static final class CpioFiles {
        private CpioFiles() {
        }

        static byte[] read(Path gzCpio, String wanted) throws IOException {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gzCpio), 1 << 16)) {
                long pos = 0;
                while (true) {
                    byte[] header = in.readNBytes(110);
                    if (header.length < 110) {
                        return null;
                    }
                    String h = new String(header, StandardCharsets.US_ASCII);
                    if (!h.startsWith("070701")) {
                        throw new IOException("not a newc cpio archive");
                    }
                    int fileSize = Integer.parseInt(h.substring(54, 62), 16);
                    int nameSize = Integer.parseInt(h.substring(94, 102), 16);
                    pos += 110;
                    byte[] name = in.readNBytes(nameSize);
                    pos += nameSize;
                    skip(in, pad(pos));
                    pos += pad(pos);
                    String n = new String(name, 0, Math.max(0, nameSize - 1), StandardCharsets.US_ASCII);
                    if (n.equals("TRAILER!!!")) {
                        return null;
                    }
                    if (n.equals(wanted)) {
                        return in.readNBytes(fileSize);
                    }
                    skip(in, fileSize);
                    pos += fileSize;
                    skip(in, pad(pos));
                    pos += pad(pos);
                }
            }
        }

        private static long pad(long pos) {
            return (4 - pos % 4) % 4;
        }

        private static void skip(InputStream in, long n) throws IOException {
            in.skipNBytes(n);
        }
    }

    /** Prints kernel=, initrd=, append= of the benchmark guest, as {@link DefaultGuest#main} does. */
    public static void main(String[] args) {
        try {
            GuestImage g = ensure(BenchPrograms.ensure());
            System.out.println("kernel=" + g.kernel());
            System.out.println("initrd=" + g.initrd());
            System.out.println("append=" + g.append());
            System.out.println("programs=" + g.directory());
        } catch (GuestImageException e) {
            System.err.println("tvmm: " + e.getMessage());
            System.exit(1);
        }
    }
}
