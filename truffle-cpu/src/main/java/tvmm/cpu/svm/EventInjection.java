package tvmm.cpu.svm;

/**
 * The EVENTINJ / EXITINTINFO encoding (AMD64 APM vol. 2, §15.20): vector in bits 7:0,
 * type in 10:8, error-code-valid in 11, valid in 31, error code in 63:32.
 */
public final class EventInjection {
    private EventInjection() {
    }

    public static final int TYPE_INTR = 0;
    public static final int TYPE_NMI = 2;
    public static final int TYPE_EXCEPTION = 3;
    public static final int TYPE_SOFTWARE_INT = 4;

    private static final long VALID = 1L << 31;
    private static final long ERROR_CODE_VALID = 1L << 11;

    /** An event without error code. */
    public static long of(int type, int vector) {
        return VALID | ((long) (type & 7) << 8) | (vector & 0xFF);
    }

    /** An exception with an error code (e.g. #GP, #PF). */
    public static long withErrorCode(int type, int vector, int errorCode) {
        return of(type, vector) | ERROR_CODE_VALID | ((errorCode & 0xFFFF_FFFFL) << 32);
    }

    public static boolean isValid(long event) {
        return (event & VALID) != 0;
    }

    public static int vector(long event) {
        return (int) (event & 0xFF);
    }

    public static int type(long event) {
        return (int) ((event >>> 8) & 7);
    }

    public static boolean hasErrorCode(long event) {
        return (event & ERROR_CODE_VALID) != 0;
    }

    public static int errorCode(long event) {
        return (int) (event >>> 32);
    }
}
