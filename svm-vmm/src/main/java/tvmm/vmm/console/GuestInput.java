package tvmm.vmm.console;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>RTS/CTS flow control (optional, on for pipes): the far end sends only while the guest
 * asserts RTS (MCR bit 1) outside loopback, as a terminal set to {@code crtscts} does.
 * Linux raises RTS when a program opens the tty (tty_port_block_til_ready → uart_dtr_rts),
 * after its driver's FIFO resets at probe and startup; without this, scripted input
 * written at boot would be fed to the FIFO early and thrown away by those resets. Seen with
 * the default guest under QEMU ({@code -trace serial_write}): MCR is written 0x01 (DTR) at
 * console setup, 0x09 after the startup's FCR 0x07 clears, and 0x0B (RTS) last, when the
 * shell opens the port; QEMU, which has no such wait, turned a piped "echo MARK" typed at
 * boot into " MARK" at the prompt.
 * Nothing tells the host that RTS went up, so while input waits on it a virtual thread
 * looks again every {@link #RTS_POLL_MILLIS} ms.
 *
 * <p>Lock order: UART monitor, then the queue's lock (as in the devices' own
 * StreamSerialBackend); {@link #pump()} runs with the UART's monitor held, also when the
 * UART calls {@code rxReady} from a guest read on a vCPU thread.
 */
final class GuestInput {
    static final long RTS_POLL_MILLIS = 5;

    private final LinkedBlockingQueue<Integer> queue;
    private final boolean blocking;
    private final boolean rtsFlowControl;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile Uart16550 uart;
    private volatile boolean closed;

    GuestInput(int capacity, boolean blocking, boolean rtsFlowControl) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.blocking = blocking;
        this.rtsFlowControl = rtsFlowControl;
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

    /** Moves waiting bytes into the UART while its FIFO has room (and RTS allows). */
    void pump() {
        Uart16550 u = uart;
        if (u == null) {
            return;
        }
        boolean held = false;
        synchronized (u) {
            if (rtsFlowControl && !clearToSend(u)) {
                held = !queue.isEmpty();
            } else {
                Integer b;
                while ((b = queue.peek()) != null && u.receive(b)) {
                    queue.poll();
                }
            }
        }
        if (held && !closed && polling.compareAndSet(false, true)) {
            Thread.ofVirtual().name("console-rts").start(this::pollRts);
        }
    }

    /** RTS asserted and the receiver connected to the line (loopback disconnects it). */
    private static boolean clearToSend(Uart16550 u) {
        int mcr = (int) u.read(Uart16550.MCR, 1); // no side effects: MCR is a plain latch
        return (mcr & (Uart16550.MCR_RTS | Uart16550.MCR_LOOP)) == Uart16550.MCR_RTS;
    }

    private void pollRts() {
        try {
            while (!closed && !queue.isEmpty()) {
                Thread.sleep(RTS_POLL_MILLIS);
                Uart16550 u = uart;
                synchronized (u) {
                    if (clearToSend(u)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            return;
        } finally {
            polling.set(false);
        }
        pump(); // deliver now; later bytes follow through rxReady as the guest reads
    }

    /** Stops the RTS poller. */
    void close() {
        closed = true;
    }

    int pending() {
        return queue.size();
    }

    long droppedBytes() {
        return dropped.get();
    }
}
