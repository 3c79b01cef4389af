package tvmm.vmm.console;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import tvmm.devices.uart.Uart16550;

/**
 * The host side of the guest's receive line: bytes wait here until the UART's receive
 * FIFO takes them ({@link Uart16550#receive} refuses when full, and the UART calls
 * {@code rxReady} when the guest has read), so the guest never sees an overrun from us.
 *
 * <p>Two policies when the guest does not read: a <em>blocking</em> queue holds the
 * producer (a pipe or file: scripted input must not be lost, and waiting costs nothing);
 * a <em>dropping</em> queue never blocks (the terminal: the input thread must stay free to
 * see "C-a x" even when the guest is hung), holds a generous backlog for pastes, and
 * counts what it drops beyond that, like a serial line overrun.
 *
 * <p>Lock order: UART monitor, then the queue's lock (as in the devices' own
 * StreamSerialBackend); {@link #pump()} runs with the UART's monitor held, also when the
 * UART calls {@code rxReady} from a guest read on a vCPU thread.
 */
final class GuestInput {
    private final LinkedBlockingQueue<Integer> queue;
    private final boolean blocking;
    private final AtomicLong dropped = new AtomicLong();
    private volatile Uart16550 uart;

    GuestInput(int capacity, boolean blocking) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.blocking = blocking;
    }

    /** Connects the UART and delivers what is already waiting. */
    void attach(Uart16550 target) {
        uart = target;
        pump();
    }

    /** One byte from the host; blocks only in the blocking policy. */
    void put(int b) throws InterruptedException {
        if (blocking) {
            queue.put(b & 0xFF);
        } else if (!queue.offer(b & 0xFF)) {
            dropped.incrementAndGet();
        }
        pump();
    }

    /** Moves waiting bytes into the UART while its FIFO has room. */
    void pump() {
        Uart16550 u = uart;
        if (u == null) {
            return;
        }
        synchronized (u) {
            Integer b;
            while ((b = queue.peek()) != null && u.receive(b)) {
                queue.poll();
            }
        }
    }

    int pending() {
        return queue.size();
    }

    long droppedBytes() {
        return dropped.get();
    }
}
