package tvmm.devices.uart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;
import tvmm.devices.time.ManualClock;

/** The 16550A through its eight ports, with line timing on a manual clock. */
class Uart16550Test {
    static final int BASE = Layout.COM1;
    /** 115200 baud 8N1: 10 bits × 16 clocks at 1.8432 MHz. */
    static final long CHAR_NS = 86_806;

    final ManualClock clock = new ManualClock();
    final List<Integer> sent = new ArrayList<>();
    final List<Boolean> irqLog = new ArrayList<>();
    boolean irq;
    IoBus bus;
    Uart16550 uart;

    @BeforeEach
    void setUp() {
        uart = new Uart16550("com1", clock, high -> {
            irq = high;
            irqLog.add(high);
        }, sent::add, 1);
        bus = IoBus.portBus();
        bus.register(BASE, Layout.COM_LEN, uart);
    }

    void out(int reg, int v) {
        bus.write(BASE + reg, 1, v);
    }

    int in(int reg) {
        return (int) bus.read(BASE + reg, 1);
    }

    /** Linux serial8250 set_termios: DLAB, divisor 1 (115200), 8N1. */
    void program115200() {
        out(Uart16550.LCR, 0x83);
        out(Uart16550.DLL, 1);
        out(Uart16550.DLM, 0);
        out(Uart16550.LCR, 0x03);
    }

    @Test
    void resetStateAndDivisorLatch() {
        assertEquals(0x60, in(Uart16550.LSR), "THRE and TEMT after reset");
        assertEquals(0x01, in(Uart16550.IIR_FCR));
        assertEquals(0xB0, in(Uart16550.MSR), "CTS, DSR, DCD from the host side");
        out(Uart16550.LCR, 0x80);
        out(Uart16550.DLL, 0x34);
        out(Uart16550.DLM, 0x12);
        assertEquals(0x34, in(Uart16550.DLL));
        assertEquals(0x12, in(Uart16550.DLM));
        out(Uart16550.LCR, 0x03);
        assertEquals(0, in(Uart16550.IER), "IER is not the divisor once DLAB is clear");
        out(Uart16550.SCR, 0xA5);
        assertEquals(0xA5, in(Uart16550.SCR));
        out(Uart16550.LCR, 0x80);
        bus.write(BASE, 2, 0x0203); // a word cycle to an 8-bit device: split into DLL, DLM
        assertEquals(0x0203, bus.read(BASE, 2));
        program115200();
        assertEquals(CHAR_NS, uart.characterNanos(), 1);
        out(Uart16550.LCR, 0x0F); // 8 data, parity, 2 stop = 12 bits
        assertEquals(CHAR_NS * 12 / 10, uart.characterNanos(), 1);
    }

    @Test
    void threInterruptFollowsTheDatasheet() {
        program115200();
        out(Uart16550.MCR, Uart16550.MCR_OUT2);
        out(Uart16550.IER, Uart16550.IER_ETBEI);
        assertTrue(irq, "enabling ETBEI with THR empty interrupts at once");
        assertEquals(Uart16550.IIR_THRE, in(Uart16550.IIR_FCR));
        assertFalse(irq, "reading IIR with THRE as the source clears it");
        assertEquals(Uart16550.IIR_NO_INT, in(Uart16550.IIR_FCR));

        out(Uart16550.RBR_THR, 'a'); // THR → shift register at once: THR empty again
        assertEquals(Uart16550.IIR_THRE, in(Uart16550.IIR_FCR));
        assertEquals(Uart16550.LSR_THRE, in(Uart16550.LSR), "THRE but not TEMT while shifting");
        out(Uart16550.RBR_THR, 'b'); // waits in THR: writing THR clears the interrupt
        assertEquals(0, in(Uart16550.LSR) & Uart16550.LSR_THRE);
        assertFalse(irq);
        clock.advance(CHAR_NS - 10);
        assertEquals(List.of(), sent, "no character before its line time");
        clock.advance(10);
        assertEquals(List.of((int) 'a'), sent);
        assertTrue(irq, "'b' moved to the shift register: THR empty interrupts again");
        out(Uart16550.RBR_THR, 'c');
        clock.advance(2 * CHAR_NS);
        assertEquals(List.of((int) 'a', (int) 'b', (int) 'c'), sent);
        assertEquals(0x60, in(Uart16550.LSR));
    }

    @Test
    void fifoTransmitIsPacedAtTheLineRate() {
        program115200();
        out(Uart16550.IIR_FCR, 0xC7); // enable + clear both, RX trigger 14
        assertEquals(0xC1, in(Uart16550.IIR_FCR), "FIFOs enabled show in IIR bits 7..6");
        for (int i = 0; i < 17; i++) {
            out(Uart16550.RBR_THR, i); // 1 in the shift register + 16 in the FIFO
        }
        out(Uart16550.RBR_THR, 99); // no room: lost
        assertEquals(1, uart.droppedTransmits());
        clock.advance(5 * CHAR_NS);
        assertEquals(5, sent.size(), "one character per character time");
        clock.advance(12 * CHAR_NS);
        assertEquals(17, sent.size());
        for (int i = 0; i < 17; i++) {
            assertEquals(i, sent.get(i));
        }
        assertEquals(0x60, in(Uart16550.LSR));
    }

