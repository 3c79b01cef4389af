package tvmm.devices.pit;

import tvmm.devices.bus.ByteRegisters;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.Ticks;
import tvmm.devices.time.VirtualClock;

/**
 * The Intel 8254 PIT at ports 0x40–0x43, clocked at 1.193182 MHz from the virtual clock.
 * Counter 0's OUT drives ISA IRQ0; counter 1 (DRAM refresh on old PCs) has no output;
 * counter 2's gate and OUT belong to port 0x61 ({@link SystemControlPortB}), which Linux
 * uses to calibrate the TSC.
 *
 * <p>Nothing ticks: counts are computed from the clock on access, and one timer is armed
 * only for the next rising edge of OUT0 (the only edge that interrupts). A timer that
 * fires late delivers a single edge for all periods it missed, as a real PIC would latch
 * only one request.
 *
 * <p>Threading: all state is guarded by this object's monitor; the IRQ0 line is driven
 * with it held (lock order: PIT → interrupt controllers → INTR receiver). The clock's
 * timer calls back with no clock lock held.
 */
public final class Pit8254 implements ByteRegisters {
    /** The input clock: 14.31818 MHz / 12. */
    public static final long FREQUENCY_HZ = 1_193_182;
    /** Port offsets. */
    public static final int COUNTER0 = 0;
    public static final int COUNTER1 = 1;
    public static final int COUNTER2 = 2;
    public static final int CONTROL = 3;
    // Control word: SC1 SC0 RW1 RW0 M2 M1 M0 BCD.
    static final int SC_READ_BACK = 3;
    static final int READ_BACK_NO_COUNT = 0x20;  // 0 = latch count
    static final int READ_BACK_NO_STATUS = 0x10; // 0 = latch status

    private final VirtualClock clock;
    private final IrqLine irq0;
    private final PitChannel[] channels = {new PitChannel(0), new PitChannel(1), new PitChannel(2)};
    private final VirtualClock.Timer timer;
    private long armedEdge = -1;
    /** OUT0 as last driven; an unprogrammed counter's OUT is high, as after a control word. */
    private boolean irqLevel = true;

    public Pit8254(VirtualClock clock, IrqLine irq0) {
        this.clock = clock;
        this.irq0 = irq0;
        this.timer = clock.newTimer("pit0", this::onTimer);
        channels[0].gate = true; // counters 0 and 1 have GATE tied high on the PC
        channels[1].gate = true;
    }

    /**
     * System reset. The 8254 has no reset pin ("after power-up, the state of the 8254 is
     * undefined", datasheet): tvmm returns to the state it powers on in, every counter
     * unprogrammed (LSB-then-MSB, no count, OUT high as after a control word), GATE0/1 high,
     * GATE2 low (port 0x61 resets too), and no timer armed.
     */
    public synchronized void reset() {
        for (int i = 0; i < channels.length; i++) {
            channels[i] = new PitChannel(i);
        }
        channels[0].gate = true;
        channels[1].gate = true;
        timer.cancel();
        armedEdge = -1;
        setIrq(true);
    }

    private long tick() {
        return Ticks.ticksAt(clock.nanos(), FREQUENCY_HZ);
    }

    @Override
    public synchronized int readByte(long offset) {
        if (offset > COUNTER2) {
            return 0xFF; // the control word register is write-only
        }
        PitChannel c = channels[(int) offset];
        long t = tick();
        c.normalize(t);
        if (c.latchedStatus >= 0) {
            int s = c.latchedStatus;
            c.latchedStatus = -1;
            return s;
        }
        boolean latched = c.latchedCount >= 0;
        int value = latched ? c.latchedCount : c.rawValue(t);
        boolean msb;
        switch (c.rwMode) {
            case PitChannel.RW_LSB -> msb = false;
            case PitChannel.RW_MSB -> msb = true;
            default -> {
                // LSB then MSB: the latch and the live counter share the byte flip-flop.
                msb = latched ? c.latchMsbNext : c.readMsbNext;
                if (latched) {
                    c.latchMsbNext = !msb;
                } else {
                    c.readMsbNext = !msb;
                }
            }
        }
        if (latched && (msb || c.rwMode == PitChannel.RW_LSB)) {
            c.latchedCount = -1; // fully read: the output latch follows the counter again
        }
        return msb ? (value >> 8) & 0xFF : value & 0xFF;
    }

