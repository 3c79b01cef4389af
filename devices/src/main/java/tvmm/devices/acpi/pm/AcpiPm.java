package tvmm.devices.acpi.pm;

import tvmm.devices.bus.GuestLog;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.Ticks;
import tvmm.devices.time.VirtualClock;

/**
 * The ACPI fixed hardware of a PC chipset (ACPI 6.5 §4.8): the PM1a event block (PM1_STS
 * and PM1_EN), the PM1a control block (SCI_EN, SLP_TYP, SLP_EN) and the 3.579545 MHz PM
 * timer, each an {@link IoDevice} of its own so the VMM can place them where the FADT
 * says. The SCI is a level interrupt, high while an enabled status bit is set.
 *
 * <p>Threading: one monitor for the three blocks; the SCI line is driven with it held
 * (lock order device → interrupt controller). The power-off callback runs without it.
 */
public final class AcpiPm {
    /** SLP_TYP that the DSDT's {@code \_S5} names: writing it with SLP_EN powers off. */
    public static final int SLP_TYP_S5 = 5;
    /** What the FADT tells the OS to write to the reset register. */
    public static final int RESET_VALUE = 0x06;
    public static final long PM_TIMER_HZ = 3_579_545L;

    /** PM1_STS / PM1_EN bits (ACPI 6.5 tables 4.16, 4.17). */
    public static final int TMR = 1;
    public static final int GBL = 1 << 5;
    public static final int PWRBTN = 1 << 8;
    public static final int SLPBTN = 1 << 9;
    public static final int RTC = 1 << 10;
    public static final int WAK_STS = 1 << 15;
    static final int STS_BITS = TMR | (1 << 4) | GBL | PWRBTN | SLPBTN | RTC | (1 << 14) | WAK_STS;
    static final int EN_BITS = TMR | GBL | PWRBTN | SLPBTN | RTC;

    /** PM1_CNT bits (ACPI 6.5 table 4.18). */
    public static final int SCI_EN = 1;
    public static final int SLP_EN = 1 << 13;
    static final int CNT_STORED = 0x1C03;      // SCI_EN, BM_RLD, SLP_TYP

    private final GuestLog log = new GuestLog("acpi-pm");

    private final VirtualClock clock;
    private final IrqLine sci;
    private final boolean timer32;
    private final Runnable powerOff;
    private final VirtualClock.Timer overflowTimer;

    private int status;
    private int enable;
    private int control = SCI_EN;      // no SMI_CMD: the machine starts in ACPI mode
    private long overflowsCleared;
    private boolean sciLevel;
    /** SLP_EN was written inside the current register write. */
    private boolean sleepRequested;

    /**
     * @param timer32  the PM timer counts 32 bits (FADT TMR_VAL_EXT), else 24
     * @param powerOff called when the guest enters S5
     */
    public AcpiPm(VirtualClock clock, IrqLine sci, boolean timer32, Runnable powerOff) {
        this.clock = clock;
        this.sci = sci;
        this.timer32 = timer32;
        this.powerOff = powerOff;
        this.overflowTimer = clock.newTimer("pm-timer", this::overflowed);
    }

    /**
     * System reset: PM1_STS and PM1_EN clear (ACPI 6.5 §4.8.3.1: "cleared on reset"), PM1_CNT
     * as firmware leaves it (SCI_EN: tvmm has no SMI_CMD, so the OS finds ACPI mode on), SCI
     * low. The PM timer runs on: it is reset only with the resume well (RSMRST#).
     */
    public synchronized void reset() {
        status = 0;
        enable = 0;
        control = SCI_EN;
        overflowsCleared = overflows();
        sleepRequested = false;
        updateSci();
    }

    /** The power button was pressed (e.g. the host asks the guest to shut down). */
    public synchronized void pressPowerButton() {
        status |= PWRBTN;
        updateSci();
    }

    // ---------------------------------------------------------------- PM timer

    private int width() {
        return timer32 ? 32 : 24;
    }

    private long ticks() {
        return Ticks.ticksAt(clock.nanos(), PM_TIMER_HZ);
    }

    /** How often the timer's top bit has changed since power-on (each change sets TMR_STS). */
    private long overflows() {
        return ticks() >>> (width() - 1);
    }

