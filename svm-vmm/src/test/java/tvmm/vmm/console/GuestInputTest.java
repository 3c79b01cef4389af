package tvmm.vmm.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.ManualClock;
import tvmm.devices.uart.SerialBackend;
import tvmm.devices.uart.Uart16550;

/** The receive side's two policies against a guest that does not read. */
class GuestInputTest {

    /** A UART whose backend hands "FIFO has room" to {@code in}, as {@link Console} does. */
    private static Uart16550 uartWithFifo(GuestInput in) {
        SerialBackend backend = new SerialBackend() {
            @Override
            public void transmit(int b) {
            }

            @Override
            public void rxReady() {
                in.pump();
            }
        };
        Uart16550 u = new Uart16550("com1", new ManualClock(), IrqLine.NONE, backend, 1);
        u.write(Uart16550.LCR, 1, 0x03);
        u.write(Uart16550.IIR_FCR, 1, Uart16550.FCR_ENABLE);
        u.write(Uart16550.MCR, 1, Uart16550.MCR_RTS | Uart16550.MCR_DTR | Uart16550.MCR_OUT2);
        return u;
    }

    @Test
    void terminalInputNeverBlocksOnAHungGuestAndCountsWhatItDrops() throws InterruptedException {
        // The console-in thread must stay free to see C-a x while the guest reads nothing.
        GuestInput in = new GuestInput(8, false, false);
        in.attach(uartWithFifo(in));
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            in.put('k');
        }
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1));
        assertEquals(8, in.pending(), "the backlog is full");
        assertEquals(100 - Uart16550.FIFO_SIZE - 8, in.droppedBytes(), "the FIFO took 16, the rest overran");
    }

    @Test
    void pipeInputWaitsAndResumesWhenTheGuestReads() throws Exception {
        GuestInput in = new GuestInput(4, true, false);
        Uart16550 u = uartWithFifo(in);
        in.attach(u);
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 40; i++) {
                    in.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.join(200);
        assertTrue(producer.isAlive(), "the producer waits: FIFO (16) and queue (4) are full");
        assertEquals(0, in.droppedBytes());
        for (int i = 0; i < 40; i++) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((u.read(Uart16550.LSR, 1) & Uart16550.LSR_DR) == 0 && System.nanoTime() < end) {
                Thread.sleep(1);
            }
            assertEquals(i, u.read(Uart16550.RBR_THR, 1), "byte " + i + " in order, none lost");
        }
        producer.join(5000);
        assertEquals(0, in.pending());
    }
}
