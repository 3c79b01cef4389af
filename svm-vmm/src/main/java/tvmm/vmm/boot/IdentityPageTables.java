package tvmm.vmm.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Identity-mapped 4-level page tables for the 64-bit entry: virtual = physical over
 * [0, {@link BootLayout#IDENTITY_MAPPED}) with 2 MiB pages, which every x86-64 CPU has
 * (1 GiB pages would need CPUID PDPE1GB). The Linux boot protocol needs the kernel's
 * init_size range, the zero page and the command line mapped; Linux's decompressor
 * builds its own tables (and maps on demand) right after entry.
 */
public final class IdentityPageTables {
    private IdentityPageTables() {
    }

    static final long PRESENT = 1L << 0;
    static final long WRITABLE = 1L << 1;
    static final long PAGE_SIZE_2M = 1L << 7; // PS in a PDE: this entry maps a 2 MiB page
    private static final int ENTRIES = 512;

    /** Writes PML4, PDPT and the page directories; returns the value for CR3. */
    public static long write(GuestPhysicalMemory memory) {
        ByteBuffer pml4 = table();
        pml4.putLong(0, BootLayout.PDPT | PRESENT | WRITABLE);
        memory.write(BootLayout.PML4, pml4.array());

        ByteBuffer pdpt = table();
        for (int i = 0; i < BootLayout.PAGE_DIRECTORY_COUNT; i++) {
            pdpt.putLong(i * 8, (BootLayout.PAGE_DIRECTORIES + (long) i * BootLayout.PAGE_SIZE) | PRESENT | WRITABLE);
        }
        memory.write(BootLayout.PDPT, pdpt.array());

        for (int d = 0; d < BootLayout.PAGE_DIRECTORY_COUNT; d++) {
            ByteBuffer pd = table();
            for (int i = 0; i < ENTRIES; i++) {
                long physical = ((long) d * ENTRIES + i) * 2 * BootLayout.MiB;
                pd.putLong(i * 8, physical | PRESENT | WRITABLE | PAGE_SIZE_2M);
            }
            memory.write(BootLayout.PAGE_DIRECTORIES + (long) d * BootLayout.PAGE_SIZE, pd.array());
        }
        return BootLayout.PML4;
    }

    private static ByteBuffer table() {
        return ByteBuffer.allocate(BootLayout.PAGE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    }
}
