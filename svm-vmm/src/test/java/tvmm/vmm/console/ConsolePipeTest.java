package tvmm.vmm.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tvmm.vmm.console.ConsoleOutputTest.waitFor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.HostClock;
import tvmm.devices.uart.Uart16550;

/**
 * Pipe and file modes end to end: in-memory streams → console → a real 16550A on the host
 * clock → a polled guest driver ({@link LoopbackGuest}) → back out.
 */
class ConsolePipeTest {
    private final HostClock clock = new HostClock();

    @AfterEach
    void stopClock() {
        clock.close();
    }

    /** Output sink readable while the writer thread appends. */
    static final class Sink extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** A UART on the console and a guest driving it; input flows once the driver set the UART up. */
    private LoopbackGuest guest(Console c, boolean echo) {
        Uart16550 u = new Uart16550("com1", clock, IrqLine.NONE, c, 64);
        LoopbackGuest g = new LoopbackGuest(u, echo, b -> false);
        c.attach(u); // earlier input would be cleared by the driver's FIFO reset, as on hardware
        return g;
    }

    @Test
    void pipedBytesReachTheGuestAsTheyAreAndItsAnswerComesBack() throws Exception {
        Sink out = new Sink();
        AtomicInteger quits = new AtomicInteger();
        byte[] in = "ls\r\u0001x\u0003".getBytes(StandardCharsets.ISO_8859_1);
        try (Console c = Console.streams(new ByteArrayInputStream(in), out, Console.Options.DEFAULT,
                quits::incrementAndGet);
             LoopbackGuest guest = guest(c, true)) {
            for (byte b : in) {
                assertEquals(b & 0xFF, guest.next(5000), "no escape processing on a pipe by default");
            }
            waitFor(() -> out.text().equals("LS\r\n<01>X<03>"), "the echo, got " + out.text());
            assertFalse(c.quitRequested());
            assertFalse(c.isTerminal());
        }
        assertEquals(0, quits.get());
    }

    @Test
    void inputWaitsForTheGuestWithoutLossAndEndOfInputLeavesItRunning() throws Exception {
        byte[] in = new byte[20_000]; // far more than the FIFO (16) and the pipe queue (4096)
        new Random(6).nextBytes(in);
        Sink out = new Sink();
        try (Console c = Console.streams(new ByteArrayInputStream(in), out, Console.Options.DEFAULT, () -> { });
             LoopbackGuest guest = guest(c, false)) {
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i] & 0xFF, guest.next(5000), "byte " + i);
            }
            assertEquals(-1, guest.next(50), "nothing after the end of input");
            assertEquals(0, c.droppedInput());
            guest.write("still running\n"); // stdin is at EOF; output keeps working
            waitFor(() -> out.text().equals("still running\n"), "output after EOF");
        }
    }

    @Test
    void pipedInputWaitsUntilTheGuestRaisesRts() throws Exception {
        byte[] in = "uname -a\rpoweroff\r".getBytes(StandardCharsets.ISO_8859_1);
        try (Console c = Console.streams(new ByteArrayInputStream(in), new Sink(), Console.Options.DEFAULT, () -> { })) {
            Uart16550 u = new Uart16550("com1", clock, IrqLine.NONE, c, 64);
            c.attach(u); // input is ready at once, the guest's driver is still probing
            try (LoopbackGuest guest = new LoopbackGuest(u, false, b -> false, Uart16550.MCR_DTR | Uart16550.MCR_OUT2)) {
                assertEquals(-1, guest.next(200), "no byte while RTS is low (boot, before the shell opens ttyS0)");
                guest.setModemControl(Uart16550.MCR_LOOP | Uart16550.MCR_RTS); // the probe's loopback test
                assertEquals(-1, guest.next(100), "loopback disconnects the line: still nothing");
                guest.setModemControl(Uart16550.MCR_DTR | Uart16550.MCR_RTS | Uart16550.MCR_OUT2); // open()
                for (byte b : in) {
                    assertEquals(b & 0xFF, guest.next(5000), "every byte after RTS, none lost to the FIFO resets");
                }
            }
        }
    }

    @Test
    void withoutFlowControlInputGoesToTheFifoAtOnceAsInQemu() throws Exception {
        byte[] in = "abc".getBytes(StandardCharsets.ISO_8859_1);
        try (Console c = Console.streams(new ByteArrayInputStream(in), new Sink(),
                Console.Options.DEFAULT.withPipeFlowControl(false), () -> { })) {
            Uart16550 u = new Uart16550("com1", clock, IrqLine.NONE, c, 64);
            try (LoopbackGuest guest = new LoopbackGuest(u, false, b -> false, Uart16550.MCR_OUT2)) {
                c.attach(u);
                for (byte b : in) {
                    assertEquals(b & 0xFF, guest.next(5000), "RTS low does not hold input");
                }
            }
        }
    }

    @Test
    void escapesOnAPipeWhenAsked() throws Exception {
        Sink out = new Sink();
        AtomicInteger quits = new AtomicInteger();
        byte[] in = "ab\u0001h\u0001\u0001c\u0001xNOT-DELIVERED".getBytes(StandardCharsets.ISO_8859_1);
        try (Console c = Console.streams(new ByteArrayInputStream(in), out,
                Console.Options.DEFAULT.withPipeEscapes(true), quits::incrementAndGet);
             LoopbackGuest guest = guest(c, false)) {
            waitFor(() -> quits.get() == 1, "the quit listener");
            assertTrue(c.quitRequested());
            StringBuilder got = new StringBuilder();
            int b;
            while ((b = guest.next(300)) >= 0) {
                got.append((char) b);
            }
            assertEquals("ab\u0001c", got.toString(), "input stops at C-a x");
            waitFor(() -> out.text().contains("tvmm: terminated"), "the quit message");
            String text = out.text();
            assertTrue(text.contains("C-a x"), "help was printed: " + text);
            assertTrue(text.indexOf("C-a x") < text.indexOf("tvmm: terminated"), text);
        }
        assertEquals(1, quits.get());
    }

    @Test
    void everyByteValueLeavesUntranslated() throws Exception {
        Sink out = new Sink();
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        try (Console c = Console.streams(InputStream.nullInputStream(), out, Console.Options.DEFAULT, () -> { });
             LoopbackGuest guest = guest(c, false)) {
            guest.write(all);
            waitFor(() -> out.text().length() == 256, "256 bytes");
            assertArrayEquals(all, out.text().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void fileBackendHoldsEachRunsOutputAsQemuDoes(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("serial.log");
        for (String run : new String[] {"first boot, a longer line\r\n", "second boot\r\n"}) {
            Console c = Console.file(log);
            try (LoopbackGuest guest = guest(c, false)) {
                guest.write(run); // returns once the last character has left the line
            }
            c.close(); // writes what is queued
            assertEquals(run, Files.readString(log, StandardCharsets.ISO_8859_1), "truncated, then this run");
        }
    }

    @Test
    void messagesAndCloseAreSafeInEveryMode() {
        Console sink = Console.sink();
        sink.transmit('x');
        sink.message("tvmm: a message with no console goes to stderr");
        sink.close();
        sink.close(); // idempotent
        assertEquals(0, sink.droppedOutput());
    }
}
