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
 * Boots a kernel and initramfs (by default tvmm's default guest) in an emulator and
 * checks that it works the way a user would: waits for the init's marker line, types
 * {@code uname -a}, checks that ^C ends a foreground job, saves the guest's dmesg (and
 * its warnings, /proc/cpuinfo, /proc/interrupts, /proc/iomem) and types {@code poweroff}.
 * It reports the wall time from starting the emulator to the marker and the guest's own
 * uptime at that moment. The emulator is QEMU TCG, the reference peer of DESIGN.md §8
 * and §11, or tvmm itself ({@code ./tvmm run}), so both boot the same image the same way
 * (see {@link BootCheckMain}). QEMU is only a yardstick; tvmm never needs it.
 */
public final class GuestBootCheck {
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
     * What is saved from the guest for the comparison of DESIGN.md §10: name of the side
     * file (qemu-NAME.txt, tvmm-NAME.txt) and the command whose output it holds.
     */
    static final Map<String, String> CAPTURES = new LinkedHashMap<>();
    static {
        CAPTURES.put("dmesg", "dmesg");
        CAPTURES.put("dmesg-raw", "dmesg -r"); // with <level> prefixes, for the warnings list
        CAPTURES.put("cpuinfo", "cat /proc/cpuinfo");
        CAPTURES.put("interrupts", "cat /proc/interrupts");
        CAPTURES.put("iomem", "cat /proc/iomem");
    }

    /** Which emulator runs the guest: QEMU TCG (the reference) or tvmm through its launcher. */
    enum Emulator {
        QEMU, TVMM;

        /** Prefix of the side files this emulator's boots leave (qemu-dmesg.txt, tvmm-dmesg.txt). */
        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Emulator emulator;
    private final String program;
    private final int memoryMiB;
    private final long timeoutNanos;
    private final boolean verbose;

    /**
     * @param program qemu-system-x86_64 (or another QEMU binary) for QEMU, the tvmm launcher for TVMM
     */
    GuestBootCheck(Emulator emulator, String program, int memoryMiB, int timeoutSeconds, boolean verbose) {
        this.emulator = emulator;
        this.program = program;
        this.memoryMiB = memoryMiB;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        this.verbose = verbose;
    }

    Emulator emulator() {
        return emulator;
    }

    /** The same machine on both sides: RAM, serial console on stdio, no reboot. */
    List<String> command(Path kernel, Path initrd, String append) {
        if (emulator == Emulator.TVMM) {
            return List.of(program, "run", "-m", memoryMiB + "M", "-nographic", "-no-reboot", "-kernel",
                    kernel.toString(), "-initrd", initrd.toString(), "-append", append);
        }
        return List.of(program, "-accel", "tcg", "-m", Integer.toString(memoryMiB), "-nographic", "-no-reboot",
                "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append", append);
    }

    private Process start(List<String> cmd) throws IOException {
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(program + " cannot be started" + (emulator == Emulator.QEMU
                    ? " (apt-get install qemu-system-x86)" : "") + ": " + e.getMessage(), e);
        }
    }

    /** One boot: marker, uname -a, dmesg, poweroff. */
    Boot boot(Path kernel, Path initrd, String append) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = start(command(kernel, initrd, append));
        SerialConsole console = new SerialConsole(p.getInputStream(), verbose);
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
        long t0 = System.nanoTime();
        Process p = start(command(kernel, initrd, append + " tvmm.bench=" + names));
        SerialConsole console = new SerialConsole(p.getInputStream(), verbose);
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
    private static boolean interrupts(SerialConsole console, OutputStream keys, long deadline)
            throws IOException, InterruptedException {
        int start = console.length();
        // The job announces itself (the quotes keep the typed line's echo from matching),
        // so ^C is sent while sleep runs in the foreground, not while the shell parses.
        type(keys, "echo 'job''-started'; sleep 60");
        if (console.await(Pattern.compile("job-started\\r?\\n"), start, deadline) == null) {
            return false;
        }
        int typed = console.length();
        Thread.sleep(1000); // fork and exec of sleep, even on a slow emulator
        keys.write(3); // ^C
        keys.flush();
        return console.await(PROMPT, typed, Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(20))) != null;
    }

    /** The output of {@code command} alone, between two marker lines (kernel messages may interleave). */
    private static String capture(SerialConsole console, OutputStream keys, String command, long deadline)
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
    private static String run(SerialConsole console, OutputStream keys, String command, long deadline)
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

    /** A warning line without its level and timestamp, so the same message matches across boots. */
    static String normalize(String warning) {
        return warning.replaceFirst("^<\\d+>\\[\\s*[0-9.]+\\]\\s*", "").replaceAll("[0-9]+", "N");
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
