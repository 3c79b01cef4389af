package tvmm.images.linux;

/**
 * The default guest could not be built or found. The message is one line meant for the
 * user (what failed and what to do), printed by {@code tvmm run} without a stack trace.
 */
public final class GuestImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public GuestImageException(String message) {
        super(message);
    }

    public GuestImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
