package tvmm.images.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class InitramfsBuilderTest {
    private static final byte[] FAKE_BUSYBOX = "\u007fELF not really busybox".getBytes(StandardCharsets.US_ASCII);

    private static List<CpioNewcReader.Entry> build(List<String> applets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new InitramfsBuilder(FAKE_BUSYBOX, applets).benchmark("extra", "#!/bin/sh\necho x\n".getBytes(StandardCharsets.US_ASCII))
                .writeTo(out);
        byte[] gz = out.toByteArray();
        assertEquals(0x1f, gz[0] & 0xFF, "gzip magic");
        assertEquals(0x8b, gz[1] & 0xFF, "gzip magic");
        return CpioNewcReader.read(new GZIPInputStream(new ByteArrayInputStream(gz)));
    }

    @Test
    void holdsBusyboxItsAppletsConsoleNodesAndInit() throws Exception {
        List<CpioNewcReader.Entry> entries = build(List.of("bin/sh", "bin/mount", "sbin/poweroff", "usr/bin/setsid",
                "usr/sbin/chroot", "linuxrc", "bin/busybox", "usr/local/bin/odd"));
        Map<String, CpioNewcReader.Entry> byName = entries.stream()
                .collect(Collectors.toMap(CpioNewcReader.Entry::name, Function.identity()));
        assertArrayEquals(FAKE_BUSYBOX, byName.get("bin/busybox").data());
        assertEquals(CpioNewcWriter.S_IFREG | 0755, byName.get("bin/busybox").mode());
        for (String applet : List.of("bin/sh", "bin/mount", "sbin/poweroff", "usr/bin/setsid", "usr/sbin/chroot",
                "usr/local/bin/odd")) {
            assertEquals(CpioNewcWriter.S_IFLNK, byName.get(applet).type(), applet);
            assertEquals("/bin/busybox", new String(byName.get(applet).data(), StandardCharsets.US_ASCII));
        }
        assertTrue(!byName.containsKey("linuxrc"), "linuxrc is for the old initrd and must not shadow /init");
        assertEquals(1, entries.stream().filter(e -> e.name().equals("bin/busybox")).count());

        CpioNewcReader.Entry console = byName.get("dev/console");
        assertEquals(CpioNewcWriter.S_IFCHR, console.type());
        assertEquals(5, console.rdevMajor());
        assertEquals(1, console.rdevMinor());
        CpioNewcReader.Entry ttyS0 = byName.get("dev/ttyS0");
        assertEquals(4, ttyS0.rdevMajor());
        assertEquals(64, ttyS0.rdevMinor());

        assertEquals(CpioNewcWriter.S_IFREG | 0755, byName.get("init").mode());
        assertArrayEquals(InitramfsBuilder.initScript(), byName.get("init").data());
        for (String b : InitramfsBuilder.BUNDLED_BENCHMARKS) {
            assertEquals(CpioNewcWriter.S_IFREG | 0755, byName.get("bench/" + b).mode(), b);
        }
        assertEquals(CpioNewcWriter.S_IFREG | 0755, byName.get("bench/extra").mode());
        assertEquals("TRAILER!!!", entries.get(entries.size() - 1).name());
    }

    @Test
    void everyParentDirectoryComesBeforeItsEntries() throws Exception {
        List<CpioNewcReader.Entry> entries = build(List.of("usr/local/bin/odd", "bin/sh"));
        Set<String> seen = new HashSet<>();
        for (CpioNewcReader.Entry e : entries) {
            int slash = e.name().lastIndexOf('/');
            if (slash > 0 && !e.name().equals("TRAILER!!!")) {
                assertTrue(seen.contains(e.name().substring(0, slash)), "parent of " + e.name() + " not yet created");
            }
            if (e.type() == CpioNewcWriter.S_IFDIR) {
                seen.add(e.name());
            }
        }
        assertTrue(seen.containsAll(List.of("proc", "sys", "dev", "tmp", "usr/local", "usr/local/bin")));
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new InitramfsBuilder(FAKE_BUSYBOX, List.of("bin/sh")).writeTo(a);
        new InitramfsBuilder(FAKE_BUSYBOX, List.of("bin/sh")).writeTo(b);
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "the image must be reproducible");
    }

    /** The scripts must at least parse as POSIX sh (dash) and as busybox ash when present. */
    @Test
    void initScriptParsesInPosixShells() throws Exception {
        checkSyntax(InitramfsBuilder.initScript());
        checkSyntax(InitramfsBuilder.shellScript());
    }

    @Test
    void busyboxInitRunsTheShellWrapperOnce() throws Exception {
        List<CpioNewcReader.Entry> entries = build(List.of("bin/sh"));
        Map<String, CpioNewcReader.Entry> byName = entries.stream()
                .collect(Collectors.toMap(CpioNewcReader.Entry::name, Function.identity()));
        String inittab = new String(byName.get("etc/inittab").data(), StandardCharsets.US_ASCII);
        assertTrue(inittab.lines().anyMatch(l -> l.equals("::once:/etc/tvmm-shell")), inittab);
        assertEquals(CpioNewcWriter.S_IFREG | 0755, byName.get("etc/tvmm-shell").mode());
        assertTrue(new String(InitramfsBuilder.initScript(), StandardCharsets.US_ASCII).contains("exec /bin/busybox init"));
    }

    private static void checkSyntax(byte[] text) throws Exception {
        Path script = Files.createTempFile("tvmm-init", ".sh");
        try {
            Files.write(script, text);
            assertEquals(0, run(List.of("/bin/sh", "-n", script.toString())), "sh -n /init");
            Path busybox = Path.of("/bin/busybox");
            if (Files.isExecutable(busybox)) {
                assertEquals(0, run(List.of(busybox.toString(), "sh", "-n", script.toString())), "busybox sh -n /init");
            } else {
                System.out.println("busybox not installed on the host: ash syntax check skipped");
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The bundled benchmark really counts (run by the host's sh with a small N). */
    @Test
    void shellLoopBenchmarkCounts() throws Exception {
        Path script = Files.createTempFile("tvmm-shloop", ".sh");
        try {
            Files.write(script, InitramfsBuilder.class.getResourceAsStream("bench/shloop").readAllBytes());
            Process p = new ProcessBuilder("/bin/sh", script.toString(), "1234").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assumeTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals("shloop: 1234 increments", out.strip());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The md5sum benchmark hashes what it says (checked against Java's MD5 of the same zeros). */
    @Test
    void md5sumBenchmarkHashesZeros() throws Exception {
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("MD5").digest(new byte[2 * 1048576]));
        assertEquals(expected + "  -", runBench("md5sum", "2"));
    }

    @Test
    void forkLoopBenchmarkCounts() throws Exception {
        assertEquals("forkloop: 7 processes", runBench("forkloop", "7"));
    }

    private static String runBench(String name, String arg) throws Exception {
        Path script = Files.createTempFile("tvmm-bench", ".sh");
        try {
            Files.write(script, InitramfsBuilder.class.getResourceAsStream("bench/" + name).readAllBytes());
            Process p = new ProcessBuilder("/bin/sh", script.toString(), arg).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return out.strip();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static int run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        if (p.exitValue() != 0) {
            System.out.println(String.join(" ", cmd) + ": " + out);
        }
        return p.exitValue();
    }
}
