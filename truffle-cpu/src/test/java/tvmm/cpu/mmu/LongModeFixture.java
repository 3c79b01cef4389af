package tvmm.cpu.mmu;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that run the MMU in 4-level paging: a 1 MiB {@link ByteMemory} with
 * CR0.PG/WP, CR4.PAE/PGE and EFER.LME/LMA/NXE set, an empty PML4 in CR3, and page tables
 * allocated from 0x10000. JUnit builds it afresh before each test.
 */
abstract class LongModeFixture {
    static final long P = PageBits.P;
    static final long RW = PageBits.RW;
    static final long US = PageBits.US;
    ByteMemory m;
    PageTables pt;
    long pml4;
    Mmu mmu;

    @BeforeEach
    void setUpLongMode() {
        m = new ByteMemory(1 << 20);
        pt = new PageTables(m, 0x10000);
        pml4 = pt.alloc();
        m.cr0 = ControlBits.CR0_PE | ControlBits.CR0_PG | ControlBits.CR0_WP;
        m.cr4 = ControlBits.CR4_PAE | ControlBits.CR4_PGE;
        m.efer = ControlBits.EFER_LME | ControlBits.EFER_LMA | ControlBits.EFER_NXE;
        m.cr3 = pml4;
        mmu = new Mmu(m, m);
    }
}
