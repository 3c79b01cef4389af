package tvmm.images.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The recipe's current /init, inittab and shell wrapper, booted for real: an initramfs is
 * written from this source tree (busybox and its applet list taken from the cached default
 * guest) and booted with the cached cloud kernel under QEMU TCG, then driven like a user
 * (marker, prompt, uname -a, ^C, dmesg, poweroff). Skips without a cached guest or QEMU.
 */
class DefaultGuestQemuTest {

    @Test
    void currentInitBootsToAnInteractiveShellAndPowersOff() throws Exception {
        Optional<GuestImage> cached = DefaultGuest.cached();
        assumeTrue(cached.isPresent(), "SKIPPED: no cached default guest (guest-images/scripts/qemu-boot.sh builds it)");
        assumeTrue(onPath("qemu-system-x86_64"), "SKIPPED: qemu-system-x86_64 not installed");
        List<CpioNewcReader.Entry> old;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(cached.get().initrd()))) {
            old = CpioNewcReader.read(in);
        }
        byte[] busybox = null;
        List<String> applets = new ArrayList<>();
        for (CpioNewcReader.Entry e : old) {
            if (e.name().equals("bin/busybox")) {
                busybox = e.data();
            } else if (e.type() == CpioNewcWriter.S_IFLNK
                    && new String(e.data(), StandardCharsets.US_ASCII).equals("/bin/busybox")) {
                applets.add(e.name());
            }
        }
        assertTrue(busybox != null && applets.contains("bin/sh"));
        Path initrd = Files.createTempFile("tvmm-initramfs", ".cpio.gz");
        try {
            try (OutputStream out = Files.newOutputStream(initrd)) {
                new InitramfsBuilder(busybox, applets).writeTo(out);
            }
            GuestBootCheck check = new GuestBootCheck(GuestBootCheck.Emulator.QEMU, "qemu-system-x86_64", 256, 240, false);
            GuestBootCheck.Boot b = check.boot(cached.get().kernel(), initrd, DefaultGuest.DEFAULT_APPEND);
            Path log = Path.of("target", "default-guest-qemu-console.log");
            Files.createDirectories(log.getParent());
            Files.writeString(log, b.console());
            assertTrue(b.toMarker() > 0, "no marker line; console in " + log.toAbsolutePath());
            assertTrue(b.toPrompt() > 0, "no shell prompt; console in " + log.toAbsolutePath());
            assertTrue(b.uname().startsWith("Linux tvmm "), b.uname());
            assertTrue(b.ctrlC(), "^C must end a foreground job (job control on the console)");
            assertTrue(b.captures().get("dmesg").contains("Run /init as init process"));
            assertTrue(b.console().contains("reboot: Power down"), "poweroff reached the kernel");
            assertEquals(0, b.exitStatus());
            System.out.printf("QEMU: marker after %.2f s (guest uptime %.2f s)%n", b.toMarker(), b.guestUptime());
        } finally {
            Files.deleteIfExists(initrd);
        }
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
