package tvmm.vmm.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host side of the guest's transmit line: bytes the UART hands over (on a vCPU or the
 * timer thread, which must not block) go through a bounded queue to one writer thread,
 * which alone writes the host stream. Console messages (help, "terminated") and the
 * timestamp toggle travel through the same queue, so they appear in order with guest
 * output and never interleave with a half-written batch.
 *
 * <p>Batching: the writer collects bytes and writes them at a line end, when the batch is
 * full, or when no byte has come for {@link #IDLE_NANOS} (a prompt without a newline, an
 * echoed key). The UART paces output byte by byte, so writing each byte at once would cost
 * a system call per character; the idle bound keeps typing latency imperceptible.
 *
 * <p>Overflow: the queue holds {@link #QUEUE} bytes (seconds of output at the line rate);
 * it fills only when the host stream stalls (a pipe nobody reads), and then guest bytes
 * are dropped and counted rather than stalling the vCPU.
 */
final class ConsoleOutput {
    static final int QUEUE = 64 * 1024;
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int BATCH = 8192;

    /** Queue items besides guest bytes (which are Integers 0..255). */
    private static final Object TOGGLE_TIMESTAMPS = new Object();
    private static final Object STOP = new Object();

    private final OutputStream out;
    private final byte[] newline;
    private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile IOException failure;

    // Writer-thread state.
    private final byte[] batch = new byte[BATCH + 64];
    private int n;
    private boolean lineStart = true;
    private boolean timestamps;
    private long timestampOrigin;

    /** @param newline what starts a fresh line before a message when the guest left one open */
    ConsoleOutput(OutputStream out, String newline, String threadName) {
        this.out = out;
        this.newline = newline.getBytes(StandardCharsets.US_ASCII);
        this.writer = Thread.ofPlatform().daemon().name(threadName).start(this::run);
    }

    /** A guest byte; never blocks (dropped and counted if the host stream stalls). */
    void put(int b) {
        if (!queue.offer(b & 0xFF)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Console text, whole lines with their line ends, shown on a line of its own (after a
     * line break if the guest left its line open, as QEMU's help starts with one); waits
     * up to 1 s for room in the queue, then drops it.
     */
    void message(String text) {
        offer(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Turns the per-line timestamps of "C-a t" on or off, in order with the output. */
    void toggleTimestamps() {
        offer(TOGGLE_TIMESTAMPS);
    }

    private boolean offer(Object item) {
        try {
            return queue.offer(item, 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Writes everything queued so far and stops the writer, waiting at most
     * {@code timeoutNanos} (a stalled stream must not hang the VMM's exit). Returns true if
     * all output was written.
     */
    boolean close(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            if (writer.isAlive() && !queue.offer(STOP, timeoutNanos, TimeUnit.NANOSECONDS)) {
                writer.interrupt();
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left > 0) {
                writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            return false;
        }
        return failure == null;
    }

    long droppedBytes() {
        return dropped.get();
    }

    /** Bytes written to the host stream (guest output, messages and timestamps). */
    long writtenBytes() {
        return written.get();
    }

    /** The write error that stopped the writer, or null. */
    IOException failure() {
        return failure;
    }

    private void run() {
        try {
            while (true) {
                Object item = n == 0 ? queue.take() : queue.poll(IDLE_NANOS, TimeUnit.NANOSECONDS);
                if (item == null) {
                    flush(); // idle: the guest paused mid-line (a prompt, an echoed key)
                } else if (item instanceof Integer b) {
                    append(b);
                    if (b == '\n' || n >= BATCH) {
                        flush();
                    }
                } else if (item instanceof byte[] text) {
                    flush();
                    if (!lineStart) {
                        write(newline, newline.length);
                    }
                    write(text, text.length);
                    lineStart = true;
                } else if (item == TOGGLE_TIMESTAMPS) {
                    timestamps = !timestamps;
                    timestampOrigin = System.nanoTime();
                } else if (item == STOP) {
                    flush();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failure = e; // the host closed our output (a pipe's reader left): stop writing
        }
    }

    private void append(int b) {
        if (timestamps && lineStart) {
            // QEMU's "C-a t" format: [hh:mm:ss.mmm] since the toggle.
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - timestampOrigin);
            String stamp = String.format("[%02d:%02d:%02d.%03d] ",
                    ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
            for (int i = 0; i < stamp.length(); i++) {
                batch[n++] = (byte) stamp.charAt(i);
            }
        }
        batch[n++] = (byte) b;
        lineStart = b == '\n';
    }

    private void flush() throws IOException {
        if (n > 0) {
            write(batch, n);
            n = 0;
        }
    }

    private void write(byte[] data, int len) throws IOException {
        out.write(data, 0, len);
        out.flush();
        written.addAndGet(len);
    }
}