    @Test
    void fifoModeDelaysTheThreInterruptForSingleBytes() {
        program115200();
        out(Uart16550.MCR, Uart16550.MCR_OUT2);
        out(Uart16550.IIR_FCR, 0x07);
        out(Uart16550.IER, Uart16550.IER_ETBEI);
        assertEquals(0xC0 | Uart16550.IIR_THRE, in(Uart16550.IIR_FCR), "enabling ETBEI: at once");
        out(Uart16550.RBR_THR, 'a');
        assertEquals(0xC0 | Uart16550.IIR_THRE, in(Uart16550.IIR_FCR), "first THRE after FCR0 changed: at once");
        clock.advance(2 * CHAR_NS);
        out(Uart16550.RBR_THR, 'b'); // one byte: the FIFO empties at once but THRE interrupts later
        assertEquals(Uart16550.LSR_THRE, in(Uart16550.LSR) & Uart16550.LSR_THRE);
        assertEquals(0xC1, in(Uart16550.IIR_FCR));
        assertFalse(irq);
        long bit = CHAR_NS / 10;
        clock.advance(CHAR_NS - bit - 100);
        assertFalse(irq);
        clock.advance(200);
        assertTrue(irq, "one character time minus the stop bit later");
        assertEquals(0xC0 | Uart16550.IIR_THRE, in(Uart16550.IIR_FCR));
        clock.advance(2 * CHAR_NS);
        out(Uart16550.RBR_THR, 'c'); // to the shift register
        out(Uart16550.RBR_THR, 'd');
        out(Uart16550.RBR_THR, 'e'); // two bytes in the FIFO at once
        clock.advance(2 * CHAR_NS);
        assertTrue(irq, "after the FIFO held two bytes, THRE interrupts as soon as it empties");
    }

    @Test
    void speedupDividesTheCharacterTime() {
        Uart16550 fast = new Uart16550("fast", clock, high -> { }, sent::add, 16);
        fast.write(Uart16550.LCR, 1, 0x83);
        fast.write(Uart16550.DLL, 1, 1);
        fast.write(Uart16550.LCR, 1, 0x03);
        assertEquals(CHAR_NS / 16, fast.characterNanos(), 1);
    }

    @Test
    void receiveTriggerLevelAndCharacterTimeout() {
        program115200();
        out(Uart16550.IIR_FCR, 0x41); // FIFO, trigger level 4
        out(Uart16550.MCR, Uart16550.MCR_OUT2);
        out(Uart16550.IER, Uart16550.IER_ERBFI);
        for (int b : new int[] {'x', 'y', 'z'}) {
            assertTrue(uart.receive(b));
        }
        assertEquals(0xC1, in(Uart16550.IIR_FCR), "below the trigger level");
        clock.advance(4 * CHAR_NS + 10);
        assertTrue(irq, "character timeout after four character times");
        assertEquals(0xC0 | Uart16550.IIR_TIMEOUT, in(Uart16550.IIR_FCR));
        assertEquals('x', in(Uart16550.RBR_THR));
        assertEquals(0xC1, in(Uart16550.IIR_FCR), "reading RBR resets the timeout");
        assertTrue(uart.receive('w'));
        assertTrue(uart.receive('v'));
        assertEquals(0xC0 | Uart16550.IIR_RDA, in(Uart16550.IIR_FCR), "four in the FIFO");
        assertEquals('y', in(Uart16550.RBR_THR));
        assertEquals(0xC1, in(Uart16550.IIR_FCR), "below the trigger again");
        assertEquals(Uart16550.LSR_DR | 0x60, in(Uart16550.LSR));
    }

    @Test
    void hostInputIsRefusedWhenTheFifoIsFull() {
        out(Uart16550.IIR_FCR, 0x01);
        for (int i = 0; i < 16; i++) {
            assertTrue(uart.receive(i));
        }
        assertFalse(uart.receive(16));
        assertEquals(0, in(Uart16550.LSR) & Uart16550.LSR_OE, "refused, not overrun");
        assertEquals(0, in(Uart16550.RBR_THR));
        assertTrue(uart.receive(16));
    }

