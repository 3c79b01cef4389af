package tvmm.vmm.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.Vcpu;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;
import tvmm.cpu.svm.Vmcb;

/**
 * A pending V_IRQ waits for RFLAGS.IF (APM vol. 2 §15.21.4): while the guest runs with IF = 0
 * it must not end a unit at every back edge, so a CLI loop keeps running in one unit.
 */
class EventWindowTest {
    @Test
    void pendingVirtualIrqDoesNotEndUnitsWhileIfIsClear() {
        try (PhysicalMemory phys = new PhysicalMemory(1 << 20)) {
            Vcpu cpu = new Vcpu(null, phys, ExitPort.NONE);
            CpuState s = cpu.state;
            s.setFlat64User();
            s.seg[CpuState.CS].set(0x08, 0, 0xffffffff, 0xa9b); // 64-bit code, DPL 0: HLT is allowed
            s.cpl = 0;
            s.rflags &= ~Flags.IF;
            s.updateMode();
            // mov ecx, 100000 ; top: dec ecx ; jnz top ; hlt
            phys.load(0x1000, new byte[] {(byte) 0xb9, (byte) 0xa0, (byte) 0x86, 0x01, 0x00, (byte) 0xff, (byte) 0xc9,
                    0x75, (byte) 0xfc, (byte) 0xf4});
            s.rip = 0x1000;
            Vmcb vmcb = new Vmcb();
            Svm svm = new Svm(cpu, vmcb);
            vmcb.setVirtualIrq(0x30, 0);
            assertEquals(ExitCode.HLT, svm.vmrun());
            assertEquals(0, s.gpr[CpuState.RCX]);
            assertTrue(vmcb.virtualIrqPending(), "IF = 0: the V_IRQ was not taken");
            assertTrue(cpu.unitsExecuted() < 10, "units run for 100,000 iterations: " + cpu.unitsExecuted());
        }
    }
}
