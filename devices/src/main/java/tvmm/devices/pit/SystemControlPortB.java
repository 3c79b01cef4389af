package tvmm.devices.pit;

import tvmm.devices.bus.IoDevice;
import tvmm.devices.time.VirtualClock;

/**
 * NMI status and control register at port 0x61 (PIIX3 datasheet §4.7.2, "port B"): the
 * gate of PIT counter 2, the speaker enable, and counter 2's OUT read back, which Linux's
 * pit_calibrate_tsc() polls. It lives with the PIT because it is counter 2's pins.
 */
public final class SystemControlPortB implements IoDevice {
    public static final int TIMER2_GATE = 0x01;     // RW
    public static final int SPEAKER_DATA = 0x02;    // RW: speaker follows OUT2
    public static final int SERR_DISABLE = 0x04;    // RW (no PCI SERR# source here)
    public static final int IOCHK_DISABLE = 0x08;   // RW (no IOCHK# source here)
    public static final int REFRESH_TOGGLE = 0x10;  // RO: toggles every refresh cycle
    public static final int TIMER2_OUT = 0x20;      // RO
    public static final int IOCHK_NMI = 0x40;       // RO, never set: no ISA channel check
    public static final int SERR_NMI = 0x80;        // RO, never set: no PCI system error
    static final int WRITABLE = TIMER2_GATE | SPEAKER_DATA | SERR_DISABLE | IOCHK_DISABLE;
    /** One DRAM refresh request per 15.085 µs (PIT counter 1 as a PC BIOS programs it, count 18). */
    static final long REFRESH_PERIOD_NANOS = 15_085;

    private final Pit8254 pit;
    private final VirtualClock clock;
    private int control;

    public SystemControlPortB(Pit8254 pit, VirtualClock clock) {
        this.pit = pit;
        this.clock = clock;
    }

    /** System reset (PIIX3 §4.7.2: NMI status and control defaults 00h): speaker off, GATE2 low. */
    public synchronized void reset() {
        control = 0;
        pit.setGate2(false);
    }

    @Override
    public synchronized long read(long offset, int size) {
        int v = control;
        if ((clock.nanos() / REFRESH_PERIOD_NANOS & 1) != 0) {
            v |= REFRESH_TOGGLE;
        }
        if (pit.out2()) {
            v |= TIMER2_OUT;
        }
        return v;
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        control = (int) value & WRITABLE;
        pit.setGate2((control & TIMER2_GATE) != 0);
    }

    /** Whether the speaker is sounding (gate and speaker data both on): for a host beeper. */
    public synchronized boolean speakerEnabled() {
        return (control & (TIMER2_GATE | SPEAKER_DATA)) == (TIMER2_GATE | SPEAKER_DATA);
    }

    @Override
    public String name() {
        return "port61";
    }
}
