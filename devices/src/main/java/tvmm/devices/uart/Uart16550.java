package tvmm.devices.uart;

import java.util.ArrayDeque;
import tvmm.devices.bus.ByteRegisters;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.Ticks;
import tvmm.devices.time.VirtualClock;

/**
 * National Semiconductor PC16550D UART (datasheet, June 1995): eight registers at
 * 0x3F8–0x3FF for COM1, 16-byte FIFOs, the four interrupt sources in their priority order,
 * modem control with loopback, and the baud-rate divisor.
 *
 * <p>Output pacing (Humbel §6.3: an infinitely fast UART made Linux stop writing): a
 * transmitted character occupies the shift register for one character time, derived from
 * the divisor and the frame format in LCR (start + data + parity + stop bits at
 * 1.8432 MHz / 16 / divisor) and divided by the {@code speedup} the VMM chose. The guest
 * therefore sees THRE and TEMT change as on a real line and can never send faster than
 * {@code speedup} × line rate (at 115200 baud 8N1: 11 520 × speedup bytes/s); the TX FIFO
 * (16 bytes) is the only buffer. The characters are handed to the backend as their time
 * completes, computed from the clock and collected by one timer (armed only while the
 * transmitter is busy).
 *
 * <p>The IRQ output is gated by MCR.OUT2 as on every PC (the OUT2 pin enables the ISA IRQ
 * driver); in loopback mode the OUT2 pin is forced inactive, so interrupts are internal
 * only (visible in IIR) and the IRQ line stays low, as on hardware.
 *
 * <p>Threading: all state is guarded by this object's monitor; the IRQ line and the
 * backend are called with it held (lock order: UART → interrupt controllers; UART →
 * backend).
 */
public final class Uart16550 implements ByteRegisters {
    /** Register offsets; DLL/DLM replace RBR/THR/IER while LCR.DLAB is set. */
    public static final int RBR_THR = 0;
    public static final int IER = 1;
    public static final int IIR_FCR = 2;
    public static final int LCR = 3;
    public static final int MCR = 4;
    public static final int LSR = 5;
    public static final int MSR = 6;
    public static final int SCR = 7;
    public static final int DLL = 0;
    public static final int DLM = 1;

    public static final int IER_ERBFI = 0x01;  // received data available
    public static final int IER_ETBEI = 0x02;  // transmitter holding register empty
    public static final int IER_ELSI = 0x04;   // receiver line status
    public static final int IER_EDSSI = 0x08;  // modem status

    public static final int IIR_NO_INT = 0x01;
    public static final int IIR_MODEM = 0x00;
    public static final int IIR_THRE = 0x02;
    public static final int IIR_RDA = 0x04;
    public static final int IIR_RLS = 0x06;
    public static final int IIR_TIMEOUT = 0x0C;
    public static final int IIR_FIFOS = 0xC0;

    public static final int FCR_ENABLE = 0x01;
    public static final int FCR_CLEAR_RX = 0x02;
    public static final int FCR_CLEAR_TX = 0x04;
    public static final int FCR_TRIGGER = 0xC0;

    public static final int LCR_WLS = 0x03;
    public static final int LCR_STB = 0x04;
    public static final int LCR_PEN = 0x08;
    public static final int LCR_BREAK = 0x40;
    public static final int LCR_DLAB = 0x80;

    public static final int MCR_DTR = 0x01;
    public static final int MCR_RTS = 0x02;
    public static final int MCR_OUT1 = 0x04;
    public static final int MCR_OUT2 = 0x08;
    public static final int MCR_LOOP = 0x10;

    public static final int LSR_DR = 0x01;
    public static final int LSR_OE = 0x02;
    public static final int LSR_PE = 0x04;
    public static final int LSR_FE = 0x08;
    public static final int LSR_BI = 0x10;
    public static final int LSR_THRE = 0x20;
    public static final int LSR_TEMT = 0x40;
    public static final int LSR_RX_FIFO_ERROR = 0x80;
    static final int LSR_ERRORS = LSR_OE | LSR_PE | LSR_FE | LSR_BI;

