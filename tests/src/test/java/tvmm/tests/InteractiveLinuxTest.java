package tvmm.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;
import tvmm.vmm.benchmark.GuestSystem;

/**
 * The console is interactive: tvmm runs the default guest inside a tmux pseudo-terminal
 * (raw mode, as a user's terminal), keys are typed with {@code tmux send-keys}, and the
 * screen shows the shell answering them. Skipped without tmux (Debian package tmux) or
 * without a built guest (.ci/run provides both).
 */
class InteractiveLinuxTest {
    private static final long BOOT_MILLIS = 400_000;
    private static final long ANSWER_MILLIS = 60_000;

    @TempDir
    Path dir;
    private String socket;

    @AfterEach
    void killServer() throws Exception {
        if (socket != null) {
            tmux("kill-server");
        }
    }

    @Test
    void typedCommandsReachTheGuestShell() throws Exception {
        assumeTrue(onPath("tmux"), "tmux is not installed");
        Optional<GuestImage> cached = DefaultGuest.cached();
        assumeTrue(cached.isPresent(), "no default guest in the cache: run ./tvmm image first");
        GuestImage g = cached.get();

        List<String> cmd = GuestSystem.tvmmCommand();
        cmd.addAll(List.of("run", "-kernel", g.kernel().toString(), "-initrd", g.initrd().toString(),
                "-append", g.append(), "-m", "512M", "-no-reboot", "--timeout", "600"));
        Path script = dir.resolve("run.sh");
        Files.writeString(script, cmd.stream().map(InteractiveLinuxTest::quote).collect(Collectors.joining(" "))
                + "\necho tvmm-exit=$?\nsleep 600\n");
        socket = "tvmm-test-" + ProcessHandle.current().pid();
        tmux("new-session", "-d", "-x", "160", "-y", "50", "bash " + script);

        waitForScreen(s -> s.contains("tvmm:~#"), BOOT_MILLIS, "the guest's shell prompt");
        tmux("send-keys", "-l", "echo typed-$((6*7))");
        tmux("send-keys", "Enter");
        waitForScreen(s -> s.contains("\ntyped-42"), ANSWER_MILLIS, "the shell's answer to a typed command");
        tmux("send-keys", "-l", "poweroff");
        tmux("send-keys", "Enter");
        waitForScreen(s -> s.contains("tvmm-exit=0"), ANSWER_MILLIS, "tvmm ending with status 0 after poweroff");
    }

    private void waitForScreen(Predicate<String> ready, long millis, String what) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        String screen = "";
        while (System.currentTimeMillis() < deadline) {
            screen = tmux("capture-pane", "-p", "-J", "-S", "-100", "-t", "0");
            if (ready.test(screen)) {
                return;
            }
            Thread.sleep(500);
        }
        assertTrue(false, "timed out waiting for " + what + "; screen:\n" + screen);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("tmux", "-L", socket));
        c.addAll(List.of(args));
        Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }


    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
