package tvmm.cpu.instr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.CpuState;

/**
 * XGETBV/XSETBV and the fault rules of XSAVE/XRSTOR (SDM Vol. 2 XGETBV, XSETBV, XSAVE; Vol. 1
 * §13.3): #UD without CR4.OSXSAVE, #GP for CPL > 0, ECX != 0, XCR0[0] = 0 or bits beyond SSE,
 * #NM with CR0.TS, #GP for an area not 64-byte aligned. The image contents are checked against the
 * host in {@link XsaveHostTest}.
 */
class XsaveInsnTest {
    private static final int[] XGETBV = {0x0f, 0x01, 0xd0};
    private static final int[] XSETBV = {0x0f, 0x01, 0xd1};

    private static int vector(RunResult r) {
        return r.fault() == null ? -1 : r.fault().vector();
    }

    @Test
    void xgetbvAndXsetbvNeedOsxsave() {
        try (FpMachine m = new FpMachine()) {
            m.s.gpr[CpuState.RCX] = 0;
            assertEquals(Vectors.UD, vector(m.run(XGETBV)));
            m.s.cpl = 0;
            assertEquals(Vectors.UD, vector(m.run(XSETBV)));
        }
    }

    @Test
    void xgetbvReadsXcr0AtAnyCpl() {
        try (FpMachine m = new FpMachine()) {
            m.s.cr4 |= ControlBits.CR4_OSXSAVE;
            m.s.gpr[CpuState.RCX] = 0;
            m.s.gpr[CpuState.RAX] = -1;
            m.s.gpr[CpuState.RDX] = -1;
            assertNull(m.run(XGETBV).fault());
            assertEquals(1, m.s.gpr[CpuState.RAX], "XCR0 after reset: x87 only");
            assertEquals(0, m.s.gpr[CpuState.RDX]);
            m.s.gpr[CpuState.RCX] = 1; // XGETBV ECX=1 is not enumerated
            assertEquals(Vectors.GP, vector(m.run(XGETBV)));
        }
    }

    @Test
    void xsetbvChecksPrivilegeIndexAndValue() {
        try (FpMachine m = new FpMachine()) {
            m.s.cr4 |= ControlBits.CR4_OSXSAVE;
            m.s.gpr[CpuState.RCX] = 0;
            m.s.gpr[CpuState.RDX] = 0;
            m.s.gpr[CpuState.RAX] = 3;
            assertEquals(Vectors.GP, vector(m.run(XSETBV)), "CPL 3");
            m.s.cpl = 0;
            for (long bad : new long[] {0, 2, 7, 4 | 3, 1L << 32 | 3}) {
                m.s.gpr[CpuState.RAX] = bad & 0xffffffffL;
                m.s.gpr[CpuState.RDX] = bad >>> 32;
                assertEquals(Vectors.GP, vector(m.run(XSETBV)), "XCR0 " + Long.toHexString(bad));
                assertEquals(1, m.s.xcr0);
            }
            m.s.gpr[CpuState.RDX] = 0;
            m.s.gpr[CpuState.RAX] = 3;
            m.s.gpr[CpuState.RCX] = 1;
            assertEquals(Vectors.GP, vector(m.run(XSETBV)), "ECX 1");
            m.s.gpr[CpuState.RCX] = 0;
            assertNull(m.run(XSETBV).fault());
            assertEquals(3, m.s.xcr0);
        }
    }