    public static final int MSR_DCTS = 0x01;
    public static final int MSR_DDSR = 0x02;
    public static final int MSR_TERI = 0x04;
    public static final int MSR_DDCD = 0x08;
    public static final int MSR_CTS = 0x10;
    public static final int MSR_DSR = 0x20;
    public static final int MSR_RI = 0x40;
    public static final int MSR_DCD = 0x80;

    /** The PC's UART crystal; baud = 1843200 / (16 × divisor) = 115200 / divisor. */
    public static final long CLOCK_HZ = 1_843_200;
    public static final int FIFO_SIZE = 16;
    static final int[] RX_TRIGGER = {1, 4, 8, 14};
    /** The host end of a null-modem cable: the far side is present and ready. */
    static final int HOST_MODEM_LINES = MSR_CTS | MSR_DSR | MSR_DCD;

    private final String name;
    private final VirtualClock clock;
    private final IrqLine irq;
    private final SerialBackend backend;
    private final int speedup;
    private final VirtualClock.Timer txTimer;
    private final VirtualClock.Timer rxTimer;

    private int ier;
    private int lcr;
    private int mcr;
    private int lsrErrors;        // OE, PE, FE, BI: cleared by reading LSR
    private int msr = HOST_MODEM_LINES;
    private int hostLines = HOST_MODEM_LINES;
    private int scr;
    private int divisor = 12;     // 9600 baud until the guest programs it
    private boolean fifoEnabled;
    private int rxTrigger = 1;
    private final ArrayDeque<Integer> rxFifo = new ArrayDeque<>(FIFO_SIZE);
    private final ArrayDeque<Integer> txFifo = new ArrayDeque<>(FIFO_SIZE);
    private boolean tsrBusy;
    private int tsrChar;
    private long txDoneAt;        // virtual time the character in the shift register is out
    private boolean thrInterrupt; // "THRE interrupt pending": set when THR empties, reset by IIR read / THR write
    private long thrDueAt;        // FIFO mode may delay that interrupt (see thrEmptied)
    private boolean txFifoHeldTwo;   // the TX FIFO held two bytes at once since THRE was last 1
    private boolean firstThreAfterFcr = true;
    private long lastRxActivity;  // last character into or out of the RX FIFO (for the timeout)
    private boolean irqLevel;
    private long droppedTx;
    private int lastRbr;

    /**
     * @param name     for logs, e.g. "com1"
     * @param speedup  divides the character time (1 = the programmed baud rate exactly)
     */
    public Uart16550(String name, VirtualClock clock, IrqLine irq, SerialBackend backend, int speedup) {
        if (speedup < 1) {
            throw new IllegalArgumentException("speedup " + speedup);
        }
        this.name = name;
        this.clock = clock;
        this.irq = irq;
        this.backend = backend;
        this.speedup = speedup;
        this.txTimer = clock.newTimer(name + "-tx", this::onTimer);
        this.rxTimer = clock.newTimer(name + "-rx", this::onTimer);
    }

    /** Nanoseconds one character takes on the line with the current divisor and LCR. */
    public synchronized long characterNanos() {
        // Half-bit units so 1.5 stop bits (5-bit words with STB) stay exact.
        int dataBits = 5 + (lcr & LCR_WLS);
        int stopHalves = (lcr & LCR_STB) == 0 ? 2 : (dataBits == 5 ? 3 : 4);
        int halfBits = 2 * (1 + dataBits + ((lcr & LCR_PEN) != 0 ? 1 : 0)) + stopHalves;
        long div = divisor == 0 ? 0x10000 : divisor;
        long clocks = halfBits * 16L * div; // in half-bit clocks ×2
        return Math.max(1, Ticks.nanosOfTick(clocks, CLOCK_HZ) / 2 / speedup);
    }

