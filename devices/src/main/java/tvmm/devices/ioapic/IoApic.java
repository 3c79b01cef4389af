package tvmm.devices.ioapic;

import tvmm.devices.apic.ApicBus;
import tvmm.devices.apic.ApicMessage;
import tvmm.devices.bus.GsiSink;
import tvmm.devices.bus.GuestLog;
import tvmm.devices.bus.IoDevice;

/**
 * The 82093AA I/O APIC with 24 pins (Intel 82093AA datasheet, with the version-0x20
 * EOI register of later ICH parts). The guest selects a register through IOREGSEL (+0x00)
 * and reads or writes it through IOWIN (+0x10); each pin has a 64-bit redirection entry.
 *
 * <p>Inputs are wire levels ({@link GsiSink}): edge-triggered pins send one message per
 * rising edge, level-triggered pins send while asserted and set Remote IRR until the
 * local APIC's EOI for their vector comes back over the {@link ApicBus}; if the line is
 * still asserted then, the interrupt is sent again. The polarity bit is stored but the
 * model sees logical assertion, as QEMU and KVM do: the board's wiring is what makes a
 * line active-low, and every source here drives it active-high.
 *
 * <p>Threading: everything under this object's monitor; messages go to the fabric with
 * the lock held (lock order: device → IOAPIC → local APIC; a local APIC never calls out
 * while holding its lock, so the EOI path cannot close a cycle).
 */
public final class IoApic implements IoDevice, GsiSink {
    public static final int PINS = 24;
    /**
     * The IOAPIC's APIC ID on tvmm's machine, as the MADT lists it. 0 as on QEMU: on
     * x86-64 Linux checks IOAPIC IDs only against other IOAPICs (there is no APIC bus).
     */
    public static final int DEFAULT_ID = 0;
    /** Register window offsets. */
    public static final int IOREGSEL = 0x00;
    public static final int IOWIN = 0x10;
    public static final int EOI = 0x40;
    /** Indirect register indices. */
    static final int REG_ID = 0x00;
    static final int REG_VERSION = 0x01;
    static final int REG_ARBITRATION = 0x02;
    static final int REG_REDIRECTION = 0x10;
    static final int VERSION = 0x20 | ((PINS - 1) << 16);

    /** Redirection entry bits (datasheet §3.2.4). */
    static final long VECTOR = 0xFF;
    static final long DEST_LOGICAL = 1L << 11;
    static final long DELIVERY_STATUS = 1L << 12;
    static final long POLARITY_LOW = 1L << 13;
    static final long REMOTE_IRR = 1L << 14;
    static final long TRIGGER_LEVEL = 1L << 15;
    static final long MASKED = 1L << 16;
    /** Writable: vector, delivery mode, destination mode, polarity, trigger, mask, destination. */
    static final long WRITABLE = 0xFF00_0000_0001_AFFFL;

    private final GuestLog log = new GuestLog("ioapic");

    private final ApicBus bus;
    private final long[] redirection = new long[PINS];
    private final boolean[] level = new boolean[PINS];
    private int select;
    private int id;
    private final int firmwareId;

    /** An IOAPIC with APIC ID {@code id}, its EOI input connected to {@code bus}. */
    public IoApic(ApicBus bus, int id) {
        this.bus = bus;
        this.firmwareId = (id & 0xF) << 24;
        reset();
        bus.addEoiListener(this::endOfInterrupt);
    }

    /**
     * RST# (82093AA datasheet §3.2 and the register table's reset values): every redirection
     * entry masked with its remote IRR and delivery status clear, IOREGSEL 0, and the ID as
     * the firmware programs it (the chip resets it to 0; MP/ACPI tables promise {@code id}).
     * The input pin levels belong to the devices and are kept.
     */
    public synchronized void reset() {
        java.util.Arrays.fill(redirection, MASKED);
        select = 0;
        id = firmwareId;
    }

    @Override
    public String name() {
        return "ioapic";
    }

