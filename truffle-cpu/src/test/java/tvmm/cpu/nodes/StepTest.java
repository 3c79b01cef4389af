package tvmm.cpu.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/** Single-instruction execution: the interrupt shadow and the TF single-step trap (SDM Vol. 3 §6.8.3, §17.3.1.4). */
class StepTest {
    @Test
    void aPendingEventWaitsOneInstructionInTheShadow() {
        try (TestMachine m = new TestMachine()) {
            m.load(0x1000, 0xff, 0xc0, 0xff, 0xc0, 0xff, 0xc0); // inc eax x3
            m.vcpu.state.gpr[0] = 0;
            m.vcpu.state.interruptShadow = true;
            m.vcpu.kick();
            RunResult r = m.run(0x1000, 0x1006);
            assertNotNull(r.exit());
            assertEquals(ExitCode.INTR, r.exit().code);
            assertEquals(1, m.reg(0), "exactly the shadowed instruction ran before the event");
            assertEquals(0x1002, m.vcpu.state.rip);

            m.vcpu.kick();
            r = m.run(0x1000, 0x1006);
            assertEquals(ExitCode.INTR, r.exit().code);
            assertEquals(1, m.reg(0), "without a shadow the event comes first");
        }
    }

    @Test
    void maskableEventsWaitForInterruptsEnabled() {
        try (TestMachine m = new TestMachine()) {
            // mov ecx, 100000 ; top: dec ecx ; jnz top   (a loop with IF = 0 and a pending IRQ)
            m.load(0x1000, 0xb9, 0xa0, 0x86, 0x01, 0x00, 0xff, 0xc9, 0x75, 0xfc);
            CpuState s = m.vcpu.state;
            int irq = 1 << 3;
            s.maskableEvents = irq;
            s.rflags &= ~Flags.IF;
            s.postEvent(irq);
            RunResult r = m.run(0x1000, 0x1009);
            assertEquals(true, r.stopped(), r.toString());
            assertEquals(0, m.reg(1));
            assertEquals(1, m.vcpu.unitsExecuted(), "the pending IRQ did not end the unit at each back edge");
        }
    }

    @Test
    void fetchBeyondTheCodeSegmentLimitRaisesGp() {
        try (TestMachine m = new TestMachine()) {
            CpuState s = m.vcpu.state;
            s.setCompat32User();
            s.seg[CpuState.CS].limit = 0x1004; // the second INC (1003..1004) fits, the third does not
            m.load(0x1000, 0xff, 0xc0, 0x90, 0xff, 0xc0, 0xff, 0xc0);
            s.gpr[0] = 0;
            RunResult r = m.run(0x1000, 0x1007);
            assertNotNull(r.fault());
            assertEquals(Vectors.GP, r.fault().vector());
            assertEquals(0x1005, s.rip);
            assertEquals(2, m.reg(0));
        }
    }

    @Test
    void trapFlagTrapsAfterEachInstruction() {
        try (TestMachine m = new TestMachine()) {
            m.load(0x1000, 0xff, 0xc0, 0xff, 0xc0); // inc eax x2
            CpuState s = m.vcpu.state;
            s.gpr[0] = 0;
            s.rflags |= Flags.TF;
            RunResult r = m.run(0x1000, 0x1004);
            assertNotNull(r.fault());
            assertEquals(Vectors.DB, r.fault().vector());
            assertEquals(0x1002, s.rip, "a trap: RIP after the instruction");
            assertEquals(1, m.reg(0));
            assertEquals(1L << 14, s.dr[6] & (1L << 14), "DR6.BS");
        }
    }
}
