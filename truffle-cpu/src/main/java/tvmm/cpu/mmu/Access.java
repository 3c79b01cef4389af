package tvmm.cpu.mmu;

/**
 * Kinds of memory access presented to the MMU. The bit values equal the page-fault error-code
 * bits they produce (SDM vol. 3 §4.7: W/R = bit 1, U/S = bit 2, I/D = bit 4), so the error code
 * is built without a table. Constant at each memory node, so the TLB table index folds.
 */
public final class Access {
    /** Data read by supervisor code, or an implicit supervisor access (GDT, IDT, TSS, stack switch). */
    public static final int READ = 0;
    public static final int WRITE = 1 << 1;
    /** Explicit access made at CPL 3. */
    public static final int USER = 1 << 2;
    public static final int FETCH = 1 << 4;
    /** Explicit supervisor data access with EFLAGS.AC = 1: SMAP lets it touch user pages. */
    public static final int SMAP_OVERRIDE = 1 << 8;
    /**
     * Implicit supervisor access (GDT, LDT, IDT, TSS, the stacks of event delivery and far
     * transfers): SMAP applies whatever EFLAGS.AC says (SDM vol. 3 §4.6.1). Without this bit a
     * supervisor data access is explicit, and the MMU adds {@link #SMAP_OVERRIDE} when AC = 1.
     */
    public static final int IMPLICIT = 1 << 9;

    /** #PF error-code bits (SDM Fig. 4-12). */
    public static final int PF_P = 1;
    public static final int PF_W = 1 << 1;
    public static final int PF_U = 1 << 2;
    public static final int PF_RSVD = 1 << 3;
    public static final int PF_I = 1 << 4;

    /**
     * Number of TLB tables: {read, write, fetch} × {supervisor, user}, then {read, write} for
     * explicit supervisor accesses with SMAP overridden by EFLAGS.AC = 1 (STAC): with CR4.SMAP
     * set, the plain supervisor tables never hold a user page, so AC cannot be bypassed by a hit.
     */
    public static final int TABLES = 8;
    /** First of the two SMAP-override tables. */
    public static final int SMAP_TABLES = 6;

    private Access() {
    }

    /** TLB table of an access: 0 read, 1 write, 2 fetch; +3 for user accesses. */
    public static int table(int access) {
        int kind = ((access >> 1) & 1) | ((access >> 3) & 2);
        return kind + 3 * ((access >> 2) & 1);
    }

    /** The SMAP-override table of a supervisor data access: 6 read, 7 write. */
    public static int smapTable(int access) {
        return SMAP_TABLES + ((access >> 1) & 1);
    }
}
