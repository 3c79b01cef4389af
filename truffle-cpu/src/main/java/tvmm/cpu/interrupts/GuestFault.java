package tvmm.cpu.interrupts;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * A guest-visible exception raised by the system layer (segmentation, paging, gates): the
 * vector, its error code if the vector pushes one, and for #PF the faulting linear address
 * that goes to CR2. Thrown from slow paths only; the engine catches it at the unit boundary
 * and delivers it through {@link InterruptDelivery}. No stack trace (a control-flow exception).
 */
public final class GuestFault extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    private final int vector;
    private final int errorCode;
    private final long faultAddress;

    public GuestFault(int vector, int errorCode, long faultAddress) {
        this.vector = vector;
        this.errorCode = errorCode;
        this.faultAddress = faultAddress;
    }

    public int vector() {
        return vector;
    }

    /** Error code; meaningful only when {@link Vectors#pushesErrorCode} holds for the vector. */
    public int errorCode() {
        return errorCode;
    }

    public boolean hasErrorCode() {
        return Vectors.pushesErrorCode(vector);
    }

    /** The linear address for CR2 (page faults only). */
    public long faultAddress() {
        return faultAddress;
    }

    public static GuestFault of(int vector, int errorCode) {
        CompilerDirectives.transferToInterpreterAndInvalidate();
        return new GuestFault(vector, errorCode, 0);
    }

    public static GuestFault gp(int errorCode) {
        return of(Vectors.GP, errorCode);
    }

    public static GuestFault ss(int errorCode) {
        return of(Vectors.SS, errorCode);
    }

    public static GuestFault np(int errorCode) {
        return of(Vectors.NP, errorCode);
    }

    public static GuestFault ts(int errorCode) {
        return of(Vectors.TS, errorCode);
    }

    public static GuestFault ud() {
        return of(Vectors.UD, 0);
    }

    public static GuestFault pf(int errorCode, long linear) {
        CompilerDirectives.transferToInterpreterAndInvalidate();
        return new GuestFault(Vectors.PF, errorCode, linear);
    }

    /** Selector error code (SDM §6.13): index/TI bits of the selector, EXT, IDT flag. */
    public static int selectorError(int selector) {
        return selector & 0xfffc;
    }

    /** Error code naming IDT entry {@code vector} (IDT bit set, SDM Fig. 6-7). */
    public static int idtError(int vector, boolean external) {
        return (vector << 3) | 2 | (external ? 1 : 0);
    }

    @Override
    public String getMessage() {
        return "vector " + vector + " error " + Integer.toHexString(errorCode)
                + (vector == Vectors.PF ? " cr2 " + Long.toHexString(faultAddress) : "");
    }
}
