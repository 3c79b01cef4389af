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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.images.testguests.TestGuest;
import tvmm.images.testguests.TestGuestAssembler;

/**
 * The multiboot loader checked against QEMU's own: every nasm test guest of
 * guest-images is booted twice under QEMU TCG, once by QEMU's multiboot loader
 * ({@code -kernel}) and once from the memory image and {@link InitialCpuState} of
 * {@link MultibootLoader} (entered through protected-mode-bios.asm). Both runs must end
 * the same way (isa-debug-exit status, or shutdown) and print the same debug-console
 * output. Needs nasm and qemu-system-x86_64; skips without them.
 */
class MultibootLoaderQemuTest {
    private static final long RAM = 64 * BootLayout.MiB;

    @Test
    void testGuestsRunTheSameAsUnderQemusOwnMultibootLoader() throws Exception {
        assumeTrue(LinuxLoaderQemuTest.onPath("nasm") && LinuxLoaderQemuTest.onPath("qemu-system-x86_64"),
                "SKIPPED: nasm or qemu-system-x86_64 missing: QEMU cross-check of the multiboot loader skipped");
        TestGuestAssembler assembler = new TestGuestAssembler();
        Path dir = Files.createTempDirectory("tvmm-mb-qemu");
        try {
            for (TestGuest guest : TestGuest.values()) {
                Path kernel = assembler.binary(guest);
                Run reference = qemu(List.of("-kernel", kernel.toString()));

                SparseMemory m = new SparseMemory(RAM, 0);
                MultibootLoader.Loaded l = MultibootLoader.load(m, RAM, guest.fileName(), Files.readAllBytes(kernel),
                        kernel.toString(), List.of());
                InitialCpuState c = l.cpu();
                Path asm = dir.resolve("bios.asm");
                try (InputStream in = getClass().getResourceAsStream("protected-mode-bios.asm")) {
                    Files.write(asm, in.readAllBytes());
                }
                LinuxLoaderQemuTest.run(dir, List.of("nasm", "-f", "bin", "-o", "bios.bin", "-DGDT_BASE=" + c.gdtrBase(),
                        "-DGDT_LIMIT=" + c.gdtrLimit(), "-DCR0=" + c.cr0(), "-DEAX=" + c.rax(), "-DEBX=" + c.rbx(),
                        "-DRSP=" + c.rsp(), "-DENTRY=" + c.rip(), "-DCS=" + c.cs().selector(),
                        "-DDS=" + c.ds().selector(), "bios.asm"));
                List<String> args = new ArrayList<>(List.of("-bios", dir.resolve("bios.bin").toString()));
                int n = 0;
                for (Map.Entry<Long, byte[]> run : m.runs()) {
                    Path blob = dir.resolve("ram" + n++ + ".bin");
                    Files.write(blob, run.getValue());
                    args.addAll(List.of("-device", "loader,file=" + blob + ",addr=0x" + Long.toHexString(run.getKey())
                            + ",force-raw=on"));
                }
                Run ours = qemu(args);
                System.out.printf("%-9s QEMU -kernel: status %d; tvmm MultibootLoader: status %d%n", guest.fileName(),
                        reference.status(), ours.status());
                assertEquals(reference.status(), ours.status(), guest.fileName() + ": exit status\n" + ours.console());
                assertEquals(reference.console(), ours.console(), guest.fileName() + ": debug console output");
            }
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.delete(dir);
        }
    }

    record Run(String console, int status) {
    }

    /** The test guests' machine as guest-images' QemuTestGuests runs it, plus {@code extra}. */
    private static Run qemu(List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-cpu", "max", "-m", "64",
                "-nographic", "-monitor", "none", "-serial", "none", "-no-reboot", "-vga", "none", "-nic", "none",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-debugcon", "stdio"));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        int status = p.waitFor();
        killer.interrupt();
        assertTrue(status != 137, "QEMU killed after 60 s");
        return new Run(out, status);
    }
}
