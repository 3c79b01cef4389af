package tvmm.images.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpioNewcWriterTest {

    private static byte[] sample() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CpioNewcWriter w = new CpioNewcWriter(out, 1234567);
        w.directory("bin", 0755);
        w.file("bin/hello", 0755, "hello, world\n".getBytes(StandardCharsets.US_ASCII)); // 13 bytes: needs padding
        w.symlink("bin/sh", "/bin/hello");
        w.characterDevice("console", 0600, 5, 1);
        w.file("empty", 0644, new byte[0]);
        w.finish();
        assertEquals(out.size(), w.size());
        return out.toByteArray();
    }

    @Test
    void entriesParseBackWithTheirTypesModesAndData() throws Exception {
        byte[] archive = sample();
        assertEquals(0, archive.length % 4, "every entry ends on a 4-byte boundary");
        List<CpioNewcReader.Entry> e = CpioNewcReader.read(new ByteArrayInputStream(archive));
        assertEquals(List.of("bin", "bin/hello", "bin/sh", "console", "empty", "TRAILER!!!"),
                e.stream().map(CpioNewcReader.Entry::name).toList());
        assertEquals(CpioNewcWriter.S_IFDIR, e.get(0).type());
        assertEquals(0755, e.get(0).mode() & 07777);
        assertEquals(CpioNewcWriter.S_IFREG, e.get(1).type());
        assertEquals("hello, world\n", new String(e.get(1).data(), StandardCharsets.US_ASCII));
        assertEquals(1234567, e.get(1).mtime());
        assertEquals(CpioNewcWriter.S_IFLNK, e.get(2).type());
        assertEquals("/bin/hello", new String(e.get(2).data(), StandardCharsets.US_ASCII));
        assertEquals(CpioNewcWriter.S_IFCHR, e.get(3).type());
        assertEquals(5, e.get(3).rdevMajor());
        assertEquals(1, e.get(3).rdevMinor());
        assertEquals(0, e.get(4).data().length);
        // Distinct inodes: the kernel treats equal (inode, nlink > 1) entries as hard links.
        assertEquals(5, e.stream().limit(5).mapToInt(CpioNewcReader.Entry::inode).distinct().count());
    }

    @Test
    void gnuCpioListsTheSameEntries() throws Exception {
        Path cpio = Path.of("/usr/bin/cpio");
        assumeTrue(Files.isExecutable(cpio), "GNU cpio not installed (apt-get install cpio): oracle check skipped");
        Process p = new ProcessBuilder(cpio.toString(), "-t", "-v", "--quiet").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(sample());
        p.getOutputStream().close();
        String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue());
        List<String> lines = listing.lines().toList();
        assertEquals(5, lines.size(), listing);
        assertEquals(true, lines.get(0).startsWith("drwxr-xr-x") && lines.get(0).endsWith(" bin"), lines.get(0));
        assertEquals(true, lines.get(1).startsWith("-rwxr-xr-x") && lines.get(1).contains(" 13 "), lines.get(1));
        assertEquals(true, lines.get(2).startsWith("lrwxrwxrwx") && lines.get(2).endsWith("bin/sh -> /bin/hello"), lines.get(2));
        assertEquals(true, lines.get(3).startsWith("crw-------") && lines.get(3).contains("5,"), lines.get(3));
    }

    @Test
    void gnuCpioExtractsFileContents() throws Exception {
        Path cpio = Path.of("/usr/bin/cpio");
        assumeTrue(Files.isExecutable(cpio), "GNU cpio not installed (apt-get install cpio): oracle check skipped");
        Path dir = Files.createTempDirectory("cpio-test");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CpioNewcWriter w = new CpioNewcWriter(out, 0);
            byte[] data = new byte[4099];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + 7);
            }
            w.file("blob", 0644, data);
            w.finish();
            Process p = new ProcessBuilder(cpio.toString(), "-i", "--quiet").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().write(out.toByteArray());
            p.getOutputStream().close();
            p.waitFor(30, TimeUnit.SECONDS);
            assertEquals(0, p.exitValue());
            assertArrayEquals(data, Files.readAllBytes(dir.resolve("blob")));
        } finally {
            for (File f : dir.toFile().listFiles()) {
                f.delete();
            }
            dir.toFile().delete();
        }
    }

    @Test
    void noEntriesAfterTheTrailerAndNoTrailerName() throws Exception {
        CpioNewcWriter w = new CpioNewcWriter(new ByteArrayOutputStream(), 0);
        assertThrows(IllegalArgumentException.class, () -> w.file("TRAILER!!!", 0644, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> w.file("", 0644, new byte[0]));
        w.finish();
        assertThrows(IllegalStateException.class, () -> w.directory("late", 0755));
    }
}