    @Override
    public synchronized int readByte(long offset) {
        long now = clock.nanos();
        advance(now);
        int v;
        switch ((int) offset) {
            case RBR_THR -> v = (lcr & LCR_DLAB) != 0 ? divisor & 0xFF : readRbr(now);
            case IER -> v = (lcr & LCR_DLAB) != 0 ? (divisor >> 8) & 0xFF : ier;
            case IIR_FCR -> {
                int id = interruptId(now);
                if (id == IIR_THRE) {
                    thrInterrupt = false; // reading IIR with THRE as the source resets it
                }
                v = id | (fifoEnabled ? IIR_FIFOS : 0);
            }
            case LCR -> v = lcr;
            case MCR -> v = mcr;
            case LSR -> {
                v = lsr();
                lsrErrors = 0;
            }
            case MSR -> {
                v = msr;
                msr &= ~(MSR_DCTS | MSR_DDSR | MSR_TERI | MSR_DDCD);
            }
            default -> v = scr;
        }
        update(now);
        return v;
    }

    @Override
    public synchronized void writeByte(long offset, int value) {
        long now = clock.nanos();
        advance(now);
        int v = value & 0xFF;
        switch ((int) offset) {
            case RBR_THR -> {
                if ((lcr & LCR_DLAB) != 0) {
                    divisor = (divisor & 0xFF00) | v;
                } else {
                    writeThr(v, now);
                }
            }
            case IER -> {
                if ((lcr & LCR_DLAB) != 0) {
                    divisor = (divisor & 0xFF) | (v << 8);
                } else {
                    boolean enablingThre = (v & IER_ETBEI) != 0 && (ier & IER_ETBEI) == 0;
                    ier = v & 0x0F;
                    if (enablingThre && txFifo.isEmpty()) {
                        thrInterrupt = true; // enabling ETBEI with THR empty interrupts at once
                        thrDueAt = now;
                    }
                }
            }
            case IIR_FCR -> writeFcr(v, now);
            case LCR -> {
                boolean breakStarts = (v & LCR_BREAK) != 0 && (lcr & LCR_BREAK) == 0;
                lcr = v;
                if (breakStarts && (mcr & MCR_LOOP) != 0) {
                    // Loopback: the receiver sees the break as a zero character with BI.
                    lsrErrors |= LSR_BI;
                    pushRx(0, now);
                }
            }
            case MCR -> writeMcr(v & 0x1F);
            case LSR, MSR -> { } // factory test registers; writes have no defined effect
            default -> scr = v;
        }
        update(now);
    }

    private int readRbr(long now) {
        Integer b = rxFifo.poll();
        lastRxActivity = now;
        if (b == null) {
            return lastRbr; // an empty RBR still holds the last character
        }
        lastRbr = b;
        backend.rxReady();
        return b;
    }

    private void writeThr(int v, long now) {
        thrInterrupt = false;
        int capacity = fifoEnabled ? FIFO_SIZE : 1;
        if (txFifo.size() >= capacity) {
            droppedTx++; // the guest ignored THRE: the character is lost, as on the chip
            return;
        }
        txFifo.add(v);
        if (txFifo.size() >= 2) {
            txFifoHeldTwo = true;
        }
        if (!tsrBusy) {
            loadShiftRegister(now);
        }
    }

    /** Moves the next character from THR/FIFO into the shift register, starting at {@code start}. */
    private void loadShiftRegister(long start) {
        tsrChar = txFifo.poll();
        tsrBusy = true;
        txDoneAt = start + characterNanos();
        if (txFifo.isEmpty()) {
            thrEmptied(start);
        }
    }

    /**
     * THR (or the whole TX FIFO) just became empty. In FIFO mode the datasheet delays the
     * THRE interrupt by one character time minus the last stop bit when the FIFO has not
     * held two bytes at once since THRE was last set, except for the first THRE interrupt
     * after FCR0 changed; so a driver writing single bytes is not interrupted at once.
     */
    private void thrEmptied(long at) {
        thrInterrupt = true;
        if (fifoEnabled && !txFifoHeldTwo && !firstThreAfterFcr) {
            thrDueAt = at + characterNanos() - bitNanos();
        } else {
            thrDueAt = at;
        }
        txFifoHeldTwo = false;
        firstThreAfterFcr = false;
    }

    private long bitNanos() {
        long div = divisor == 0 ? 0x10000 : divisor;
        return Math.max(1, Ticks.nanosOfTick(16L * div, CLOCK_HZ) / speedup);
    }

