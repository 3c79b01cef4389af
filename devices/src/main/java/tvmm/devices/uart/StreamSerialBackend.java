package tvmm.devices.uart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A serial backend on host streams (a terminal, a log file, a socket): transmitted bytes
 * go through a bounded queue to a writer thread, received bytes from a reader thread wait
 * in a bounded queue until the guest's receive FIFO has room.
 *
 * <p>Bounds: the UART paces output at its line rate, so the output queue (64 KiB, about
 * 5.7 s at 115200 baud) only fills if the host stream stalls; then further bytes are
 * dropped and counted rather than blocking a vCPU or the timer thread. Input never
 * overruns the guest: bytes move into the FIFO only when {@link Uart16550#receive} accepts
 * them, and the reader thread blocks when the input queue is full.
 *
 * <p>Threading: output and input threads are virtual threads (they block on host I/O).
 * Lock order: UART → this backend's queues (leaf locks); input is pumped into the UART
 * only while holding the UART's monitor, so two pumps cannot reorder bytes.
 */
public final class StreamSerialBackend implements SerialBackend, AutoCloseable {
    public static final int OUTPUT_QUEUE = 64 * 1024;
    public static final int INPUT_QUEUE = 4096;

    private final ArrayBlockingQueue<Integer> output = new ArrayBlockingQueue<>(OUTPUT_QUEUE);
    private final ArrayBlockingQueue<Integer> input = new ArrayBlockingQueue<>(INPUT_QUEUE);
    private final AtomicLong droppedOutput = new AtomicLong();
    private final Thread writer;
    private Thread reader;
    private volatile Uart16550 uart;
    private volatile boolean closed;

    public StreamSerialBackend(OutputStream out) {
        writer = Thread.ofVirtual().name("serial-out").start(() -> drain(out));
    }

    /** Connects the UART that input is delivered to. */
    public void attach(Uart16550 target) {
        uart = target;
        pump();
    }

    /** Starts a reader thread that feeds {@code in} to the guest until end of stream. */
    public synchronized void startInput(InputStream in) {
        if (reader != null) {
            throw new IllegalStateException("input already started");
        }
        reader = Thread.ofVirtual().name("serial-in").start(() -> {
            try {
                int b;
                while (!closed && (b = in.read()) >= 0) {
                    input.put(b & 0xFF);
                    pump();
                }
            } catch (IOException | InterruptedException e) {
                if (!closed) {
                    System.err.println("tvmm: serial input ended: " + e);
                }
            }
        });
    }

    /** Queues host input; returns how many bytes were taken (the rest did not fit). */
    public int feed(byte[] data) {
        int n = 0;
        for (byte b : data) {
            if (!input.offer(b & 0xFF)) {
                break;
            }
            n++;
        }
        pump();
        return n;
    }

    private void pump() {
        Uart16550 u = uart;
        if (u == null) {
            return;
        }
        synchronized (u) {
            Integer b;
            while ((b = input.peek()) != null && u.receive(b)) {
                input.poll();
            }
        }
    }

    @Override
    public void transmit(int b) {
        if (!output.offer(b & 0xFF)) {
            droppedOutput.incrementAndGet();
        }
    }

    @Override
    public void rxReady() {
        pump(); // called with the UART's monitor held
    }

    private void drain(OutputStream out) {
        byte[] buf = new byte[4096];
        try {
            while (!closed) {
                int n = 0;
                buf[n++] = (byte) (int) output.take();
                Integer more;
                while (n < buf.length && (more = output.poll()) != null) {
                    buf[n++] = (byte) (int) more;
                }
                out.write(buf, 0, n);
                if (output.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("tvmm: serial output failed: " + e);
        }
    }

    /** Bytes lost because the host stream did not keep up. */
    public long droppedOutput() {
        return droppedOutput.get();
    }

    /** Bytes waiting to be written to the host (for tests and shutdown). */
    public int pendingOutput() {
        return output.size();
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        Thread r;
        synchronized (this) {
            r = reader;
        }
        if (r != null) {
            r.interrupt();
        }
    }
}
