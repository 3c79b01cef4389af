package tvmm.images.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.images.linux.CpioNewcWriter;
import tvmm.images.linux.InitramfsBuilder;

class BenchGuestTest {
    private static byte[] gzCpio(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        GZIPOutputStream gz = new GZIPOutputStream(bo);
        CpioNewcWriter w = new CpioNewcWriter(gz, 0);
        w.directory("bin", 0755);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            w.file(e.getKey(), 0755, e.getValue());
        }
        w.finish();
        gz.finish();
        return bo.toByteArray();
    }

    @Test
    void readsAFileBackOutOfAGzippedCpio(@TempDir Path tmp) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bin/a", "abc".getBytes(StandardCharsets.US_ASCII));
        files.put("bin/busybox", "\u007fELF-busybox-xx".getBytes(StandardCharsets.US_ASCII));
        Path f = tmp.resolve("i.cpio.gz");
        Files.write(f, gzCpio(files));
        assertArrayEquals(files.get("bin/busybox"), BenchGuest.CpioFiles.read(f, "bin/busybox"));
        assertArrayEquals(files.get("bin/a"), BenchGuest.CpioFiles.read(f, "bin/a"));
        assertNull(BenchGuest.CpioFiles.read(f, "bin/none"));
    }

    /** The base image stays intact, the appended archive starts 4-aligned and carries /bench. */
    @Test
    void appendsTheProgramsAsASecondArchive(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        new InitramfsBuilder("\u007fELF fake".getBytes(StandardCharsets.US_ASCII), List.of("bin/sh")).writeTo(base);
        byte[] baseBytes = base.toByteArray();
        Path prog = tmp.resolve("compute");
        Files.writeString(prog, "program bytes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchGuest.write(baseBytes, Map.of("compute", prog), out);
        byte[] all = out.toByteArray();
        for (int i = 0; i < baseBytes.length; i++) {
            assertEquals(baseBytes[i], all[i]);
        }
        int second = (baseBytes.length + 3) & ~3;
        for (int i = baseBytes.length; i < second; i++) {
            assertEquals(0, all[i]);
        }
        assertEquals(0x1f, all[second] & 0xff); // gzip magic
        assertEquals(0x8b, all[second + 1] & 0xff);
        Path tail = tmp.resolve("tail.cpio.gz");
        Files.write(tail, java.util.Arrays.copyOfRange(all, second, all.length));
        assertArrayEquals("program bytes".getBytes(StandardCharsets.US_ASCII), BenchGuest.CpioFiles.read(tail, "bench/compute"));
    }
}
