package tvmm.vmm.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a benchmark session on stderr: a bar (me.tongfei:progressbar) counting
 * system runs when stderr is a terminal, otherwise one line per finished run, which
 * reads well in CI logs.
 */
final class BenchProgress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintStream log;
    private final long total;
    private long done;

    private BenchProgress(ProgressBar bar, PrintStream log, long total) {
        this.bar = bar;
        this.log = log;
        this.total = total;
    }

    static BenchProgress start(long steps, PrintStream err) {
        if (err == System.err && stderrIsTerminal()) {
            int width = 100;
            try {
                width = Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
            } catch (NumberFormatException ignored) {
                // Keep 100 columns.
            }
            // The width is given so the consumer never probes the terminal through jline.
            ProgressBar bar = new ProgressBarBuilder().setTaskName("tvmm bench").setInitialMax(steps)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(err, width)).build();
            return new BenchProgress(bar, null, steps);
        }
        return new BenchProgress(null, err, steps);
    }

    /** Before a run starts: what is running now. */
    void running(String what) {
        if (bar != null) {
            bar.setExtraMessage(" " + what);
        }
    }

    /** After a run: one step, with a short summary for the log. */
    void finished(String what, String summary) {
        done++;
        if (bar != null) {
            bar.stepTo(done);
        } else if (log != null) {
            log.println("tvmm bench: [" + done + "/" + total + "] " + what + ": " + summary);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** True when fd 2 is a tty (Linux: /proc/self/fd/2 names /dev/pts/N or /dev/ttyN). */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
