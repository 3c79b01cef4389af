package tvmm.images.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr while the default guest is built, shown only when stderr is a
 * terminal: in CI logs and pipes the build is silent (the caller reports the result).
 */
final class BuildProgress implements AutoCloseable {
    private final ProgressBar bar;

    private BuildProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar counting bytes up to {@code max}, or a silent one when stderr is not a terminal. */
    static BuildProgress start(String task, long max) {
        if (!stderrIsTerminal()) {
            return new BuildProgress(null);
        }
        int width = 80;
        try {
            width = Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80")));
        } catch (NumberFormatException ignored) {
            // Keep 80 columns.
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1 << 20).setUpdateIntervalMillis(200)
                // The width is given so the consumer never probes the terminal through jline.
                .setConsumer(new ConsoleProgressBarConsumer(System.err, width)).build();
        return new BuildProgress(bar);
    }

    void stepTo(long n) {
        if (bar != null) {
            bar.stepTo(n);
        }
    }

    void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(" " + text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** True when fd 2 is a tty (Linux: /proc/self/fd/2 names /dev/pts/N or /dev/ttyN). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            java.io.Console c = System.console();
            return c != null && c.isTerminal();
        }
    }
}