    private int status() {
        return overflows() != overflowsCleared ? status | TMR : status & ~TMR;
    }

    private void overflowed() {
        synchronized (this) {
            updateSci();
        }
    }

    /** Arms a timer event at the next TMR_STS when the OS waits for it as an SCI. */
    private void armOverflow() {
        if ((enable & TMR) != 0 && (status() & TMR) == 0) {
            long next = (overflows() + 1) << (width() - 1);
            overflowTimer.armAt(Ticks.nanosOfTick(next, PM_TIMER_HZ));
        } else {
            overflowTimer.cancel();
        }
    }

    private void updateSci() {
        boolean level = (control & SCI_EN) != 0 && (status() & enable) != 0;
        if (level != sciLevel) {
            sciLevel = level;
            sci.set(level);
        }
        armOverflow();
    }

    // ---------------------------------------------------------------- register blocks

    /** PM1a_EVT_BLK: PM1_STS at +0 (write 1 to clear), PM1_EN at +2. */
    public IoDevice eventBlock() {
        return new Block("pm1a-evt", 4) {
            @Override
            long get() {
                return status() | (long) enable << 16;
            }

            @Override
            void put(int offset, int byteValue) {
                if (offset < 2) {
                    int bits = (byteValue << (8 * offset)) & STS_BITS;
                    if ((bits & TMR) != 0) {
                        overflowsCleared = overflows();
                    }
                    status &= ~bits;
                } else {
                    int shift = 8 * (offset - 2);
                    enable = (enable & ~(0xFF << shift)) | ((byteValue << shift) & EN_BITS);
                }
            }
        };
    }

    /** PM1a_CNT_BLK: SCI_EN, SLP_TYP and the write-only SLP_EN. */
    public IoDevice controlBlock() {
        return new Block("pm1a-cnt", 2) {
            @Override
            long get() {
                return control;
            }

            @Override
            void put(int offset, int byteValue) {
                int shift = 8 * offset;
                int written = byteValue << shift;
                control = (control & ~(0xFF << shift)) | (written & CNT_STORED);
                if ((written & SLP_EN) != 0) {
                    sleepRequested = true;
                }
            }
        };
    }

    /** PM_TMR_BLK: the free-running 3.579545 MHz counter, read-only. */
    public IoDevice timerBlock() {
        return new Block("pm-tmr", 4) {
            @Override
            long get() {
                return ticks() & ((1L << width()) - 1);
            }

            @Override
            void put(int offset, int byteValue) {
                // Read-only: writes are ignored.
            }
        };
    }

    /** SLP_EN was written: enter the state SLP_TYP names. Runs after the write, lock released. */
    private void sleep(int slpTyp) {
        if (slpTyp == SLP_TYP_S5) {
            powerOff.run();
        } else {
            // Only \_S5 is in the DSDT; another type is a guest bug: log and stay awake.
            log.warn("sleep-type", "sleep type %d not supported, ignored", slpTyp);
        }
    }

    /** A register block of {@code length} bytes, accessed at any width inside it. */
    private abstract class Block implements IoDevice {
        private final String name;
        private final int length;

        Block(String name, int length) {
            this.name = name;
            this.length = length;
        }

        abstract long get();

        abstract void put(int offset, int byteValue);

        @Override
        public long read(long offset, int size) {
            long mask = size >= 8 ? -1L : (1L << (size * 8)) - 1;
            if (offset < 0 || offset + size > length) {
                return mask;
            }
            synchronized (AcpiPm.this) {
                return (get() >>> (8 * offset)) & mask;
            }
        }

        @Override
        public void write(long offset, int size, long value) {
            if (offset < 0 || offset + size > length) {
                return;
            }
            int slpTyp = -1;
            synchronized (AcpiPm.this) {
                for (int i = 0; i < size; i++) {
                    put((int) offset + i, (int) (value >>> (8 * i)) & 0xFF);
                }
                if (sleepRequested) {
                    sleepRequested = false;
                    slpTyp = (control >>> 10) & 7;
                }
                updateSci();
            }
            if (slpTyp >= 0) {
                sleep(slpTyp);
            }
        }

        @Override
        public String name() {
            return name;
        }
    }
}
