package tvmm.cpu.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;

/**
 * SMAP through the MMU's TLB (SDM vol. 3 §4.6.1): with CR4.SMAP set, supervisor data accesses
 * to user pages fault unless explicit with RFLAGS.AC = 1; implicit ones (descriptor tables,
 * TSS, IDT) always fault. A cached translation must never let an access past these rules:
 * AC toggles without any TLB flush (STAC/CLAC), so user pages stay out of the plain
 * supervisor tables.
 */
class SmapTest extends LongModeFixture {
    static final long USER_PAGE = 0x20_0000L, KERNEL_PAGE = 0x20_1000L;

    @BeforeEach
    void mapPages() {
        pt.map64(pml4, USER_PAGE, 0x5000, 4096, P | RW | US, P | RW | US);
        pt.map64(pml4, KERNEL_PAGE, 0x6000, 4096, P | RW, P | RW | US);
        m.cr4 |= ControlBits.CR4_SMAP;
    }

    private GuestFault pf(long va, int access) {
        GuestFault f = assertThrows(GuestFault.class, () -> mmu.translate(va, access));
        assertEquals(Vectors.PF, f.vector());
        return f;
    }

    @Test
    void explicitSupervisorAccessToAUserPageNeedsAc() {
        assertEquals(Access.PF_P, pf(USER_PAGE + 8, Access.READ).errorCode());
        assertEquals(Access.PF_P | Access.PF_W, pf(USER_PAGE, Access.WRITE).errorCode());
        m.ac = true; // STAC
        assertEquals(0x5008, mmu.translate(USER_PAGE + 8, Access.READ));
        assertEquals(0x5010, mmu.translate(USER_PAGE + 0x10, Access.WRITE));
        m.ac = false; // CLAC: no flush, yet the translation just used must not be reused
        pf(USER_PAGE + 8, Access.READ);
        pf(USER_PAGE, Access.WRITE);
    }

    @Test
    void implicitAccessesIgnoreAc() {
        m.ac = true;
        assertEquals(Access.PF_P, pf(USER_PAGE, Access.IMPLICIT).errorCode());
        assertEquals(Access.PF_P | Access.PF_W, pf(USER_PAGE, Access.IMPLICIT | Access.WRITE).errorCode());
        assertEquals(0x5000, mmu.translate(USER_PAGE, Access.READ), "explicit: allowed");
        pf(USER_PAGE, Access.IMPLICIT); // and the explicit access's cached translation does not leak
    }

    @Test
    void userAccessesAndSupervisorPagesAreUnaffectedAndCached() {
        assertEquals(0x5000, mmu.translate(USER_PAGE, Access.USER));
        assertEquals(0x6000, mmu.translate(KERNEL_PAGE, Access.READ));
        assertTrue(mmu.tlb().hit(mmu.tlb().slot(Access.table(Access.READ), KERNEL_PAGE), KERNEL_PAGE));
        assertTrue(mmu.tlb().hit(mmu.tlb().slot(Access.table(Access.USER), USER_PAGE), USER_PAGE));
        m.ac = true;
        mmu.translate(USER_PAGE, Access.READ);
        assertFalse(mmu.tlb().hit(mmu.tlb().slot(Access.table(Access.READ), USER_PAGE), USER_PAGE),
                "never in the plain supervisor table");
        assertTrue(mmu.tlb().hit(mmu.tlb().slot(Access.smapTable(Access.READ), USER_PAGE), USER_PAGE),
                "in the override table: STAC sections do not walk on every access");
    }

    @Test
    void withoutSmapSupervisorReachesUserPages() {
        m.cr4 &= ~ControlBits.CR4_SMAP;
        mmu.flushAll(); // as MOV CR4 does (Mmu.controlRegistersChanged)
        assertEquals(0x5000, mmu.translate(USER_PAGE, Access.IMPLICIT));
        assertEquals(0x5000, mmu.translate(USER_PAGE, Access.WRITE));
    }

    @Test
    void fetchesAreSmepsBusinessNotSmaps() {
        m.ac = false;
        assertEquals(0x5000, mmu.translate(USER_PAGE, Access.FETCH), "SMEP is off");
    }
}
