package tvmm.cpu.mmu;

/**
 * Guest-physical memory as the page walker sees it. The engine's memory implements this
 * over guest RAM; tests implement it over a byte array. Accessed/dirty updates use
 * compare-and-set so a walker on one vCPU and a guest store on another cannot lose each
 * other's bits (SDM vol. 3 §4.8: the A/D updates are locked operations).
 *
 * <p>What an address outside RAM reads as is the implementation's choice (real hardware
 * reads all ones from an unbacked bus, which the walker then reports as reserved bits; a
 * VMM with nested paging may instead throw its own NPF exit from here).
 */
public interface PageTableMemory {
    long read64(long physical);

    int read32(long physical);

    boolean compareAndSet64(long physical, long expected, long update);

    boolean compareAndSet32(long physical, int expected, int update);
}
