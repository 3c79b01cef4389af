package tvmm.vmm.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.devices.bus.IoBus;
import tvmm.devices.bus.IoDevice;
import tvmm.vmm.boot.GuestPhysicalMemory;

/**
 * The guest-physical address space of one machine, the VMM's nested page table (DESIGN.md
 * §4): RAM from 0, read-only ranges (the BIOS area with the ACPI tables), and MMIO holes
 * whose accesses leave the CPU as NPF exits and are routed to the device that owns the
 * range on the MMIO bus. Everything at or above the RAM size is a hole.
 *
 * <p>The map is kept in the CPU's per-page flags ({@link PhysicalMemory#setPageKind}).
 * Changing it bumps {@link #generation()}: a vCPU compares the generation it last saw on
 * every vmrun and drops its translations when it moved (Uhlig's TLB versions), so other
 * threads never reach into a running vCPU's caches.
 */
public final class GuestMemoryMap implements GuestPhysicalMemory, AutoCloseable {
    /** A named range of the map, for {@code tvmm info} and the logs. */
    public record Region(long base, long length, String kind, String name) {
        @Override
        public String toString() {
            return String.format("[0x%x-0x%x) %s %s", base, base + length, kind, name);
        }
    }

    private final PhysicalMemory ram;
    private final IoBus mmio = IoBus.mmioBus();
    private final AtomicLong generation = new AtomicLong();
    private final List<Region> regions = new ArrayList<>();

    public GuestMemoryMap(long ramBytes) {
        this.ram = new PhysicalMemory(ramBytes);
        regions.add(new Region(0, ramBytes, "ram", "ram"));
    }

    public PhysicalMemory ram() {
        return ram;
    }

    public long ramSize() {
        return ram.size();
    }

    /** The MMIO bus that NPF exits are dispatched on. */
    public IoBus mmio() {
        return mmio;
    }

    /** Bumped on every change of the map; vCPUs flush their caches when it moved. */
    public long generation() {
        return generation.get();
    }

    /** Makes [base, base + length) read-only: guest stores are dropped (the loader still writes). */
    public synchronized void addRom(long base, long length, String name) {
        markPages(base, length, PhysicalMemory.ROM);
        regions.add(new Region(base, length, "rom", name));
        generation.incrementAndGet();
    }

    /**
     * Routes [base, base + length) to {@code device} (offsets relative to base). Where the
     * range lies in RAM, the pages become holes so every access exits.
     */
    public synchronized void addMmio(long base, long length, IoDevice device) {
        mmio.register(base, length, device);
        markPages(base, length, PhysicalMemory.MMIO);
        regions.add(new Region(base, length, "mmio", device.name()));
        generation.incrementAndGet();
    }

    /** A hole with no device: reads float high, writes vanish (e.g. the legacy VGA window). */
    public synchronized void addHole(long base, long length, String name) {
        markPages(base, length, PhysicalMemory.MMIO);
        regions.add(new Region(base, length, "hole", name));
        generation.incrementAndGet();
    }

    private void markPages(long base, long length, byte kind) {
        if ((base & PhysicalMemory.PAGE_MASK) != 0 && base < ram.size()) {
            throw new IllegalArgumentException(String.format("0x%x: a hole in RAM must be page aligned", base));
        }
        for (long p = base; p < base + length && p < ram.size(); p += PhysicalMemory.PAGE_SIZE) {
            ram.setPageKind(p, kind);
        }
    }

    /** An NPF read: the device owning {@code gpa}, or all ones on an empty bus. */
    public long mmioRead(long gpa, int size) {
        return mmio.read(gpa, size);
    }

    public void mmioWrite(long gpa, int size, long value) {
        mmio.write(gpa, size, value);
    }

    public synchronized List<Region> regions() {
        return List.copyOf(regions);
    }

    // region GuestPhysicalMemory: the loaders' view

    @Override
    public void write(long gpa, byte[] bytes, int offset, int length) {
        if (gpa < 0 || gpa + length > ram.size() || offset < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException(String.format("write of %d bytes at 0x%x is outside RAM (%d MiB)",
                    length, gpa, ram.size() >> 20));
        }
        byte[] chunk = offset == 0 && length == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, offset,
                offset + length);
        ram.load(gpa, chunk);
    }

    /** Reads guest RAM (tests, the ACPI checks); bytes outside RAM read as 0xFF. */
    public byte[] read(long gpa, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            long a = gpa + i;
            out[i] = ram.isRam(a) ? (byte) ram.ram8(a) : (byte) 0xFF;
        }
        return out;
    }

    // endregion

    @Override
    public void close() {
        ram.close();
    }
}