    @Override
    public synchronized long read(long offset, int size) {
        if (offset == IOREGSEL) {
            return select & 0xFF;
        }
        if (offset == IOWIN && size == 4) {
            return readIndirect(select) & 0xFFFFFFFFL;
        }
        log.warn("access", "%d-byte read at 0x%x", size, offset);
        return size >= 8 ? -1L : (1L << (size * 8)) - 1;
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        if (offset == IOREGSEL) {
            select = (int) value & 0xFF;
        } else if (offset == IOWIN && size == 4) {
            writeIndirect(select, (int) value);
        } else if (offset == EOI && size == 4) {
            endOfInterrupt((int) value & 0xFF);
        } else {
            log.warn("access", "%d-byte write at 0x%x ignored", size, offset);
        }
    }

    private int readIndirect(int reg) {
        if (reg == REG_ID) {
            return id;
        }
        if (reg == REG_VERSION) {
            return VERSION;
        }
        if (reg == REG_ARBITRATION) {
            return id;      // the arbitration ID is loaded from the APIC ID
        }
        int pin = (reg - REG_REDIRECTION) >> 1;
        if (reg >= REG_REDIRECTION && pin < PINS) {
            long entry = redirection[pin];
            return (reg & 1) == 0 ? (int) entry : (int) (entry >>> 32);
        }
        return 0;   // undefined registers read as 0
    }

    private void writeIndirect(int reg, int value) {
        if (reg == REG_ID) {
            id = value & 0x0F00_0000;
            return;
        }
        int pin = (reg - REG_REDIRECTION) >> 1;
        if (reg < REG_REDIRECTION || pin >= PINS) {
            return;     // version, arbitration and undefined registers are read-only
        }
        long old = redirection[pin];
        long half = (reg & 1) == 0 ? value & 0xFFFFFFFFL : (long) value << 32;
        long keep = (reg & 1) == 0 ? 0xFFFFFFFF_00000000L : 0x00000000_FFFFFFFFL;
        long entry = (old & keep) | (half & ~keep & WRITABLE) | (old & (REMOTE_IRR | DELIVERY_STATUS));
        if ((entry & TRIGGER_LEVEL) == 0) {
            entry &= ~REMOTE_IRR;   // Remote IRR is undefined for edge pins: keep it clear
        }
        redirection[pin] = entry;
        // An asserted level pin that is now unmasked (or now level) is still requesting.
        serviceLevel(pin);
    }

    /** Drives pin {@code gsi}; called by the interrupt router with the device's lock held. */
    @Override
    public synchronized void setLevel(int gsi, boolean high) {
        if (gsi < 0 || gsi >= PINS) {
            return;
        }
        boolean was = level[gsi];
        level[gsi] = high;
        long entry = redirection[gsi];
        if ((entry & TRIGGER_LEVEL) != 0) {
            serviceLevel(gsi);
        } else if (high && !was && (entry & MASKED) == 0) {
            // Edge on a masked pin is lost, not held (datasheet, Interrupt Mask bit).
            send(gsi, entry);
        }
    }

    /** A level pin: send if asserted, unmasked and not already awaiting its EOI. */
    private void serviceLevel(int pin) {
        long entry = redirection[pin];
        if ((entry & TRIGGER_LEVEL) == 0 || !level[pin] || (entry & (MASKED | REMOTE_IRR)) != 0) {
            return;
        }
        redirection[pin] = entry | REMOTE_IRR;
        send(pin, entry);
    }

    private void send(int pin, long entry) {
        int mode = (int) (entry >>> 8) & 7;
        bus.deliver(ApicMessage.fromIoApic((int) (entry >>> 56), (entry & DEST_LOGICAL) != 0,
                mode, (int) (entry & VECTOR), (entry & TRIGGER_LEVEL) != 0));
    }

    /**
     * An EOI for {@code vector} (broadcast by a local APIC, or written to the EOI
     * register): clears Remote IRR of the level pins with that vector and re-sends those
     * whose line is still asserted.
     */
    public synchronized void endOfInterrupt(int vector) {
        for (int pin = 0; pin < PINS; pin++) {
            long entry = redirection[pin];
            if ((entry & REMOTE_IRR) != 0 && (entry & VECTOR) == vector) {
                redirection[pin] = entry & ~REMOTE_IRR;
                serviceLevel(pin);
            }
        }
    }

    /** The redirection entry of {@code pin}, for tests and {@code tvmm info}. */
    public synchronized long redirectionEntry(int pin) {
        return redirection[pin];
    }
}
