package tvmm.vmm.svm;

import tvmm.cpu.svm.ExitCode;

/**
 * SVM exit codes mapped to a dense index, the offset of the exit's portal in a vCPU's event
 * window (NOVA maps VM exit reasons the same way): codes 0x000..0x0FF keep their value,
 * the 0x400 block (NPF and the AVIC/VMGEXIT exits) follows, then INVALID.
 */
public final class ExitIndex {
    private ExitIndex() {
    }

    private static final int HIGH_BASE = 0x100;
    /** VMRUN refused the state (and tvmm's stop-address return in tests). */
    public static final int INVALID = HIGH_BASE + 4;
    /** Anything else (no portal: the vCPU stops with "unhandled exit"). */
    public static final int OTHER = HIGH_BASE + 5;
    /** Size of the event window. */
    public static final int COUNT = HIGH_BASE + 6;

    public static final int IOIO = of(ExitCode.IOIO);
    public static final int NPF = of(ExitCode.NPF);

    public static int of(long code) {
        if (code == ExitCode.INVALID) {
            return INVALID;
        }
        if (code >= 0 && code < HIGH_BASE) {
            return (int) code;
        }
        if (code >= ExitCode.NPF && code <= ExitCode.VMGEXIT) {
            return HIGH_BASE + (int) (code - ExitCode.NPF);
        }
        return OTHER;
    }
}
