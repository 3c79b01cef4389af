package tvmm.devices.rtc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import tvmm.devices.bus.GuestLog;
import tvmm.devices.bus.ByteRegisters;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.Ticks;
import tvmm.devices.time.VirtualClock;

/**
 * Motorola MC146818A real-time clock with 128 bytes of CMOS RAM at ports 0x70 (index,
 * bit 7 = NMI disable) and 0x71 (data), interrupting on ISA IRQ8.
 *
 * <p>Time: the host's wall clock (UTC) when the machine is created, advanced by the
 * virtual clock. The divider chain is an origin on the virtual clock: update cycles
 * happen at origin + k seconds, periodic interrupts at its 32.768 kHz taps. Nothing
 * ticks: time and the PF/UF/AF flags are computed when the guest reads, and one timer is
 * armed only for an event whose interrupt is enabled and whose IRQ is not already
 * asserted (1 Hz for UIE/AIE, the periodic rate for PIE).
 *
 * <p>Simplifications, all invisible to a guest that follows the datasheet's set-up rules:
 * the time is kept as seconds and re-encoded on each read, so changing DM or 24/12 in
 * register B re-presents the same time in the new format (the chip would need the time
 * rewritten); daylight-saving (DSE) is ignored; UIP is high for the 244 µs before each
 * update and the update is instantaneous.
 *
 * <p>Threading: this object's monitor guards everything; IRQ8 is driven with it held.
 */
public final class Mc146818 implements ByteRegisters {
    public static final int PORT_INDEX = 0;
    public static final int PORT_DATA = 1;
    /** Port 0x70 bit 7: NMI disabled. */
    public static final int NMI_DISABLE = 0x80;

    public static final int SECONDS = 0x00;
    public static final int SECONDS_ALARM = 0x01;
    public static final int MINUTES = 0x02;
    public static final int MINUTES_ALARM = 0x03;
    public static final int HOURS = 0x04;
    public static final int HOURS_ALARM = 0x05;
    public static final int DAY_OF_WEEK = 0x06;
    public static final int DAY_OF_MONTH = 0x07;
    public static final int MONTH = 0x08;
    public static final int YEAR = 0x09;
    public static final int REG_A = 0x0A;
    public static final int REG_B = 0x0B;
    public static final int REG_C = 0x0C;
    public static final int REG_D = 0x0D;
    /** The century byte used by PC BIOSes and named in the ACPI FADT. */
    public static final int CENTURY = 0x32;
    public static final int CMOS_SIZE = 128;

    public static final int A_UIP = 0x80;
    public static final int A_DV = 0x70;
    public static final int A_RS = 0x0F;
    static final int DV_32K = 0x20;           // 010: 32.768 kHz time base, running
    public static final int B_SET = 0x80;
    public static final int B_PIE = 0x40;
    public static final int B_AIE = 0x20;
    public static final int B_UIE = 0x10;
    public static final int B_SQWE = 0x08;
    public static final int B_DM_BINARY = 0x04;
    public static final int B_24H = 0x02;
    public static final int B_DSE = 0x01;
    public static final int C_IRQF = 0x80;
    public static final int C_PF = 0x40;
    public static final int C_AF = 0x20;
    public static final int C_UF = 0x10;
    public static final int D_VRT = 0x80;
    static final int ALARM_DONT_CARE = 0xC0;
    /** Update-in-progress lead time (tBUC) with a 32.768 kHz time base. */
    static final long UIP_NANOS = 244_000;
    static final long SECOND = Ticks.NANOS_PER_SECOND;

    private final VirtualClock clock;
    private final IrqLine irq;
    private final VirtualClock.Timer timer;
    private final GuestLog log = new GuestLog("rtc");
    private final byte[] cmos = new byte[CMOS_SIZE];
    private int index;
    private boolean nmiDisabled;
    private int regA = DV_32K | 0x06;  // as a PC BIOS leaves it: 1024 Hz rate selected
    private int regB = B_24H;
    private int flags;                 // PF, AF, UF
    private boolean irqLevel;
    private long dividerOrigin;        // virtual nanos of an update boundary
    private long baseSeconds;          // RTC epoch seconds (UTC) ...
    private long baseVirtual;          // ... valid right after this virtual time
    private long flagsAt;              // flags are computed up to here
    private int dowOffset;             // guest's day-of-week numbering relative to the calendar
    /**
     * While SET is on: the date and time registers as the guest wrote them (binary, full
     * year). The chip's registers are independent counters, so a guest may pass through an
     * invalid date (Linux writes year, month, day, ...: day 31 then month 2 is fine); the
     * date is composed when SET is cleared. Null while the clock runs.
     */
    private int[] held;
    private static final int H_SEC = 0, H_MIN = 1, H_HOUR = 2, H_DAY = 3, H_MONTH = 4, H_YEAR = 5;

