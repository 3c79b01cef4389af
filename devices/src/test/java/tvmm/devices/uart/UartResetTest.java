package tvmm.devices.uart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.time.ManualClock;

/** Master reset (16550A datasheet, "UART Reset Configuration"). */
class UartResetTest {
    final ManualClock clock = new ManualClock();
    final List<Integer> sent = new ArrayList<>();
    boolean irq;
    final Uart16550 uart = new Uart16550("com1", clock, high -> irq = high, sent::add, 1);

    @Test
    void resetValuesOfTheDatasheetAndQueuedOutputDelivered() {
        uart.writeByte(Uart16550.LCR, 0x83);
        uart.writeByte(Uart16550.DLL, 3);
        uart.writeByte(Uart16550.DLM, 0);
        uart.writeByte(Uart16550.LCR, 0x1B);
        uart.writeByte(Uart16550.IIR_FCR, 0x07); // FIFOs on, trigger level 1
        uart.writeByte(Uart16550.MCR, 0x0B);
        uart.writeByte(Uart16550.SCR, 0x55);
        uart.writeByte(Uart16550.IER, 0x0F);
        for (char c : "bye".toCharArray()) {
            uart.writeByte(Uart16550.RBR_THR, c);
        }
        uart.receive('x');
        assertTrue(irq);

        uart.reset();

        assertFalse(irq, "INTRPT low");
        assertEquals(List.of((int) 'b', (int) 'y', (int) 'e'), sent, "written characters reach the host");
        assertEquals(0x00, uart.readByte(Uart16550.IER));
        assertEquals(0x01, uart.readByte(Uart16550.IIR_FCR), "IIR 01h: no interrupt, FIFOs off");
        assertEquals(0x00, uart.readByte(Uart16550.LCR));
        assertEquals(0x00, uart.readByte(Uart16550.MCR));
        assertEquals(0x60, uart.readByte(Uart16550.LSR), "LSR 60h: THRE and TEMT, no data");
        assertEquals(Uart16550.HOST_MODEM_LINES, uart.readByte(Uart16550.MSR), "MSR: inputs, no deltas");
        assertEquals(0x55, uart.readByte(Uart16550.SCR), "SCR not affected");
        uart.writeByte(Uart16550.LCR, 0x80);
        assertEquals(3, uart.readByte(Uart16550.DLL), "divisor latch not affected");
    }
}
