package tvmm.vmm.svm;

import tvmm.cpu.Delivery;
import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.interrupts.CpuStateView;
import tvmm.cpu.interrupts.EventDelivery;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.SystemDelivery;
import tvmm.cpu.interrupts.UnsupportedGuestFeature;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.EventInjection;
import tvmm.cpu.svm.ExitCode;
import tvmm.cpu.svm.Intercept;
import tvmm.cpu.svm.Vmcb;

/**
 * {@code vmrun} with SVM semantics over the Truffle CPU (AMD APM vol. 2, §15.5–15.21): inject
 * the event in EVENTINJ, run the guest until an intercepted event, and leave the exit code and
 * EXITINFO1/2 (and NRIP) in the VMCB. Also the CPU's {@link Delivery}: guest exceptions and
 * INT n go through the IDT here, and the pending-event word is turned into the INTR exit
 * (another thread kicked the vCPU) or the VINTR exit / V_IRQ delivery (an interrupt window
 * opened).
 *
 * <p>The guest's architectural state lives in the running CPU; it is copied into the VMCB
 * state save area per portal, for the groups the portal declares ({@link VcpuUtcb}).
 * Only the vCPU's own thread calls anything here.
 */
public final class Svm implements Delivery {
    /**
     * Event word: another thread wants the VMM's attention (an interrupt was posted, a stop);
     * the engine's own bit, which it turns into the INTR exit.
     */
    public static final int EVENT_KICK = CpuState.EVENT_KICK;
    /** Event word: V_IRQ is pending; taken when RFLAGS.IF allows it (the VMM's bit, next to the engine's). */
    public static final int EVENT_WINDOW = 1 << 29;

    private final Vcpu cpu;
    private final Vmcb vmcb;
    /** The system layer's delivery through the IDT; this class adds the SVM intercepts around it. */
    private final SystemDelivery system = new SystemDelivery(null);
    /** Benchmarks: accumulate the time spent inside the CPU (guest code, exits out of it). */
    private boolean timing;
    private long guestNanos;
    /** Why the last SHUTDOWN happened, for the one-line report. */
    private String shutdownReason = "";

    public Svm(Vcpu cpu, Vmcb vmcb) {
        this.cpu = cpu;
        this.vmcb = vmcb;
        cpu.setDelivery(this);
        // A pending V_IRQ can only be taken with IF = 1: while IF = 0 it must not end every
        // unit at its back edges (a CLI loop keeps running compiled).
        cpu.state.maskableEvents |= EVENT_WINDOW;
    }

    public Vmcb vmcb() {
        return vmcb;
    }

    public CpuState state() {
        return cpu.state;
    }

    public Vcpu cpu() {
        return cpu;
    }

    public String shutdownReason() {
        return shutdownReason;
    }

    /**
     * Runs the guest until the next intercepted event; returns EXITCODE (also in the VMCB with
     * EXITINFO1/2 and NRIP). RIP in the CPU is where the guest resumes: after HLT and VMMCALL.
     */
    public long vmrun() {
        CpuState s = cpu.state;
        long event = vmcb.eventInj();
        if (EventInjection.isValid(event)) {
            // EVENTINJ is consumed by the VMRUN that delivers it (APM §15.20).
            vmcb.setEventInj(0);
            try {
                if (!inject(event)) {
                    return exit(ExitCode.SHUTDOWN, 0, 0);
                }
            } catch (VmExit e) {
                return exit(e.code, e.info1, e.info2);
            }
        }
        if (vmcb.virtualIrqPending()) {
            s.postEvent(EVENT_WINDOW);
        }
        RunResult r;
        long t0 = timing ? System.nanoTime() : 0;
        try {
            // A VmExit raised by this class's Delivery callbacks (SHUTDOWN, intercepted
            // exceptions) comes back as the run's exit.
            r = timing ? timedRun(t0) : cpu.run();
        } catch (UnsupportedGuestFeature e) {
            shutdownReason = e.getMessage();
            return exit(ExitCode.SHUTDOWN, 0, 0);
        }
        if (r.exit() != null) {
            VmExit e = r.exit();
            return exit(e.code, e.info1, e.info2);
        }
        // Only with a stop address (tests): report it as a VMMCALL-free "INVALID" exit.
        return exit(ExitCode.INVALID, 0, 0);
    }

    private RunResult timedRun(long t0) {
        try {
            return cpu.run();
        } finally {
            guestNanos += System.nanoTime() - t0;
        }
    }