    /** An RTC showing the host's current UTC time. */
    public Mc146818(VirtualClock clock, IrqLine irq) {
        this(clock, irq, Instant.now());
    }

    /** An RTC showing {@code start} at the current virtual time (tests pin the date). */
    public Mc146818(VirtualClock clock, IrqLine irq, Instant start) {
        this.clock = clock;
        this.irq = irq;
        this.timer = clock.newTimer("rtc", this::onTimer);
        long now = clock.nanos();
        dividerOrigin = now - start.getNano(); // update cycles on the host's second boundaries
        baseSeconds = start.getEpochSecond();
        baseVirtual = now;
        flagsAt = now;
    }

    // ---- time keeping -------------------------------------------------------------

    private boolean dividerRunning() {
        return (regA & A_DV) != 0x60 && (regA & A_DV) != 0x70; // 11x holds the chain in reset
    }

    private boolean updating() {
        return dividerRunning() && (regB & B_SET) == 0;
    }

    /** Update boundaries in (from, to]. */
    private long boundaries(long from, long to) {
        return Math.floorDiv(to - dividerOrigin, SECOND) - Math.floorDiv(from - dividerOrigin, SECOND);
    }

    private long seconds(long now) {
        return updating() ? baseSeconds + boundaries(baseVirtual, now) : baseSeconds;
    }

    private void rebase(long now, long newSeconds) {
        baseSeconds = newSeconds;
        baseVirtual = now;
    }

    private long periodicHz() {
        int rs = regA & A_RS;
        if (rs == 0 || !dividerRunning()) {
            return 0;
        }
        // RS 1 and 2 give 256 and 128 Hz with a 32.768 kHz base; 3..15 give 32768 >> (rs - 1).
        return rs <= 2 ? 512 >> rs : 32768 >> (rs - 1);
    }

    /** Sets PF, UF and AF for everything that happened up to {@code now}. */
    private void catchUp(long now) {
        if (now <= flagsAt) {
            return;
        }
        long hz = periodicHz();
        if (hz != 0 && Ticks.ticksAt(now - dividerOrigin, hz) > Ticks.ticksAt(flagsAt - dividerOrigin, hz)) {
            flags |= C_PF;
        }
        if (updating()) {
            long n = boundaries(flagsAt, now);
            if (n > 0) {
                flags |= C_UF;
                long last = seconds(now);
                for (long i = 0; i < Math.min(n, 86_401) && (flags & C_AF) == 0; i++) {
                    if (alarmMatches(last - i)) {
                        flags |= C_AF;
                    }
                }
            }
        }
        flagsAt = now;
    }

    private boolean alarmMatches(long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        return matches(cmos[SECONDS_ALARM], encode(t.getSecond()))
                && matches(cmos[MINUTES_ALARM], encode(t.getMinute()))
                && matches(cmos[HOURS_ALARM], encodeHour(t.getHour()));
    }

    private static boolean matches(byte alarm, int value) {
        return (alarm & ALARM_DONT_CARE) == ALARM_DONT_CARE || (alarm & 0xFF) == value;
    }

    // ---- register encoding ----------------------------------------------------------

    private boolean binary() {
        return (regB & B_DM_BINARY) != 0;
    }

    private int encode(int v) {
        return binary() ? v : (v / 10) << 4 | v % 10;
    }

    private int decode(int v) {
        return binary() ? v : (v >> 4) * 10 + (v & 0xF);
    }

    private int encodeHour(int h) {
        if ((regB & B_24H) != 0) {
            return encode(h);
        }
        int h12 = h % 12 == 0 ? 12 : h % 12;
        return encode(h12) | (h >= 12 ? 0x80 : 0);
    }

    private int decodeHour(int v) {
        if ((regB & B_24H) != 0) {
            return decode(v);
        }
        int h = decode(v & 0x7F) % 12;
        return (v & 0x80) != 0 ? h + 12 : h;
    }

    private int readTime(int reg, long now) {
        if (held != null && reg != DAY_OF_WEEK) {
            return switch (reg) {
                case SECONDS -> encode(held[H_SEC]);
                case MINUTES -> encode(held[H_MIN]);
                case HOURS -> encodeHour(held[H_HOUR]);
                case DAY_OF_MONTH -> encode(held[H_DAY]);
                case MONTH -> encode(held[H_MONTH]);
                case YEAR -> encode(held[H_YEAR] % 100);
                default -> encode(held[H_YEAR] / 100); // CENTURY
            };
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds(now), 0, ZoneOffset.UTC);
        return switch (reg) {
            case SECONDS -> encode(t.getSecond());
            case MINUTES -> encode(t.getMinute());
            case HOURS -> encodeHour(t.getHour());
            case DAY_OF_WEEK -> Math.floorMod(t.getDayOfWeek().getValue() % 7 + dowOffset, 7) + 1;
            case DAY_OF_MONTH -> encode(t.getDayOfMonth());
            case MONTH -> encode(t.getMonthValue());
            case YEAR -> encode(t.getYear() % 100);
            default -> encode(t.getYear() / 100); // CENTURY
        };
    }

