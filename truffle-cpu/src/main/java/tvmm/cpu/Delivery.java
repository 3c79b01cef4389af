package tvmm.cpu;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.state.CpuState;

/**
 * Where the engine hands over guest events: implemented by the system layer
 * (tvmm.cpu.interrupts) with IDT gates, privilege checks and stack switches. All calls
 * happen between units on the vCPU's thread with the architectural state committed.
 * Delivery may throw {@link tvmm.cpu.exit.VmExit} (e.g. SHUTDOWN on a triple fault, an
 * intercepted exception): {@link Vcpu#run} then returns it as the run's exit.
 */
public interface Delivery {
    /** An exception raised by an instruction; RIP is the faulting instruction. */
    void fault(CpuState s, GuestFault fault);

    /** INT n / INT3 / INTO / INT1; RIP is already after the instruction. */
    void softwareInterrupt(CpuState s, SoftwareInterrupt interrupt);

    /** The event word is non-zero (interrupt lines, NMI, kicks): accept what is deliverable. */
    void events(CpuState s);
}
