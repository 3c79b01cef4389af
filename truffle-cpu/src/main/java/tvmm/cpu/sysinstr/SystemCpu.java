package tvmm.cpu.sysinstr;

import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.interrupts.CpuStateView;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.mmu.Mmu;
import tvmm.cpu.msr.MsrFile;
import tvmm.cpu.msr.MsrHost;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.Intercept;
import tvmm.cpu.svm.Vmcb;

/**
 * The system-layer objects of one vCPU: its MMU (installed as the memory path's translator),
 * MSR file and CPUID model, plus what only the platform knows (time, local APIC MSRs) behind
 * {@link Platform}. System instruction nodes hold the SystemCpu of the vCPU they were built
 * for (units are per vCPU).
 */
public final class SystemCpu {
    /**
     * What the VMM supplies: the platform-owned MSRs (APIC base, x2APIC, TSC deadline), the
     * local APIC's task priority for CR8, and the news that the guest moved its TSC (the TSC
     * itself is CpuState's; the platform's TSC-deadline timer must follow it).
     */
    public interface Platform {
        /** The guest wrote IA32_TSC: TSC = {@code offset} + ticks of the TSC clock ({@link CpuState#tscOffset}). */
        void tscOffsetChanged(long offset);

        /** The local APIC's TPR (bits 7:4 are CR8, SDM vol. 3 §10.8.6.5). */
        int readTpr();

        void writeTpr(int tpr);

        /** Throws #GP ({@link GuestFault#gp}) for MSRs the platform does not implement. */
        long readMsr(int msr);

        void writeMsr(int msr, long value);
    }

    public final CpuState state;
    public final Mmu mmu;
    public final MsrFile msrs;
    public final CpuidModel cpuid;
    public final int apicId;
    /** The VMCB whose intercepts the CPU checks itself (VMMCALL); null outside a VMM: none. */
    private Vmcb vmcb;

    public final Platform platform;

    /** The TSC runs at the frequency CPUID reports: {@code cpuid.tscHz()} becomes {@link CpuState#tscHz}. */
    public SystemCpu(CpuState state, PhysicalMemory memory, CpuidModel cpuid, int apicId, Platform platform) {
        this.state = state;
        this.platform = platform;
        state.tscHz = cpuid.tscHz();
        this.mmu = new Mmu(state, memory);
        this.cpuid = cpuid;
        this.apicId = apicId;
        this.msrs = new MsrFile(new Host(state, mmu, platform));
        state.mem.setTranslator(mmu);
    }

    /** Installs the VMCB whose intercept bits this vCPU's instructions honour (vCPU thread, before it runs). */
    public void setVmcb(Vmcb vmcb) {
        this.vmcb = vmcb;
    }

    /** Whether the VMM intercepts {@code i} (read at each execution: the VMM may change it between runs). */
    public boolean intercepts(Intercept i) {
        Vmcb v = vmcb;
        return v != null && v.isIntercepted(i);
    }

    public CpuStateView view() {
        return new CpuStateView(state);
    }

    /** MSR state that lives in CpuState; an EFER write updates the mode and flushes the TLB. */
    private record Host(CpuState s, Mmu mmu, Platform platform) implements MsrHost {
        @Override
        public long efer() {
            return s.efer;
        }

        @Override
        public void setEfer(long efer) {
            long old = s.efer;
            s.efer = efer;
            mmu.controlRegistersChanged(s.cr0, s.cr4, old);
            s.updateMode();
        }

        @Override
        public long cr0() {
            return s.cr0;
        }

        @Override
        public long fsBase() {
            return s.seg[CpuState.FS].base;
        }

        @Override
        public void setFsBase(long base) {
            s.seg[CpuState.FS].base = base;
        }

        @Override
        public long gsBase() {
            return s.seg[CpuState.GS].base;
        }

        @Override
        public void setGsBase(long base) {
            s.seg[CpuState.GS].base = base;
        }

        @Override
        public long readTsc() {
            return s.readTsc();
        }

        @Override
        public void writeTsc(long value) {
            s.tscOffset += value - s.readTsc();
            platform.tscOffsetChanged(s.tscOffset);
        }

        @Override
        public long tscAux() {
            return s.tscAux;
        }

        @Override
        public void setTscAux(long value) {
            s.tscAux = value;
        }

        @Override
        public long readPlatform(int msr) {
            return platform.readMsr(msr);
        }

        @Override
        public void writePlatform(int msr, long value) {
            platform.writeMsr(msr, value);
        }
    }
}
