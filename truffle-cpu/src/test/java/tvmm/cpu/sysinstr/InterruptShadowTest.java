package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * The interrupt shadow (SDM vol. 3 §6.8.3): after STI that sets IF, MOV SS and POP SS the
 * engine runs exactly one more instruction before it offers an event; LSS and an STI with IF
 * already set open none. The delivery records the RIPs at which events were offered.
 */
class InterruptShadowTest {
    static final int IRQ = 1 << 3;

    private static SysCpu pendingIrq(boolean interruptsEnabled) {
        SysCpu c = new SysCpu().real();
        c.s.gpr[4] = 0x8000;
        c.s.rflags = interruptsEnabled ? c.s.rflags | Flags.IF : c.s.rflags & ~Flags.IF;
        c.s.maskableEvents = IRQ;
        c.s.postEvent(IRQ);
        return c;
    }

    private static void halts(RunResult r) {
        assertEquals(ExitCode.HLT, r.exit() == null ? -1 : r.exit().code, r.toString());
    }

    @Test
    void movSsHoldsEventsForOneInstruction() {
        try (SysCpu c = pendingIrq(true)) {
            // xor ax,ax ; mov ss,ax ; nop ; nop ; hlt
            c.load(0x1000, 0x31, 0xc0, 0x8e, 0xd0, 0x90, 0x90, 0xf4);
            halts(c.run(0x1000));
            assertFalse(c.eventRips.contains(0x1004L), "offered inside the MOV SS shadow: " + c.eventRips);
            assertTrue(c.eventRips.contains(0x1005L), "offered after the shadowed NOP: " + c.eventRips);
        }
    }

    @Test
    void popSsHoldsEventsForOneInstruction() {
        try (SysCpu c = pendingIrq(true)) {
            // push 0 ; pop ss ; nop ; nop ; hlt
            c.load(0x1000, 0x6a, 0x00, 0x17, 0x90, 0x90, 0xf4);
            halts(c.run(0x1000));
            assertFalse(c.eventRips.contains(0x1003L), "offered inside the POP SS shadow: " + c.eventRips);
            assertTrue(c.eventRips.contains(0x1004L), c.eventRips.toString());
        }
    }

    @Test
    void lssOpensNoShadow() {
        try (SysCpu c = pendingIrq(true)) {
            // lss sp, [0x2000] ; nop ; hlt     with the far pointer 0000:8000 at 0x2000
            c.load(0x2000, 0x00, 0x80, 0x00, 0x00);
            c.load(0x1000, 0x0f, 0xb2, 0x26, 0x00, 0x20, 0x90, 0xf4);
            halts(c.run(0x1000));
            assertTrue(c.eventRips.contains(0x1005L), "offered right after LSS: " + c.eventRips);
            assertEquals(0x8000, c.s.gpr[4] & 0xffff);
        }
    }

    @Test
    void stiThatSetsIfHoldsEventsForOneInstruction() {
        try (SysCpu c = pendingIrq(false)) {
            // sti ; nop ; nop ; hlt   (the IRQ is maskable: nothing is offered while IF = 0)
            c.load(0x1000, 0xfb, 0x90, 0x90, 0xf4);
            halts(c.run(0x1000));
            assertEquals(0x1002L, c.eventRips.get(0), "first offered after the instruction behind STI: " + c.eventRips);
        }
    }

    @Test
    void stiWithIfAlreadySetOpensNoShadow() {
        try (SysCpu c = pendingIrq(true)) {
            c.load(0x1000, 0xfb, 0x90, 0x90, 0xf4);
            halts(c.run(0x1000));
            assertTrue(c.eventRips.contains(0x1001L), "offered right after STI: " + c.eventRips);
        }
    }

    /** A single-step #DB is taken right after STI: its shadow holds off interrupts only (SDM vol. 3 §6.8.3). */
    @Test
    void stiShadowDoesNotHoldOffTheSingleStepTrap() {
        try (SysCpu c = pendingIrq(false)) {
            c.s.rflags |= Flags.TF;
            c.load(0x1000, 0xfb, 0x90, 0x90, 0xf4); // sti ; nop ; nop ; hlt
            c.run(0x1000);
            assertEquals(java.util.List.of(1), c.faults, "#DB");
            assertEquals(0x1001, c.s.rip, "trapped after the STI, not after the NOP it shadows");
            assertFalse(c.s.interruptShadow, "the shadow ended at the boundary where the trap was taken");
        }
    }

    /** MOV SS defers the single-step trap to after the next instruction (SDM vol. 3 §17.3.1.4). */
    @Test
    void movSsDefersTheSingleStepTrapByOneInstruction() {
        try (SysCpu c = pendingIrq(false)) {
            c.s.rflags |= Flags.TF;
            c.load(0x1000, 0x8e, 0xd0, 0x90, 0x90, 0xf4); // mov ss, ax ; nop ; nop ; hlt
            c.run(0x1000);
            assertEquals(java.util.List.of(1), c.faults, "#DB");
            assertEquals(0x1003, c.s.rip, "trapped after the NOP that follows MOV SS");
        }
    }
}
