package tvmm.kernel;

/**
 * The one status vocabulary of the kernel (NOVA's {@code Status}): every operation that can fail
 * returns one of these instead of throwing, so a VMM's exit path never unwinds through Java
 * exceptions it did not cause.
 */
public enum Status {
    /** The operation was carried out. */
    SUCCESS,
    /** A blocking operation ran out of time (semaphore down with timeout). */
    TIMEOUT,
    /** The operation started but was cut short: the portal's handler faulted, or the waiter was recalled. */
    ABORTED,
    /** The callee's component is restarting; the caller may retry later. */
    UNAVAILABLE,
    /** The callee's component has exhausted its restart policy or was stopped. */
    DEAD,
    /** The selector names no capability, or the capability was revoked. */
    BAD_CAP,
    /** The capability names an object of another type than the operation needs. */
    BAD_TYPE,
    /** The capability lacks a right the operation needs. */
    BAD_PERM,
    /** An argument is out of range (selector, priority, timeout, message transfer descriptor). */
    BAD_PAR,
    /** The requested host core does not exist or the host refused the placement. */
    BAD_CPU,
    /** The target slot is occupied, or the object is already in the requested state. */
    BUSY;

    public boolean ok() {
        return this == SUCCESS;
    }
}
