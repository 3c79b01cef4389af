package tvmm.cpu.mmu;

/** Builds page tables by hand in a {@link ByteMemory}; tables come from a bump allocator. */
final class PageTables {
    static final long TABLE = PageBits.P | PageBits.RW | PageBits.US;
    private final ByteMemory m;
    private long next;

    PageTables(ByteMemory m, long firstTable) {
        this.m = m;
        this.next = firstTable;
    }

    long alloc() {
        long t = next;
        next += 4096;
        for (int i = 0; i < 4096; i++) {
            m.ram[(int) (t + i)] = 0;
        }
        return t;
    }

    /** 4-level: maps {@code va} to {@code pa} with a leaf of {@code size} (4K, 2M, 1G). Returns the leaf entry address. */
    long map64(long pml4, long va, long pa, long size, long leafFlags, long tableFlags) {
        long table = pml4;
        int leafLevel = size == 1L << 30 ? 3 : size == 1L << 21 ? 2 : 1;
        for (int level = 4; level > leafLevel; level--) {
            long address = table + (((va >>> (12 + 9 * (level - 1))) & 511) << 3);
            long e = m.read64(address);
            if ((e & PageBits.P) == 0) {
                e = alloc() | tableFlags;
                m.write64(address, e);
            }
            table = e & PageBits.ADDR_MASK;
        }
        long address = table + (((va >>> (12 + 9 * (leafLevel - 1))) & 511) << 3);
        m.write64(address, pa | leafFlags | (leafLevel > 1 ? PageBits.PS : 0));
        return address;
    }

    /** PAE: PDPT at {@code pdpt} (32-byte aligned), PD and PT allocated. Returns the leaf address. */
    long mapPae(long pdpt, long va, long pa, long size, long leafFlags, long tableFlags) {
        long pdpteAddr = pdpt + ((va >>> 30) & 3) * 8;
        long pdpte = m.read64(pdpteAddr);
        if ((pdpte & PageBits.P) == 0) {
            pdpte = alloc() | PageBits.P;
            m.write64(pdpteAddr, pdpte);
        }
        long pdeAddr = (pdpte & PageBits.ADDR_MASK) + (((va >>> 21) & 511) << 3);
        if (size == 1L << 21) {
            m.write64(pdeAddr, pa | leafFlags | PageBits.PS);
            return pdeAddr;
        }
        long pde = m.read64(pdeAddr);
        if ((pde & PageBits.P) == 0) {
            pde = alloc() | tableFlags;
            m.write64(pdeAddr, pde);
        }
        long pteAddr = (pde & PageBits.ADDR_MASK) + (((va >>> 12) & 511) << 3);
        m.write64(pteAddr, pa | leafFlags);
        return pteAddr;
    }

    /** 32-bit paging: 4 KiB or (with PS) 4 MiB leaves. Returns the leaf address. */
    long map32(long pd, long va, long pa, boolean large, int leafFlags, int tableFlags) {
        long pdeAddr = pd + ((va >>> 22) << 2);
        if (large) {
            int high = (int) ((pa >>> 32) & 0xff) << 13;
            m.write32(pdeAddr, (int) (pa & 0xffc0_0000L) | high | leafFlags | (int) PageBits.PS);
            return pdeAddr;
        }
        int pde = m.read32(pdeAddr);
        if ((pde & 1) == 0) {
            pde = (int) alloc() | tableFlags;
            m.write32(pdeAddr, pde);
        }
        long pteAddr = (pde & 0xffff_f000L) + (((va >>> 12) & 1023) << 2);
        m.write32(pteAddr, (int) pa | leafFlags);
        return pteAddr;
    }
}
