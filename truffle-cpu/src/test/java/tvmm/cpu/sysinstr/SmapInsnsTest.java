package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.cpuid.Feature;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * STAC/CLAC and SMAP as ring-0 code sees them (SDM vol. 2 STAC/CLAC, vol. 3 §4.6.1): 64-bit
 * mode with every page a user page (one 2-MiB page with U/S = 1) and CR4.SMAP set. A kernel
 * load from it faults unless RFLAGS.AC = 1; a descriptor load from a GDT on it faults even
 * then (an implicit access).
 */
class SmapInsnsTest {
    static final int STAC = 0xcb, CLAC = 0xca;

    private static SysCpu smapMachine() {
        SysCpu c = new SysCpu().long64();
        c.phys.ramWrite(0x10000, 8, 0x11000 | 7);       // PML4[0]
        c.phys.ramWrite(0x11000, 8, 0x12000 | 7);       // PDPT[0]
        c.phys.ramWrite(0x12000, 8, 0x87);              // PD[0]: 2 MiB at 0, user, writable
        c.s.cr3 = 0x10000;
        c.s.cr0 |= ControlBits.CR0_PG;
        c.s.cr4 |= ControlBits.CR4_SMAP;
        c.s.rflags &= ~Flags.AC;
        c.phys.ramWrite(0x3000, 4, 0x1234_5678);
        c.s.gdtrBase = 0x5000;
        c.s.gdtrLimit = 0x17;
        c.phys.ramWrite(0x5010, 8, Descriptor.build(0, 0xfffff, 0xc93));
        c.sys.mmu.flushAll();
        return c;
    }

    @Test
    void smapIsAdvertised() {
        assertEquals(true, Feature.SMAP.implemented);
    }

    @Test
    void kernelLoadFromAUserPageFaultsWithoutAc() {
        try (SysCpu c = smapMachine()) {
            c.load(0x1000, 0x8b, 0x04, 0x25, 0x00, 0x30, 0x00, 0x00); // mov eax, [0x3000]
            c.run(0x1000);
            assertEquals(List.of(Vectors.PF), c.faults);
            assertEquals(0x1000, c.s.rip);
        }
    }

    @Test
    void stacOpensAndClacClosesTheWindow() {
        try (SysCpu c = smapMachine()) {
            c.load(0x1000, 0x0f, 0x01, STAC,
                    0x8b, 0x04, 0x25, 0x00, 0x30, 0x00, 0x00,       // mov eax, [0x3000]
                    0x0f, 0x01, CLAC,
                    0x8b, 0x1c, 0x25, 0x00, 0x30, 0x00, 0x00);      // mov ebx, [0x3000]
            c.run(0x1000);
            assertEquals(0x1234_5678, c.s.gpr[CpuState.RAX], "allowed under STAC");
            assertEquals(List.of(Vectors.PF), c.faults, "CLAC closed it again");
            assertEquals(0x100d, c.s.rip);
            assertEquals(0, c.s.rflags & Flags.AC);
        }
    }

    @Test
    void aDescriptorLoadIsImplicitAndIgnoresAc() {
        try (SysCpu c = smapMachine()) {
            c.s.gpr[CpuState.RCX] = 0x10;
            c.load(0x1000, 0x0f, 0x01, STAC, 0x8e, 0xd9, 0xf4); // stac ; mov ds, cx ; hlt
            c.run(0x1000);
            assertEquals(List.of(Vectors.PF), c.faults, "the GDT read is an implicit supervisor access");
            assertEquals(0x1003, c.s.rip);
        }
    }

    @Test
    void stacSetsAcAndIsUndefinedOutsideRingZero() {
        try (SysCpu c = smapMachine()) {
            c.load(0x1000, 0x0f, 0x01, STAC, 0xf4);
            RunResult r = c.run(0x1000);
            assertEquals(ExitCode.HLT, r.exit().code, r.toString());
            assertEquals(Flags.AC, c.s.rflags & Flags.AC);
        }
        try (SysCpu c = smapMachine()) {
            c.s.seg[CpuState.CS].set(0x33, 0, 0xffffffff, 0xafb);
            c.s.cpl = 3;
            c.s.updateMode();
            c.load(0x1000, 0x0f, 0x01, CLAC);
            c.run(0x1000);
            assertEquals(List.of(Vectors.UD), c.faults);
        }
    }
}