    private void writeTime(int reg, int v, long now) {
        if (held != null && reg != DAY_OF_WEEK) {
            switch (reg) {
                case SECONDS -> held[H_SEC] = decode(v);
                case MINUTES -> held[H_MIN] = decode(v);
                case HOURS -> held[H_HOUR] = decodeHour(v);
                case DAY_OF_MONTH -> held[H_DAY] = decode(v);
                case MONTH -> held[H_MONTH] = decode(v);
                case YEAR -> held[H_YEAR] = held[H_YEAR] / 100 * 100 + decode(v) % 100;
                default -> held[H_YEAR] = decode(v) * 100 + held[H_YEAR] % 100; // CENTURY
            }
            return;
        }
        long secs = seconds(now);
        LocalDateTime t = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
        try {
            t = switch (reg) {
                case SECONDS -> t.withSecond(decode(v));
                case MINUTES -> t.withMinute(decode(v));
                case HOURS -> t.withHour(decodeHour(v));
                case DAY_OF_MONTH -> t.withDayOfMonth(decode(v));
                case MONTH -> t.withMonth(decode(v));
                case YEAR -> t.withYear(t.getYear() / 100 * 100 + decode(v));
                case CENTURY -> t.withYear(decode(v) * 100 + t.getYear() % 100);
                default -> { // DAY_OF_WEEK: an independent counter on the chip
                    dowOffset = Math.floorMod(v - 1 - t.getDayOfWeek().getValue() % 7, 7);
                    yield t;
                }
            };
        } catch (java.time.DateTimeException e) {
            log.warn("date", "invalid date/time written to register 0x%x ignored: %s", reg, e.getMessage());
            return;
        }
        rebase(now, t.toEpochSecond(ZoneOffset.UTC));
    }

    // ---- ports ----------------------------------------------------------------------

    @Override
    public synchronized int readByte(long offset) {
        if (offset == PORT_INDEX) {
            return 0xFF; // the index register is write-only
        }
        long now = clock.nanos();
        catchUp(now);
        int v = switch (index) {
            case SECONDS, MINUTES, HOURS, DAY_OF_WEEK, DAY_OF_MONTH, MONTH, YEAR, CENTURY -> readTime(index, now);
            case REG_A -> regA | (uip(now) ? A_UIP : 0);
            case REG_B -> regB;
            case REG_C -> {
                int c = flags | (irqFlag() ? C_IRQF : 0);
                flags = 0; // reading C clears every flag and releases IRQ8
                yield c;
            }
            case REG_D -> D_VRT;
            default -> cmos[index] & 0xFF;
        };
        update(now);
        return v;
    }

    private boolean uip(long now) {
        if (!updating()) {
            return false;
        }
        long intoSecond = Math.floorMod(now - dividerOrigin, SECOND);
        return intoSecond >= SECOND - UIP_NANOS;
    }

    @Override
    public synchronized void writeByte(long offset, int value) {
        int v = value & 0xFF;
        if (offset == PORT_INDEX) {
            index = v & 0x7F;
            nmiDisabled = (v & NMI_DISABLE) != 0;
            return;
        }
        long now = clock.nanos();
        catchUp(now);
        switch (index) {
            case SECONDS, MINUTES, HOURS, DAY_OF_WEEK, DAY_OF_MONTH, MONTH, YEAR, CENTURY -> writeTime(index, v, now);
            case REG_A -> writeA(v, now);
            case REG_B -> writeB(v, now);
            case REG_C, REG_D -> { } // read-only
            default -> cmos[index] = (byte) v;
        }
        update(now);
    }

    private void writeA(int v, long now) {
        long secs = seconds(now);
        boolean wasRunning = dividerRunning();
        regA = v & ~A_UIP;
        if (!dividerRunning()) {
            rebase(now, secs); // chain in reset: time stands still
        } else if (!wasRunning) {
            // Leaving divider reset: the first update comes 500 ms later.
            dividerOrigin = now + SECOND / 2;
            rebase(now, secs);
        }
    }

    private void writeB(int v, long now) {
        long secs = seconds(now);
        if ((v & B_SET) != 0) {
            v &= ~B_UIE; // setting SET clears UIE
            if (held == null) {
                LocalDateTime t = LocalDateTime.ofEpochSecond(secs, 0, ZoneOffset.UTC);
                held = new int[] {t.getSecond(), t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue(),
                    t.getYear()};
            }
        } else if (held != null) {
            secs = compose(held, secs);
            held = null;
        }
        regB = v;
        rebase(now, secs); // SET stops or resumes updates from the current time
        if ((v & B_DSE) != 0) {
            log.warn("dse", "daylight-saving enable ignored");
        }
    }

