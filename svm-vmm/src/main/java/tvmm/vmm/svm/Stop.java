package tvmm.vmm.svm;

/**
 * Why a virtual machine stopped, and the process exit status it maps to (DESIGN.md §9): the
 * guest's debug-exit code, 0 for a clean power-off, non-zero with a one-line reason for a
 * triple fault, a kernel panic or a VMM error.
 */
public record Stop(Kind kind, int status, String reason) {
    public enum Kind {
        /** The guest wrote to isa-debug-exit (port 0xF4): status (value << 1) | 1. */
        DEBUG_EXIT,
        /** ACPI S5 (or another clean power-off). */
        POWER_OFF,
        /** The guest reset the machine (reset register, i8042 0xFE). */
        RESET,
        /** Triple fault (SVM SHUTDOWN exit). */
        SHUTDOWN,
        /** The guest's kernel panicked (its console said so) and reset or stopped for good. */
        PANIC,
        /** Every vCPU halted with interrupts disabled: nothing can wake the guest again. */
        HALTED,
        /** An exit the VMM has no handler for, or a VMM fault. */
        ERROR,
        /** Stopped from the host (Ctrl-A x, the end of a benchmark). */
        HOST,
        /** The run's time limit passed ({@code --timeout}): the guest did not finish. */
        TIMEOUT
    }

    public static Stop debugExit(int status) {
        return new Stop(Kind.DEBUG_EXIT, status, "guest debug exit with status " + status);
    }

    public static Stop powerOff() {
        return new Stop(Kind.POWER_OFF, 0, "guest powered off");
    }

    public static Stop reset() {
        return new Stop(Kind.RESET, 0, "guest reset the machine");
    }

    public static Stop shutdown(String reason) {
        return new Stop(Kind.SHUTDOWN, 3, "guest shut down (" + reason + ")");
    }

    /** Status 6: "Kernel panic - not syncing: {@code reason}" was on the console. */
    public static Stop panic(String reason) {
        return new Stop(Kind.PANIC, 6, "guest kernel panic: " + reason);
    }

    public static Stop halted(String reason) {
        return new Stop(Kind.HALTED, 5, reason);
    }

    public static Stop error(String reason) {
        return new Stop(Kind.ERROR, 4, reason);
    }

    /** Status 124, as coreutils' timeout reports a command that ran out of time. */
    public static Stop timeout(String reason) {
        return new Stop(Kind.TIMEOUT, 124, reason);
    }

    public static Stop host(String reason) {
        return new Stop(Kind.HOST, 0, reason);
    }
}