    /** Turns on the accounting of {@link #guestNanos} (costs two clock reads per vmrun). */
    public void setTiming(boolean on) {
        timing = on;
    }

    /** Nanoseconds spent inside the CPU's run loop since timing was turned on. */
    public long guestNanos() {
        return guestNanos;
    }

    private long exit(long code, long info1, long info2) {
        vmcb.setExit(code, info1, info2);
        vmcb.write64(Vmcb.NRIP, cpu.state.rip);
        return code;
    }

    /** Delivers an EVENTINJ event through the IDT; false on a triple fault. */
    private boolean inject(long event) {
        CpuState s = cpu.state;
        CpuStateView view = new CpuStateView(s);
        int vector = EventInjection.vector(event);
        int type = EventInjection.type(event);
        EventDelivery.Outcome o = switch (type) {
            case EventInjection.TYPE_EXCEPTION -> EventDelivery.deliver(view, view, vector, false,
                    EventInjection.hasErrorCode(event), EventInjection.errorCode(event), s.cr2, s.rip);
            case EventInjection.TYPE_SOFTWARE_INT -> EventDelivery.deliverSoftware(view, view, vector, s.rip);
            default -> {
                if (type == EventInjection.TYPE_NMI) {
                    s.nmiBlocked = true; // until the handler's IRET (SDM vol. 3 §6.7.1)
                }
                yield EventDelivery.deliverInterrupt(view, view, vector, s.rip);
            }
        };
        if (o == EventDelivery.Outcome.SHUTDOWN) {
            shutdownReason = String.format("triple fault delivering vector %d at rip 0x%x: %s", vector, s.rip,
                    GuestCode.describe(s, s.rip));
            return false;
        }
        return true;
    }

    // region Delivery: called by the CPU between units, state committed

    @Override
    public void fault(CpuState s, GuestFault fault) {
        int vector = fault.vector();
        if (vmcb.isExceptionIntercepted(vector)) {
            throw new VmExit(ExitCode.EXCEPTION + vector, fault.hasErrorCode() ? fault.errorCode() & 0xffffffffL : 0,
                    fault.faultAddress());
        }
        long rip = s.rip;
        try {
            system.fault(s, fault);
        } catch (VmExit e) {
            shutdownReason = String.format("triple fault: %s at rip 0x%x: %s", fault.getMessage(), rip,
                    GuestCode.describe(s, rip));
            throw e;
        }
    }

    @Override
    public void softwareInterrupt(CpuState s, SoftwareInterrupt i) {
        if (vmcb.isIntercepted(Intercept.INTN) && !i.exceptionLike) {
            throw new VmExit(ExitCode.SWINT, i.vector, 0);
        }
        try {
            system.softwareInterrupt(s, i);
        } catch (VmExit e) {
            shutdownReason = String.format("triple fault delivering INT 0x%x at rip 0x%x", i.vector, i.instructionAddress);
            throw e;
        }
    }

    @Override
    public void events(CpuState s) {
        // EVENT_KICK never arrives here: the engine turns it into the INTR exit itself.
        if (!s.nmiBlocked && (s.events() & CpuState.EVENT_NMI) != 0) {
            s.takeEvents(CpuState.EVENT_NMI);
            try {
                system.nmi(s); // blocks further NMIs until the next IRET
            } catch (VmExit e) {
                shutdownReason = String.format("triple fault delivering an NMI at rip 0x%x", s.rip);
                throw e;
            }
            return;
        }
        if ((s.events() & EVENT_WINDOW) != 0 && (Flags.read(s) & Flags.IF) != 0) {
            s.takeEvents(EVENT_WINDOW);
            if (!vmcb.virtualIrqPending()) {
                return;
            }
            if (vmcb.isIntercepted(Intercept.VINTR)) {
                throw new VmExit(ExitCode.VINTR, 0, 0);
            }
            // V_IRQ taken by the guest: delivered as an external interrupt (APM §15.21.4).
            vmcb.clearVirtualIrq();
            CpuStateView view = new CpuStateView(s);
            if (EventDelivery.deliverInterrupt(view, view, vmcb.virtualIrqVector(), s.rip)
                    == EventDelivery.Outcome.SHUTDOWN) {
                shutdownReason = "triple fault delivering a virtual interrupt";
                throw new VmExit(ExitCode.SHUTDOWN, 0, 0);
            }
        }
    }

    // endregion
}
