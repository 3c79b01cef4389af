package tvmm.vmm.svm;

import java.util.OptionalLong;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.devices.apic.LocalApic;
import tvmm.devices.apic.X2ApicMsrs;
import tvmm.devices.time.VirtualClock;

/**
 * The MSRs and the time the platform owns for one vCPU, as the CPU's system layer asks for
 * them (its {@code SystemCpu.Platform}): IA32_APIC_BASE, the x2APIC range and
 * IA32_TSC_DEADLINE go to the vCPU's local APIC; the guest TSC runs at {@link #tscHz} from
 * the host's monotonic clock (what the CPU's RDTSC reads), plus the offset a WRMSR to
 * IA32_TSC sets. A refused access is #GP(0), as on hardware.
 *
 * <p>Every write that can make a held-back interrupt deliverable (EOI, TPR, SVR, self-IPI)
 * kicks the vCPU so the next vmrun looks again (Humbel: delivery after EOI).
 */
public final class PlatformMsrs {
    private final LocalApic apic;
    private final Runnable kick;
    private volatile Runnable apicBaseChanged = () -> { };
    private final long tscHz;
    /** System.nanoTime() at the clock's zero: converts between the two time scales. */
    private final long clockOrigin;
    private long tscOffset;

    public PlatformMsrs(LocalApic apic, VirtualClock clock, long tscHz, Runnable kick) {
        this.apic = apic;
        this.kick = kick;
        this.tscHz = tscHz;
        this.clockOrigin = System.nanoTime() - clock.nanos();
        apic.setTscOffset(ticks(clockOrigin));
    }

    /** Nanoseconds to TSC ticks without overflow for any nanoTime value. */
    private long ticks(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) * tscHz + Math.floorMod(nanos, 1_000_000_000L) * tscHz / 1_000_000_000L;
    }

    public long readTsc() {
        return ticks(System.nanoTime()) + tscOffset;
    }

    public void writeTsc(long value) {
        tscOffset = value - ticks(System.nanoTime());
        apic.setTscOffset(ticks(clockOrigin) + tscOffset);
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
