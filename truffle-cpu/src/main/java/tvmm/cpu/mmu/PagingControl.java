package tvmm.cpu.mmu;

/**
 * The control registers the page walker depends on: a read-only view of the vCPU's CR0, CR3,
 * CR4 and EFER, implemented by the engine's CpuState. The walker reads them on every walk
 * (slow path only); the soft TLB is kept coherent by {@link Mmu#controlRegistersChanged}.
 */
public interface PagingControl {
    long cr0();

    long cr3();

    long cr4();

    long efer();

    /** RFLAGS.AC: with CR4.SMAP, explicit supervisor data accesses may touch user pages. */
    default boolean alignmentCheckFlag() {
        return false;
    }
}
