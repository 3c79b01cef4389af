package tvmm.vmm.console;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tvmm.devices.uart.SerialBackend;
import tvmm.devices.uart.Uart16550;

/**
 * The guest's serial console on the host: a {@link SerialBackend} for the COM1
 * {@link Uart16550}, like QEMU's {@code -nographic} stdio with its Ctrl-A escapes.
 *
 * <h2>Modes</h2>
 * <ul>
 * <li><b>Terminal</b> ({@link #stdio} when stdin is a terminal): jline puts the terminal in
 * raw mode ({@link RawTerminal}): every key, Ctrl-C included, is a byte for the guest;
 * "C-a x" quits, "C-a h" lists the escapes ({@link Escape}). Guest bytes go to stdout
 * untranslated (the terminal's own output processing stays on, as in QEMU).</li>
 * <li><b>Pipe</b> ({@link #stdio} when stdin is a pipe or file, or {@link #streams}): bytes
 * from stdin go to the guest as they are, once the guest has opened the port (RTS/CTS
 * flow control, {@link Options#pipeFlowControl}); end of input just stops input (the guest
 * keeps running), and no escapes are processed unless {@link Options#pipeEscapes} asks for
 * them, so scripted input can contain any byte.</li>
 * <li><b>File</b> ({@link #file}, {@code -serial file:PATH}): output only.</li>
 * <li><b>Sink</b> ({@link #sink}, {@code -serial null}): output dropped, no input.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * <ul>
 * <li>The UART calls {@link #transmit} and {@link #rxReady} on a vCPU or the clock's timer
 * thread with its monitor held; neither blocks: transmit queues, rxReady pumps queued
 * input into the FIFO.</li>
 * <li>One platform daemon thread, {@code console-in}, alone reads stdin (blocking reads),
 * runs the escape decoder and queues guest bytes ({@link GuestInput}); it executes the
 * escape commands, so "C-a x" works even while every vCPU is busy or the guest is hung.</li>
 * <li>One platform daemon thread, {@code console-out}, alone writes stdout
 * ({@link ConsoleOutput}): guest bytes batched to line ends or 2 ms of idleness, console
 * messages in order with them.</li>
 * </ul>
 *
 * <h2>Quit</h2>
 * "C-a x" prints "tvmm: terminated", stops reading input and calls the
 * {@link QuitListener} once, on {@code console-in}. The VMM's listener should only signal
 * (set a flag, {@code up()} a {@code tvmm.kernel} semaphore, kick the vCPUs) and let the
 * VMM's main thread stop the machine, {@link #close()} the console and exit with status 0,
 * as QEMU does. With no listener the console itself closes and calls {@code System.exit(0)}.
 *
 * <h2>Restoring the terminal</h2>
 * {@link #close()} writes the queued output (at most 1 s), then restores the terminal; it is
 * idempotent. A JVM shutdown hook calls it too, which covers every path on which the JVM
 * runs hooks: {@code System.exit} from any thread (guest power-off, debug exit), the main
 * thread ending with an uncaught exception, SIGTERM, SIGINT and SIGHUP sent to the process.
 * It cannot cover SIGKILL, {@code Runtime.halt} or a JVM crash (hs_err): for those the
 * launcher may save {@code stty -g} and restore it after java exits; by hand, {@code stty sane}.
 */
public final class Console implements SerialBackend, AutoCloseable {
    /** Pipe input waiting for the guest: producer blocks beyond this (no loss). */
    static final int PIPE_INPUT_QUEUE = 4096;
    /** Typed input waiting for the guest: beyond this (a huge paste into a hung guest) it is dropped. */
    static final int TERMINAL_INPUT_QUEUE = 1 << 20;
    /** How long close() waits for queued output to reach the host. */
    static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Told when the user typed the quit escape. */
    @FunctionalInterface
    public interface QuitListener {
        /** Called once, on the console's input thread: signal the VMM, do not block. */
        void quitRequested();
    }

