package tvmm.cpu.mmu;

import com.oracle.truffle.api.CompilerDirectives;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mem.LinearTranslator;

/**
 * The per-vCPU MMU: soft TLB in front of the page walker, the PAE PDPTE registers, and the
 * flush rules for INVLPG and control-register writes. The engine calls {@link #translate} with
 * a linear address and an {@link Access} constant and gets the guest-physical address, or a
 * {@link GuestFault} #PF (whose {@code faultAddress} goes to CR2).
 *
 * <p>Flushing: over-flushing a TLB is always architecturally allowed, so any change of CR0.PG,
 * CR0.WP, CR4.PSE/PAE/PGE/PCIDE/SMEP/SMAP/LA57 or EFER.NXE/LMA flushes everything incl. global
 * entries; a CR3 write keeps global entries (SDM vol. 3 §4.10.4.1).
 */
public final class Mmu implements LinearTranslator {
    private static final long CR0_FLUSH = ControlBits.CR0_PG | ControlBits.CR0_WP | ControlBits.CR0_PE;
    private static final long CR4_FLUSH = ControlBits.CR4_PSE | ControlBits.CR4_PAE | ControlBits.CR4_PGE
            | ControlBits.CR4_PCIDE | ControlBits.CR4_SMEP | ControlBits.CR4_SMAP | ControlBits.CR4_LA57;
    private static final long EFER_FLUSH = ControlBits.EFER_NXE | ControlBits.EFER_LMA;
    /** CR0/CR4 bits whose change reloads the PDPTEs in PAE mode (SDM §4.4.1). */
    private static final long CR0_PDPTE = ControlBits.CR0_PG | ControlBits.CR0_CD | ControlBits.CR0_NW;
    private static final long CR4_PDPTE = ControlBits.CR4_PAE | ControlBits.CR4_PGE | ControlBits.CR4_PSE
            | ControlBits.CR4_SMEP | ControlBits.CR4_SMAP;

    private final PagingControl control;
    private final PageWalker walker;
    private final SoftTlb tlb;
    private final long[] pdptes = new long[4];

    public Mmu(PagingControl control, PageTableMemory memory, int tlbBits) {
        this.control = control;
        this.walker = new PageWalker(control, memory);
        this.tlb = new SoftTlb(tlbBits);
    }

    public Mmu(PagingControl control, PageTableMemory memory) {
        this(control, memory, 8);
    }

    public SoftTlb tlb() {
        return tlb;
    }

    /** Linear → guest-physical. Fast path: tag compare + add; misses walk behind a boundary. */
    @Override
    public long translate(long linear, int access) {
        int slot = tlb.slot(Access.table(access), linear);
        if (tlb.hit(slot, linear)) {
            return linear + tlb.addend(slot);
        }
        return miss(linear, access);
    }

    /**
     * A miss in the access's table. With CR4.SMAP set, a supervisor access that would reach a
     * user page is kept out of the plain supervisor tables (its outcome depends on EFLAGS.AC,
     * which their tags do not hold); an explicit one with AC = 1 is looked up and cached in
     * the SMAP-override tables instead (copy_to_user under STAC does not walk every time).
     */
    @CompilerDirectives.TruffleBoundary
    private long miss(long linear, int access) {
        boolean smap = (control.cr4() & ControlBits.CR4_SMAP) != 0;
        boolean supervisorData = (access & (Access.USER | Access.FETCH)) == 0;
        int a = access;
        if (smap && supervisorData && (access & Access.IMPLICIT) == 0 && control.alignmentCheckFlag()) {
            a |= Access.SMAP_OVERRIDE;
            int slot = tlb.slot(Access.smapTable(access), linear);
            if (tlb.hit(slot, linear)) {
                return linear + tlb.addend(slot);
            }
        }
        long physical = walker.walk(linear, a, pdptes);
        if (!(smap && supervisorData && walker.lastUser)) {
            tlb.fill(Access.table(access), linear, physical, walker.lastGlobal, walker.lastPageSize);
        } else if ((a & Access.SMAP_OVERRIDE) != 0) {
            tlb.fill(Access.smapTable(access), linear, physical, walker.lastGlobal, walker.lastPageSize);
        }
        return physical;
    }

    /** Walks without touching the TLB (debugger, monitor, tests). Still sets A/D bits. */
    @CompilerDirectives.TruffleBoundary
    public long walk(long linear, int access) {
        return walker.walk(linear, access, pdptes);
    }

    public void invlpg(long linear) {
        tlb.flushPage(linear);
    }

    public void flushAll() {
        tlb.flushAll();
    }

    /**
     * After MOV CR3 (the new value is already in {@link PagingControl#cr3()}). In PAE mode the
     * PDPTEs are reloaded; returns normally or throws #GP(0) if a PDPTE is invalid (the engine
     * must then restore the old CR3: the instruction faults without effect).
     */
    @CompilerDirectives.TruffleBoundary
    public void cr3Written() {
        if (paeLegacy(control.cr0(), control.cr4(), control.efer())) {
            reloadPdptes();
        }
        tlb.flushNonGlobal();
    }

    /**
     * After a write to CR0, CR4 or EFER (new values already visible through the control view),
     * given the old values. Throws #GP(0) when PAE paging is (re)entered with invalid PDPTEs;
     * the engine restores the old register value then.
     */
    @CompilerDirectives.TruffleBoundary
    public void controlRegistersChanged(long oldCr0, long oldCr4, long oldEfer) {
        long cr0 = control.cr0();
        long cr4 = control.cr4();
        long efer = control.efer();
        if (paeLegacy(cr0, cr4, efer)
                && (!paeLegacy(oldCr0, oldCr4, oldEfer) || ((cr0 ^ oldCr0) & CR0_PDPTE) != 0
                        || ((cr4 ^ oldCr4) & CR4_PDPTE) != 0)) {
            reloadPdptes();
        }
        if (((cr0 ^ oldCr0) & CR0_FLUSH) != 0 || ((cr4 ^ oldCr4) & CR4_FLUSH) != 0
                || ((efer ^ oldEfer) & EFER_FLUSH) != 0) {
            tlb.flushAll();
        }
    }

    private void reloadPdptes() {
        if (!walker.loadPdptes(control.cr3(), pdptes)) {
            throw GuestFault.gp(0);
        }
    }

    /** PAE paging outside long mode: the PDPTE registers are in use. */
    private static boolean paeLegacy(long cr0, long cr4, long efer) {
        return (cr0 & ControlBits.CR0_PG) != 0 && (cr4 & ControlBits.CR4_PAE) != 0
                && (efer & ControlBits.EFER_LMA) == 0;
    }

    /** The PDPTE registers (for the VMCB save area, PDPTE0–3, and tests). */
    public long pdpte(int index) {
        return pdptes[index];
    }
}
