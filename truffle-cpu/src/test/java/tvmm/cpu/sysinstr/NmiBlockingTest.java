package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.SystemDelivery;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * NMI blocking (SDM vol. 3 §6.7.1): once an NMI is delivered, a second one waits until the
 * handler's IRET; an NMI ignores RFLAGS.IF. A flat 32-bit protected-mode machine with a real
 * GDT/IDT; the NMI handler counts its entries at 0x5000 and halts (HLT leaves the run), its
 * IRET follows the HLT.
 */
class NmiBlockingTest {
    static final long GDT = 0x6000, IDT = 0x7000, HANDLER = 0x3000, MAIN = 0x1000, COUNT = 0x5000;

    final PhysicalMemory phys = new PhysicalMemory(1 << 20);
    final Vcpu vcpu = new Vcpu(null, phys, ExitPort.NONE);
    final CpuState s = vcpu.state;

    NmiBlockingTest() {
        SystemCpu sys = new SystemCpu(s, phys, new CpuidModel(1, 2_000_000_000L, 25_000_000L), 0,
                new SystemCpu.Platform() {
                    @Override
                    public void tscOffsetChanged(long offset) {
                    }

                    @Override
                    public int readTpr() {
                        return 0;
                    }

                    @Override
                    public void writeTpr(int tpr) {
                    }

                    @Override
                    public long readMsr(int msr) {
                        throw GuestFault.gp(0);
                    }

                    @Override
                    public void writeMsr(int msr, long value) {
                        throw GuestFault.gp(0);
                    }
                });
        vcpu.setSystemInstructions(new SystemInstructions(sys));
        vcpu.setDelivery(new SystemDelivery(null));
        phys.ramWrite(GDT + 8, 8, Descriptor.build(0, 0xfffff, 0xc9b));
        phys.ramWrite(GDT + 16, 8, Descriptor.build(0, 0xfffff, 0xc93));
        phys.ramWrite(IDT + 2 * 8, 8, Descriptor.gate(0x08, HANDLER, 0x8e, 0));
        load(HANDLER, 0xff, 0x05, 0x00, 0x50, 0x00, 0x00, 0xf4, 0xcf); // inc dword [0x5000]; hlt; iretd
        load(MAIN, 0x90, 0xf4);                                        // nop; hlt
        s.gdtrBase = GDT;
        s.gdtrLimit = 0x17;
        s.idtrBase = IDT;
        s.idtrLimit = 0xff;
        s.cr0 = ControlBits.CR0_PE | ControlBits.CR0_ET;
        s.seg[CpuState.CS].set(0x08, 0, 0xffffffff, 0xc9b);
        for (int i : new int[] {CpuState.ES, CpuState.SS, CpuState.DS, CpuState.FS, CpuState.GS}) {
            s.seg[i].set(0x10, 0, 0xffffffff, 0xc93);
        }
        s.cpl = 0;
        s.rflags = Flags.FIXED1;  // IF = 0: NMIs are not maskable
        s.gpr[CpuState.RSP] = 0x8000;
        s.rip = MAIN;
        s.updateMode();
    }

    private void load(long at, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        phys.load(at, b);
    }

    private int entries() {
        return phys.ram32(COUNT);
    }

    private void runToHlt() {
        RunResult r = vcpu.run();
        assertEquals(ExitCode.HLT, r.exit().code, r.toString());
    }

    @Test
    void aSecondNmiWaitsForTheHandlersIret() {
        s.postEvent(CpuState.EVENT_NMI);
        runToHlt();
        assertEquals(1, entries(), "the NMI was taken with IF = 0");
        assertEquals(HANDLER + 7, s.rip, "halted in the handler");
        assertTrue(s.nmiBlocked);

        s.postEvent(CpuState.EVENT_NMI); // arrives while the handler runs: held
        assertFalse(s.eventsActionable(), "a blocked NMI does not end units");
        runToHlt();
        // The handler's IRET returned to MAIN; the held NMI came right after it, before MAIN's NOP.
        assertEquals(2, entries());
        assertEquals(HANDLER + 7, s.rip);
        assertEquals(MAIN, phys.ram32(s.gpr[CpuState.RSP]), "second NMI's frame returns to MAIN");
        load(HANDLER + 6, 0x90); // now let the handler return
        runToHlt();
        assertEquals(2, entries(), "no third NMI");
        assertEquals(MAIN + 2, s.rip, "MAIN's HLT");
        assertFalse(s.nmiBlocked, "the last IRET unblocked NMIs");
    }

    @Test
    void nmisPostedWhileBlockedCollapseIntoOne() {
        s.postEvent(CpuState.EVENT_NMI);
        runToHlt();
        s.postEvent(CpuState.EVENT_NMI);
        s.postEvent(CpuState.EVENT_NMI);
        load(HANDLER + 6, 0x90);
        runToHlt();
        assertEquals(2, entries(), "one latched NMI, not two");
        assertEquals(MAIN + 2, s.rip);
    }

    @Test
    void deliveringAnNmiDirectlyBlocksFurtherOnes() {
        new SystemDelivery(null).nmi(s);
        assertTrue(s.nmiBlocked);
        assertEquals(HANDLER, s.rip);
        s.postEvent(CpuState.EVENT_NMI);
        runToHlt();
        assertEquals(1, entries(), "the posted NMI is held while the first handler runs");
    }
}