    /**
     * @param pipeEscapes     process escapes also when input is a pipe (off by default:
     *                        scripted input may contain any byte, Ctrl-A included)
     * @param escapeChar      the escape byte, QEMU's {@code -echr} (default Ctrl-A)
     * @param forcePipe       treat stdin as a pipe even when it is a terminal (no raw mode)
     * @param pipeFlowControl hold piped input until the guest asserts RTS, i.e. until a
     *                        program opened the port (on by default; see {@link GuestInput}):
     *                        {@code printf 'uname -a\npoweroff\n' | tvmm run} then works.
     *                        Off: bytes go to the FIFO at once, as QEMU does (lost at boot).
     */
    public record Options(boolean pipeEscapes, int escapeChar, boolean forcePipe, boolean pipeFlowControl) {
        public static final Options DEFAULT = new Options(false, EscapeDecoder.CTRL_A, false, true);

        public Options withPipeEscapes(boolean on) {
            return new Options(on, escapeChar, forcePipe, pipeFlowControl);
        }

        public Options withEscapeChar(int c) {
            return new Options(pipeEscapes, c, forcePipe, pipeFlowControl);
        }

        public Options withForcePipe(boolean on) {
            return new Options(pipeEscapes, escapeChar, on, pipeFlowControl);
        }

        public Options withPipeFlowControl(boolean on) {
            return new Options(pipeEscapes, escapeChar, forcePipe, on);
        }
    }

    private final ConsoleOutput output;      // null: output dropped
    private final GuestInput input;
    private final EscapeDecoder decoder;     // null: no escape processing
    private final RawTerminal raw;           // null: not in raw mode
    private final OutputStream ownedStream;  // closed by close() (the file of file:PATH)
    private final QuitListener quitListener;
    private final String newline;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean quit = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile Thread reader;

