package tvmm.kernel;

/**
 * User thread control block: the message a portal call carries. It holds untyped message
 * registers for ordinary service IPC and the message transfer descriptor of the current call.
 *
 * <p>The VMM subclasses it per vCPU: {@link #arrive} copies the groups a portal declared from the
 * VMCB into the message (or, for a zero-copy view, just marks them readable) and {@link #depart}
 * writes back the groups the handler named in its reply. One Utcb belongs to one EC and is
 * only touched by that EC's thread, so it needs no synchronisation.
 */
public class Utcb {
    public static final int WORDS = 64;

    /** Untyped message registers; ordinary IPC passes its arguments and results here. */
    public final long[] mr = new long[WORDS];
    int mtd;

    /** On entry to a handler: the groups brought in. After: the groups the handler changed. */
    public final int mtd() {
        return mtd;
    }

    /**
     * A handler names the state groups it modified; only those are written back. A handler that
     * does not call this writes back every group that was brought in (NOVA's UTCB keeps the
     * incoming MTD unless the handler replaces it).
     */
    public final void mtd(int groups) {
        mtd = groups & Mtd.ALL;
    }

    /** Before the handler runs: bring in the groups {@code mtd} of the caller's state. */
    protected void arrive(int mtd) {
    }

    /** After the handler returned: write back the groups {@code mtd} it reported changed. */
    protected void depart(int mtd) {
    }
}
