package tvmm.cpu.interrupts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.mem.MemoryAccess;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.mmu.Mmu;
import tvmm.cpu.mmu.PageBits;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * The system layer plugged into the engine's real CpuState, memory path and MMU: a long-mode
 * vCPU with paging takes a #PF from ring 3, an INT n that fails its DPL check, and a triple
 * fault, through {@link SystemDelivery}.
 */
class SystemDeliveryTest {
    static final long GDT = 0x1000;
    static final long IDT = 0x2000;
    static final long TSS = 0x3000;
    static final long PML4 = 0x10000;
    PhysicalMemory phys;
    CpuState s;
    SystemDelivery delivery;

    @BeforeEach
    void setUp() {
        phys = new PhysicalMemory(4 << 20);
        s = new CpuState();
        MemoryAccess mem = new MemoryAccess(s, phys, ExitPort.NONE);
        s.mem = mem;
        mem.setTranslator(new Mmu(s, phys));
        // Identity map the first 2 MiB (user-accessible) with one 2 MiB page.
        phys.ramWrite(PML4, 8, (PML4 + 0x1000) | 7);
        phys.ramWrite(PML4 + 0x1000, 8, (PML4 + 0x2000) | 7);
        phys.ramWrite(PML4 + 0x2000, 8, 0x87);
        phys.ramWrite(GDT + 0x08, 8, Descriptor.build(0, 0xfffff, 0xa9b));   // 64-bit ring-0 code
        phys.ramWrite(GDT + 0x10, 8, Descriptor.build(0, 0xfffff, 0xc93));   // ring-0 data
        phys.ramWrite(GDT + 0x18, 8, Descriptor.build(0, 0xfffff, 0xafb));   // 64-bit ring-3 code
        phys.ramWrite(GDT + 0x20, 8, Descriptor.build(0, 0xfffff, 0xcf3));   // ring-3 data
        phys.ramWrite(GDT + 0x28, 8, Descriptor.build(TSS, 0x67, 0x8b));     // busy 64-bit TSS
        phys.ramWrite(TSS + 4, 8, 0x9000);                                   // RSP0
        gate(14, 0x8e, 0x5000);
        gate(0x80, 0x8e, 0x6000);                                            // DPL 0
        gate(13, 0x8e, 0x7000);
        s.cr0 = ControlBits.CR0_PE | ControlBits.CR0_PG | ControlBits.CR0_ET;
        s.cr4 = ControlBits.CR4_PAE;
        s.cr3 = PML4;
        s.efer = ControlBits.EFER_LME | ControlBits.EFER_LMA;
        s.gdtrBase = GDT;
        s.gdtrLimit = 0x2f;
        s.idtrBase = IDT;
        s.idtrLimit = 0xfff;
        s.tr.set(0x28, TSS, 0x67, 0x8b);
        s.seg[CpuState.CS].set(0x1b, 0, 0xffffffff, 0xafb);
        s.seg[CpuState.SS].set(0x23, 0, 0xffffffff, 0xcf3);
        s.cpl = 3;
        s.rflags = Flags.FIXED1 | Flags.IF;
        s.gpr[CpuState.RSP] = 0x8000;
        s.updateMode();
        delivery = new SystemDelivery(null);
    }

    @AfterEach
    void tearDown() {
        phys.close();
    }

    void gate(int vector, int attr, long offset) {
        phys.ramWrite(IDT + vector * 16L, 8, Descriptor.gate(0x08, offset, attr, 0));
        phys.ramWrite(IDT + vector * 16L + 8, 8, 0);
    }

    @Test
    void pageFaultFromRingThreeLandsOnRsp0() {
        s.rip = 0x1234;
        delivery.fault(s, GuestFault.pf(Access.PF_U_W, 0x40_0000));
        assertEquals(0x5000, s.rip);
        assertEquals(0, s.cpl);
        assertEquals(8, s.codeSize, "mode key recomputed");
        assertEquals(0x40_0000, s.cr2);
        assertEquals(0x9000 - 48, s.gpr[CpuState.RSP]);
        assertEquals(Access.PF_U_W, phys.ramRead(0x9000 - 48, 8));
        assertEquals(0x1234, phys.ramRead(0x9000 - 40, 8));
        assertEquals(0x1b, phys.ramRead(0x9000 - 32, 8));
        assertEquals(0x8000, phys.ramRead(0x9000 - 16, 8));
        assertEquals(0, s.rflags & Flags.IF);
    }

    @Test
    void intToADplZeroGateIsGeneralProtectionAtTheInstruction() {
        s.rip = 0x2002;  // after INT 0x80 at 0x2000
        delivery.softwareInterrupt(s, new SoftwareInterrupt(0x80, 0x2000, false));
        assertEquals(0x7000, s.rip, "#GP handler");
        assertEquals(0x80 * 8 + 2, phys.ramRead(0x9000 - 48, 8), "error code: IDT entry 0x80");
        assertEquals(0x2000, phys.ramRead(0x9000 - 40, 8), "#GP returns to the INT instruction");
    }

    @Test
    void tripleFaultIsTheShutdownExit() {
        s.idtrLimit = 0;
        VmExit e = assertThrows(VmExit.class, () -> delivery.fault(s, GuestFault.ud()));
        assertEquals(ExitCode.SHUTDOWN, e.code);
    }

    /** Error-code bits used above. */
    static final class Access {
        static final int PF_U_W = tvmm.cpu.mmu.Access.PF_U | tvmm.cpu.mmu.Access.PF_W;
    }
}