    private void writeFcr(int v, long now) {
        boolean enable = (v & FCR_ENABLE) != 0;
        if (enable != fifoEnabled) {
            rxFifo.clear();
            txFifo.clear();
            fifoEnabled = enable;
            firstThreAfterFcr = true;
        }
        if (!enable) {
            return; // the other FCR bits are written only with FIFO enable set
        }
        if ((v & FCR_CLEAR_RX) != 0) {
            rxFifo.clear();
            lastRxActivity = now;
        }
        if ((v & FCR_CLEAR_TX) != 0) {
            txFifo.clear(); // the shift register finishes its character
            thrInterrupt = true;
            thrDueAt = now;
        }
        rxTrigger = RX_TRIGGER[v >>> 6];
    }

    private void writeMcr(int v) {
        int old = mcr;
        mcr = v;
        if (((old ^ v) & MCR_LOOP) != 0 || (v & MCR_LOOP) != 0) {
            setModemLines((v & MCR_LOOP) != 0 ? loopbackLines(v) : hostLines);
        }
    }

    /** Loopback ties the modem outputs to the inputs: RTS→CTS, DTR→DSR, OUT1→RI, OUT2→DCD. */
    private static int loopbackLines(int mcr) {
        return ((mcr & MCR_RTS) != 0 ? MSR_CTS : 0) | ((mcr & MCR_DTR) != 0 ? MSR_DSR : 0)
                | ((mcr & MCR_OUT1) != 0 ? MSR_RI : 0) | ((mcr & MCR_OUT2) != 0 ? MSR_DCD : 0);
    }

    private void setModemLines(int lines) {
        int old = msr & 0xF0;
        int changed = old ^ lines;
        int delta = msr & 0x0F;
        if ((changed & MSR_CTS) != 0) {
            delta |= MSR_DCTS;
        }
        if ((changed & MSR_DSR) != 0) {
            delta |= MSR_DDSR;
        }
        if ((changed & MSR_DCD) != 0) {
            delta |= MSR_DDCD;
        }
        if ((old & MSR_RI) != 0 && (lines & MSR_RI) == 0) {
            delta |= MSR_TERI; // trailing edge of ring indicator only
        }
        msr = lines | delta;
    }

    private int lsr() {
        int v = lsrErrors;
        if (!rxFifo.isEmpty()) {
            v |= LSR_DR;
        }
        if (txFifo.isEmpty()) {
            v |= LSR_THRE;
            if (!tsrBusy) {
                v |= LSR_TEMT;
            }
        }
        if (fifoEnabled && (lsrErrors & LSR_BI) != 0) {
            v |= LSR_RX_FIFO_ERROR;
        }
        return v;
    }

    /** Host input: one character arrives on the line. Returns false (nothing done) if the FIFO is full. */
    public synchronized boolean receive(int b) {
        long now = clock.nanos();
        advance(now);
        if (rxFifo.size() >= (fifoEnabled ? FIFO_SIZE : 1)) {
            return false;
        }
        if ((mcr & MCR_LOOP) != 0) {
            return true; // loopback disconnects the serial input: the character is lost on the wire
        }
        pushRx(b, now);
        update(now);
        return true;
    }

    private void pushRx(int b, long now) {
        int capacity = fifoEnabled ? FIFO_SIZE : 1;
        if (rxFifo.size() >= capacity) {
            lsrErrors |= LSR_OE;
            if (!fifoEnabled) {
                rxFifo.poll(); // 16450 mode: the new character overwrites RBR
            } else {
                return; // FIFO mode: the character in the shift register is lost
            }
        }
        rxFifo.add(b & ((1 << (5 + (lcr & LCR_WLS))) - 1));
        lastRxActivity = now;
    }

    /** Completes every character whose line time has passed. */
    private void advance(long now) {
        while (tsrBusy && txDoneAt <= now) {
            int b = tsrChar;
            long done = txDoneAt;
            tsrBusy = false;
            if ((mcr & MCR_LOOP) != 0) {
                pushRx(b, done);
            } else {
                backend.transmit(b);
            }
            if (!txFifo.isEmpty()) {
                loadShiftRegister(done);
            }
        }
    }

