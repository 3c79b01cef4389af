package tvmm.vmm.svm;

import java.lang.reflect.Field;
import tvmm.cpu.Vcpu;
import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.instr.Translator;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.nodes.UnitBuilder;
import tvmm.cpu.sysinstr.SystemCpu;
import tvmm.cpu.sysinstr.SystemInstructions;

/**
 * Installs the CPU's system layer (MMU, MSR file, CPUID, the system-instruction factory) into
 * a vCPU, with the platform's MSRs and TSC from {@link PlatformMsrs}.
 *
 * <p>ADAPTER: {@link Vcpu} has no public hook for the system factory yet (its translator is
 * private; truffle-cpu's own test machine copies the outer loop for the same reason), so the
 * factory is set on the vCPU's translator by reflection. Replace this with the engine's hook
 * as soon as it has one (requested from the truffle-cpu owners).
 */
final class SystemLayer {
    /** The TSC crystal CPUID leaf 0x15 reports (25 MHz, as on Intel client parts). */
    static final long CRYSTAL_HZ = 25_000_000L;

    private SystemLayer() {
    }

    static SystemCpu install(Vcpu cpu, PhysicalMemory memory, int vcpus, int apicId, long tscHz, PlatformMsrs msrs) {
        SystemCpu sys = new SystemCpu(cpu.state, memory, new CpuidModel(vcpus, tscHz, CRYSTAL_HZ), apicId,
                new SystemCpu.Platform() {
                    @Override
                    public long readTsc() {
                        return msrs.readTsc();
                    }

                    @Override
                    public void writeTsc(long value) {
                        msrs.writeTsc(value);
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
        translator(cpu).setSystem(new SystemInstructions(sys));
        return sys;
    }

    private static Translator translator(Vcpu cpu) {
        try {
            Field builder = Vcpu.class.getDeclaredField("builder");
            builder.setAccessible(true);
            Field factory = UnitBuilder.class.getDeclaredField("factory");
            factory.setAccessible(true);
            return (Translator) factory.get(builder.get(cpu));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot install the system layer into this Vcpu: " + e, e);
        }
    }
}
