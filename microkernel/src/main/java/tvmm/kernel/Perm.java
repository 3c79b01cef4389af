package tvmm.kernel;

/**
 * Rights carried by a capability. As in NOVA the meaning of a bit depends on the object type;
 * delegation can only mask rights away, never add them.
 */
public final class Perm {
    private Perm() {
    }

    // Protection domain: which objects may be created in it, and control of its capability space.
    public static final int PD_CREATE_PD = 1 << 0;
    public static final int PD_CREATE_EC = 1 << 1;
    public static final int PD_CREATE_SC = 1 << 2;
    public static final int PD_CREATE_PT = 1 << 3;
    public static final int PD_CREATE_SM = 1 << 4;
    /** Look up, delegate out of and into, and revoke in the PD's capability space. */
    public static final int PD_CTRL = 1 << 5;

    /** Execution context: start it, recall it (force a vCPU out of the guest). */
    public static final int EC_CTRL = 1 << 0;

    /** Scheduling context: bind execution contexts to it. */
    public static final int SC_BIND = 1 << 0;

    /** Portal: change its id, and call it. */
    public static final int PT_CTRL = 1 << 0;
    public static final int PT_CALL = 1 << 1;

    /** Semaphore: signal, and wait. */
    public static final int SM_UP = 1 << 0;
    public static final int SM_DOWN = 1 << 1;

    /** Every right of every type: what the creator of an object receives. */
    public static final int ALL = 0x3f;
}