    /** The time the held registers name; a day past the month's end is its last day. */
    private long compose(int[] h, long current) {
        try {
            LocalDateTime t = LocalDateTime.of(h[H_YEAR], h[H_MONTH], 1, h[H_HOUR], h[H_MIN], h[H_SEC]);
            if (h[H_DAY] < 1) {
                throw new java.time.DateTimeException("day of month " + h[H_DAY]);
            }
            t = t.withDayOfMonth(Math.min(h[H_DAY], t.toLocalDate().lengthOfMonth()));
            return t.toEpochSecond(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            log.warn("date", "invalid date/time set, clock unchanged: %s", e.getMessage());
            return current;
        }
    }

    private boolean irqFlag() {
        return (flags & regB & (C_PF | C_AF | C_UF)) != 0; // enable bits sit at the same positions
    }

    private void update(long now) {
        boolean level = irqFlag();
        if (level != irqLevel) {
            irqLevel = level;
            irq.set(level);
        }
        long next = level ? -1 : nextEvent(now);
        if (next < 0) {
            timer.cancel();
        } else {
            timer.armAt(next);
        }
    }

    /** The next instant an enabled interrupt can occur, or -1. */
    private long nextEvent(long now) {
        long next = -1;
        long hz = periodicHz();
        if ((regB & B_PIE) != 0 && hz != 0) {
            next = dividerOrigin + Ticks.nanosOfTick(Ticks.ticksAt(now - dividerOrigin, hz) + 1, hz);
        }
        if ((regB & (B_UIE | B_AIE)) != 0 && updating()) {
            long second = dividerOrigin + (Math.floorDiv(now - dividerOrigin, SECOND) + 1) * SECOND;
            next = next < 0 ? second : Math.min(next, second);
        }
        return next;
    }

    private synchronized void onTimer() {
        long now = clock.nanos();
        catchUp(now);
        update(now);
    }

    /**
     * The RESET pin, driven by the PC's system reset (MC146818A datasheet, "RESET"): clears
     * PIE, AIE, UIE and SQWE in register B and IRQF, PF, AF and UF in register C, and releases
     * IRQ. The time, register A, DM/24-12/DSE and the CMOS memory are battery-backed and kept
     * (a firmware counting boots in CMOS relies on that; QEMU's rtc_reset does the same).
     */
    public synchronized void reset() {
        long now = clock.nanos();
        catchUp(now);
        regB &= ~(B_PIE | B_AIE | B_UIE | B_SQWE);
        flags = 0;
        update(now);
    }

    // ---- for the VMM ----------------------------------------------------------------

    /** Whether the guest has disabled NMIs through port 0x70 bit 7. */
    public synchronized boolean nmiDisabled() {
        return nmiDisabled;
    }

    /** Sets a byte of CMOS RAM (0x0E..0x7F) as firmware would before the guest starts. */
    public synchronized void setCmos(int index, int value) {
        if (index < REG_D + 1 || index >= CMOS_SIZE || index == CENTURY) {
            throw new IllegalArgumentException("CMOS index " + index + " is not plain RAM");
        }
        cmos[index] = (byte) value;
    }

    public synchronized int cmos(int index) {
        return cmos[index & 0x7F] & 0xFF;
    }

    /**
     * Records the RAM size in the bytes a PC BIOS sets (and SeaBIOS/QEMU read back):
     * 0x15/0x16 base memory in KiB, 0x17/0x18 and 0x30/0x31 KiB above 1 MiB (max 0xFFFF),
     * 0x34/0x35 64 KiB units above 16 MiB (below 4 GiB), 0x5B..0x5D 64 KiB units above 4 GiB.
     */
    public synchronized void setMemorySize(long belowFourGiB, long aboveFourGiB) {
        put16(0x15, 640);
        long extKib = Math.min(0xFFFF, Math.max(0, belowFourGiB - (1L << 20)) >> 10);
        put16(0x17, (int) extKib);
        put16(0x30, (int) extKib);
        long above16 = Math.min(0xFFFF, Math.max(0, belowFourGiB - (16L << 20)) >> 16);
        put16(0x34, (int) above16);
        long high = aboveFourGiB >> 16;
        cmos[0x5B] = (byte) high;
        cmos[0x5C] = (byte) (high >> 8);
        cmos[0x5D] = (byte) (high >> 16);
    }

    private void put16(int at, int v) {
        cmos[at] = (byte) v;
        cmos[at + 1] = (byte) (v >> 8);
    }

    @Override
    public String name() {
        return "rtc";
    }
}
