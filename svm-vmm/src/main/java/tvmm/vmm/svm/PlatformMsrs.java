package tvmm.vmm.svm;

import java.util.OptionalLong;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.devices.apic.LocalApic;
import tvmm.devices.apic.X2ApicMsrs;

/**
 * The MSRs and the time the platform owns for one vCPU, as the CPU's system layer asks for
 * them (its {@code SystemCpu.Platform}): IA32_APIC_BASE, the x2APIC range and
 * IA32_TSC_DEADLINE go to the vCPU's local APIC, and so does CR8 (the APIC's TPR). The guest
 * TSC is the CPU's own (it counts the machine's virtual clock); the APIC's TSC-deadline timer
 * is told when the guest moves it. A refused access is #GP(0), as on hardware.
 *
 * <p>Every write that can make a held-back interrupt deliverable (EOI, TPR, SVR, self-IPI)
 * kicks the vCPU so the next vmrun looks again (Humbel: delivery after EOI).
 */
public final class PlatformMsrs {
    /** The TPR: xAPIC page offset and x2APIC MSR (SDM vol. 3 §11.8.3.1, table 11-6). */
    static final int XAPIC_TPR = 0x80;
    static final int X2APIC_TPR = 0x808;

    private final LocalApic apic;
    private final Runnable kick;
    private volatile Runnable apicBaseChanged = () -> { };
    /** CR8 while the APIC is disabled (no register to hold it). */
    private int tprWhileDisabled;

    public PlatformMsrs(LocalApic apic, Runnable kick) {
        this.apic = apic;
        this.kick = kick;
    }

    /** The guest TSC is now {@code offset} + ticks of the virtual clock: the TSC-deadline timer follows. */
    public void tscOffsetChanged(long offset) {
        apic.setTscOffset(offset);
    }

    /** The APIC's task priority, as CR8 reads it ([7:4]). */
    public int readTpr() {
        if (apic.isX2ApicMode()) {
            return (int) apic.msrs().read(X2APIC_TPR).orElse(0);
        }
        if (apic.isHardwareEnabled()) {
            return (int) apic.mmio().read(XAPIC_TPR, 4);
        }
        return tprWhileDisabled;
    }

    /** MOV to CR8: the APIC's TPR (a lower priority may let a held-back interrupt through: kick). */
    public void writeTpr(int tpr) {
        if (apic.isX2ApicMode()) {
            apic.msrs().write(X2APIC_TPR, tpr & 0xff);
        } else if (apic.isHardwareEnabled()) {
            apic.mmio().write(XAPIC_TPR, 4, tpr & 0xff);
        } else {
            tprWhileDisabled = tpr & 0xff;
        }
        kick.run();
    }

    public long readMsr(int msr) {
        if (!X2ApicMsrs.handles(msr)) {
            throw GuestFault.gp(0);
        }
        OptionalLong v = apic.msrs().read(msr);
        if (v.isEmpty()) {
            throw GuestFault.gp(0);
        }
        return v.getAsLong();
    }

    public void writeMsr(int msr, long value) {
        if (!X2ApicMsrs.handles(msr) || !apic.msrs().write(msr, value)) {
            throw GuestFault.gp(0);
        }
        if (msr == X2ApicMsrs.IA32_APIC_BASE) {
            apicBaseChanged.run();
        }
        kick.run();
    }

    /** Told after every accepted IA32_APIC_BASE write (the VMM re-maps the xAPIC page). */
    public void onApicBaseChanged(Runnable listener) {
        apicBaseChanged = listener;
    }
}
