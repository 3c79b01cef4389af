package tvmm.cpu.sysinstr;

import java.util.ArrayList;
import java.util.List;
import tvmm.cpu.Delivery;
import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.ExitCode;

/**
 * One vCPU with the system layer installed, in real mode or 64-bit mode at CPL 0 (no paging),
 * for tests of single system instructions. Its {@link Delivery} records where the engine
 * offered events (RIP at each call) and ends the run on the first fault with a SHUTDOWN exit,
 * so a test sees the vector in {@link #faults}. The platform keeps CR8's TPR and the last TSC
 * offset it was told.
 */
final class SysCpu implements AutoCloseable {
    static final long TSC_HZ = 3_000_000_000L;

    final PhysicalMemory phys = new PhysicalMemory(1 << 20);
    final Vcpu vcpu = new Vcpu(null, phys, ExitPort.NONE);
    final CpuState s = vcpu.state;
    final SystemCpu sys;
    final List<Long> eventRips = new ArrayList<>();
    final List<Integer> faults = new ArrayList<>();
    final BarePlatform platform = new BarePlatform();

    SysCpu() {
        sys = new SystemCpu(s, phys, new CpuidModel(1, TSC_HZ, 25_000_000L), 0, platform);
        vcpu.setSystemInstructions(new SystemInstructions(sys));
        vcpu.setDelivery(new Delivery() {
            @Override
            public void fault(CpuState st, GuestFault f) {
                faults.add(f.vector());
                throw new VmExit(ExitCode.SHUTDOWN, 0, 0);
            }

            @Override
            public void softwareInterrupt(CpuState st, SoftwareInterrupt i) {
                faults.add(i.vector);
                throw new VmExit(ExitCode.SHUTDOWN, 0, 0);
            }

            @Override
            public void events(CpuState st) {
                eventRips.add(st.rip);
            }
        });
    }

    /** Real mode, CS = 0: offsets are physical addresses. */
    SysCpu real() {
        s.seg[CpuState.CS].set(0, 0, 0xffff, 0x9b);
        s.updateMode();
        return this;
    }

    /**
     * 32-bit protected mode at CPL 0, flat, no paging; the segment caches are set directly
     * (no GDT), data segments with {@code dataAttr} (0xc93 writable, 0xc91 read-only).
     */
    SysCpu prot32(int dataAttr) {
        s.cr0 |= tvmm.cpu.mmu.ControlBits.CR0_PE;
        s.seg[CpuState.CS].set(0x08, 0, 0xffffffff, 0xc9b);
        for (int i : new int[] {CpuState.ES, CpuState.SS, CpuState.DS, CpuState.FS, CpuState.GS}) {
            s.seg[i].set(0x10, 0, 0xffffffff, dataAttr);
        }
        s.cpl = 0;
        s.gpr[CpuState.RSP] = 0x8000;
        s.updateMode();
        return this;
    }

    /** 64-bit mode at CPL 0, flat, no paging. */
    SysCpu long64() {
        s.setFlat64User();
        s.seg[CpuState.CS].set(0x08, 0, 0xffffffff, 0xa9b);
        for (int i : new int[] {CpuState.ES, CpuState.SS, CpuState.DS, CpuState.FS, CpuState.GS}) {
            s.seg[i].set(0x10, 0, 0xffffffff, 0xc93);
        }
        s.cpl = 0;
        s.updateMode();
        return this;
    }

    SysCpu load(long address, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        phys.load(address, b);
        return this;
    }

    RunResult run(long from) {
        s.rip = from;
        return vcpu.run();
    }

    @Override
    public void close() {
        phys.close();
    }
}
