package tvmm.cpu.interrupts;

import tvmm.cpu.Delivery;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * The engine's {@link Delivery} implemented by the system layer: exceptions and software
 * interrupts go through {@link EventDelivery} (IDT gates, privilege checks, stack switches,
 * #DF promotion); a triple fault leaves the vCPU with the SVM SHUTDOWN exit. Maskable
 * interrupts come from an {@link InterruptSource} (the platform's interrupt controller, or
 * the VMM's V_IRQ), accepted only while RFLAGS.IF = 1. The engine calls {@link #events}
 * only at instruction boundaries outside an STI/MOV SS interrupt shadow.
 */
public final class SystemDelivery implements Delivery {
    /** Where maskable interrupts come from. */
    public interface InterruptSource {
        /** Acknowledges (INTA) and returns the highest-priority pending vector, or -1. */
        int acknowledge(CpuState s);
    }

    private final InterruptSource source;

    public SystemDelivery(InterruptSource source) {
        this.source = source;
    }

    @Override
    public void fault(CpuState s, GuestFault fault) {
        CpuStateView v = new CpuStateView(s);
        finish(EventDelivery.deliverException(v, v, fault, s.rip));
    }

    @Override
    public void softwareInterrupt(CpuState s, SoftwareInterrupt interrupt) {
        CpuStateView v = new CpuStateView(s);
        // INT1 (ICEBP) is a privileged software exception: no DPL check, EXT = 1 (SDM §6.12.1.1).
        boolean checkDpl = !(interrupt.vector == Vectors.DB && interrupt.exceptionLike);
        finish(EventDelivery.deliverSoftware(v, v, interrupt.vector, checkDpl, s.rip, interrupt.instructionAddress));
    }

    @Override
    public void events(CpuState s) {
        // An NMI goes first (SDM vol. 3 §6.9 priorities) and ignores IF, but not NMI blocking.
        if (!s.nmiBlocked && s.takeEvents(CpuState.EVENT_NMI) != 0) {
            nmi(s);
            return;
        }
        if (source == null || (s.rflags & Flags.IF) == 0) {
            return;
        }
        int vector = source.acknowledge(s);
        if (vector >= 0) {
            CpuStateView v = new CpuStateView(s);
            finish(EventDelivery.deliverInterrupt(v, v, vector & 0xff, s.rip));
        }
    }

    /**
     * Delivers an NMI (vector 2) now: not maskable by IF. NMIs are then blocked until the next
     * IRET (SDM vol. 3 §6.7.1); a posted {@link CpuState#EVENT_NMI} waits for that.
     */
    public void nmi(CpuState s) {
        s.nmiBlocked = true;
        CpuStateView v = new CpuStateView(s);
        finish(EventDelivery.deliverInterrupt(v, v, Vectors.NMI, s.rip));
    }

    private static void finish(EventDelivery.Outcome outcome) {
        if (outcome == EventDelivery.Outcome.SHUTDOWN) {
            throw new VmExit(ExitCode.SHUTDOWN, 0, 0);
        }
    }
}
