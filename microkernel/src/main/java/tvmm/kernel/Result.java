package tvmm.kernel;

import java.util.Objects;

/**
 * A status together with the value an operation produced on success: what the kernel's static
 * factories and typed lookups return, so failure is reported and not thrown.
 */
public record Result<T>(Status status, T value) {

    public Result {
        Objects.requireNonNull(status);
        if (status.ok() != (value != null)) {
            throw new IllegalArgumentException("a value exactly when SUCCESS: " + status);
        }
    }

    public static <T> Result<T> of(T value) {
        return new Result<>(Status.SUCCESS, Objects.requireNonNull(value));
    }

    public static <T> Result<T> fail(Status status) {
        return new Result<>(status, null);
    }

    public boolean ok() {
        return status.ok();
    }

    /** The value, for set-up code where a failure is a programming error of the caller. */
    public T orThrow() {
        if (!status.ok()) {
            throw new IllegalStateException("kernel operation failed: " + status);
        }
        return value;
    }
}
