package tvmm.cpu.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * INT n, INT3, INTO, INT1: an interrupt raised by an instruction, delivered as a trap (RIP
 * already points after the instruction). Unlike a fault, delivery checks the gate's DPL
 * against CPL (SDM Vol. 3 §6.12.1.1), which the system layer's delivery does.
 */
public final class SoftwareInterrupt extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    public final int vector;
    /** The instruction's address, for a #GP raised by the gate check (then RIP goes back). */
    public final long instructionAddress;
    /** INT3/INTO (true) are checked like INT n but reported as the exception's own vector. */
    public final boolean exceptionLike;

    public SoftwareInterrupt(int vector, long instructionAddress, boolean exceptionLike) {
        this.vector = vector;
        this.instructionAddress = instructionAddress;
        this.exceptionLike = exceptionLike;
    }

    public static SoftwareInterrupt create(int vector, long address, boolean exceptionLike) {
        CompilerDirectives.transferToInterpreter();
        return new SoftwareInterrupt(vector, address, exceptionLike);
    }
}
