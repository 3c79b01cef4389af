package tvmm.vmm.boot;

/**
 * A kernel image that cannot be booted, or a machine it does not fit. The message is one
 * line for the user ("vmlinuz: boot protocol 2.10 is too old: ..."): tvmm prints it and
 * exits non-zero, without a stack trace.
 */
public final class BootException extends Exception {
    private static final long serialVersionUID = 1L;

    public BootException(String message) {
        super(message);
    }
}
