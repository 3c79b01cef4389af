package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * DR0-DR3 breakpoints under DR7 (SDM vol. 3 §18.2-18.3) in 64-bit mode at CPL 0: an instruction
 * breakpoint is a #DB fault before the instruction (suppressed by RFLAGS.RF), a data breakpoint
 * a #DB trap after the instruction whose access overlapped the watched bytes (a REP string
 * instruction stops after the iteration). SysCpu records the vector and ends the run.
 */
class DebugBreakpointTest {
    /** DR7 for breakpoint n: local enable, R/W and LEN fields. */
    static long dr7(int n, int rw, int lenField) {
        return 0x400 | 1L << (2 * n) | (long) rw << (16 + 4 * n) | (long) lenField << (18 + 4 * n);
    }

    private static void halts(RunResult r) {
        assertEquals(ExitCode.HLT, r.exit() == null ? -1 : r.exit().code, r.toString());
    }

    @Test
    void instructionBreakpointFaultsBeforeTheInstruction() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[0] = 0x1003;
            c.s.dr[7] = dr7(0, 0, 0);
            c.load(0x1000, 0x90, 0x90, 0x90, 0x90, 0xf4);
            c.run(0x1000);
            assertEquals(List.of(Vectors.DB), c.faults);
            assertEquals(0x1003, c.s.rip, "a fault: the instruction has not run");
            assertEquals(1, c.s.dr[6] & 0xf, "DR6.B0");
        }
    }

    @Test
    void resumeFlagSuppressesItOnceThenIsCleared() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[0] = 0x1003;
            c.s.dr[7] = dr7(0, 0, 0);
            c.s.rflags |= Flags.RF; // as the #DB handler's IRET leaves it
            c.load(0x1003, 0x90, 0xf4);
            halts(c.run(0x1003));
            assertEquals(List.of(), c.faults);
            assertEquals(0, c.s.rflags & Flags.RF, "cleared once the instruction completed");
        }
    }

    @Test
    void movToDr7ArmsTheNextInstruction() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[0] = 0x1004;
            c.s.gpr[CpuState.RAX] = dr7(0, 0, 0);
            c.load(0x1000, 0x0f, 0x23, 0xf8, 0x90, 0x90, 0xf4); // mov dr7, rax ; nop ; nop ; hlt
            c.run(0x1000);
            assertEquals(List.of(Vectors.DB), c.faults);
            assertEquals(0x1004, c.s.rip);
        }
    }

    @Test
    void writeBreakpointTrapsAfterTheOverlappingStore() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[1] = 0x3005;                 // aligned down to 0x3004 by LEN = 4
            c.s.dr[7] = dr7(1, 1, 3);
            c.s.gpr[CpuState.RAX] = 0x11;
            c.load(0x1000, 0x89, 0x04, 0x25, 0x00, 0x30, 0x00, 0x00,   // mov [0x3000], eax: bytes 0-3, no match
                    0x88, 0x04, 0x25, 0x06, 0x30, 0x00, 0x00,          // mov [0x3006], al: inside
                    0x90, 0xf4);
            c.run(0x1000);
            assertEquals(List.of(Vectors.DB), c.faults);
            assertEquals(0x100e, c.s.rip, "a trap: after the store");
            assertEquals(2, c.s.dr[6] & 0xf, "DR6.B1");
            assertEquals(0x11, c.phys.ram8(0x3006), "the store happened");
        }
    }

    @Test
    void writeOnlyBreakpointIgnoresReadsAndReadWriteCatchesThem() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[2] = 0x3004;
            c.s.dr[7] = dr7(2, 1, 0);
            c.load(0x1000, 0x8b, 0x04, 0x25, 0x04, 0x30, 0x00, 0x00, 0xf4); // mov eax, [0x3004] ; hlt
            halts(c.run(0x1000));
        }
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[2] = 0x3004;
            c.s.dr[7] = dr7(2, 3, 0);
            c.load(0x1000, 0x8b, 0x04, 0x25, 0x04, 0x30, 0x00, 0x00, 0xf4);
            c.run(0x1000);
            assertEquals(List.of(Vectors.DB), c.faults);
            assertEquals(0x1007, c.s.rip);
            assertEquals(4, c.s.dr[6] & 0xf);
        }
    }

    @Test
    void repStringStopsAfterTheMatchingIteration() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[3] = 0x3008;
            c.s.dr[7] = dr7(3, 1, 0);
            c.s.gpr[CpuState.RCX] = 16;
            c.s.gpr[CpuState.RDI] = 0x3000;
            c.load(0x1000, 0xf3, 0xaa, 0xf4); // rep stosb ; hlt
            c.run(0x1000);
            assertEquals(List.of(Vectors.DB), c.faults);
            assertEquals(0x1000, c.s.rip, "the rest of the string follows the handler");
            assertEquals(7, c.s.gpr[CpuState.RCX]);
            assertEquals(0x3009, c.s.gpr[CpuState.RDI]);
        }
    }

    @Test
    void aFaultingInstructionPushesResumeFlag() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[0] = 0x1000;
            c.s.dr[7] = dr7(0, 0, 0);
            c.s.rflags |= Flags.RF;
            c.load(0x1000, 0x0f, 0x0b); // ud2 at the breakpoint, entered with RF = 1
            c.run(0x1000);
            assertEquals(List.of(Vectors.UD), c.faults);
            assertNotEquals(0, c.s.rflags & Flags.RF, "RF = 1 in the image the #UD pushes");
        }
    }

    /**
     * While breakpoints make the engine step instruction by instruction, a kick must still end
     * the run (found by RandomSystemCodeTest: MOV DR7 then a tight loop never returned).
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSteppedLoopStillSeesEvents() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.dr[0] = 0x5000; // never reached
            c.s.dr[7] = dr7(0, 0, 0);
            c.load(0x1000, 0xeb, 0xfe); // jmp $
            Thread kicker = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                c.vcpu.kick();
            });
            RunResult r = c.run(0x1000);
            kicker.interrupt();
            assertEquals(ExitCode.INTR, r.exit().code, r.toString());
            assertEquals(0x1000, c.s.rip);
        }
    }
}
