package tvmm.cpu.mmu;

/** Paging-structure entry bits (SDM vol. 3 §4.3–4.5, AMD APM vol. 2 §5.4). */
public final class PageBits {
    public static final long P = 1L;
    public static final long RW = 1L << 1;
    public static final long US = 1L << 2;
    public static final long PWT = 1L << 3;
    public static final long PCD = 1L << 4;
    public static final long A = 1L << 5;
    public static final long D = 1L << 6;
    /** Page size in a PDE/PDPTE; PAT in a 4 KiB PTE. */
    public static final long PS = 1L << 7;
    public static final long G = 1L << 8;
    public static final long XD = 1L << 63;

    /** Address bits 51:12 of a 64-bit entry (further cut to MAXPHYADDR by reserved-bit checks). */
    public static final long ADDR_MASK = 0x000f_ffff_ffff_f000L;

    private PageBits() {
    }
}
