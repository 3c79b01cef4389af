package tvmm.cpu.exit;

import com.oracle.truffle.api.nodes.ControlFlowException;
import tvmm.cpu.svm.ExitCode;

/**
 * Leaving {@code run} for the VMM with an SVM exit code ({@link ExitCode}): HLT, SHUTDOWN,
 * VMMCALL, INTR, CPUID/MSR when intercepted, and so on. Thrown by a node after the guest
 * state is committed: RIP already points where the guest resumes (after the instruction
 * for trapping exits such as VMMCALL once handled, at it for intercepts the VMM completes).
 */
public final class VmExit extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    public final int code;
    public final long info1;
    public final long info2;

    public VmExit(int code, long info1, long info2) {
        this.code = code;
        this.info1 = info1;
        this.info2 = info2;
    }

    @Override
    public String getMessage() {
        return ExitCode.name(code) + " info1=" + Long.toHexString(info1) + " info2=" + Long.toHexString(info2);
    }
}
