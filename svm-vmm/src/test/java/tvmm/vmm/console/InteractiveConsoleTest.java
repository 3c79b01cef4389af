package tvmm.vmm.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as a user meets it: {@link ConsoleDemo} (real console, real 16550A, a guest
 * that echoes keys upper-cased) started from a shell inside a tmux pseudo-terminal; keys
 * are typed with {@code tmux send-keys}, the screen read with {@code capture-pane}, and
 * the terminal settings compared with {@code stty -g} before and after, on each way out:
 * C-a x, guest power-off, an uncaught exception in the VMM, SIGTERM and SIGINT.
 * Skipped when tmux is missing (Debian package {@code tmux}).
 */
class InteractiveConsoleTest {
    private static final long WAIT_MILLIS = 30_000;

    @TempDir
    Path dir;
    private boolean serverStarted;
    private static String snapshotClassPath;
    private static Path snapshotDir;

    @AfterEach
    void killServer() throws Exception {
        if (serverStarted) {
            tmux("kill-server"); // only the server on our own socket
        }
    }

    @AfterAll
    static void deleteSnapshot() throws IOException {
        if (snapshotDir != null) {
            try (var files = Files.walk(snapshotDir)) {
                for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void typedKeysReachTheGuestAndCtrlAxQuitsWithTheTerminalRestored() throws Exception {
        start("quit");
        keys("-l", "hello");
        waitForScreen(s -> s.contains("HELLO"), "the guest's echo of typed keys");
        assertFalse(screen().contains("hello"), "raw mode: the terminal itself echoes nothing");
        keys("C-c", "C-z", "C-\\");
        waitForScreen(s -> s.contains("<03><1a><1c>"), "Ctrl-C, Ctrl-Z, Ctrl-\\ as bytes for the guest");
        keys("C-a", "C-a", "C-a", "a");
        waitForScreen(s -> s.contains("<01><01>"), "C-a C-a and C-a a send a literal C-a");
        keys("C-a", "h");
        waitForScreen(s -> s.contains("C-a x    exit tvmm"), "the escape help");
        keys("Enter");
        keys("-l", "z");
        waitForScreen(s -> s.contains("\nZ"), "Enter as CR (the guest answers CR LF), then z");
        assertFalse(screen().contains("<0a>"), "no CR to NL translation on input");
        keys("C-a", "x");
        assertEquals("0", exitStatus("quit"), "C-a x exits 0 as in QEMU");
        assertTrue(screen().contains("tvmm: terminated"));
        assertTerminalRestored("quit");
        assertEquals(Files.readString(dir.resolve("quit.before")), Files.readString(dir.resolve("quit.closed")),
                "Console.close() itself restored the terminal, before the JVM's exit");
        // The shell works again: it echoes what is typed and runs it.
        keys("-l", "echo shell-$((6*7))");
        keys("Enter");
        waitForScreen(s -> s.contains("echo shell-$((6*7))") && s.contains("\nshell-42"), "a working shell");
    }

    @Test
    void guestPowerOffRestoresTheTerminal() throws Exception {
        startWith("poweroff", "TERM=dumb "); // still raw mode: "(terminal)" in the banner
        keys("-l", "#");
        assertEquals("0", exitStatus("poweroff"));
        assertTrue(screen().contains("reboot: Power down"), "the guest's last words are written before exit");
        assertTerminalRestored("poweroff");
    }

    @Test
    void aCrashingVmmRestoresTheTerminal() throws Exception {
        start("crash");
        keys("-l", "!");
        assertEquals("1", exitStatus("crash"), "an uncaught exception in main");
        assertTrue(screen().contains("demo crash: the VMM died"));
        assertTerminalRestored("crash");
    }

    @Test
    void sigtermRestoresTheTerminal() throws Exception {
        killedBy("TERM", "143");
    }

    @Test
    void sigintRestoresTheTerminal() throws Exception {
        // Ctrl-C is a byte for the guest, but kill -INT still ends tvmm through the hooks.
        killedBy("INT", "130");
    }

    private void killedBy(String signal, String status) throws Exception {
        start(signal);
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(demoPid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertEquals(status, exitStatus(signal), "the JVM's status for SIG" + signal);
        assertTerminalRestored(signal);
    }

    @Test
    void scriptedSessionThroughPipes() throws Exception {
        // No terminal at all (CI): stdin and stdout are pipes; no raw mode, no escapes.
        Process demo = new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-cp", testClassPath(),
                ConsoleDemo.class.getName()).redirectErrorStream(true).start();
        demo.getOutputStream().write("uname\r\u0001x#".getBytes(StandardCharsets.ISO_8859_1));
        demo.getOutputStream().close(); // EOF after the power-off key: the guest still gets it all
        assertTrue(demo.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the demo powered off");
        String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(0, demo.exitValue(), out);
        assertTrue(out.contains("(pipe)"), out);
        assertTrue(out.contains("UNAME\r\n<01>X"), "C-a is plain input on a pipe: " + out);
        assertTrue(out.endsWith("reboot: Power down\r\n"), out);
    }

    // --- the tmux session -----------------------------------------------------------

    /** Starts a shell in a fresh tmux server and runs the demo from it; waits for its banner. */
    private void start(String name) throws Exception {
        startWith(name, "");
    }

    /** As {@link #start}, with environment assignments ({@code "VAR=value "}) for the demo. */
    private void startWith(String name, String env) throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(), "tmux is not installed (Debian: apt-get install -y tmux)");
        Path script = dir.resolve("run.sh");
        Files.writeString(script, String.join("\n",
                "# the demo between two snapshots of the terminal settings",
                "stty -g > \"$1.before\"",
                env + "'" + javaBinary() + "' --enable-native-access=ALL-UNNAMED -cp '" + testClassPath() + "' "
                        + ConsoleDemo.class.getName() + " \"$1.closed\"",
                "status=$?",
                "stty -g > \"$1.after\"",
                "echo \"$status\" > \"$1.status\"",
                ""));
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "demo", "-x", "160", "-y", "50", "-c", dir.toString(),
                "env PS1='$ ' sh");
        serverStarted = true;
        keys("-l", "sh run.sh " + name);
        keys("Enter");
        waitForScreen(s -> s.contains("console demo ready") && s.contains("(terminal)"), "the demo's banner");
    }

    private long demoPid() throws Exception {
        Matcher m = Pattern.compile("console demo ready, pid (\\d+)").matcher(screen());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "demo"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", "demo", "-S", "-");
    }

    private void waitForScreen(Predicate<String> done, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        String s = screen();
        while (!done.test(s) && System.nanoTime() < end) {
            Thread.sleep(50);
            s = screen();
        }
        assertTrue(done.test(s), "timed out waiting for " + what + "; the screen:\n" + s);
    }

    private String exitStatus(String name) throws Exception {
        Path status = dir.resolve(name + ".status");
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!Files.exists(status) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(status), "the demo did not end; the screen:\n" + screen());
        Thread.sleep(20); // the shell's echo finishes writing the one line
        return Files.readString(status).strip();
    }

