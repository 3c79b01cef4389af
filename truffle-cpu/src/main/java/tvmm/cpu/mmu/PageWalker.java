package tvmm.cpu.mmu;

import tvmm.cpu.cpuid.CpuFeatures;
import tvmm.cpu.interrupts.GuestFault;

/**
 * The guest page walk for every paging mode (SDM vol. 3 ch. 4, AMD APM vol. 2 ch. 5): 32-bit
 * two-level with 4 MiB pages (PSE, PSE-36), PAE with the four PDPTE registers, and 4-level with
 * 1 GiB/2 MiB/4 KiB pages. Checks reserved bits, U/S, R/W with CR0.WP, NX with EFER.NXE, SMEP
 * and SMAP, sets accessed and dirty bits with compare-and-set (a lost race restarts the walk),
 * and raises #PF with the exact error code and CR2 value. Slow path only: one walker per vCPU,
 * the results of the last walk are left in fields so the walk itself does not allocate.
 */
public final class PageWalker {
    private final PagingControl control;
    private final PageTableMemory memory;

    /** Bits 51:MAXPHYADDR, reserved in every PAE/4-level entry. */
    static final long RSVD_HIGH = PageBits.ADDR_MASK & ~((1L << CpuFeatures.PHYS_ADDR_BITS) - 1);

    /** Size of the page the last successful walk mapped (4 KiB, 2/4 MiB, 1 GiB). */
    long lastPageSize;
    /** Whether the last mapping is global (G set and CR4.PGE on). */
    boolean lastGlobal;
    /** Whether the last mapping is a user page (U/S set at every level). */
    boolean lastUser;

    public PageWalker(PagingControl control, PageTableMemory memory) {
        this.control = control;
        this.memory = memory;
    }

    /**
     * Translates a linear address, returning the physical address. {@code pdptes} are the PAE
     * PDPTE registers (ignored in other modes). Throws {@link GuestFault} #PF.
     */
    public long walk(long linear, int access, long[] pdptes) {
        long cr0 = control.cr0();
        if ((cr0 & ControlBits.CR0_PG) == 0) {
            lastPageSize = 1L << 12;
            lastGlobal = false;
            lastUser = false;
            return linear & 0xffff_ffffL;
        }
        while (true) {
            long cr4 = control.cr4();
            long efer = control.efer();
            long result;
            if ((cr4 & ControlBits.CR4_PAE) == 0) {
                result = walk32(linear & 0xffff_ffffL, access, cr0, cr4, efer);
            } else if ((efer & ControlBits.EFER_LMA) != 0) {
                result = walk64(linear, access, cr0, cr4, efer, null);
            } else {
                result = walk64(linear & 0xffff_ffffL, access, cr0, cr4, efer, pdptes);
            }
            if (result >= 0) {
                return result;
            }
            // A concurrent store changed an entry between our read and our A/D update: walk again.
        }
    }

    /** PAE and 4-level paging; {@code pdptes} non-null selects PAE (three levels below CR3). */
    private long walk64(long linear, int access, long cr0, long cr4, long efer, long[] pdptes) {
        boolean nxe = (efer & ControlBits.EFER_NXE) != 0;
        long rsvd = RSVD_HIGH | (nxe ? 0 : PageBits.XD);
        boolean user = true;
        boolean writable = true;
        boolean noExec = false;
        long table;
        int level;
        if (pdptes == null) {
            table = control.cr3() & PageBits.ADDR_MASK & ~RSVD_HIGH;
            level = 4;
        } else {
            long pdpte = pdptes[(int) (linear >>> 30) & 3];
            if ((pdpte & PageBits.P) == 0) {
                throw fault(linear, access, 0, cr4, efer);
            }
            table = pdpte & PageBits.ADDR_MASK & ~RSVD_HIGH;
            level = 2;
        }
        while (true) {
            int shift = 12 + 9 * (level - 1);
            long address = table + (((linear >>> shift) & 511) << 3);
            long entry = memory.read64(address);
            if ((entry & PageBits.P) == 0) {
                throw fault(linear, access, 0, cr4, efer);
            }
            boolean leaf = level == 1 || (level <= 3 && (entry & PageBits.PS) != 0);
            long entryRsvd = rsvd;
            if (level == 4) {
                entryRsvd |= PageBits.PS;
            } else if (level == 3 && leaf) {
                entryRsvd |= CpuFeatures.PAGE_1GB ? 0x3fff_e000L : PageBits.PS;
            } else if (level == 2 && leaf) {
                entryRsvd |= 0x001f_e000L;
            }
            if ((entry & entryRsvd) != 0) {
                throw fault(linear, access, Access.PF_P | Access.PF_RSVD, cr4, efer);
            }
            user &= (entry & PageBits.US) != 0;
            writable &= (entry & PageBits.RW) != 0;
            noExec |= nxe && (entry & PageBits.XD) != 0;
            if (leaf) {
                check(linear, access, user, writable, noExec, cr0, cr4, efer);
                long set = PageBits.A | ((access & Access.WRITE) != 0 ? PageBits.D : 0);
                if ((entry & set) != set && !memory.compareAndSet64(address, entry, entry | set)) {
                    return -1;
                }
                long size = 1L << shift;
                lastPageSize = size;
                lastUser = user;
                lastGlobal = (entry & PageBits.G) != 0 && (cr4 & ControlBits.CR4_PGE) != 0;
                long frame = entry & PageBits.ADDR_MASK & ~(size - 1);
                return frame | (linear & (size - 1));
            }
            if ((entry & PageBits.A) == 0 && !memory.compareAndSet64(address, entry, entry | PageBits.A)) {
                return -1;
            }
            table = entry & PageBits.ADDR_MASK;
            level--;
        }
    }

