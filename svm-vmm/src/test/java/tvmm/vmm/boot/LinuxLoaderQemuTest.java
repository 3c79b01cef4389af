package tvmm.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.images.linux.GuestImage;

/**
 * The loader checked by a CPU that is not ours: everything {@link LinuxLoader} writes
 * (kernel, initrd, boot_params with its e820 map, command line, page tables, GDT) is
 * handed to QEMU's generic loader, and a 64 KiB stand-in BIOS (long-mode-bios.asm) puts
 * QEMU's CPU into the {@link InitialCpuState} the loader returned. If the real cloud
 * kernel then boots to the init's marker line, the boot protocol was followed.
 * Needs the cached default guest, nasm and qemu-system-x86_64; skips without them.
 */
class LinuxLoaderQemuTest {
    private static final long RAM = 512 * BootLayout.MiB;
    private static final String MARKER = "tvmm-guest: ready";

    @Test
    void cloudKernelBootsFromOurBootParamsUnderQemu() throws Exception {
        Optional<GuestImage> g = CachedGuest.get();
        assumeTrue(g.isPresent(), "no cached default guest");
        assumeTrue(onPath("nasm") && onPath("qemu-system-x86_64"),
                "SKIPPED: nasm or qemu-system-x86_64 missing: QEMU cross-check of the loader skipped");
        Path dir = Files.createTempDirectory("tvmm-loader-qemu");
        try {
            SparseMemory m = new SparseMemory(RAM, 0);
            LinuxLoader.Loaded l = LinuxLoader.load(m, RAM, BzImage.parse("vmlinuz", Files.readAllBytes(g.get().kernel())),
                    Files.readAllBytes(g.get().initrd()), g.get().append());
            InitialCpuState c = l.cpu();

            Path asm = dir.resolve("bios.asm");
            try (InputStream in = getClass().getResourceAsStream("long-mode-bios.asm")) {
                Files.write(asm, in.readAllBytes());
            }
            run(dir, List.of("nasm", "-f", "bin", "-o", "bios.bin", "-DGDT_BASE=" + c.gdtrBase(),
                    "-DGDT_LIMIT=" + c.gdtrLimit(), "-DCR3=" + c.cr3(), "-DCR4=" + c.cr4(), "-DEFER=" + c.efer(),
                    "-DCR0=" + c.cr0(), "-DRSI=" + c.rsi(), "-DRSP=" + c.rsp(), "-DENTRY=" + c.rip(),
                    "-DCS=" + c.cs().selector(), "-DDS=" + c.ds().selector(), "bios.asm"));
            assertTrue(c.rip() < 1L << 32 && c.cs().selector() == FlatGdt.CODE64_SELECTOR);

            List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "512",
                    "-nographic", "-no-reboot", "-vga", "none", "-nic", "none", "-bios", dir.resolve("bios.bin").toString()));
            int n = 0;
            for (Map.Entry<Long, byte[]> run : m.runs()) {
                Path blob = dir.resolve("ram" + n++ + ".bin");
                Files.write(blob, run.getValue());
                cmd.addAll(List.of("-device", "loader,file=" + blob + ",addr=0x" + Long.toHexString(run.getKey())
                        + ",force-raw=on"));
            }
            String console = bootUntilMarker(cmd, 240);
            Path log = Path.of("target", "loader-qemu-console.log");
            Files.createDirectories(log.getParent());
            Files.writeString(log, console);
            assertTrue(console.contains(MARKER), "no '" + MARKER + "' line; console in " + log.toAbsolutePath());
            // The kernel saw our memory map and command line.
            assertTrue(console.contains("BIOS-e820: [mem 0x00000000000e0000-0x00000000000fffff] reserved"), "e820 as given");
            assertTrue(console.contains("Command line: " + g.get().append()), "command line as given");
            assertEquals(-1, console.indexOf("Kernel panic"));
            System.out.println("QEMU booted the cloud kernel from LinuxLoader's boot_params to '" + MARKER + "'");
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.delete(dir);
        }
    }

    private static String bootUntilMarker(List<String> cmd, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            byte[] buf = new byte[4096];
            try (InputStream in = p.getInputStream()) {
                for (int k; (k = in.read(buf)) > 0;) {
                    synchronized (out) {
                        out.append(new String(buf, 0, k, StandardCharsets.ISO_8859_1));
                        out.notifyAll();
                    }
                }
            } catch (java.io.IOException ignored) {
                // QEMU ended.
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            synchronized (out) {
                while (out.indexOf(MARKER) < 0 && p.isAlive() && System.nanoTime() < deadline) {
                    out.wait(200);
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
        }
        synchronized (out) {
            return out.toString();
        }
    }

    static void run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
