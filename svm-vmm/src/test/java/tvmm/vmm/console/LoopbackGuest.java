package tvmm.vmm.console;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import tvmm.devices.uart.Uart16550;

/**
 * A stand-in for a guest's polled serial driver, programming a real {@link Uart16550}
 * through its registers the way Linux's 8250 driver does at 115200 8N1 with FIFOs: it reads
 * every received byte (kept in {@link #received}) and, when echoing, answers with the byte
 * upper-cased, CR as CR LF, other control bytes as {@code <xx>} so a test can see them.
 */
final class LoopbackGuest implements AutoCloseable {
    final LinkedBlockingQueue<Integer> received = new LinkedBlockingQueue<>();
    private final Uart16550 uart;
    private final boolean echo;
    private final IntPredicate special;
    private final Thread thread;
    private volatile boolean stop;

    /**
     * @param special sees each received byte first; returning true consumes it (the demo's
     *                crash and power-off keys)
     */
    LoopbackGuest(Uart16550 uart, boolean echo, IntPredicate special) {
        this(uart, echo, special, Uart16550.MCR_DTR | Uart16550.MCR_RTS | Uart16550.MCR_OUT2);
    }

    /** @param mcr the modem control the driver sets up (Linux raises RTS only when the tty is opened) */
    LoopbackGuest(Uart16550 uart, boolean echo, IntPredicate special, int mcr) {
        this.uart = uart;
        this.echo = echo;
        this.special = special;
        uart.write(Uart16550.LCR, 1, Uart16550.LCR_DLAB);
        uart.write(Uart16550.DLL, 1, 1); // divisor 1: 115200 baud
        uart.write(Uart16550.DLM, 1, 0);
        uart.write(Uart16550.LCR, 1, 0x03); // 8N1
        uart.write(Uart16550.IIR_FCR, 1, Uart16550.FCR_ENABLE | Uart16550.FCR_CLEAR_RX | Uart16550.FCR_CLEAR_TX);
        uart.write(Uart16550.MCR, 1, mcr);
        thread = Thread.ofPlatform().daemon().name("loopback-guest").start(this::run);
    }

    /** Writes MCR, as a driver raising or dropping RTS/DTR. */
    void setModemControl(int mcr) {
        uart.write(Uart16550.MCR, 1, mcr);
    }

    /** Transmits bytes as a polled driver does: wait for THRE, write THR. */
    void write(byte[] data) {
        for (byte b : data) {
            while ((uart.read(Uart16550.LSR, 1) & Uart16550.LSR_THRE) == 0) {
                if (stop) {
                    return;
                }
                LockSupport.parkNanos(20_000);
            }
            uart.write(Uart16550.RBR_THR, 1, b & 0xFF);
        }
        // As Linux's 8250 console write: wait until the last character has left the line.
        while (!stop && (uart.read(Uart16550.LSR, 1) & Uart16550.LSR_TEMT) == 0) {
            LockSupport.parkNanos(20_000);
        }
    }

    void write(String text) {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The next received byte, or -1 after {@code millis}. */
    int next(long millis) throws InterruptedException {
        Integer b = received.poll(millis, TimeUnit.MILLISECONDS);
        return b == null ? -1 : b;
    }

    private void run() {
        while (!stop) {
            if ((uart.read(Uart16550.LSR, 1) & Uart16550.LSR_DR) == 0) {
                LockSupport.parkNanos(100_000);
                continue;
            }
            int b = (int) uart.read(Uart16550.RBR_THR, 1);
            received.add(b);
            if (special.test(b) || !echo) {
                continue;
            }
            write(answer(b));
        }
    }

    static String answer(int b) {
        if (b == '\r') {
            return "\r\n";
        }
        if (b < 0x20 || b >= 0x7F) {
            return String.format("<%02x>", b);
        }
        return String.valueOf(Character.toUpperCase((char) b));
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(2000);
    }
}
