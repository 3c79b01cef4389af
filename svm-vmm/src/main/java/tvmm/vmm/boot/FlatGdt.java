package tvmm.vmm.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The GDT both loaders leave at {@link BootLayout#GDT}: flat 4 GiB segments. The
 * selectors are fixed by the Linux boot protocol (Documentation/arch/x86/boot.rst,
 * "64-bit Boot Protocol"): __BOOT_CS = 0x10 and __BOOT_DS = 0x18. Multiboot only asks
 * for a flat 32-bit CS, which sits in the otherwise unused slot 0x08.
 */
public final class FlatGdt {
    private FlatGdt() {
    }

    public static final int CODE32_SELECTOR = 0x08;
    public static final int CODE64_SELECTOR = 0x10;
    public static final int DATA_SELECTOR = 0x18;

    /** The descriptors in order (slot 0 is the null descriptor). */
    public static long[] descriptors() {
        return new long[] {
            0,
            SegmentState.code32(CODE32_SELECTOR).descriptor(),
            SegmentState.code64(CODE64_SELECTOR).descriptor(),
            SegmentState.data(DATA_SELECTOR).descriptor(),
        };
    }

    /** Writes the table at {@link BootLayout#GDT}; returns its limit (size - 1) for GDTR. */
    public static int write(GuestPhysicalMemory memory) {
        long[] d = descriptors();
        ByteBuffer b = ByteBuffer.allocate(d.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : d) {
            b.putLong(x);
        }
        if (b.capacity() != BootLayout.GDT_SIZE) {
            throw new IllegalStateException("GDT size and BootLayout.GDT_SIZE disagree");
        }
        memory.write(BootLayout.GDT, b.array());
        return BootLayout.GDT_SIZE - 1;
    }
}
