package tvmm.cpu.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;

/**
 * Self-modifying code (DESIGN.md §3): a store into translated code is seen by the very next
 * instruction, in the same unit and in a unit of another page that ran before.
 */
class SelfModifyingCodeTest {
    @Test
    void storeIntoTheNextInstructionOfTheSameUnit() {
        try (TestMachine m = new TestMachine()) {
            // mov byte [rip+1], 0x2a ; mov eax, 1   (the store rewrites the immediate to 42)
            m.load(0x1000, 0xc6, 0x05, 0x01, 0x00, 0x00, 0x00, 0x2a, 0xb8, 0x01, 0x00, 0x00, 0x00);
            RunResult r = m.run(0x1000, 0x100c);
            assertTrue(r.stopped(), r.toString());
            assertEquals(42, m.reg(0));
        }
    }

    @Test
    void storeIntoAnotherPageThatWasAlreadyTranslated() {
        try (TestMachine m = new TestMachine()) {
            // page 0x2000: mov eax, 1 ; ret
            m.load(0x2000, 0xb8, 0x01, 0x00, 0x00, 0x00, 0xc3);
            // 0x1000: call 0x2000 ; mov rbx, rax ; mov byte [0x2001], 0x2a ; call 0x2000
            m.load(0x1000, 0xe8, 0xfb, 0x0f, 0x00, 0x00, 0x48, 0x89, 0xc3, 0xc6, 0x04, 0x25, 0x01, 0x20, 0x00, 0x00, 0x2a,
                    0xe8, 0xeb, 0x0f, 0x00, 0x00);
            RunResult r = m.run(0x1000, 0x1015);
            assertTrue(r.stopped(), r.toString());
            assertEquals(1, m.reg(3), "first call ran the original code");
            assertEquals(42, m.reg(0), "second call ran the patched code");
        }
    }

    @Test
    void repStosOverItsOwnUnitStopsAndRetranslates() {
        try (TestMachine m = new TestMachine()) {
            // rdi = 0x1010 ; rcx = 5 ; al = 0x90 ; rep stosb ; (0x100e..) then the patched area:
            // 0x1010: 5 bytes of "inc ebx" pairs (ff c3 ff c3 ff) replaced by NOPs ; mov ecx, 7
            m.load(0x1000, 0xbf, 0x10, 0x10, 0x00, 0x00, // mov edi, 0x1010
                    0xb9, 0x05, 0x00, 0x00, 0x00, // mov ecx, 5
                    0xb0, 0x90, // mov al, 0x90
                    0xf3, 0xaa, // rep stosb
                    0x90, 0x90, // nop nop
                    0xff, 0xc3, 0xff, 0xc3, 0xff, // inc ebx; inc ebx; (garbage ff) → all NOPs after the store
                    0xb9, 0x07, 0x00, 0x00, 0x00); // mov ecx, 7
            m.vcpu.state.gpr[3] = 0;
            RunResult r = m.run(0x1000, 0x101a);
            assertTrue(r.stopped(), r.toString());
            assertEquals(0, m.reg(3), "the INCs were overwritten before they ran");
            assertEquals(7, m.reg(1));
        }
    }
}