    @Test
    void xsaveFaults() {
        try (FpMachine m = new FpMachine()) {
            m.s.gpr[CpuState.RAX] = 3;
            m.s.gpr[CpuState.RDX] = 0;
            int[] xsave = {0x0f, 0xae, 0x26}; // xsave [rsi]
            assertEquals(Vectors.UD, vector(m.run(xsave)), "CR4.OSXSAVE clear");
            m.s.cr4 |= ControlBits.CR4_OSXSAVE;
            m.s.cr0 |= ControlBits.CR0_TS;
            assertEquals(Vectors.NM, vector(m.run(xsave)));
            m.s.cr0 &= ~ControlBits.CR0_TS;
            m.s.gpr[CpuState.RSI] = FpMachine.DATA + 16;
            assertEquals(Vectors.GP, vector(m.run(xsave)), "16-byte aligned is not enough");
            m.s.gpr[CpuState.RSI] = FpMachine.DATA;
            RunResult r = m.run(xsave);
            assertNull(r.fault(), r.toString());
            // XCR0 = 1: only the x87 bit of XSTATE_BV is written (as 0: x87 is in its initial state), MXCSR not at all.
            assertEquals(0, m.s.mem.read(FpMachine.DATA + 512, 8));
            assertEquals(0, m.s.mem.read(FpMachine.DATA + 24, 4));
            assertEquals(0x37f, m.s.mem.read(FpMachine.DATA, 2));
        }
    }

    @Test
    void unadvertisedXsaveVariantsAreUndefined() {
        // CPUID.(0DH,1):EAX enumerates XSAVEOPT only: XSAVEC, XSAVES and XRSTORS are #UD.
        try (FpMachine m = new FpMachine()) {
            m.s.cr4 |= ControlBits.CR4_OSXSAVE;
            m.s.cpl = 0;
            assertEquals(Vectors.UD, vector(m.run(0x0f, 0xc7, 0x26)), "xsavec [rsi]");
            assertEquals(Vectors.UD, vector(m.run(0x0f, 0xc7, 0x2e)), "xsaves [rsi]");
            assertEquals(Vectors.UD, vector(m.run(0x0f, 0xc7, 0x1e)), "xrstors [rsi]");
        }
    }

    @Test
    void fxrstor64ClearsTheX87Selectors() {
        // Host-observed (difftest): after FXRSTOR64, whose image has no FCS/FDS, FNSTENV stores them as 0.
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 0xffff037fL); // FCW
            m.put64(FpMachine.DATA + 8, 0xffffffffL); // tag word: all empty
            m.put64(FpMachine.DATA + 16, 0x1234); // FCS
            m.put64(FpMachine.DATA + 24, 0x5678); // FDS
            m.put64(FpMachine.DATA + 0x100, 0x037f);
            m.put64(FpMachine.DATA + 0x118, 0x1f80); // MXCSR
            // fldenv [rsi]; fxrstor64 [rsi+0x100]; fnstenv [rsi+0x200]
            RunResult r = m.run(0xd9, 0x26, 0x48, 0x0f, 0xae, 0x8e, 0x00, 0x01, 0, 0, 0xd9, 0xb6, 0x00, 0x02, 0, 0);
            assertNull(r.fault(), r.toString());
            assertEquals(0, m.s.mem.read(FpMachine.DATA + 0x200 + 16, 2), "FCS");
            assertEquals(0, m.s.mem.read(FpMachine.DATA + 0x200 + 24, 2), "FDS");
        }
    }

    @Test
    void xrstorOfAnInitializedSseComponentKeepsMxcsrFromMemory() {
        try (FpMachine m = new FpMachine()) {
            m.s.cr4 |= ControlBits.CR4_OSXSAVE;
            m.s.xcr0 = 3;
            m.s.sse.set(5, 0x1234, 0x5678);
            m.put64(FpMachine.DATA + 24, 0x0000ffff00009fc0L); // MXCSR 9FC0
            m.put64(FpMachine.DATA + 512, 0); // XSTATE_BV 0: both components initialized
            m.s.gpr[CpuState.RAX] = 3;
            m.s.gpr[CpuState.RDX] = 0;
            RunResult r = m.run(0x0f, 0xae, 0x2e); // xrstor [rsi]
            assertNull(r.fault(), r.toString());
            assertEquals(0, m.s.sse.lo(5));
            assertEquals(0x9fc0, m.s.sse.mxcsr, "SDM §13.8.1: MXCSR is loaded whenever RFBM[1] = 1");
            assertNotNull(m.s.x87);
            assertEquals(0x37f, m.s.x87.fcw);
        }
    }
}
