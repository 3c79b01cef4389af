package tvmm.cpu.interrupts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.seg.FakeCpu;
import tvmm.cpu.seg.SegmentState;

/** Far JMP/CALL/RET, directly and through call gates (SDM vol. 3 §5.8). */
class FarTransferTest {
    static final int TSS = 0x4000;
    FakeCpu c;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.FLAT_CODE);           // 0x08 ring-0 code
        c.setSegmentDescriptor(2, 0, 0xfffff, FakeCpu.FLAT_DATA);           // 0x10 ring-0 data
        c.setSegmentDescriptor(3, 0, 0xfffff, FakeCpu.FLAT_CODE | 0x60);    // 0x1b ring-3 code
        c.setSegmentDescriptor(4, 0, 0xfffff, FakeCpu.FLAT_DATA | 0x60);    // 0x23 ring-3 data
        c.setSegmentDescriptor(5, TSS, 0x67, 0x89);                          // 0x28 TSS
        c.setGdt(6, Descriptor.gate(0x08, 0x7000, 0xec, 2));                 // 0x30 32-bit call gate, DPL 3, 2 params
        c.setGdt(7, Descriptor.gate(0x08, 0x7100, 0x8c, 0));                 // 0x38 call gate, DPL 0
        c.setSegmentDescriptor(8, 0, 0xfff, FakeCpu.FLAT_CODE & ~0x800);     // 0x40 code, 4 KiB limit
        c.loadFromGdt(SegmentState.CS, 0x08);
        c.loadFromGdt(SegmentState.SS, 0x10);
        c.loadFromGdt(SegmentState.TR, 0x28);
        c.writeLinear(TSS + 4, 4, 0x9000, false);
        c.writeLinear(TSS + 8, 2, 0x10, false);
        c.rsp = 0x8000;
    }

    int fault(Runnable r) {
        GuestFault f = assertThrows(GuestFault.class, r::run);
        return f.vector() << 16 | f.errorCode();
    }

    @Test
    void directFarCallAndReturn() {
        FarTransfer.call(c, c, 0x40, 0x123, 4, 0x5555);
        assertEquals(0x40, c.selector[SegmentState.CS]);
        assertEquals(0x123, c.rip);
        assertEquals(0x8000 - 8, c.rsp);
        assertEquals(0x5555, c.readLinear(c.rsp, 4, false));
        assertEquals(0x08, c.readLinear(c.rsp + 4, 4, false));
        FarTransfer.ret(c, c, 4, 0);
        assertEquals(0x08, c.selector[SegmentState.CS]);
        assertEquals(0x5555, c.rip);
        assertEquals(0x8000, c.rsp);
        assertEquals(Vectors.GP << 16, fault(() -> FarTransfer.jmp(c, c, 0x40, 0x1000, 4)), "beyond the limit");
    }

    @Test
    void callGateFromRingThreeCopiesParametersAndReturns() {
        c.loadFromGdt(SegmentState.CS, 0x1b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        c.rsp = 0x6000 - 8;
        c.writeLinear(0x6000 - 8, 4, 0xaaaa, false); // parameter 2 (pushed last, on top)
        c.writeLinear(0x6000 - 4, 4, 0xbbbb, false); // parameter 1
        FarTransfer.call(c, c, 0x33, 0xdead, 4, 0x4444);
        assertEquals(0, c.cpl);
        assertEquals(0x7000, c.rip, "gate offset, not the pointer's");
        assertEquals(0x10, c.selector[SegmentState.SS]);
        assertEquals(0x9000 - 24, c.rsp);
        assertEquals(0x4444, c.readLinear(c.rsp, 4, false));
        assertEquals(0x1b, c.readLinear(c.rsp + 4, 4, false));
        assertEquals(0xaaaa, c.readLinear(c.rsp + 8, 4, false));
        assertEquals(0xbbbb, c.readLinear(c.rsp + 12, 4, false));
        assertEquals(0x6000 - 8, c.readLinear(c.rsp + 16, 4, false));
        assertEquals(0x23, c.readLinear(c.rsp + 20, 4, false));
        FarTransfer.ret(c, c, 4, 8);                 // RETF 8 drops the parameters on both stacks
        assertEquals(3, c.cpl);
        assertEquals(0x4444, c.rip);
        assertEquals(0x6000, c.rsp);
        assertEquals(0x23, c.selector[SegmentState.SS]);
    }

    @Test
    void gatePrivilegeChecks() {
        c.loadFromGdt(SegmentState.CS, 0x1b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        assertEquals(Vectors.GP << 16 | 0x38, fault(() -> FarTransfer.call(c, c, 0x3b, 0, 4, 0)), "gate DPL 0");
        assertEquals(Vectors.GP << 16 | 0x08, fault(() -> FarTransfer.jmp(c, c, 0x33, 0, 4)),
                "JMP through a gate cannot change privilege");
        assertEquals(Vectors.GP << 16 | 0x08, fault(() -> FarTransfer.jmp(c, c, 0x08, 0, 4)), "direct to ring 0");
        c.setGdt(6, Descriptor.gate(0x08, 0x7000, 0x6c, 0));
        assertEquals(Vectors.NP << 16 | 0x30, fault(() -> FarTransfer.call(c, c, 0x33, 0, 4, 0)));
        assertThrows(UnsupportedGuestFeature.class, () -> FarTransfer.jmp(c, c, 0x28, 0, 4));
    }

    @Test
    void realModeFarJumpAndCall() {
        c.cr0 = 0;
        c.loadSegment(SegmentState.SS, 0, 0, 0xffff, 0x93);
        c.rsp = 0x7c00;
        FarTransfer.call(c, c, 0x1234, 0x10, 2, 0x99);
        assertEquals(0x12340, c.base[SegmentState.CS]);
        assertEquals(0x10, c.rip);
        assertEquals(0x7bfc, c.rsp);
        FarTransfer.ret(c, c, 2, 0);
        assertEquals(0x08, c.selector[SegmentState.CS]);
        assertEquals(0x99, c.rip);
    }

    @Test
    void longModeCallGateSwitchesToRsp0() {
        c.efer = ControlBits.EFER_LMA | ControlBits.EFER_LME;
        c.setSegmentDescriptor(1, 0, 0xfffff, FakeCpu.CODE64);               // 0x08 64-bit code
        c.setSegmentDescriptor(3, 0, 0xfffff, FakeCpu.CODE64 | 0x60);        // 0x1b 64-bit ring-3 code
        c.setGdt(6, Descriptor.gate(0x08, 0x8000_7000L, 0xec, 0));           // 0x30 64-bit gate (16 bytes)
        c.setGdt(7, 0xffff_ffffL);                                           // offset bits 63:32
        c.setSegmentDescriptor(5, TSS, 0x67, 0x89);
        c.writeLinear(TSS + 4, 8, 0x9008, false);
        c.loadFromGdt(SegmentState.CS, 0x1b);
        c.loadFromGdt(SegmentState.SS, 0x23);
        c.rsp = 0x6000;
        FarTransfer.call(c, c, 0x33, 0, 4, 0x40_0000);
        assertEquals(0xffff_ffff_8000_7000L, c.rip);
        assertEquals(0, c.selector[SegmentState.SS], "null SS with RPL 0");
        assertEquals(0x9008 - 32, c.rsp, "four quadwords, RSP0 not aligned for calls");
        assertEquals(0x40_0000, c.readLinear(c.rsp, 8, false));
        FarTransfer.ret(c, c, 8, 0);
        assertEquals(3, c.cpl);
        assertEquals(0x6000, c.rsp);
        assertEquals(0x40_0000, c.rip);
    }
}
