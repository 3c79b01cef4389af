package tvmm.images.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boots a kernel and initramfs (by default tvmm's default guest) in QEMU TCG, the
 * reference peer of DESIGN.md §8 and §11, and checks that the image works: it waits for
 * the init's marker line, types {@code uname -a}, saves the guest's full {@code dmesg}
 * (and its warnings, /proc/cpuinfo, /proc/interrupts, /proc/iomem)
 * and types {@code poweroff}. It reports the wall time from starting QEMU to the marker
 * and the guest's own uptime at that moment: the QEMU side of the boot-time comparison.
 *
 * <p>QEMU is only a yardstick here; tvmm never needs it. Run through
 * {@code guest-images/scripts/qemu-boot.sh [--runs N] [--kernel K --initrd I] [--verbose]}.
 */
public final class QemuBootCheck {
    static final String MARKER = "tvmm-guest: ready";
    private static final Pattern MARKER_LINE = Pattern.compile("tvmm-guest: ready \\(uptime ([0-9.]+) s\\)");
    /** The shell's prompt; ash follows it with a cursor-position query (ESC [ 6 n), hence no "$". */
    private static final Pattern PROMPT = Pattern.compile("tvmm:[^\\n#]*# ");
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    /** What one boot showed. Times are seconds; -1 where the point was never reached. */
    record Boot(double toMarker, double guestUptime, double toPrompt, double total, int exitStatus, String uname,
            boolean ctrlC, Map<String, String> captures, String console) {
    }

    /**
     * What is saved from the guest for comparison with tvmm (DESIGN.md §10): name of the
     * side file (qemu-NAME.txt) and the command whose output it holds.
     */
    static final Map<String, String> CAPTURES = new LinkedHashMap<>();
    static {
        CAPTURES.put("dmesg", "dmesg");
        CAPTURES.put("dmesg-raw", "dmesg -r"); // with <level> prefixes, for the warnings list
        CAPTURES.put("cpuinfo", "cat /proc/cpuinfo");
        CAPTURES.put("interrupts", "cat /proc/interrupts");
        CAPTURES.put("iomem", "cat /proc/iomem");
    }

    private final String qemu;
    private final int memoryMiB;
    private final long timeoutNanos;
    private final boolean verbose;

    QemuBootCheck(String qemu, int memoryMiB, int timeoutSeconds, boolean verbose) {
        this.qemu = qemu;
        this.memoryMiB = memoryMiB;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        this.verbose = verbose;
    }

    List<String> command(Path kernel, Path initrd, String append) {
        return List.of(qemu, "-accel", "tcg", "-m", Integer.toString(memoryMiB), "-nographic", "-no-reboot",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", append);
    }

    /** One boot: marker, uname -a, dmesg, poweroff. */
    Boot boot(Path kernel, Path initrd, String append) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(kernel, initrd, append)).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(qemu + " is not installed (apt-get install qemu-system-x86): " + e.getMessage(), e);
        }
        Console console = new Console(p.getInputStream(), verbose);
        OutputStream keys = p.getOutputStream();
        long deadline = t0 + timeoutNanos;
        double toMarker = -1;
        double uptime = -1;
        double toPrompt = -1;
        String uname = "";
        boolean ctrlC = false;
        Map<String, String> captures = new LinkedHashMap<>();
        try {
            Matcher m = console.await(MARKER_LINE, 0, deadline);
            if (m != null) {
                toMarker = seconds(System.nanoTime() - t0);
                uptime = Double.parseDouble(m.group(1));
                Matcher prompt = console.await(PROMPT, m.end(), deadline);
                if (prompt != null) {
                    toPrompt = seconds(System.nanoTime() - t0);
                    uname = run(console, keys, "uname -a", deadline);
                    ctrlC = interrupts(console, keys, deadline);
                    for (Map.Entry<String, String> c : CAPTURES.entrySet()) {
                        captures.put(c.getKey(), capture(console, keys, c.getValue(), deadline));
                    }
                    type(keys, "poweroff");
                }
            }
            if (!p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        } finally {
            p.destroy();
        }
        int status = p.waitFor();
        console.join();
        return new Boot(toMarker, uptime, toPrompt, seconds(System.nanoTime() - t0), status, uname.strip(), ctrlC,
                captures, console.text());
    }

    /** One benchmark run as init reports it: guest uptime at start and end, and host wall time between the lines. */
    record BenchResult(String name, int status, double guestSeconds, double wallSeconds) {
    }

    private static final Pattern BENCH_START = Pattern.compile("tvmm-bench: start (\\S+)");
    private static final Pattern BENCH_END = Pattern.compile(
            "tvmm-bench: end (\\S+) status=(\\d+) uptime-start=([0-9.]+) uptime-end=([0-9.]+)");
    private static final Pattern BENCH_DONE = Pattern.compile("tvmm-bench: done");

    /**
     * Boots with {@code tvmm.bench=NAMES} on the command line: init runs /bench/NAME for
     * each name instead of starting a shell, reports each, and powers off.
     */
    List<BenchResult> bench(Path kernel, Path initrd, String append, String names) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(kernel, initrd, append + " tvmm.bench=" + names))
                .redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        Console console = new Console(p.getInputStream(), verbose);
        long deadline = t0 + timeoutNanos;
        List<BenchResult> results = new ArrayList<>();
        try {
            int from = 0;
            while (true) {
                Matcher start = console.await(BENCH_START, from, deadline);
                Matcher done = console.await(BENCH_DONE, from, System.nanoTime());
                if (start == null || (done != null && done.start() < start.start())) {
                    break;
                }
                long wallStart = System.nanoTime();
                Matcher end = console.await(BENCH_END, start.end(), deadline);
                if (end == null) {
                    break;
                }
                results.add(new BenchResult(end.group(1), Integer.parseInt(end.group(2)),
                        Double.parseDouble(end.group(4)) - Double.parseDouble(end.group(3)),
                        seconds(System.nanoTime() - wallStart)));
                from = end.end();
            }
            p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } finally {
            p.destroy();
            p.waitFor();
            console.join();
        }
        return results;
    }

    /**
     * Job control works when Ctrl-C at the console ends a foreground job: the shell must
     * own the serial line as its controlling terminal (setsid + cttyhack in /init).
     */
    private static boolean interrupts(Console console, OutputStream keys, long deadline)
            throws IOException, InterruptedException {
        int start = console.length();
        type(keys, "sleep 60");
        if (console.await(Pattern.compile("sleep 60\\r?\\n"), start, deadline) == null) {
            return false;
        }
        int typed = console.length();
        Thread.sleep(200); // let the shell start sleep in the foreground
        keys.write(3); // ^C
        keys.flush();
        return console.await(PROMPT, typed, Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(20))) != null;
    }

    /** The output of {@code command} alone, between two marker lines (kernel messages may interleave). */
    private static String capture(Console console, OutputStream keys, String command, long deadline)
            throws IOException, InterruptedException {
        // The quotes keep the typed command's echo from matching the markers.
        String out = run(console, keys, "echo '==out''-begin=='; " + command + "; echo '==out''-end=='", deadline);
        int b = out.indexOf("==out-begin==");
        int e = out.indexOf("==out-end==");
        return b >= 0 && e > b ? out.substring(out.indexOf('\n', b) + 1, e) : out;
    }

    /** Kernel log lines at level warning (4) or more severe, from {@code dmesg -r} output. */
    static List<String> warnings(String rawDmesg) {
        List<String> w = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^<(\\d+)>(.*)$").matcher(rawDmesg);
        while (m.find()) {
            if ((Integer.parseInt(m.group(1)) & 7) <= 4) {
                w.add("<" + m.group(1) + ">" + m.group(2));
            }
        }
        return w;
    }

    /** Types a command, waits for the next prompt, returns what was printed in between. */
    private static String run(Console console, OutputStream keys, String command, long deadline)
            throws IOException, InterruptedException {
        int start = console.length();
        type(keys, command);
        Matcher prompt = console.await(PROMPT, start, deadline);
        String text = console.text().substring(start, prompt == null ? console.length() : prompt.start());
        // Drop the echo of the command line itself.
        int nl = text.indexOf('\n');
        return ANSI_ESCAPE.matcher(nl < 0 ? "" : text.substring(nl + 1)).replaceAll("").replace("\r", "");
    }

    private static void type(OutputStream keys, String line) throws IOException {
        keys.write((line + "\r").getBytes(StandardCharsets.US_ASCII));
        keys.flush();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The guest's serial output, collected by a reader thread and searchable while it grows. */
    private static final class Console {
        private final StringBuilder text = new StringBuilder();
        private final Thread reader;

        Console(InputStream in, boolean echo) {
            reader = Thread.ofPlatform().daemon().start(() -> {
                byte[] buf = new byte[4096];
                try (in) {
                    for (int n; (n = in.read(buf)) > 0;) {
                        if (echo) {
                            System.err.write(buf, 0, n);
                            System.err.flush();
                        }
                        synchronized (text) {
                            text.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                            text.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // QEMU closed its output: the guest is gone.
                }
                synchronized (text) {
                    text.notifyAll();
                }
            });
        }

        Matcher await(Pattern pattern, int from, long deadline) throws InterruptedException {
            synchronized (text) {
                while (true) {
                    Matcher m = pattern.matcher(text);
                    if (from <= text.length() && m.find(from)) {
                        return m;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !reader.isAlive()) {
                        return null;
                    }
                    text.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
                }
            }
        }

        int length() {
            synchronized (text) {
                return text.length();
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        void join() throws InterruptedException {
            reader.join(5000);
        }
    }

    public static void main(String[] args) throws Exception {
        Path kernel = null;
        Path initrd = null;
        String append = DefaultGuest.DEFAULT_APPEND;
        String qemu = "qemu-system-x86_64";
        int runs = 1;
        int memory = 512;
        int timeout = 180;
        boolean verbose = false;
        String bench = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--initrd" -> initrd = Path.of(args[++i]);
                case "--append" -> append = args[++i];
                case "--qemu" -> qemu = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "-m", "--memory" -> memory = Integer.parseInt(args[++i]);
                case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                case "--verbose" -> verbose = true;
                case "--bench" -> bench = args[++i];
                default -> {
                    System.err.println("usage: qemu-boot.sh [--kernel K --initrd I] [--append A] [--runs N]"
                            + " [-m MiB] [--timeout S] [--qemu BINARY] [--verbose] [--bench NAME[,NAME]|all]");
                    System.exit(2);
                }
            }
        }
        Path sideFiles;
        if (kernel == null || initrd == null) {
            GuestImage g;
            try {
                g = DefaultGuest.ensure();
            } catch (GuestImageException e) {
                System.err.println("tvmm: " + e.getMessage());
                System.exit(1);
                return;
            }
            kernel = g.kernel();
            initrd = g.initrd();
            sideFiles = g.directory();
            System.out.println("guest: " + g.description());
        } else {
            sideFiles = GuestCache.root().resolve("qemu-check");
        }
        QemuBootCheck check = new QemuBootCheck(qemu, memory, timeout, verbose);
        System.out.println("qemu: " + String.join(" ", check.command(kernel, initrd, "\"" + append + "\"")));
        if (bench != null) {
            boolean ok = true;
            for (int r = 1; r <= runs; r++) {
                List<BenchResult> results = check.bench(kernel, initrd, append, bench);
                if (results.isEmpty()) {
                    System.out.println("FAILED: no benchmark ran (is /bench/" + bench + " in the initramfs? try --verbose)");
                    ok = false;
                    break;
                }
                for (BenchResult b : results) {
                    System.out.printf(Locale.ROOT, "run %d: bench %s status %d: %.3f s guest time, %.3f s wall%n", r,
                            b.name(), b.status(), b.guestSeconds(), b.wallSeconds());
                    ok &= b.status() == 0;
                }
            }
            System.exit(ok ? 0 : 1);
        }
        List<Boot> boots = new ArrayList<>();
        boolean ok = true;
        for (int r = 1; r <= runs; r++) {
            Boot b = check.boot(kernel, initrd, append);
            boots.add(b);
            System.out.printf(Locale.ROOT, "run %d: marker after %.2f s wall (guest uptime %.2f s), prompt after %.2f s,"
                    + " powered off after %.2f s, qemu exit status %d%n", r, b.toMarker(), b.guestUptime(), b.toPrompt(),
                    b.total(), b.exitStatus());
            Files.createDirectories(sideFiles);
            Files.writeString(sideFiles.resolve("qemu-console.log"), b.console());
            if (b.toMarker() < 0 || b.toPrompt() < 0 || b.exitStatus() != 0 || b.uname().isEmpty() || !b.ctrlC()) {
                ok = false;
                System.out.println("FAILED: see " + sideFiles.resolve("qemu-console.log")
                        + (b.toMarker() < 0 ? " (no '" + MARKER + "' line)" : ""));
                break;
            }
            if (r == 1) {
                System.out.println("uname -a: " + b.uname());
                System.out.println("job control: Ctrl-C " + (b.ctrlC() ? "ends" : "does NOT end") + " a foreground job");
                for (Map.Entry<String, String> c : b.captures().entrySet()) {
                    Files.writeString(sideFiles.resolve("qemu-" + c.getKey() + ".txt"), c.getValue());
                }
                List<String> warnings = warnings(b.captures().getOrDefault("dmesg-raw", ""));
                Path warningsFile = sideFiles.resolve("qemu-dmesg-warnings.txt");
                Files.write(warningsFile, warnings);
                System.out.println("dmesg: " + sideFiles.resolve("qemu-dmesg.txt") + " ("
                        + b.captures().getOrDefault("dmesg", "").lines().count() + " lines; " + warnings.size()
                        + " at warning level or worse in " + warningsFile.getFileName() + ")");
                System.out.println("also saved: " + String.join(", ", CAPTURES.keySet().stream()
                        .map(k -> "qemu-" + k + ".txt").toList()) + " in " + sideFiles);
            }
        }
        if (ok && runs > 1) {
            System.out.printf(Locale.ROOT, "median of %d runs: marker after %.2f s wall, guest uptime %.2f s%n", runs,
                    median(boots.stream().mapToDouble(Boot::toMarker).toArray()),
                    median(boots.stream().mapToDouble(Boot::guestUptime).toArray()));
        }
        System.exit(ok ? 0 : 1);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