    @Test
    void interruptPrioritiesAndLoopback() {
        program115200();
        out(Uart16550.MCR, Uart16550.MCR_LOOP | Uart16550.MCR_OUT2 | Uart16550.MCR_RTS);
        // The host side had CTS, DSR, DCD; looped back DTR is low, so only DSR changes.
        assertEquals(Uart16550.MSR_CTS | Uart16550.MSR_DCD | Uart16550.MSR_DDSR,
                in(Uart16550.MSR), "loopback: RTS→CTS, OUT2→DCD, DTR→DSR");
        out(Uart16550.MCR, Uart16550.MCR_LOOP | Uart16550.MCR_OUT2); // drop RTS: DCTS again
        out(Uart16550.IER, 0x0F);
        out(Uart16550.RBR_THR, 0x41);
        out(Uart16550.RBR_THR, 0x42);
        clock.advance(2 * CHAR_NS);
        assertEquals(List.of(), sent, "loopback output never reaches the line");
        assertFalse(irq, "the OUT2 pin is inactive in loopback: no IRQ");
        // Non-FIFO: 0x42 overwrote 0x41 and set OE.
        assertEquals(Uart16550.IIR_RLS, in(Uart16550.IIR_FCR));
        assertEquals(Uart16550.LSR_OE | Uart16550.LSR_DR | 0x60, in(Uart16550.LSR));
        assertEquals(Uart16550.IIR_RDA, in(Uart16550.IIR_FCR));
        assertEquals(0x42, in(Uart16550.RBR_THR));
        assertEquals(Uart16550.IIR_THRE, in(Uart16550.IIR_FCR));
        assertEquals(Uart16550.IIR_MODEM, in(Uart16550.IIR_FCR), "THRE was cleared by the IIR read");
        in(Uart16550.MSR);
        assertEquals(Uart16550.IIR_NO_INT, in(Uart16550.IIR_FCR));

        out(Uart16550.LCR, 0x43); // break in loopback
        assertEquals(Uart16550.LSR_BI | Uart16550.LSR_DR | 0x60, in(Uart16550.LSR));
        out(Uart16550.LCR, 0x03);
        in(Uart16550.RBR_THR);

        out(Uart16550.MCR, Uart16550.MCR_OUT2); // leave loopback: the IRQ pin is driven again
        out(Uart16550.RBR_THR, 'q');
        assertTrue(irq, "THRE with OUT2 and no loopback reaches the IRQ line");
        clock.advance(CHAR_NS);
        assertEquals(List.of((int) 'q'), sent);
    }

    @Test
    void hostModemLineChangesSetDeltasAndInterrupt() {
        out(Uart16550.MCR, Uart16550.MCR_OUT2);
        out(Uart16550.IER, Uart16550.IER_EDSSI);
        assertFalse(irq);
        uart.setHostModemLines(Uart16550.MSR_CTS | Uart16550.MSR_DSR | Uart16550.MSR_RI); // DCD drops
        assertTrue(irq, "modem status interrupt");
        assertEquals(Uart16550.IIR_MODEM, in(Uart16550.IIR_FCR));
        assertEquals(0x70 | Uart16550.MSR_DDCD, in(Uart16550.MSR));
        assertFalse(irq, "reading MSR clears the deltas");
        uart.setHostModemLines(Uart16550.MSR_CTS | Uart16550.MSR_DSR); // RI trailing edge
        assertEquals(0x30 | Uart16550.MSR_TERI, in(Uart16550.MSR));
    }

    @Test
    void out2GatesTheIrqLine() {
        out(Uart16550.IER, Uart16550.IER_ETBEI);
        assertFalse(irq, "interrupt pending but OUT2 low");
        assertEquals(Uart16550.IIR_THRE, in(Uart16550.IIR_FCR));
        out(Uart16550.IER, 0);
        out(Uart16550.IER, Uart16550.IER_ETBEI);
        out(Uart16550.MCR, Uart16550.MCR_OUT2);
        assertTrue(irq);
        out(Uart16550.MCR, 0);
        assertFalse(irq);
    }

    /** A guest that refills the FIFO whenever THRE is set, on the real clock: output stays at line rate. */
    @Test
    void floodingGuestIsHeldToTheLineRateOnTheHostClock() throws InterruptedException {
        try (tvmm.devices.time.HostClock host = new tvmm.devices.time.HostClock()) {
            java.util.concurrent.atomic.AtomicLong out = new java.util.concurrent.atomic.AtomicLong();
            Uart16550 com = new Uart16550("flood", host, high -> { }, b -> out.incrementAndGet(), 1);
            com.write(Uart16550.LCR, 1, 0x83);
            com.write(Uart16550.DLL, 1, 1);
            com.write(Uart16550.LCR, 1, 0x03);
            com.write(Uart16550.IIR_FCR, 1, 0x07);
            long start = host.nanos();
            long written = 0;
            while (host.nanos() - start < 200_000_000L) {
                if ((com.read(Uart16550.LSR, 1) & Uart16550.LSR_THRE) != 0) {
                    for (int i = 0; i < 16; i++) {
                        com.write(Uart16550.RBR_THR, 1, 'x');
                        written++;
                    }
                } else {
                    Thread.onSpinWait();
                }
            }
            long elapsed = host.nanos() - start;
            long lineRate = elapsed / com.characterNanos();
            assertTrue(out.get() <= lineRate + 1, out.get() + " bytes left in " + elapsed + " ns");
            assertTrue(written <= lineRate + 17, "the guest could only queue FIFO + shift register ahead");
            // No lower bound beyond "it flowed": a descheduled guest thread leaves the line idle.
            assertTrue(out.get() > 16, "output flowed: " + out.get() + " of " + lineRate);
        }
    }
}