    private boolean timedOut(long now) {
        return fifoEnabled && !rxFifo.isEmpty() && now - lastRxActivity >= 4 * characterNanos();
    }

    /** The highest-priority pending interrupt as IIR bits 3..0 (datasheet Table IV). */
    private int interruptId(long now) {
        if ((ier & IER_ELSI) != 0 && (lsrErrors & LSR_ERRORS) != 0) {
            return IIR_RLS;
        }
        if ((ier & IER_ERBFI) != 0 && rxFifo.size() >= (fifoEnabled ? rxTrigger : 1)) {
            return IIR_RDA;
        }
        if ((ier & IER_ERBFI) != 0 && timedOut(now)) {
            return IIR_TIMEOUT;
        }
        if ((ier & IER_ETBEI) != 0 && thrInterrupt && now >= thrDueAt) {
            return IIR_THRE;
        }
        if ((ier & IER_EDSSI) != 0 && (msr & 0x0F) != 0) {
            return IIR_MODEM;
        }
        return IIR_NO_INT;
    }

    private void update(long now) {
        boolean level = interruptId(now) != IIR_NO_INT && (mcr & (MCR_OUT2 | MCR_LOOP)) == MCR_OUT2;
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
        long txEvent = tsrBusy ? txDoneAt : Long.MAX_VALUE;
        if ((ier & IER_ETBEI) != 0 && thrInterrupt && thrDueAt > now) {
            txEvent = Math.min(txEvent, thrDueAt); // a delayed THRE interrupt
        }
        if (txEvent != Long.MAX_VALUE) {
            txTimer.armAt(txEvent);
        } else {
            txTimer.cancel();
        }
        // The character timeout needs a timer only when it can interrupt.
        if ((ier & IER_ERBFI) != 0 && fifoEnabled && !rxFifo.isEmpty() && !timedOut(now)) {
            rxTimer.armAt(lastRxActivity + 4 * characterNanos());
        } else {
            rxTimer.cancel();
        }
    }

    private synchronized void onTimer() {
        long now = clock.nanos();
        advance(now);
        update(now);
    }

    /**
     * Master reset (16550A datasheet, "UART Reset Configuration"): IER, FCR, LCR and MCR to 0,
     * IIR to 01h, LSR to 60h, the MSR delta bits cleared, both FIFOs and the shift register
     * emptied, INTRPT low; RBR, THR, SCR and the divisor latch are not affected. Characters the
     * guest had already written are first handed to the host (a real line would lose the ones
     * still queued; a console that drops the last words before a reboot only misleads).
     */
    public synchronized void reset() {
        long now = clock.nanos();
        advance(now);
        if ((mcr & MCR_LOOP) == 0) {
            if (tsrBusy) {
                backend.transmit(tsrChar);
            }
            for (int b : txFifo) {
                backend.transmit(b);
            }
        }
        ier = 0;
        lcr = 0;
        mcr = 0;
        lsrErrors = 0;
        msr = hostLines;
        fifoEnabled = false;
        rxTrigger = 1;
        rxFifo.clear();
        txFifo.clear();
        tsrBusy = false;
        thrInterrupt = false;
        thrDueAt = now;
        txFifoHeldTwo = false;
        firstThreAfterFcr = true;
        lastRxActivity = now;
        update(now);
    }

    /**
     * The host side's modem lines (MSR bits CTS, DSR, RI, DCD), e.g. DCD dropped when a
     * console client disconnects. Changes set the delta bits (and may interrupt) as on the
     * chip; in loopback the lines are disconnected and only take effect when it ends.
     */
    public synchronized void setHostModemLines(int msrBits) {
        hostLines = msrBits & (MSR_CTS | MSR_DSR | MSR_RI | MSR_DCD);
        if ((mcr & MCR_LOOP) == 0) {
            setModemLines(hostLines);
        }
        update(clock.nanos());
    }

    /** Characters the guest wrote into a full transmitter (it did not wait for THRE). */
    public synchronized long droppedTransmits() {
        return droppedTx;
    }

    /** The IRQ output level (for {@code tvmm info} and tests). */
    public synchronized boolean irqAsserted() {
        return irqLevel;
    }

    @Override
    public String name() {
        return name;
    }
}
