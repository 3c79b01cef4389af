package tvmm.vmm.machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import tvmm.devices.uart.SerialBackend;
import tvmm.devices.uart.StreamSerialBackend;
import tvmm.devices.uart.Uart16550;

/**
 * Where COM1 is connected on the host for {@code tvmm run}: the seam for the interactive
 * console ({@code tvmm.vmm.console}, raw terminal and Ctrl-A escapes). This plain version
 * works with pipes: guest output to a stream, host input from a stream, no escapes.
 */
public interface HostSerial extends AutoCloseable {
    /** The backend the machine's UART is built with. */
    SerialBackend backend();

    /** Connects input once the UART exists. */
    void attach(Uart16550 uart);

    /** A line for the user (tvmm's own messages) in order with the guest's output. */
    void message(String line);

    @Override
    void close();

    /**
     * Parses QEMU's {@code -serial} forms: {@code stdio} (stdin/stdout), {@code file:PATH}
     * (output appended to a file), {@code null} (output dropped).
     */
    static HostSerial open(String spec, InputStream in, OutputStream out) throws IOException {
        if (spec.equals("stdio") || spec.equals("mon:stdio")) {
            return new Plain(new StreamSerialBackend(out), in);
        }
        if (spec.equals("null")) {
            return new Plain(null, null);
        }
        if (spec.startsWith("file:") && spec.length() > 5) {
            OutputStream file = Files.newOutputStream(Path.of(spec.substring(5)), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new Plain(new StreamSerialBackend(file), null);
        }
        throw new IllegalArgumentException("-serial " + spec + ": use stdio, file:PATH or null");
    }

    /** Streams through {@link StreamSerialBackend}; input (if any) starts at {@link #attach}. */
    final class Plain implements HostSerial {
        private final StreamSerialBackend stream;
        private final InputStream in;

        Plain(StreamSerialBackend stream, InputStream in) {
            this.stream = stream;
            this.in = in;
        }

        @Override
        public SerialBackend backend() {
            return stream == null ? SerialBackend.NONE : stream;
        }

        @Override
        public void attach(Uart16550 uart) {
            if (stream != null) {
                stream.attach(uart);
                if (in != null) {
                    stream.startInput(in);
                }
            }
        }

        @Override
        public void message(String line) {
            System.err.println(line);
        }

        @Override
        public void close() {
            if (stream != null) {
                // Let the writer thread drain what the guest sent (bounded wait).
                long deadline = System.nanoTime() + 1_000_000_000L;
                while (stream.pendingOutput() > 0 && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                stream.close();
            }
        }
    }
}
