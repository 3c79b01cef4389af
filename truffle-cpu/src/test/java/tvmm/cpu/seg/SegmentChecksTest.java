package tvmm.cpu.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;

/** Limit, type and canonical checks on effective addresses (SDM vol. 3 §5.3, §3.3.7.1). */
class SegmentChecksTest {
    FakeCpu c = new FakeCpu();

    int fault(int sreg, long offset, int size, boolean write) {
        GuestFault f = assertThrows(GuestFault.class, () -> SegmentChecks.linear(c, sreg, offset, size, write));
        assertEquals(0, f.errorCode());
        return f.vector();
    }

    @Test
    void expandUpLimitCoversTheLastByte() {
        c.loadSegment(SegmentState.DS, 0x10, 0x10000, 0xfff, 0x93);
        assertEquals(0x10ffcL, SegmentChecks.linear(c, SegmentState.DS, 0xffc, 4, false));
        assertEquals(Vectors.GP, fault(SegmentState.DS, 0xffd, 4, false));
        c.loadSegment(SegmentState.SS, 0x10, 0, 0xfff, 0x93);
        assertEquals(Vectors.SS, fault(SegmentState.SS, 0x1000, 1, true));
    }

    @Test
    void expandDownValidRangeIsAboveTheLimit() {
        c.loadSegment(SegmentState.SS, 0x10, 0, 0xfff, 0x97);              // 16-bit expand-down
        assertEquals(Vectors.SS, fault(SegmentState.SS, 0xfff, 2, true));
        assertEquals(0x1000L, SegmentChecks.linear(c, SegmentState.SS, 0x1000, 2, true));
        assertEquals(Vectors.SS, fault(SegmentState.SS, 0xffff, 2, true), "beyond the 64 KiB top");
        c.loadSegment(SegmentState.SS, 0x10, 0, 0xfff, 0x97 | Descriptor.ATTR_DB);
        assertEquals(0xffffL, SegmentChecks.linear(c, SegmentState.SS, 0xffff, 2, true));
    }

    @Test
    void typeChecks() {
        c.loadSegment(SegmentState.DS, 0x10, 0, 0xffff, 0x91);   // read-only data
        assertEquals(Vectors.GP, fault(SegmentState.DS, 0, 1, true));
        c.loadSegment(SegmentState.ES, 0x08, 0, 0xffff, 0x99);   // execute-only code
        assertEquals(Vectors.GP, fault(SegmentState.ES, 0, 1, false));
        c.loadSegment(SegmentState.ES, 0x08, 0, 0xffff, 0x9b);   // readable code
        assertEquals(Vectors.GP, fault(SegmentState.ES, 0, 1, true), "code is never writable");
        c.loadSegment(SegmentState.FS, 0, 0, 0, 0);               // null
        assertEquals(Vectors.GP, fault(SegmentState.FS, 0, 1, false));
    }

    @Test
    void realModeChecksLimitOnly() {
        c.cr0 = 0;
        c.loadSegment(SegmentState.DS, 0x1000, 0x10000, 0xffff, 0x91);
        assertEquals(0x1fffeL, SegmentChecks.linear(c, SegmentState.DS, 0xfffe, 2, true));
        assertEquals(Vectors.GP, fault(SegmentState.DS, 0xffff, 2, false), "word at 0xFFFF");
    }

    @Test
    void sixtyFourBitModeIgnoresLimitsButNotCanonicality() {
        c.efer = ControlBits.EFER_LMA;
        c.loadSegment(SegmentState.CS, 0x08, 0, 0, FakeCpu.CODE64);
        c.loadSegment(SegmentState.DS, 0x10, 0x5000, 0, 0x93);
        c.loadSegment(SegmentState.GS, 0, 0xffff_8000_0000_0000L, 0, 0);
        assertEquals(0x10L, SegmentChecks.linear(c, SegmentState.DS, 0x10, 8, true), "DS base ignored");
        assertEquals(0xffff_8000_0000_0010L, SegmentChecks.linear(c, SegmentState.GS, 0x10, 8, false));
        assertEquals(Vectors.GP, fault(SegmentState.DS, 0x0000_8000_0000_0000L, 1, false));
        assertEquals(Vectors.GP, fault(SegmentState.DS, 0x0000_7fff_ffff_fffcL, 8, false), "straddles the hole");
        assertEquals(Vectors.SS, fault(SegmentState.SS, 0x0000_8000_0000_0000L, 8, true));
        assertTrue(SegmentChecks.isCanonical(0xffff_8000_0000_0000L));
        assertFalse(SegmentChecks.isCanonical(0xfff7_8000_0000_0000L));
    }
}
