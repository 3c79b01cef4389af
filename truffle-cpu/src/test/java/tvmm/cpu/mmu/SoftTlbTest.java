package tvmm.cpu.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;

/** The soft TLB as the architecture allows it to behave (SDM vol. 3 §4.10). */
class SoftTlbTest extends LongModeFixture {
    @Test
    void cachedTranslationSurvivesAPageTableChangeUntilInvlpg() {
        long leaf = pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW, P | RW);
        assertEquals(0x5010, mmu.translate(0x20_0010L, Access.READ));
        m.write64(leaf, 0x6000 | P | RW);
        assertEquals(0x5020, mmu.translate(0x20_0020L, Access.READ), "stale until invalidated");
        mmu.invlpg(0x20_0fffL);
        assertEquals(0x6020, mmu.translate(0x20_0020L, Access.READ));
    }

    @Test
    void firstWriteAfterReadsWalksAndSetsDirty() {
        long leaf = pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW, P | RW);
        mmu.translate(0x20_0000L, Access.READ);
        assertEquals(0, m.read64(leaf) & PageBits.D);
        mmu.translate(0x20_0000L, Access.WRITE);
        assertEquals(PageBits.D, m.read64(leaf) & PageBits.D);
    }

    @Test
    void readOnlyTranslationDoesNotGrantWrites() {
        pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P, P | RW);
        mmu.translate(0x20_0000L, Access.READ);
        assertThrows(GuestFault.class, () -> mmu.translate(0x20_0000L, Access.WRITE));
        assertThrows(GuestFault.class, () -> mmu.translate(0x20_0000L, Access.USER));
    }

    @Test
    void cr3WriteKeepsGlobalPagesAndPgeToggleDropsThem() {
        long global = pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW | PageBits.G, P | RW);
        long local = pt.map64(pml4, 0x20_1000L, 0x6000, 4096, P | RW, P | RW);
        mmu.translate(0x20_0000L, Access.READ);
        mmu.translate(0x20_1000L, Access.READ);
        m.write64(global, 0x7000 | P | PageBits.G);
        m.write64(local, 0x8000 | P);
        mmu.cr3Written();
        assertEquals(0x5000, mmu.translate(0x20_0000L, Access.READ), "global survives MOV CR3");
        assertEquals(0x8000, mmu.translate(0x20_1000L, Access.READ), "non-global was flushed");
        long oldCr4 = m.cr4;
        m.cr4 &= ~ControlBits.CR4_PGE;
        mmu.controlRegistersChanged(m.cr0, oldCr4, m.efer);
        assertEquals(0x7000, mmu.translate(0x20_0000L, Access.READ));
    }

    @Test
    void invlpgAnywhereInALargePageDropsAllItsSlices() {
        long pde = pt.map64(pml4, 0x40_0000L, 0x20_0000L, 1L << 21, P | RW, P | RW);
        assertEquals(0x20_0000L, mmu.translate(0x40_0000L, Access.READ));
        assertEquals(0x3f_f000L, mmu.translate(0x5f_f000L, Access.READ));
        m.write64(pde, 0x60_0000L | P | RW | PageBits.PS);
        mmu.invlpg(0x48_0000L);
        assertEquals(0x60_0000L, mmu.translate(0x40_0000L, Access.READ));
        assertEquals(0x7f_f000L, mmu.translate(0x5f_f000L, Access.READ));
    }

    @Test
    void userAndSupervisorAndFetchHaveSeparateSlots() {
        pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW | PageBits.US, P | RW | PageBits.US);
        mmu.translate(0x20_0000L, Access.READ);
        SoftTlb tlb = mmu.tlb();
        assertTrue(tlb.hit(tlb.slot(Access.table(Access.READ), 0x20_0000L), 0x20_0000L));
        assertTrue(!tlb.hit(tlb.slot(Access.table(Access.USER), 0x20_0000L), 0x20_0000L));
        assertTrue(!tlb.hit(tlb.slot(Access.table(Access.FETCH), 0x20_0000L), 0x20_0000L));
        assertEquals(6, 1 + Access.table(Access.USER | Access.FETCH));
    }

    @Test
    void conflictingPagesEvictEachOther() {
        int n = mmu.tlb().slotsPerTable();
        long a = 0x20_0000L;
        long b = a + (long) n * 4096;
        pt.map64(pml4, a, 0x5000, 4096, P | RW, P | RW);
        pt.map64(pml4, b, 0x6000, 4096, P | RW, P | RW);
        assertEquals(0x5000, mmu.translate(a, Access.READ));
        assertEquals(0x6000, mmu.translate(b, Access.READ));
        assertEquals(0x5000, mmu.translate(a, Access.READ));
    }

    @Test
    void pagingModeChangeFlushesEverything() {
        pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW | PageBits.G, P | RW);
        assertEquals(0x5000, mmu.translate(0x20_0000L, Access.READ));
        long oldCr0 = m.cr0;
        m.cr0 &= ~ControlBits.CR0_PG;
        m.efer &= ~ControlBits.EFER_LMA;
        mmu.controlRegistersChanged(oldCr0, m.cr4, m.efer | ControlBits.EFER_LMA);
        assertEquals(0x20_0000L, mmu.translate(0x20_0000L, Access.READ));
    }
}