    @Override
    public synchronized void writeByte(long offset, int value) {
        int v = value & 0xFF;
        long t = tick();
        if (offset == CONTROL) {
            control(v, t);
        } else if (offset <= COUNTER2) {
            writeCount(channels[(int) offset], v, t);
        }
        for (PitChannel c : channels) {
            c.normalize(t);
        }
        if (offset == CONTROL || offset == COUNTER0) {
            updateIrq(t);
        }
    }

    private void control(int v, long t) {
        int sc = v >>> 6;
        int rw = (v >>> 4) & 3;
        if (sc == SC_READ_BACK) {
            // Read-back: latch count and/or status of each selected counter.
            for (int i = 0; i < 3; i++) {
                if ((v & (2 << i)) == 0) {
                    continue;
                }
                PitChannel c = channels[i];
                c.normalize(t);
                if ((v & READ_BACK_NO_STATUS) == 0 && c.latchedStatus < 0) {
                    c.latchedStatus = c.status(t);
                }
                if ((v & READ_BACK_NO_COUNT) == 0) {
                    latchCount(c, t);
                }
            }
            return;
        }
        PitChannel c = channels[sc];
        c.normalize(t);
        if (rw == PitChannel.RW_LATCH) {
            latchCount(c, t);
        } else {
            c.control(rw, (v >>> 1) & 7, (v & 1) != 0);
        }
    }

    private static void latchCount(PitChannel c, long t) {
        if (c.latchedCount < 0) { // a second latch before the first is read is ignored
            c.latchedCount = c.rawValue(t);
            c.latchMsbNext = false;
        }
    }

    private void writeCount(PitChannel c, int v, long t) {
        c.normalize(t);
        switch (c.rwMode) {
            case PitChannel.RW_LSB -> c.countRegister = v;
            case PitChannel.RW_MSB -> c.countRegister = v << 8;
            case PitChannel.RW_LSB_MSB -> {
                if (!c.writeMsbNext) {
                    c.writeLsb = v;
                    c.writeMsbNext = true;
                    c.firstByteWritten(t);
                    return;
                }
                c.writeMsbNext = false;
                c.countRegister = c.writeLsb | (v << 8);
            }
            default -> {
                return; // no access mode programmed yet
            }
        }
        c.countWritten(t);
    }

    /** Counter 2's GATE (port 0x61 bit 0). */
    public synchronized void setGate2(boolean level) {
        long t = tick();
        channels[2].setGate(level, t);
    }

    public synchronized boolean gate2() {
        return channels[2].gate;
    }

    /** Counter 2's OUT (port 0x61 bit 5). */
    public synchronized boolean out2() {
        long t = tick();
        channels[2].normalize(t);
        return channels[2].out(t);
    }

    /** Drives IRQ0 from OUT0 and arms the timer for OUT0's next rising edge. */
    private void updateIrq(long t) {
        PitChannel c = channels[0];
        c.normalize(t);
        setIrq(c.out(t));
        long edge = c.nextRisingEdge(t);
        if (edge != armedEdge) {
            armedEdge = edge;
            if (edge < 0) {
                timer.cancel();
            } else {
                timer.armAt(Ticks.nanosOfTick(edge, FREQUENCY_HZ));
            }
        }
    }

    private void setIrq(boolean level) {
        if (level != irqLevel) {
            irqLevel = level;
            irq0.set(level);
        }
    }

    private synchronized void onTimer() {
        long t = tick();
        PitChannel c = channels[0];
        c.normalize(t);
        if (armedEdge < 0 || t < armedEdge) {
            updateIrq(t); // the guest reprogrammed the counter while this expiry waited
            return;
        }
        armedEdge = -1;
        // At least one rising edge of OUT0 happened since the timer was armed: make sure
        // the controller sees an edge even if OUT0's short low phase fell between two looks.
        if (irqLevel) {
            irqLevel = false;
            irq0.set(false);
        }
        setIrq(true);
        updateIrq(t);
    }

    /** For tests and {@code tvmm info}: the current count of {@code counter}, binary units. */
    public synchronized int count(int counter) {
        long t = tick();
        channels[counter].normalize(t);
        return channels[counter].value(t);
    }

    @Override
    public String name() {
        return "pit";
    }
}
