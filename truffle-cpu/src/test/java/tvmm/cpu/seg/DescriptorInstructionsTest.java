package tvmm.cpu.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.mmu.ControlBits;

/** LAR, LSL, VERR, VERW (SDM vol. 2): ZF = 0 instead of faults. */
class DescriptorInstructionsTest {
    FakeCpu c;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.FLAT_CODE);
        c.setSegmentDescriptor(2, 0, 0xfffff, FakeCpu.FLAT_DATA);
        c.setSegmentDescriptor(3, 0x4000, 0x67, 0x89);                    // available 32-bit TSS
        c.setSegmentDescriptor(4, 0, 0x1234, 0xf2);                       // ring-3 data, byte limit, RW
        c.setSegmentDescriptor(5, 0, 0xfffff, 0x9e | 0xc00);              // conforming code
        c.setGdt(6, tvmm.cpu.seg.Descriptor.gate(0x08, 0x1000, 0x8e, 0)); // interrupt gate
        c.setSegmentDescriptor(7, 0, 0xffff, 0x98);                        // execute-only code
        c.loadFromGdt(SegmentState.CS, 0x1b & ~3 | 0);                     // CPL 0 to start
    }

    @Test
    void larReturnsAccessRightsMaskedAndRejectsGates() {
        long raw = c.mem.read64(c.gdtBase + 8);
        assertEquals((raw >>> 32) & 0x00f0ff00L, DescriptorInstructions.lar(c, c, 0x08));
        assertEquals(0x00c0_9b00L, DescriptorInstructions.lar(c, c, 0x08) | 0x100);
        assertEquals(0x0000_8900L, DescriptorInstructions.lar(c, c, 0x18), "TSS is visible to LAR");
        assertEquals(-1, DescriptorInstructions.lar(c, c, 0x30), "interrupt gates are not");
        assertEquals(-1, DescriptorInstructions.lar(c, c, 0), "null");
        assertEquals(-1, DescriptorInstructions.lar(c, c, 0x800), "beyond the limit");
    }

    @Test
    void lslExpandsGranularity() {
        assertEquals(0xffffffffL, DescriptorInstructions.lsl(c, c, 0x10));
        assertEquals(0x1234L, DescriptorInstructions.lsl(c, c, 0x23));
        assertEquals(0x67L, DescriptorInstructions.lsl(c, c, 0x18));
    }

    @Test
    void privilegeHidesInnerDescriptorsButNotConformingCode() {
        c.cpl = 3;
        assertEquals(-1, DescriptorInstructions.lsl(c, c, 0x10));
        assertEquals(0xffffffffL, DescriptorInstructions.lsl(c, c, 0x28));
        assertEquals(-1, DescriptorInstructions.lar(c, c, 0x18), "TSS DPL 0");
        assertTrue(DescriptorInstructions.verr(c, c, 0x28));
        assertTrue(DescriptorInstructions.verw(c, c, 0x23));
        assertFalse(DescriptorInstructions.verw(c, c, 0x13));
    }

    @Test
    void verrAndVerw() {
        assertTrue(DescriptorInstructions.verr(c, c, 0x08));
        assertFalse(DescriptorInstructions.verr(c, c, 0x38), "execute-only");
        assertFalse(DescriptorInstructions.verw(c, c, 0x08), "code is never writable");
        assertTrue(DescriptorInstructions.verw(c, c, 0x10));
        assertFalse(DescriptorInstructions.verr(c, c, 0x18), "system descriptors fail");
        assertFalse(DescriptorInstructions.verw(c, c, 0x23 & ~3 | 0x4 | 3), "LDT without LDTR");
    }

    @Test
    void longModeAcceptsOnlyLdtTssAndCallGateForLar() {
        c.efer = ControlBits.EFER_LMA;
        assertEquals(0x0000_8900L, DescriptorInstructions.lar(c, c, 0x18));
        c.setSegmentDescriptor(3, 0x4000, 0x67, 0x81); // 16-bit TSS: not valid in long mode
        assertEquals(-1, DescriptorInstructions.lar(c, c, 0x18));
    }
}
