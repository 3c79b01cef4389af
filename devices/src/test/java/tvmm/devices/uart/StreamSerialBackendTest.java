package tvmm.devices.uart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.ManualClock;

class StreamSerialBackendTest {
    static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!cond.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(cond.getAsBoolean(), "timed out");
    }

    @Test
    void outputReachesTheStreamInOrder() throws InterruptedException {
        ManualClock clock = new ManualClock();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (StreamSerialBackend backend = new StreamSerialBackend(sink)) {
            Uart16550 uart = new Uart16550("com1", clock, IrqLine.NONE, backend, 1);
            for (byte b : "boot ok\n".getBytes(StandardCharsets.US_ASCII)) {
                while ((uart.read(Uart16550.LSR, 1) & Uart16550.LSR_THRE) == 0) {
                    clock.advance(100_000); // the guest polls LSR while the line runs
                }
                uart.write(Uart16550.RBR_THR, 1, b);
            }
            clock.advance(10_000_000);
            waitFor(() -> sink.size() == 8);
            assertEquals("boot ok\n", sink.toString(StandardCharsets.US_ASCII));
            assertEquals(0, backend.droppedOutput());
        }
    }

    @Test
    void inputWaitsForFifoRoomAndKeepsOrder() throws InterruptedException {
        ManualClock clock = new ManualClock();
        try (StreamSerialBackend backend = new StreamSerialBackend(new ByteArrayOutputStream())) {
            Uart16550 uart = new Uart16550("com1", clock, IrqLine.NONE, backend, 1);
            uart.write(Uart16550.LCR, 1, 0x03); // 8 data bits (reset is 5: input would be masked)
            uart.write(Uart16550.IIR_FCR, 1, Uart16550.FCR_ENABLE);
            backend.attach(uart);
            byte[] text = new byte[40];
            for (int i = 0; i < text.length; i++) {
                text[i] = (byte) ('A' + i);
            }
            backend.startInput(new ByteArrayInputStream(text));
            StringBuilder got = new StringBuilder();
            long end = System.nanoTime() + 5_000_000_000L;
            while (got.length() < text.length && System.nanoTime() < end) {
                if ((uart.read(Uart16550.LSR, 1) & Uart16550.LSR_DR) != 0) {
                    got.append((char) uart.read(Uart16550.RBR_THR, 1));
                } else {
                    Thread.sleep(1);
                }
            }
            assertEquals(new String(text, StandardCharsets.US_ASCII), got.toString());
        }
    }
}
