package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.devices.uart.SerialBackend;
import tvmm.devices.uart.Uart16550;
import tvmm.vmm.machine.Machine;

/**
 * uart.asm: loopback (modem lines, data, the internal receive interrupt) never reaches the
 * host; then the host types a line, which the guest takes by receive interrupts through the
 * IOAPIC and echoes: the host's serial output is exactly that echo.
 */
class UartGuestTest {
    static final String LINE = "hello\n";

    @TempDir
    Path dir;

    @Test
    void loopbackStaysInsideAndHostInputArrivesByInterrupts() throws Exception {
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        SerialBackend backend = b -> {
            synchronized (serial) {
                serial.write(b);
            }
        };
        AtomicReference<Machine> machine = new AtomicReference<>();
        PlatformGuest.Result r = PlatformGuest.run("uart", dir, 1, backend, machine::set, line -> {
            if (line.equals("ready for input")) {
                Thread.ofPlatform().daemon().start(() -> type(machine.get().com1(), LINE));
            }
        });
        String out;
        synchronized (serial) {
            out = serial.toString(StandardCharsets.ISO_8859_1);
        }
        assertTrue(r.passed(), r + "\n--- serial output:\n" + out);
        assertEquals(LINE, out, "the host sees only the echo, nothing sent in loopback");
    }

    /** A host typing: each character once the receive FIFO has room for it. */
    static void type(Uart16550 uart, String text) {
        for (char c : text.toCharArray()) {
            while (!uart.receive(c)) {
                Thread.onSpinWait();
            }
        }
    }
}
