package tvmm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;
import tvmm.vmm.benchmark.GuestSystem;

/**
 * A kernel panic ends tvmm with one line and status 6. {@code rdinit=/nonexistent} makes the
 * kernel skip the initramfs's /init and mount a root device, and with no {@code root=} it panics
 * ("VFS: Unable to mount root fs") where it would have started init; {@code panic=-1} then resets
 * the machine, which tvmm turns into the panic exit instead of a reboot.
 */
class PanicTest {
    @Test
    void kernelPanicEndsTvmmWithItsReason() throws Exception {
        Optional<GuestImage> cached = DefaultGuest.cached();
        assumeTrue(cached.isPresent(), "no default guest in the cache: run ./tvmm image first");
        GuestImage guest = cached.get();

        List<String> cmd = GuestSystem.tvmmCommand();
        cmd.addAll(List.of("run", "-kernel", guest.kernel().toString(), "-initrd", guest.initrd().toString(),
                "-append", "console=ttyS0 panic=-1 rdinit=/nonexistent", "-m", "512M", "-nographic",
                "--timeout", "400"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tvmm did not end after its output closed");
        String tail = out.length() > 3000 ? out.substring(out.length() - 3000) : out;

        assertEquals(6, p.exitValue(), "the panic status; output:\n" + tail);
        assertTrue(out.lines().map(String::strip).anyMatch(
                "tvmm: guest kernel panic: VFS: Unable to mount root fs on unknown-block(0,0)"::equals),
                "the one-line reason:\n" + tail);
        assertEquals(1, RebootTest.count(out, "Linux version 6."), "no reboot after the panic:\n" + tail);
    }
}
