package tvmm.cpu.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;

/** 4-level paging (SDM vol. 3 §4.5): page sizes, reserved bits, rights, NX, A/D bits, #PF codes. */
class LongModePagingTest extends LongModeFixture {
    GuestFault pf(long va, int access) {
        GuestFault f = assertThrows(GuestFault.class, () -> mmu.walk(va, access));
        assertEquals(Vectors.PF, f.vector());
        assertEquals(va, f.faultAddress(), "CR2");
        return f;
    }

    @Test
    void fourKilobytePageSetsAccessedOnEveryLevelAndDirtyOnlyOnWrite() {
        long va = 0xffff_8000_1234_5678L;
        long leaf = pt.map64(pml4, va, 0x0004_2000L, 4096, P | RW, P | RW);
        assertEquals(0x0004_2678L, mmu.walk(va, Access.READ));
        long e = m.read64(leaf);
        assertTrue((e & PageBits.A) != 0);
        assertFalse((e & PageBits.D) != 0);
        long pml4e = m.read64(pml4 + ((va >>> 39) & 511) * 8);
        assertTrue((pml4e & PageBits.A) != 0, "A in PML4E");
        assertFalse((pml4e & PageBits.D) != 0, "no D outside the leaf");
        mmu.walk(va, Access.WRITE);
        assertTrue((m.read64(leaf) & PageBits.D) != 0);
    }

    @Test
    void twoMegabyteAndOneGigabytePages() {
        pt.map64(pml4, 0x4020_0000L, 0x0060_0000L, 1L << 21, P | RW, P | RW);
        assertEquals(0x0061_2345L, mmu.walk(0x4021_2345L, Access.READ));
        pt.map64(pml4, 0x80_0000_0000L, 0x40_0000_0000L - (1L << 30), 1L << 30, P | RW, P | RW);
        assertEquals(0x3f_c123_4567L, mmu.walk(0x80_0123_4567L, Access.READ));
    }

    @Test
    void notPresentAtEachLevelGivesErrorCodeWithoutP() {
        assertEquals(0, pf(0x1000, Access.READ).errorCode());
        pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW, P | RW | US);
        assertEquals(Access.PF_W | Access.PF_U, pf(0x40_0000L, Access.WRITE | Access.USER).errorCode(), "PD level");
        assertEquals(0, pf(0x20_1000L, Access.READ).errorCode(), "PT level");
        // A fetch from a missing page with NXE on reports I/D.
        assertEquals(Access.PF_I, pf(0x20_1000L, Access.FETCH).errorCode());
    }

    @Test
    void reservedBitsGiveRsvd() {
        long leaf = pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW, P | RW);
        m.write64(leaf, m.read64(leaf) | 1L << 45); // above MAXPHYADDR = 40
        assertEquals(Access.PF_P | Access.PF_RSVD, pf(0x20_0000L, Access.READ).errorCode());
        // XD is reserved while EFER.NXE = 0.
        m.write64(leaf, 0x5000 | P | PageBits.XD);
        m.efer &= ~ControlBits.EFER_NXE;
        assertEquals(Access.PF_P | Access.PF_RSVD | Access.PF_W, pf(0x20_0000L, Access.WRITE).errorCode());
        m.efer |= ControlBits.EFER_NXE;
        assertEquals(0x5000, mmu.walk(0x20_0000L, Access.READ));
        // PS in a PML4E is reserved; bits 20:13 of a 2 MiB leaf are reserved.
        long pml4e = pml4 + ((0x20_0000L >>> 39) & 511) * 8;
        m.write64(pml4e, m.read64(pml4e) | PageBits.PS);
        assertEquals(Access.PF_P | Access.PF_RSVD, pf(0x20_0000L, Access.READ).errorCode());
        m.write64(pml4e, m.read64(pml4e) & ~PageBits.PS);
        long pde = pt.map64(pml4, 0x60_0000L, 0x20_0000L, 1L << 21, P | RW, P | RW);
        m.write64(pde, m.read64(pde) | 1L << 13);
        assertEquals(Access.PF_P | Access.PF_RSVD, pf(0x60_0000L, Access.READ).errorCode());
    }

    @Test
    void userSupervisorAndWriteProtect() {
        pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P, P | RW | US);           // supervisor, read-only
        pt.map64(pml4, 0x20_1000L, 0x6000, 4096, P | US, P | RW | US);      // user, read-only
        assertEquals(Access.PF_P | Access.PF_U, pf(0x20_0000L, Access.USER).errorCode());
        assertEquals(Access.PF_P | Access.PF_U | Access.PF_W, pf(0x20_1000L, Access.USER | Access.WRITE).errorCode());
        assertEquals(Access.PF_P | Access.PF_W, pf(0x20_0000L, Access.WRITE).errorCode(), "WP=1");
        m.cr0 &= ~ControlBits.CR0_WP;
        assertEquals(0x5000, mmu.walk(0x20_0000L, Access.WRITE), "supervisor ignores R/W when WP=0");
        m.cr0 |= ControlBits.CR0_WP;
        // U/S must be set at every level: a user leaf under a supervisor PDE is supervisor.
        pt.map64(pml4, 0x4000_0000L, 0x7000, 4096, P | US | RW, P | RW);
        assertEquals(Access.PF_P | Access.PF_U, pf(0x4000_0000L, Access.USER).errorCode());
        assertEquals(0x7000, mmu.walk(0x4000_0000L, Access.WRITE));
    }

    @Test
    void noExecuteSmepAndSmap() {
        pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P | RW | US | PageBits.XD, P | RW | US);
        assertEquals(0x5000, mmu.walk(0x20_0000L, Access.READ));
        assertEquals(Access.PF_P | Access.PF_I | Access.PF_U, pf(0x20_0000L, Access.FETCH | Access.USER).errorCode());
        pt.map64(pml4, 0x20_1000L, 0x6000, 4096, P | RW | US, P | RW | US);
        assertEquals(0x6000, mmu.walk(0x20_1000L, Access.FETCH));
        m.cr4 |= ControlBits.CR4_SMEP;
        assertEquals(Access.PF_P | Access.PF_I, pf(0x20_1000L, Access.FETCH).errorCode());
        m.cr4 |= ControlBits.CR4_SMAP;
        assertEquals(Access.PF_P | Access.PF_W, pf(0x20_1000L, Access.WRITE).errorCode());
        assertEquals(0x6000, mmu.walk(0x20_1000L, Access.WRITE | Access.SMAP_OVERRIDE));
        assertEquals(0x6000, mmu.walk(0x20_1000L, Access.USER | Access.FETCH));
    }

    @Test
    void accessedDirtyRaceRestartsTheWalk() {
        long va = 0x20_0000L;
        long leaf = pt.map64(pml4, va, 0x5000, 4096, P | RW, P | RW);
        m.casFailures = 3;
        assertEquals(0x5000, mmu.walk(va, Access.WRITE));
        assertEquals(PageBits.A | PageBits.D, m.read64(leaf) & (PageBits.A | PageBits.D));
        assertEquals(0, m.casFailures);
    }

    @Test
    void faultLeavesLeafAccessedBitClear() {
        long leaf = pt.map64(pml4, 0x20_0000L, 0x5000, 4096, P, P | RW);
        pf(0x20_0000L, Access.WRITE);
        assertEquals(0, m.read64(leaf) & PageBits.A);
    }

    @Test
    void pagingOffIsIdentity() {
        m.cr0 = ControlBits.CR0_PE;
        m.efer = 0;
        assertEquals(0x1234_5678L, mmu.translate(0x1234_5678L, Access.WRITE));
    }
}
