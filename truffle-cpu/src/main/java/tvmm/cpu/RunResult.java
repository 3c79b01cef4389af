package tvmm.cpu;

import tvmm.cpu.exit.VmExit;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.SoftwareInterrupt;

/**
 * Why {@link Vcpu#run} returned: a VM exit for the VMM, a guest exception when no
 * {@link Delivery} is installed (difftest, unit tests), or the stop address was reached.
 */
public record RunResult(VmExit exit, GuestFault fault, SoftwareInterrupt interrupt, boolean stopped) {
    public static RunResult stop() {
        return new RunResult(null, null, null, true);
    }

    /** The exception vector raised, or -1. */
    public int vector() {
        return fault != null ? fault.vector() : interrupt != null ? interrupt.vector : -1;
    }

    @Override
    public String toString() {
        if (exit != null) {
            return "exit " + exit.getMessage();
        }
        if (fault != null) {
            return "fault " + fault.getMessage();
        }
        if (interrupt != null) {
            return "int " + interrupt.vector;
        }
        return "stopped";
    }
}