    /** 32-bit paging: page directory and page table of 1024 four-byte entries. */
    private long walk32(long linear, int access, long cr0, long cr4, long efer) {
        long pdeAddress = (control.cr3() & 0xffff_f000L) + ((linear >>> 22) << 2);
        int pde = memory.read32(pdeAddress);
        if ((pde & PageBits.P) == 0) {
            throw fault(linear, access, 0, cr4, efer);
        }
        if ((pde & PageBits.PS) != 0 && (cr4 & ControlBits.CR4_PSE) != 0) {
            // 4 MiB page; PSE-36 puts physical bits 39:32 in PDE bits 20:13, bit 21 is reserved.
            int rsvd = (int) (0x003f_e000L & ~(((1L << (CpuFeatures.PHYS_ADDR_BITS - 32)) - 1) << 13));
            if ((pde & rsvd) != 0) {
                throw fault(linear, access, Access.PF_P | Access.PF_RSVD, cr4, efer);
            }
            check(linear, access, (pde & PageBits.US) != 0, (pde & PageBits.RW) != 0, false, cr0, cr4, efer);
            int set = (int) (PageBits.A | ((access & Access.WRITE) != 0 ? PageBits.D : 0));
            if ((pde & set) != set && !memory.compareAndSet32(pdeAddress, pde, pde | set)) {
                return -1;
            }
            lastPageSize = 1L << 22;
            lastUser = (pde & PageBits.US) != 0;
            lastGlobal = (pde & PageBits.G) != 0 && (cr4 & ControlBits.CR4_PGE) != 0;
            long high = ((pde >>> 13) & 0xffL) << 32;
            return high | (pde & 0xffc0_0000L) | (linear & 0x3f_ffffL);
        }
        if ((pde & PageBits.A) == 0 && !memory.compareAndSet32(pdeAddress, pde, pde | (int) PageBits.A)) {
            return -1;
        }
        long pteAddress = (pde & 0xffff_f000L) + (((linear >>> 12) & 1023) << 2);
        int pte = memory.read32(pteAddress);
        if ((pte & PageBits.P) == 0) {
            throw fault(linear, access, 0, cr4, efer);
        }
        boolean user = (pde & pte & PageBits.US) != 0;
        boolean writable = (pde & pte & PageBits.RW) != 0;
        check(linear, access, user, writable, false, cr0, cr4, efer);
        int set = (int) (PageBits.A | ((access & Access.WRITE) != 0 ? PageBits.D : 0));
        if ((pte & set) != set && !memory.compareAndSet32(pteAddress, pte, pte | set)) {
            return -1;
        }
        lastPageSize = 1L << 12;
        lastUser = user;
        lastGlobal = (pte & PageBits.G) != 0 && (cr4 & ControlBits.CR4_PGE) != 0;
        return (pte & 0xffff_f000L) | (linear & 0xfff);
    }

    /** Access rights of the combined entries (SDM §4.6). */
    private static void check(long linear, int access, boolean user, boolean writable, boolean noExec,
                              long cr0, long cr4, long efer) {
        boolean write = (access & Access.WRITE) != 0;
        boolean fetch = (access & Access.FETCH) != 0;
        boolean ok;
        if ((access & Access.USER) != 0) {
            ok = user && (!write || writable);
        } else {
            ok = !write || writable || (cr0 & ControlBits.CR0_WP) == 0;
            if (user && fetch && (cr4 & ControlBits.CR4_SMEP) != 0) {
                ok = false;
            }
            if (user && !fetch && (cr4 & ControlBits.CR4_SMAP) != 0 && (access & Access.SMAP_OVERRIDE) == 0) {
                ok = false;
            }
        }
        if (fetch && noExec) {
            ok = false;
        }
        if (!ok) {
            throw fault(linear, access, Access.PF_P, cr4, efer);
        }
    }

    private static GuestFault fault(long linear, int access, int bits, long cr4, long efer) {
        int code = bits | (access & (Access.WRITE | Access.USER));
        // I/D is reported only when fetches can fault by themselves (SDM §4.7).
        boolean idValid = (cr4 & ControlBits.CR4_SMEP) != 0
                || ((cr4 & ControlBits.CR4_PAE) != 0 && (efer & ControlBits.EFER_NXE) != 0);
        if ((access & Access.FETCH) != 0 && idValid) {
            code |= Access.PF_I;
        }
        return GuestFault.pf(code, linear);
    }

    /**
     * Loads the four PAE PDPTEs from CR3 (SDM §4.4.1: at MOV CR3 and at CR0/CR4 writes that
     * enter PAE paging). Returns false when a present PDPTE has reserved bits set: the
     * instruction then raises #GP(0) and the registers keep their old values.
     */
    public boolean loadPdptes(long cr3, long[] into) {
        long base = cr3 & 0xffff_ffe0L;
        long[] loaded = new long[4];
        for (int i = 0; i < 4; i++) {
            long e = memory.read64(base + 8L * i);
            // Reserved: bits 2:1, 8:5, 63:MAXPHYADDR.
            long rsvd = 0x1e6L | RSVD_HIGH | PageBits.XD;
            if ((e & PageBits.P) != 0 && (e & rsvd) != 0) {
                return false;
            }
            loaded[i] = e;
        }
        System.arraycopy(loaded, 0, into, 0, 4);
        return true;
    }
}
