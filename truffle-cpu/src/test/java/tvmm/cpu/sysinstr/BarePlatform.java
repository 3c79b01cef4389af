package tvmm.cpu.sysinstr;

import tvmm.cpu.interrupts.GuestFault;

/**
 * The platform of a test machine without a local APIC: CR8 is kept here, the MSRs a VMM
 * would serve raise #GP, and a TSC offset change is only recorded (no TSC-deadline timer).
 */
class BarePlatform implements SystemCpu.Platform {
    int tpr;
    long tscOffsetSeen = -1;

    @Override
    public void tscOffsetChanged(long offset) {
        tscOffsetSeen = offset;
    }

    @Override
    public int readTpr() {
        return tpr;
    }

    @Override
    public void writeTpr(int value) {
        tpr = value;
    }

    @Override
    public long readMsr(int msr) {
        throw GuestFault.gp(0);
    }

    @Override
    public void writeMsr(int msr, long value) {
        throw GuestFault.gp(0);
    }
}
