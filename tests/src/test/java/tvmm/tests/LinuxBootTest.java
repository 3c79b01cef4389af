package tvmm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;
import tvmm.vmm.benchmark.GuestSystem;

/**
 * The milestone end to end: the default guest (Debian's cloud kernel and our busybox
 * initramfs) boots under tvmm to its shell, runs commands typed on the serial console
 * (through a pipe, as a scripted session would) and powers off, ending tvmm with status 0.
 * The guest runs in a child JVM started with this JVM's Truffle flags, so a hang or a VMM
 * crash cannot take the test JVM with it. .ci/run builds the guest first (tvmm image).
 */
class LinuxBootTest {

    private static final String FILE_CONTENT = "tvmm md5 check\n";

    @Test
    void defaultGuestBootsRunsCommandsAndPowersOff() throws Exception {
        Optional<GuestImage> cached = DefaultGuest.cached();
        assumeTrue(cached.isPresent(), "no default guest in the cache: run ./tvmm image first");
        GuestImage guest = cached.get();

        List<String> cmd = GuestSystem.tvmmCommand();
        cmd.addAll(List.of("run", "-kernel", guest.kernel().toString(), "-initrd", guest.initrd().toString(),
                "-append", guest.append(), "-m", "512M", "-nographic", "-serial", "stdio", "-no-reboot",
                "--timeout", "400"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // The console holds piped input until the guest's shell opens the port (RTS), so the
        // whole script can be written at once.
        try (OutputStream in = p.getOutputStream()) {
            String script = String.join("\n",
                    "uname -a",
                    "cat /proc/cpuinfo",
                    "printf '" + FILE_CONTENT.replace("\n", "\\n") + "' > /tmp/f",
                    "md5sum /tmp/f",
                    "sh -c 'i=0; while [ $i -lt 2000 ]; do i=$((i+1)); done; echo loop=$i'",
                    "poweroff",
                    "");
            in.write(script.getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tvmm did not end after the guest's output closed");
        String tail = out.length() > 4000 ? out.substring(out.length() - 4000) : out;

        assertEquals(0, p.exitValue(), "tvmm's exit status after guest poweroff; output:\n" + tail);
        assertTrue(out.contains("tvmm-guest: ready"), "the guest's init never reported ready:\n" + tail);
        assertTrue(out.contains("Linux tvmm 6."), "uname -a:\n" + tail);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("flags") && l.contains(" fpu ") && l.contains(" sse2 ")
                && l.contains(" lm ")), "/proc/cpuinfo flags:\n" + tail);
        assertTrue(out.contains(md5(FILE_CONTENT) + "  /tmp/f"), "busybox md5sum of a guest file:\n" + tail);
        assertTrue(out.contains("loop=2000"), "sh -c loop:\n" + tail);
        assertTrue(out.contains("reboot: Power down"), "the kernel's power-off:\n" + tail);
    }


    private static String md5(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.US_ASCII)));
    }
}
