package tvmm.devices.bus;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An address space of device windows: the port-I/O bus ({@link #portBus()}, 64 KiB of
 * ports) or the MMIO bus ({@link #mmioBus()}, guest-physical addresses). The two are
 * separate instances so a port number can never reach an MMIO device.
 *
 * <p>Dispatch hands the device the offset from its base (Firecracker's bus contract). An
 * access that falls in no window is unclaimed: reads return all ones (the floating ISA/PCI
 * bus), writes are dropped, and both are counted. An access that straddles the end of a
 * window is split into byte cycles, as the PC chipset splits a 16-bit cycle to an 8-bit
 * device; each byte goes to whichever window holds it.
 *
 * <p>Threading: registration happens while the machine is assembled, but is safe at any
 * time: the window table is an immutable sorted array replaced under {@code this}
 * (copy on write) and published through a volatile field. Dispatch takes no bus lock, so
 * the bus never participates in a lock order: it calls the device with no lock held,
 * and each device serialises its own registers with its own monitor.
 */
public final class IoBus {
    /** One registered window: [base, base + length). */
    public record Range(long base, long length, IoDevice device) {
        long end() {
            return base + length; // exclusive; length checked positive and non-wrapping
        }
    }

    private final String name;
    private final long limit;
    private volatile Range[] ranges = new Range[0]; // sorted by base, disjoint
    private final AtomicLong unclaimedReads = new AtomicLong();
    private final AtomicLong unclaimedWrites = new AtomicLong();

    private IoBus(String name, long limit) {
        this.name = name;
        this.limit = limit;
    }

    /** The x86 I/O port space, ports 0x0000..0xFFFF. */
    public static IoBus portBus() {
        return new IoBus("pio", 0x1_0000L);
    }

    /** Guest-physical MMIO space, 52 address bits (the architectural maximum). */
    public static IoBus mmioBus() {
        return new IoBus("mmio", 1L << 52);
    }

    public String name() {
        return name;
    }

    /**
     * Claims [base, base + length) for {@code device}.
     *
     * @throws IllegalArgumentException for an empty window, one beyond the address space
     *     or one overlapping a registered window (a wiring bug, never guest input)
     */
    public synchronized void register(long base, long length, IoDevice device) {
        if (length <= 0 || base < 0 || base > limit - length) {
            throw new IllegalArgumentException(String.format(
                    "%s: bad window 0x%x+0x%x for %s", name, base, length, device.name()));
        }
        Range r = new Range(base, length, device);
        Range[] old = ranges;
        int at = 0;
        while (at < old.length && old[at].base < base) {
            at++;
        }
        if (at > 0 && old[at - 1].end() > base) {
            throw overlap(r, old[at - 1]);
        }
        if (at < old.length && r.end() > old[at].base) {
            throw overlap(r, old[at]);
        }
        Range[] next = new Range[old.length + 1];
        System.arraycopy(old, 0, next, 0, at);
        next[at] = r;
        System.arraycopy(old, at, next, at + 1, old.length - at);
        ranges = next;
    }

    private IllegalArgumentException overlap(Range a, Range b) {
        return new IllegalArgumentException(String.format("%s: %s at 0x%x+0x%x overlaps %s at 0x%x+0x%x",
                name, a.device.name(), a.base, a.length, b.device.name(), b.base, b.length));
    }

    /** Removes the window starting at {@code base}; returns whether one was there. */
    public synchronized boolean unregister(long base) {
        Range[] old = ranges;
        for (int i = 0; i < old.length; i++) {
            if (old[i].base == base) {
                Range[] next = new Range[old.length - 1];
                System.arraycopy(old, 0, next, 0, i);
                System.arraycopy(old, i + 1, next, i, old.length - i - 1);
                ranges = next;
                return true;
            }
        }
        return false;
    }

    /** The window containing {@code address}, or null. */
    public Range find(long address) {
        Range[] rs = ranges;
        int lo = 0;
        int hi = rs.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Range r = rs[mid];
            if (address < r.base) {
                hi = mid - 1;
            } else if (address >= r.end()) {
                lo = mid + 1;
            } else {
                return r;
            }
        }
        return null;
    }

    /** Reads {@code size} (1, 2, 4 or 8) bytes at {@code address}, zero-extended. */
    public long read(long address, int size) {
        Range r = find(address);
        if (r != null && address + size <= r.end()) {
            return r.device.read(address - r.base, size) & mask(size);
        }
        if (r == null && size == 1) {
            unclaimedReads.incrementAndGet();
            return 0xFF;
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= read(address + i, 1) << (8 * i);
        }
        return value;
    }

    /** Writes the low {@code size} bytes of {@code value} at {@code address}. */
    public void write(long address, int size, long value) {
        Range r = find(address);
        if (r != null && address + size <= r.end()) {
            r.device.write(address - r.base, size, value & mask(size));
            return;
        }
        if (r == null && size == 1) {
            unclaimedWrites.incrementAndGet();
            return;
        }
        for (int i = 0; i < size; i++) {
            write(address + i, 1, value >>> (8 * i));
        }
    }

    static long mask(int size) {
        return size >= 8 ? -1L : (1L << (8 * size)) - 1;
    }

    /** Byte reads that hit no window (each byte of a split access counts once). */
    public long unclaimedReads() {
        return unclaimedReads.get();
    }

    /** Byte writes that hit no window. */
    public long unclaimedWrites() {
        return unclaimedWrites.get();
    }

    /** The registered windows in address order (for {@code tvmm info}). */
    public Range[] ranges() {
        return ranges.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(':');
        for (Range r : ranges) {
            sb.append(String.format(" %s@0x%x+0x%x", r.device.name(), r.base, r.length));
        }
        return sb.toString();
    }
}
