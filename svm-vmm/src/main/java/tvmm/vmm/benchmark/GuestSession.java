package tvmm.vmm.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One boot of a benchmark guest in an emulator process (QEMU or tvmm), read from its
 * serial console on stdout. The guest's /init (guest-images) prints
 * {@code tvmm-guest: ready}, then per benchmark {@code tvmm-bench: start NAME}, the
 * program's result line and {@code tvmm-bench: end NAME status=N}, and finally
 * {@code tvmm-bench: done} before it powers off. Deadlines: {@link Suite#bootTimeout()}
 * to the ready line, {@link Suite#benchTimeout()} per benchmark. Whatever does not finish
 * is a failed outcome with the reason; the process (and its children) is killed.
 */
final class GuestSession {
    private static final String READY = "tvmm-guest: ready";
    private static final Pattern READY_UPTIME = Pattern.compile("tvmm-guest: ready \\(uptime ([0-9.]+) s\\)");
    private static final Pattern START = Pattern.compile("tvmm-bench: start (\\S+)");
    private static final Pattern END = Pattern.compile("tvmm-bench: end (\\S+) status=(\\d+)");
    private static final Pattern MISSING = Pattern.compile("tvmm-bench: missing (\\S+)");
    private static final String DONE = "tvmm-bench: done";
    private static final String EOF = "\u0000eof";
    private static final int TAIL_LINES = 40;

    private final String system;
    private final List<String> command;
    private final Deque<String> tail = new ArrayDeque<>();

    GuestSession(String system, List<String> command) {
        this.system = system;
        this.command = List.copyOf(command);
    }

    /** The last lines the emulator printed (for a failure report). */
    String tail() {
        return String.join("\n", tail);
    }

    Map<String, Outcome> run(Suite suite) throws InterruptedException {
        Map<String, Outcome> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Process p;
        try {
            // stdin stays an open pipe: an emulator reading EOF on its console might stop.
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fillFailed(out, suite, "cannot start " + command.get(0) + ": " + e.getMessage());
            return out;
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(p.getInputStream(), lines), system + "-console");
        reader.setDaemon(true);
        reader.start();
        try {
            String failure = follow(suite, lines, out, t0);
            if (failure != null) {
                fillFailed(out, suite, failure);
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return out;
    }

    /** Reads the console until done; returns null when the guest finished, else why it did not. */
    private String follow(Suite suite, BlockingQueue<String> lines, Map<String, Outcome> out, long t0)
            throws InterruptedException {
        long deadline = t0 + suite.bootTimeout().toNanos();
        boolean ready = false;
        String current = null;
        while (true) {
            long wait = deadline - System.nanoTime();
            String line = wait > 0 ? lines.poll(wait, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                return ready ? "timeout: " + (current == null ? "no next benchmark" : current + " did not finish")
                        + " within " + suite.benchTimeout().toSeconds() + " s"
                        : "timeout: not booted to the ready line within " + suite.bootTimeout().toSeconds() + " s"
                                + lastWords();
            }
            if (line.equals(EOF)) {
                return "exited before " + (ready ? (current == null ? "the end of the suite" : current + " finished")
                        : "the ready line") + lastWords();
            }
            remember(line);
            if (!ready) {
                if (line.contains(READY)) {
                    ready = true;
                    // Wall time from starting the emulator; the guest's own uptime goes along.
                    Matcher up = READY_UPTIME.matcher(line);
                    out.put(Suite.BOOT, Outcome.ok((System.nanoTime() - t0) / 1e6, "ms",
                            up.find() ? Map.of("guest_uptime_s", up.group(1)) : Map.of()));
                    deadline = System.nanoTime() + suite.benchTimeout().toNanos();
                }
                continue;
            }
            Matcher m;
            Optional<ResultLine> result = ResultLine.parse(line);
            if (result.isPresent()) {
                if (current != null && result.get().name().equals(current) && !out.containsKey(current)) {
                    out.put(current, Outcome.of(result.get()));
                }
            } else if ((m = START.matcher(line)).find()) {
                current = m.group(1);
                deadline = System.nanoTime() + suite.benchTimeout().toNanos();
            } else if ((m = END.matcher(line)).find()) {
                String name = m.group(1);
                int status = Integer.parseInt(m.group(2).length() > 6 ? "999999" : m.group(2));
                Outcome o = out.get(name);
                if (o == null) {
                    out.put(name, Outcome.failed("exit status " + status + ", no result line"));
                } else if (status != 0 && o.kind() != Outcome.Kind.FAILED) {
                    out.put(name, Outcome.failed("exit status " + status));
                }
                current = null;
                deadline = System.nanoTime() + suite.benchTimeout().toNanos();
            } else if ((m = MISSING.matcher(line)).find()) {
                out.putIfAbsent(m.group(1), Outcome.failed("not in the guest's /bench"));
            } else if (line.contains(DONE)) {
                return null;
            }
        }
    }

    private String lastWords() {
        String last = tail.stream().filter(s -> !s.isBlank()).reduce((a, b) -> b).orElse("");
        last = last.strip();
        if (last.length() > 120) {
            last = last.substring(0, 120) + "...";
        }
        return last.isEmpty() ? " (no output)" : " (last output: " + last + ")";
    }

    private void remember(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    private static void fillFailed(Map<String, Outcome> out, Suite suite, String reason) {
        for (String row : suite.rows()) {
            out.putIfAbsent(row, Outcome.failed(reason));
        }
    }

    /** Splits the console's bytes into lines (LF; CR dropped); an EOF marker at the end. */
    private static void readLines(InputStream in, BlockingQueue<String> lines) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        lines.add(line.toString(StandardCharsets.ISO_8859_1));
                        line.reset();
                    } else if (b != '\r' && line.size() < 1 << 16) {
                        line.write(b);
                    }
                }
            }
        } catch (IOException ignored) {
            // The process was killed: what was read is all there is.
        }
        if (line.size() > 0) {
            lines.add(line.toString(StandardCharsets.ISO_8859_1));
        }
        lines.add(EOF);
    }
}