    private void assertTerminalRestored(String name) throws IOException {
        String before = Files.readString(dir.resolve(name + ".before")).strip();
        String after = Files.readString(dir.resolve(name + ".after")).strip();
        assertFalse(before.isEmpty());
        assertEquals(before, after, "stty -g before and after the console");
    }

    private String tmux(String... args) throws Exception {
        // Our own server on a socket in the test's directory: no other tmux is touched, and
        // the socket goes away with the directory.
        List<String> cmd = new ArrayList<>(List.of("tmux", "-S", dir.resolve("tmux.sock").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "tmux " + args[0] + " hung");
        assertEquals(0, p.exitValue(), "tmux " + String.join(" ", args) + ": " + out);
        return out;
    }

    static boolean tmuxInstalled() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The class path of this test run (surefire may hide it behind a manifest-only jar),
     * with this package's classes and the project's own jars copied first: other helpers'
     * builds of the same checkout rewrite target/ and ~/.m2 while the demo loads classes
     * lazily. A copy taken mid-rebuild is retried until every class the demo needs is there.
     */
    static synchronized String testClassPath() throws Exception {
        if (snapshotClassPath != null) {
            return snapshotClassPath;
        }
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        Path snapshot = Files.createTempDirectory("tvmm-console-demo");
        snapshotDir = snapshot;
        String pkg = Console.class.getPackageName().replace('.', '/');
        List<String> needed = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {ConsoleDemo.class, LoopbackGuest.class, Console.class, ConsoleOutput.class,
                GuestInput.class, RawTerminal.class, EscapeDecoder.class, Escape.class}) {
            needed.add(c.getName());
            for (Class<?> inner : c.getDeclaredClasses()) {
                needed.add(inner.getName());
            }
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<String> entries = new ArrayList<>(List.of(snapshot.toString()));
            try {
                for (String entry : cp.split(File.pathSeparator)) {
                    Path from = Path.of(entry);
                    if (Files.isDirectory(from.resolve(pkg))) {
                        Path to = Files.createDirectories(snapshot.resolve(pkg));
                        try (var files = Files.list(from.resolve(pkg))) {
                            for (Path f : (Iterable<Path>) files::iterator) {
                                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    } else if (entry.contains("/dev/tvmm/") && entry.endsWith(".jar")) {
                        Path copy = snapshot.resolve(from.getFileName());
                        Files.copy(from, copy, StandardCopyOption.REPLACE_EXISTING);
                        entry = copy.toString();
                    }
                    entries.add(entry);
                }
                if (needed.stream().allMatch(n -> Files.exists(snapshot.resolve(n.replace('.', '/') + ".class")))) {
                    snapshotClassPath = String.join(File.pathSeparator, entries);
                    return snapshotClassPath;
                }
            } catch (IOException e) {
                // a file vanished while we copied: the module is being rebuilt; try again
            }
            if (System.nanoTime() > end) {
                throw new IOException("the test classes kept changing (concurrent builds?)");
            }
            Thread.sleep(1000);
        }
    }
}
