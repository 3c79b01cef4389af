package tvmm.cpu.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;

/** 32-bit paging with PSE/PSE-36 (SDM §4.3) and PAE paging with PDPTE registers (SDM §4.4). */
class LegacyPagingTest {
    static final int P = 1;
    static final int RW = 2;
    static final int US = 4;
    ByteMemory m;
    PageTables pt;
    Mmu mmu;

    @BeforeEach
    void setUp() {
        m = new ByteMemory(1 << 20);
        pt = new PageTables(m, 0x10000);
        mmu = new Mmu(m, m);
    }

    void enable32() {
        m.cr3 = pt.alloc();
        m.cr0 = ControlBits.CR0_PE | ControlBits.CR0_PG;
    }

    @Test
    void twoLevelFourKilobytePagesAndAccessedDirty() {
        enable32();
        long pte = pt.map32(m.cr3, 0xc010_3000L, 0x0002_5000L, false, P | RW, P | RW);
        assertEquals(0x0002_5abcL, mmu.walk(0xc010_3abcL, Access.READ));
        assertEquals(PageBits.A, m.read32(pte) & (int) (PageBits.A | PageBits.D));
        assertEquals(PageBits.A, m.read32(m.cr3 + (0xc01L >>> 2) * 4) & (int) PageBits.A, "PDE accessed");
        mmu.walk(0xc010_3abcL, Access.WRITE);
        assertEquals(PageBits.A | PageBits.D, m.read32(pte) & (int) (PageBits.A | PageBits.D));
    }

    @Test
    void psBitIsIgnoredWithoutCr4Pse() {
        enable32();
        long pde = pt.map32(m.cr3, 0x0040_0000L, 0x0080_0000L, true, P | RW, 0);
        // CR4.PSE = 0: PS is ignored, the PDE points to a page table at 0x800000 (outside our
        // RAM would be wrong), so point it at a table we build instead.
        long table = pt.alloc();
        m.write32(pde, (int) table | P | RW | (int) PageBits.PS);
        m.write32(table + 5 * 4, 0x3000 | P);
        assertEquals(0x3010, mmu.walk(0x0040_5010L, Access.READ));
        m.cr4 = ControlBits.CR4_PSE;
        // Now it is a 4 MiB page: frame bits 31:22 are 0 and the table address's bits 20:13
        // become physical bits 39:32 (PSE-36).
        assertEquals(((table >>> 13) & 0xff) << 32 | 0x5010, mmu.walk(0x0040_5010L, Access.READ));
    }

    @Test
    void fourMegabytePagesWithPse36() {
        enable32();
        m.cr4 = ControlBits.CR4_PSE;
        pt.map32(m.cr3, 0x8000_0000L, 0x12_0040_0000L, true, P | RW | US, 0);
        assertEquals(0x12_0054_3210L, mmu.walk(0x8014_3210L, Access.USER | Access.WRITE));
        long pde = m.cr3 + (0x8000_0000L >>> 22) * 4;
        m.write32(pde, m.read32(pde) | 1 << 21); // bit 21 reserved with MAXPHYADDR 40
        GuestFault f = assertThrows(GuestFault.class, () -> mmu.walk(0x8000_0000L, Access.READ));
        assertEquals(Access.PF_P | Access.PF_RSVD, f.errorCode());
    }

    @Test
    void faultsIn32BitPagingNeverReportInstructionFetch() {
        enable32();
        m.efer = ControlBits.EFER_NXE; // NXE has no effect without PAE
        pt.map32(m.cr3, 0x1000, 0x2000, false, P, P | RW);
        GuestFault f = assertThrows(GuestFault.class, () -> mmu.walk(0x1000, Access.FETCH | Access.USER));
        assertEquals(Vectors.PF, f.vector());
        assertEquals(Access.PF_P | Access.PF_U, f.errorCode());
        f = assertThrows(GuestFault.class, () -> mmu.walk(0x40_0000L, Access.FETCH));
        assertEquals(0, f.errorCode());
        assertEquals(0x40_0000L, f.faultAddress());
    }

    void enablePae() {
        long pdpt = pt.alloc() + 0x20; // 32-byte aligned, not page aligned
        m.cr3 = pdpt;
        m.cr4 = ControlBits.CR4_PAE;
        m.efer = ControlBits.EFER_NXE;
    }

    @Test
    void paeLoadsPdptesWhenPagingIsEnabledAndUsesThemUntilReload() {
        enablePae();
        pt.mapPae(m.cr3, 0xc000_0000L, 0x3000, 4096, P | RW, P | RW);
        pt.mapPae(m.cr3, 0x4000_0000L, 0x20_0000L, 1L << 21, P | RW | PageBits.XD, 0);
        long oldCr0 = m.cr0;
        m.cr0 = ControlBits.CR0_PE | ControlBits.CR0_PG;
        mmu.controlRegistersChanged(oldCr0, m.cr4, m.efer);
        assertEquals(0x3123, mmu.translate(0xc000_0123L, Access.READ));
        assertEquals(0x21_2345L, mmu.translate(0x4001_2345L, Access.WRITE));
        GuestFault nx = assertThrows(GuestFault.class, () -> mmu.translate(0x4000_0000L, Access.FETCH));
        assertEquals(Access.PF_P | Access.PF_I, nx.errorCode());
        // The PDPTEs are registers: clearing one in memory changes nothing until CR3 is written.
        m.write64(m.cr3 + 3 * 8, 0);
        assertEquals(0xc000_0000L >>> 30, 3);
        mmu.flushAll();
        assertEquals(0x3123, mmu.translate(0xc000_0123L, Access.READ));
        mmu.cr3Written();
        GuestFault f = assertThrows(GuestFault.class, () -> mmu.translate(0xc000_0123L, Access.READ));
        assertEquals(0, f.errorCode());
    }

    @Test
    void reservedBitsInAPdpteAreGeneralProtectionAtLoad() {
        enablePae();
        pt.mapPae(m.cr3, 0, 0x3000, 4096, P | RW, P | RW);
        m.cr0 = ControlBits.CR0_PE | ControlBits.CR0_PG;
        mmu.controlRegistersChanged(ControlBits.CR0_PE, m.cr4, m.efer);
        m.write64(m.cr3, m.read64(m.cr3) | PageBits.RW); // bit 1 is reserved in a PDPTE
        GuestFault f = assertThrows(GuestFault.class, mmu::cr3Written);
        assertEquals(Vectors.GP, f.vector());
        assertEquals(0, f.errorCode());
        assertTrue((mmu.pdpte(0) & PageBits.RW) == 0, "registers keep their old values");
    }

    @Test
    void paeReservedBitsInPdeAndPte() {
        enablePae();
        long pte = pt.mapPae(m.cr3, 0x1000, 0x3000, 4096, P | RW, P | RW);
        m.cr0 = ControlBits.CR0_PE | ControlBits.CR0_PG;
        mmu.controlRegistersChanged(ControlBits.CR0_PE, m.cr4, m.efer);
        m.write64(pte, m.read64(pte) | 1L << 50);
        GuestFault f = assertThrows(GuestFault.class, () -> mmu.walk(0x1000, Access.USER));
        assertEquals(Access.PF_P | Access.PF_RSVD | Access.PF_U, f.errorCode());
    }
}
