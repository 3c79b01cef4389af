package tvmm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;
import tvmm.vmm.benchmark.GuestSystem;

/**
 * Guest {@code reboot} reboots the machine (without {@code -no-reboot}): the default guest boots
 * to its shell, is told to reboot, the kernel boots a second time to the shell on the same tvmm
 * process (devices and vCPUs reset, kernel and initramfs loaded again), and {@code poweroff}
 * then ends tvmm with status 0. One boot pair, in a child JVM as {@link LinuxBootTest}.
 */
class RebootTest {
    private static final String READY = "tvmm-guest: ready";
    private static final long BOOT_MILLIS = 300_000;

    @Test
    void rebootBootsTheKernelAgainThenPoweroffEndsWithZero() throws Exception {
        Optional<GuestImage> cached = DefaultGuest.cached();
        assumeTrue(cached.isPresent(), "no default guest in the cache: run ./tvmm image first");
        GuestImage guest = cached.get();

        List<String> cmd = GuestSystem.tvmmCommand();
        cmd.addAll(List.of("run", "-kernel", guest.kernel().toString(), "-initrd", guest.initrd().toString(),
                "-append", guest.append(), "-m", "512M", "-nographic", "-serial", "stdio", "--timeout", "600"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Output out = new Output(p.getInputStream());
        try (OutputStream in = p.getOutputStream()) {
            // One line at a time: input written before the reboot would reach the first shell.
            out.await(1, BOOT_MILLIS);
            in.write("reboot\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            out.await(2, BOOT_MILLIS);
            in.write("poweroff\n".getBytes(StandardCharsets.US_ASCII));
        } finally {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        out.thread.join(10_000);
        String text = out.text();
        String tail = text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        assertEquals(0, p.exitValue(), "tvmm's exit status after reboot and poweroff; output:\n" + tail);
        assertEquals(2, count(text, "Linux version 6."), "the kernel booted twice:\n" + tail);
        assertTrue(text.contains("reboot: Restarting system"), "the guest asked for the reboot:\n" + tail);
        assertEquals(1, count(text, ": rebooting"), "tvmm's one line for the reset:\n" + tail);
        assertTrue(text.indexOf("reboot: Power down") > text.lastIndexOf(READY), "poweroff after the 2nd boot:\n"
                + tail);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** Collects the child's output on a thread, so the test can wait for lines in it. */
    static final class Output {
        private final StringBuilder text = new StringBuilder();
        final Thread thread;

        Output(InputStream from) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[8192];
                try {
                    for (int n; (n = from.read(buf)) > 0; ) {
                        synchronized (text) {
                            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            text.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the child ended
                }
            });
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        /** Waits until the guest has reported ready {@code times} times. */
        void await(int times, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            synchronized (text) {
                while (count(text.toString(), READY) < times) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0 || !thread.isAlive() && count(text.toString(), READY) < times) {
                        String t = text.toString();
                        throw new AssertionError("guest not ready (" + times + "):\n"
                                + (t.length() > 4000 ? t.substring(t.length() - 4000) : t));
                    }
                    text.wait(Math.min(left, 1000));
                }
            }
        }
    }
}
