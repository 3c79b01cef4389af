package tvmm.vmm.svm;

import tvmm.cpu.Vcpu;
import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.sysinstr.SystemCpu;
import tvmm.cpu.sysinstr.SystemInstructions;
import tvmm.devices.time.VirtualClock;

/**
 * Installs the CPU's system layer (MMU, MSR file, CPUID, the system-instruction factory) into
 * a vCPU, with the platform's MSRs and TSC from {@link PlatformMsrs}.
 */
final class SystemLayer {
    /** The TSC crystal CPUID leaf 0x15 reports (25 MHz, as on Intel client parts). */
    static final long CRYSTAL_HZ = 25_000_000L;

    private SystemLayer() {
    }

    /**
     * The TSC runs at {@code tscHz} (CPUID leaves 15h/16h report the same) from the machine's
     * virtual {@code clock}, the one the APIC's TSC-deadline timer converts with.
     */
    static SystemCpu install(Vcpu cpu, PhysicalMemory memory, int vcpus, int apicId, long tscHz, VirtualClock clock,
            PlatformMsrs msrs) {
        cpu.state.setTscClock(clock::nanos);
        SystemCpu sys = new SystemCpu(cpu.state, memory, new CpuidModel(vcpus, tscHz, CRYSTAL_HZ), apicId,
                new SystemCpu.Platform() {
                    @Override
                    public void tscOffsetChanged(long offset) {
                        msrs.tscOffsetChanged(offset);
                    }

                    @Override
                    public int readTpr() {
                        return msrs.readTpr();
                    }

                    @Override
                    public void writeTpr(int tpr) {
                        msrs.writeTpr(tpr);
                    }

                    @Override
                    public long readMsr(int msr) {
                        return msrs.readMsr(msr);
                    }

                    @Override
                    public void writeMsr(int msr, long value) {
                        msrs.writeMsr(msr, value);
                    }
                });
        cpu.setSystemInstructions(new SystemInstructions(sys));
        return sys;
    }
}