    private Console(OutputStream out, OutputStream ownedStream, GuestInput input, EscapeDecoder decoder,
                    RawTerminal raw, QuitListener quitListener) {
        this.newline = raw != null ? "\r\n" : System.lineSeparator();
        this.output = out == null ? null : new ConsoleOutput(out, newline, "console-out");
        this.ownedStream = ownedStream;
        this.input = input;
        this.decoder = decoder;
        this.raw = raw;
        this.quitListener = quitListener;
        this.shutdownHook = new Thread(this::close, "console-restore");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The console on this process's stdin and stdout: terminal mode if stdin is a terminal
     * (and {@code options.forcePipe} is off), else pipe mode. Starts reading input at once,
     * so escapes work before the guest runs; input waits until {@link #attach}.
     */
    public static Console stdio(Options options, QuitListener onQuit) {
        RawTerminal raw = null;
        if (!options.forcePipe()) {
            try {
                raw = RawTerminal.open();
            } catch (IOException | IOError | IllegalStateException e) {
                // A terminal we cannot control (no stty, a provider failure): keep booting with
                // the terminal as it is; input is then line-buffered and Ctrl-C kills tvmm.
                System.err.println("tvmm: cannot put the terminal in raw mode (" + e.getMessage()
                        + "); the console is line-buffered");
            }
        }
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        InputStream in = new FileInputStream(FileDescriptor.in);
        Console c;
        if (raw != null) {
            c = new Console(out, null, new GuestInput(TERMINAL_INPUT_QUEUE, false, false),
                    new EscapeDecoder(options.escapeChar()), raw, onQuit);
        } else {
            c = pipeConsole(out, options, onQuit);
        }
        c.startReader(in);
        return c;
    }

    /** Pipe mode on the given streams (scripted sessions, sockets, tests). */
    public static Console streams(InputStream in, OutputStream out, Options options, QuitListener onQuit) {
        Console c = pipeConsole(out, options, onQuit);
        c.startReader(in);
        return c;
    }

    private static Console pipeConsole(OutputStream out, Options options, QuitListener onQuit) {
        return new Console(out, null, new GuestInput(PIPE_INPUT_QUEUE, true, options.pipeFlowControl()),
                options.pipeEscapes() ? new EscapeDecoder(options.escapeChar()) : null, null, onQuit);
    }

    /**
     * {@code -serial file:PATH}: guest output written to the file, which is created or
     * truncated as QEMU's file character device does (its {@code append=off} default); no input.
     */
    public static Console file(java.nio.file.Path path) throws IOException {
        OutputStream f = new BufferedOutputStream(Files.newOutputStream(path,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        return new Console(f, f, new GuestInput(1, true, false), null, null, null);
    }

    /** {@code -serial null}: a port whose output goes nowhere and which has no input. */
    public static Console sink() {
        return new Console(null, null, new GuestInput(1, true, false), null, null, null);
    }

    /** The console for a {@code -serial} argument; for {@code none} a sink (create no UART). */
    public static Console open(SerialSpec spec, Options options, QuitListener onQuit) throws IOException {
        // One stdio console per process: it owns stdin and the terminal's settings.
        return switch (spec.kind()) {
            case STDIO -> stdio(options, onQuit);
            case FILE -> file(spec.path());
            case NULL, NONE -> sink();
        };
    }

    /** Connects the UART that input is delivered to (the UART was built with this backend). */
    public void attach(Uart16550 uart) {
        input.attach(uart);
    }

    /** True when the user's terminal is in raw mode under this console. */
    public boolean isTerminal() {
        return raw != null;
    }

    /** True once the user typed the quit escape. */
    public boolean quitRequested() {
        return quit.get();
    }

    /**
     * Prints a line of console text (e.g. why the VM stopped), in order with guest output;
     * on stderr when there is no output stream (-serial null) or the console is closed.
     */
    public void message(String line) {
        if (output == null || closed.get()) {
            System.err.println(line);
        } else {
            output.message(line + newline);
        }
    }

    /** Guest output lost because the host stream stalled. */
    public long droppedOutput() {
        return output == null ? 0 : output.droppedBytes();
    }

    /** Typed input lost because the guest did not read (terminal mode only). */
    public long droppedInput() {
        return input.droppedBytes();
    }

    @Override
    public void transmit(int b) {
        if (output != null) {
            output.put(b);
        }
    }

    @Override
    public void rxReady() {
        input.pump(); // with the UART's monitor held
    }

    private void startReader(InputStream in) {
        reader = Thread.ofPlatform().daemon().name("console-in").start(() -> readLoop(in));
    }

    private void readLoop(InputStream in) {
        EscapeDecoder.Sink sink = new EscapeDecoder.Sink() {
            @Override
            public void toGuest(int b) {
                try {
                    input.put(b);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void command(Escape e) {
                execute(e);
            }
        };
        byte[] buf = new byte[512];
        try {
            int n;
            while (!closed.get() && !quit.get() && (n = in.read(buf)) >= 0) {
                for (int i = 0; i < n && !quit.get() && !Thread.currentThread().isInterrupted(); i++) {
                    if (decoder != null) {
                        decoder.accept(buf[i], sink);
                    } else {
                        sink.toGuest(buf[i] & 0xFF);
                    }
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            // End of input: the guest keeps running with nothing more to read (QEMU does the same).
        } catch (IOException e) {
            if (!closed.get()) {
                message("tvmm: console input ended: " + e.getMessage());
            }
        }
    }

    private void execute(Escape e) {
        switch (e) {
            case HELP -> output(Escape.helpText(decoder.escapeName(), newline));
            case QUIT -> quit();
            case MONITOR -> message("tvmm: there is no monitor; " + decoder.escapeName() + " h lists the escapes"
                    + " (console: " + output.writtenBytes() + " bytes out, " + droppedOutput() + " dropped, "
                    + input.pending() + " waiting for the guest, " + droppedInput() + " dropped)");
            case TIMESTAMPS -> output.toggleTimestamps();
            case BREAK -> message("tvmm: cannot send a break: the UART model has no break input yet");
            case SAVE -> message("tvmm: no disks to save");
        }
    }

    private void output(String text) {
        if (output != null) {
            output.message(text);
        }
    }

    private void quit() {
        if (!quit.compareAndSet(false, true)) {
            return;
        }
        message("tvmm: terminated");
        if (quitListener != null) {
            quitListener.quitRequested();
        } else {
            close();
            System.exit(0);
        }
    }

    /**
     * Writes the output still queued (waiting at most 1 s), stops input, restores the
     * terminal and closes a file backend. Idempotent; safe from any thread, including the
     * shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        input.close();
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            r.interrupt(); // a read blocked on stdin does not wake up: the thread is a daemon
        }
        try {
            if (output != null && !output.close(DRAIN_NANOS) && output.failure() == null) {
                System.err.println("tvmm: console output did not drain within 1 s");
            }
        } finally {
            if (raw != null) {
                raw.restore();
            }
            if (ownedStream != null) {
                try {
                    ownedStream.close();
                } catch (IOException e) {
                    System.err.println("tvmm: closing the serial file: " + e.getMessage());
                }
            }
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook finds the console closed
                }
            }
        }
    }
}
