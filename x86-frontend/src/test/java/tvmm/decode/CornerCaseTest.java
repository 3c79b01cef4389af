package tvmm.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The tricky corners of the encoding, each checked against what the SDM (Vol. 2 §2.1-2.3,
 * and the instruction pages) says the hardware does, not against capstone.
 */
class CornerCaseTest {

    private static Instruction d(int bits, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Decoder.decodeOne(b, 0, b.length, bits);
    }

    @Test
    void prefixesInAnyOrderRepeatedAndRedundant() {
        Instruction a = d(64, 0x66, 0xF3, 0xA5);
        Instruction b = d(64, 0xF3, 0x66, 0xA5);
        for (Instruction in : new Instruction[] {a, b}) {
            assertEquals(Op.MOVS_W, in.op);
            assertEquals(2, in.operandSize);
            assertTrue(in.hasPrefix(Prefix.REP));
        }
        // F2 then F3: the last one wins (SDM Vol. 2 §2.1.1 leaves it to the last of group 1).
        Instruction last = d(32, 0xF2, 0xF3, 0xA4);
        assertTrue(last.hasPrefix(Prefix.REP));
        assertFalse(last.hasPrefix(Prefix.REPNE));
        // Several segment overrides: the last one applies.
        Instruction seg = d(32, 0x2E, 0x3E, 0x64, 0x8B, 0x00);
        assertEquals(Reg.FS, seg.segment);
        assertEquals(5, seg.length);
        // The same prefix repeated is harmless.
        assertEquals(Op.MOV, d(32, 0x66, 0x66, 0x66, 0x89, 0xC0).op);
        assertEquals(Reg.AX, d(32, 0x66, 0x66, 0x66, 0x89, 0xC0).reg(0));
    }

    @Test
    void mandatoryPrefixesWith66() {
        // F3 selects MOVDQU whether it comes before or after 66.
        assertEquals(Op.MOVDQU, d(64, 0x66, 0xF3, 0x0F, 0x6F, 0xC1).op);
        assertEquals(Op.MOVDQU, d(64, 0xF3, 0x66, 0x0F, 0x6F, 0xC1).op);
        assertEquals(Op.MOVDQA, d(64, 0x66, 0x0F, 0x6F, 0xC1).op);
        assertEquals(Op.MOVQ, d(64, 0x0F, 0x6F, 0xC1).op);
        // 66 used as a mandatory prefix does not change the operand size...
        Instruction movd = d(64, 0x66, 0x0F, 0x7E, 0xC0);
        assertEquals(Op.MOVD, movd.op);
        assertEquals(Reg.EAX, movd.reg(0));
        assertTrue(movd.hasPrefix(Prefix.MANDATORY_66));
        // ...but beside F2/F3 it is still the operand-size override: CRC32 r32, r/m16; POPCNT r16.
        Instruction crc = d(64, 0x66, 0xF2, 0x0F, 0x38, 0xF1, 0xC3);
        assertEquals(Op.CRC32, crc.op);
        assertEquals(Reg.EAX, crc.reg(0));
        assertEquals(Reg.BX, crc.reg(1));
        Instruction popcnt = d(64, 0x66, 0xF3, 0x0F, 0xB8, 0xC1);
        assertEquals(Op.POPCNT, popcnt.op);
        assertEquals(Reg.AX, popcnt.reg(0));
        assertTrue(popcnt.hasPrefix(Prefix.MANDATORY_F2F3));
    }

    @Test
    void rexOnlyCountsWhenLast() {
        // REX before a legacy prefix is ignored (SDM Vol. 2 §2.2.1): a 16-bit move.
        Instruction ignored = d(64, 0x48, 0x66, 0x89, 0xC0);
        assertEquals(Reg.AX, ignored.reg(0));
        assertEquals(0, ignored.rex);
        assertEquals(4, ignored.length);
        // REX.W after 66: REX.W wins.
        assertEquals(Reg.RAX, d(64, 0x66, 0x48, 0x89, 0xC0).reg(0));
        // Two REX prefixes: only the last one counts.
        assertEquals(Reg.R8, d(64, 0x48, 0x49, 0x89, 0xC0).reg(0));
        assertEquals(Reg.EAX, d(64, 0x49, 0x41, 0x89, 0xC0).reg(1));
        // Any REX turns AH..BH into SPL..DIL.
        assertEquals(Reg.AH, d(64, 0x88, 0xE0).reg(1));
        assertEquals(RegClass.GPR8_HIGH, d(64, 0x88, 0xE0).reg(1).cls);
        assertEquals(Reg.SPL, d(64, 0x40, 0x88, 0xE0).reg(1));
        // 40-4F are INC/DEC outside 64-bit mode.
        assertEquals(Op.INC, d(32, 0x48 - 8, 0x89, 0xC0).op);
    }

    @Test
    void moffsFollowsTheAddressSize() {
        Instruction m64 = d(64, 0xA1, 1, 2, 3, 4, 5, 6, 7, 8);
        assertEquals(OperandKind.MOFFS, m64.kind(1));
        assertEquals(9, m64.length);
        assertEquals(0x0807060504030201L, m64.disp);
        Instruction m67 = d(64, 0x67, 0xA1, 1, 2, 3, 4);
        assertEquals(6, m67.length);
        assertEquals(4, m67.addressSize);
        assertEquals(0x04030201L, m67.disp);
        assertEquals(5, d(32, 0xA1, 1, 2, 3, 4).length);
        assertEquals(4, d(32, 0x67, 0xA1, 1, 2).length);
        assertEquals(3, d(16, 0xA1, 1, 2).length);
        assertEquals(6, d(16, 0x67, 0xA1, 1, 2, 3, 4).length);
    }

    @Test
    void segmentOverridesIn64BitMode() {
        // ES/CS/SS/DS overrides are ignored in 64-bit mode; FS and GS apply (SDM Vol. 1 §3.3.7.1).
        Instruction es = d(64, 0x26, 0x8B, 0x00);
        assertEquals(Reg.DS, es.segment);
        assertEquals(Reg.ES, es.segmentOverride);
        assertEquals(Reg.FS, d(64, 0x64, 0x8B, 0x00).segment);
        assertEquals(Reg.GS, d(64, 0x65, 0x8B, 0x00).segment);
        assertEquals(Reg.SS, d(64, 0x8B, 0x04, 0x24).segment); // [rsp]
        assertEquals(Reg.DS, d(64, 0x41, 0x8B, 0x04, 0x24).segment); // [r12]
        assertEquals(Reg.ES, d(32, 0x26, 0x8B, 0x00).segment);
        // Implicit memory operands get their segment too.
        assertEquals(Reg.GS, d(64, 0x65, 0xD7).segment);               // xlat gs:[rbx+al]
        assertEquals(Reg.DS, d(32, 0xD7).segment);
        // String destination is always ES; the source takes the override.
        Instruction movs = d(32, 0x64, 0xA4);
        assertEquals(Reg.FS, movs.segment);
        assertEquals(OperandKind.STR_DST, movs.kind(0));
    }

    @Test
    void ignoredOverrideAfterFsGsIn64BitMode() {
        // 64-bit mode ignores ES/CS/SS/DS overrides altogether (AMD APM Vol. 3 §1.2.4), so one
        // written after FS/GS does not cancel it. The AMD EPYC host read fs:[rbx] for
        // 64 {3E,26,2E,36} 8A 03 and 3E 64 8A 03, gs:[rbx] for 65 3E and 64 65, fs:[rbx] for 65 64 3E.
        Instruction ror = d(64, 0x64, 0x3E, 0xD2, 0x8E, 0, 0, 0, 0); // ror byte [rsi+0], cl
        assertEquals(Reg.FS, ror.segment);
        assertEquals(Reg.DS, ror.segmentOverride);                   // as written
        assertEquals("ror byte ptr fs:[rsi], cl", ror.toString());
        for (int ignored : new int[] {0x26, 0x2E, 0x36, 0x3E}) {
            assertEquals(Reg.FS, d(64, 0x64, ignored, 0x8A, 0x03).segment);
            assertEquals(Reg.GS, d(64, 0x65, ignored, 0x8A, 0x03).segment);
            assertEquals(Reg.FS, d(64, ignored, 0x64, 0x8A, 0x03).segment);
            assertEquals(Reg.GS, d(64, 0x64, ignored, 0x65, ignored, 0x8B, 0x04, 0x24).segment); // [rsp]
            assertEquals(Reg.SS, d(64, ignored, 0x8B, 0x04, 0x24).segment);                    // default kept
        }
        assertEquals(Reg.GS, d(64, 0x64, 0x65, 0x8A, 0x03).segment);   // the last FS/GS wins
        assertEquals(Reg.FS, d(64, 0x65, 0x64, 0x3E, 0x8A, 0x03).segment);
        assertEquals(Reg.FS, d(64, 0x64, 0x3E, 0xD7).segment);         // xlat fs:[rbx+al]
        assertEquals(Reg.FS, d(64, 0x64, 0x3E, 0xA4).segment);         // movsb source
        assertEquals(Reg.FS, d(64, 0x64, 0x3E, 0x40, 0x8A, 0x03).segment); // REX last, as the host ran it
        // Only 64-bit mode ignores them: elsewhere the last override wins. The host in
        // compatibility mode (a 32-bit process, FS null): 64 3E 8A 03 reads through DS,
        // 3E 64 8A 03 faults on the null FS.
        assertEquals(Reg.DS, d(32, 0x64, 0x3E, 0x8A, 0x03).segment);
        assertEquals(Reg.FS, d(32, 0x3E, 0x64, 0x8A, 0x03).segment);
        assertEquals(Reg.ES, d(16, 0x65, 0x26, 0x8A, 0x07).segment);
    }

    @Test
    void segmentRegisterFieldIgnoresRexR() {
        // SDM Vol. 2A §2.2.1.2: REX.R is ignored when ModRM.reg names a segment register. The
        // AMD EPYC host: 44 8C D0 and 4C 8C D0 give SS's selector, 44 8C C8 CS's, 44 8E C0
        // loads ES, 44 8E D0 loads SS; 44 8C F0 / 44 8C F8 (Sreg 6, 7) and 44 8E C8 (CS) #UD.
        Instruction ss = d(64, 0x4C, 0x8C, 0xD4);
        assertEquals(Op.MOV, ss.op);
        assertEquals(Reg.RSP, ss.reg(0));
        assertEquals(Reg.SS, ss.reg(1));
        assertEquals(3, ss.length);
        assertEquals(Reg.EAX, d(64, 0x44, 0x8C, 0xD0).reg(0));
        assertEquals(Reg.SS, d(64, 0x44, 0x8C, 0xD0).reg(1));
        assertEquals(Reg.CS, d(64, 0x44, 0x8C, 0xC8).reg(1));
        assertEquals(Reg.GS, d(64, 0x44, 0x8C, 0xE8).reg(1));
        Instruction store = d(64, 0x4C, 0x8C, 0x10);                   // mov [rax], ss
        assertEquals(OperandKind.MEM, store.kind(0));
        assertEquals(Reg.SS, store.reg(1));
        Instruction load = d(64, 0x44, 0x8E, 0xD8);                    // mov ds, eax
        assertEquals(Reg.DS, load.reg(0));
        assertEquals(Reg.EAX, load.reg(1));
        assertEquals(Reg.R8D, d(64, 0x45, 0x8E, 0xC0).reg(1));        // REX.B still extends r/m
        assertEquals(Reg.ES, d(64, 0x45, 0x8E, 0xC0).reg(0));
        assertEquals(Status.INVALID, d(64, 0x44, 0x8C, 0xF0).status); // Sreg 6
        assertEquals(Status.INVALID, d(64, 0x44, 0x8C, 0xF8).status); // Sreg 7
        assertEquals(Status.INVALID, d(64, 0x8E, 0xF0).status);
    }

    @Test
    void movToCsIsInvalid() {
        // SDM Vol. 2B "MOV": loading CS with MOV is #UD in every mode (8E /1); storing it (8C /1) is fine.
        for (int bits : new int[] {16, 32, 64}) {
            assertEquals(Status.INVALID, d(bits, 0x8E, 0xC8).status);            // mov cs, eax
            assertEquals(Status.INVALID, d(bits, 0x8E, 0x08).status);            // mov cs, [rax]
            assertEquals(Status.INVALID, d(bits, 0x66, 0x8E, 0xC8).status);
            assertEquals(Reg.CS, d(bits, 0x8C, 0xC8).reg(1));                    // mov eax, cs
            assertEquals(Reg.DS, d(bits, 0x8E, 0xD8).reg(0));                    // mov ds, eax
        }
        assertEquals(Status.INVALID, d(64, 0x44, 0x8E, 0xC8).status);           // REX.R does not make it CR9 or R9
    }

    @Test
    void xlatReportsItsImplicitMemoryForm() {
        // SDM Vol. 2B "XLAT/XLATB": AL = [seg:rBX + AL], DS by default, the override honoured,
        // BX/EBX/RBX by the address size. No operand slot (capstone prints a bare xlatb).
        int[][] cases = { // bits, prefix (0 = none), expected base ordinal, expected segment ordinal
            {64, 0, Reg.RBX.ordinal(), Reg.DS.ordinal()},
            {64, 0x67, Reg.EBX.ordinal(), Reg.DS.ordinal()},
            {64, 0x64, Reg.RBX.ordinal(), Reg.FS.ordinal()},
            {64, 0x65, Reg.RBX.ordinal(), Reg.GS.ordinal()},
            {64, 0x26, Reg.RBX.ordinal(), Reg.DS.ordinal()},  // ignored in 64-bit mode
            {32, 0, Reg.EBX.ordinal(), Reg.DS.ordinal()},
            {32, 0x67, Reg.BX.ordinal(), Reg.DS.ordinal()},
            {32, 0x26, Reg.EBX.ordinal(), Reg.ES.ordinal()},
            {32, 0x36, Reg.EBX.ordinal(), Reg.SS.ordinal()},
            {16, 0, Reg.BX.ordinal(), Reg.DS.ordinal()},
            {16, 0x2E, Reg.BX.ordinal(), Reg.CS.ordinal()},
            {16, 0x67, Reg.EBX.ordinal(), Reg.DS.ordinal()},
        };
        Reg[] regs = Reg.values();
        for (int[] c : cases) {
            Instruction x = c[1] == 0 ? d(c[0], 0xD7) : d(c[0], c[1], 0xD7);
            String what = c[0] + "-bit " + Integer.toHexString(c[1]) + " d7";
            assertEquals(Op.XLATB, x.op, what);
            assertEquals(regs[c[2]], x.base, what);
            assertEquals(regs[c[3]], x.segment, what);
            assertNull(x.index, what);
            assertEquals(0, x.disp, what);
            assertEquals(0, x.operandCount, what);
            assertEquals("xlatb", x.toString(), what);
        }
        assertEquals(Reg.FS, d(64, 0x64, 0x3E, 0xD7).segment);                     // FS survives 3E
        assertEquals(Reg.RAX, d(64, 0x0F, 0x01, 0xC8).base);                       // monitor [rax]
        assertEquals(Reg.EDI, d(64, 0x67, 0x66, 0x0F, 0xF7, 0xC1).base);           // maskmovdqu [edi]
        assertEquals(Reg.GS, d(64, 0x65, 0x66, 0x0F, 0xF7, 0xC1).segment);
    }

    @Test
    void rexBitsAndFailedDecodes() {
        // Prefix.REX_W/R/X/B mirror the REX byte that applies (SDM Vol. 2A §2.2.1, Table 2-4).
        Instruction rex = d(64, 0x4D, 0x8B, 0x04, 0x24);                 // mov r8, [r12]
        assertTrue(rex.hasPrefix(Prefix.REX) && rex.hasPrefix(Prefix.REX_W) && rex.hasPrefix(Prefix.REX_R));
        assertFalse(rex.hasPrefix(Prefix.REX_X));
        assertTrue(rex.hasPrefix(Prefix.REX_B));
        assertTrue(d(64, 0x42, 0x8B, 0x04, 0x20).hasPrefix(Prefix.REX_X));
        assertFalse(d(64, 0x48, 0x66, 0x8B, 0xC0).hasPrefix(Prefix.REX_W)); // REX before 66: ignored
        // A failed decode carries no memory form (the memory form was decoded before the
        // missing byte, or before the LOCK check).
        Instruction cut = d(64, 0x64, 0x41);                              // bytes run out
        assertEquals(Status.TRUNCATED, cut.status);
        assertNull(cut.segment);
        assertNull(cut.base);
        Instruction locked = d(64, 0xF0, 0x64, 0x8B, 0x04, 0x24);         // lock mov: #UD
        assertEquals(Status.INVALID, locked.status);
        assertNull(locked.segment);
        assertNull(locked.segmentOverride);
        assertNull(locked.base);
    }

    @Test
    void threeDNowIsUndefined() {
        for (int bits : new int[] {16, 32, 64}) {
            assertEquals(Status.INVALID, d(bits, 0x0F, 0x0F, 0xC0, 0xB4).status);
        }
    }

    @Test
    void lockValidity() {
        assertEquals(Status.OK, d(64, 0xF0, 0x01, 0x00).status);          // lock add [rax], eax
        assertEquals(Status.INVALID, d(64, 0xF0, 0x01, 0xC0).status);     // register destination
        assertEquals(Status.INVALID, d(64, 0xF0, 0x8B, 0x00).status);     // mov is not lockable
        assertEquals(Status.INVALID, d(64, 0xF0, 0x39, 0x00).status);     // cmp writes nothing
        assertEquals(Status.INVALID, d(64, 0xF0, 0x90).status);
        assertEquals(Status.OK, d(64, 0xF0, 0x87, 0x00).status);          // xchg
        assertEquals(Status.OK, d(64, 0xF0, 0x0F, 0xC7, 0x08).status);    // cmpxchg8b
        assertEquals(Status.OK, d(64, 0xF0, 0x48, 0x0F, 0xC7, 0x08).status); // cmpxchg16b
        assertEquals(Op.CMPXCHG16B, d(64, 0xF0, 0x48, 0x0F, 0xC7, 0x08).op);
        assertEquals(Status.OK, d(64, 0xF0, 0x0F, 0xBA, 0x28, 0x03).status); // bts [rax], 3
    }

    @Test
    void nopPauseAndXchg() {
        assertEquals(Op.NOP, d(64, 0x90).op);
        assertEquals(Op.NOP, d(64, 0x66, 0x90).op);
        assertEquals(Op.NOP, d(64, 0x48, 0x90).op);          // xchg rax, rax
        assertEquals(Op.PAUSE, d(64, 0xF3, 0x90).op);
        Instruction xr8 = d(64, 0x41, 0x90);                  // REX.B: a real exchange with r8d
        assertEquals(Op.XCHG, xr8.op);
        assertEquals(Reg.R8D, xr8.reg(1));
        Instruction xchg = d(64, 0x87, 0xC0);                 // xchg eax, eax: zero-extends, not a NOP
        assertEquals(Op.XCHG, xchg.op);
        assertEquals(Reg.EAX, xchg.reg(0));
        assertEquals(Op.NOP, d(64, 0x0F, 0x1F, 0x44, 0x00, 0x00).op);
    }

    @Test
    void fifteenByteLimitAndTruncation() {
        int[] ok = new int[15];
        java.util.Arrays.fill(ok, 0x66);
        ok[14] = 0x90;
        assertEquals(Status.OK, d(64, ok).status);
        int[] tooLong = new int[16];
        java.util.Arrays.fill(tooLong, 0x66);
        tooLong[15] = 0x90;
        assertEquals(Status.TOO_LONG, d(64, tooLong).status);
        // mov eax, imm32 + 14 prefixes = 19 bytes: too long, even though every byte is there.
        int[] longImm = new int[20];
        java.util.Arrays.fill(longImm, 0x2E);
        longImm[14] = 0xB8;
        assertEquals(Status.TOO_LONG, d(32, longImm).status);
        assertEquals(Status.TRUNCATED, d(64, 0x0F).status);
        assertEquals(Status.TRUNCATED, d(32, 0xB8, 1, 2).status);
        assertEquals(Status.TRUNCATED, d(64, 0x48).status);
        assertEquals(Status.TRUNCATED, d(32, 0xC4).status); // LES or VEX: the next byte decides
        // A window outside the array is "no bytes", never an exception.
        assertEquals(Status.TRUNCATED, Decoder.decodeOne(new byte[4], 9, 4, 64).status);
        assertEquals(Status.TRUNCATED, Decoder.decodeOne(new byte[4], -1, 4, 64).status);
        assertEquals(Status.TRUNCATED, Decoder.decodeOne(new byte[] {(byte) 0x90}, 0, 0, 64).status);
        assertEquals(Op.UD2, d(64, 0x0F, 0x0B).op); // UD2 is an instruction; the CPU raises #UD for it
    }

    @Test
    void memoryForms() {
        Instruction rip = d(64, 0x8B, 0x05, 0x10, 0, 0, 0);
        assertTrue(rip.isRipRelative());
        assertEquals(Reg.RIP, rip.base);
        assertEquals(0x10, rip.disp);
        assertEquals(Reg.EIP, d(64, 0x67, 0x8B, 0x05, 0x10, 0, 0, 0).base);
        Instruction abs32 = d(32, 0x8B, 0x05, 0x10, 0, 0, 0);
        assertNull(abs32.base);
        Instruction bp = d(16, 0x8B, 0x42, 0x08);             // [bp+si+8]
        assertEquals(Reg.BP, bp.base);
        assertEquals(Reg.SI, bp.index);
        assertEquals(Reg.SS, bp.segment);
        assertEquals(8, bp.disp);
        Instruction sib = d(64, 0x48, 0x8D, 0x44, 0x88, 0xF0); // lea rax, [rax+rcx*4-16]
        assertEquals(Reg.RCX, sib.index);
        assertEquals(4, sib.scale);
        assertEquals(-16, sib.disp);
        assertEquals(0, sib.size(1));
        Instruction noIndex = d(64, 0x8B, 0x04, 0x24);         // index 100 = none
        assertNull(noIndex.index);
        assertEquals(Reg.R12, d(64, 0x42, 0x8B, 0x04, 0x20).index); // REX.X makes 100 = r12
    }

    @Test
    void farPointersAndModes() {
        Instruction far = d(32, 0xEA, 0x78, 0x56, 0x34, 0x12, 0x34, 0x12);
        assertEquals(Op.JMP_FAR, far.op);
        assertEquals(0x12345678L, far.imm);
        assertEquals(0x1234L, far.imm2);
        assertEquals(Status.INVALID, d(64, 0xEA, 0, 0, 0, 0, 0, 0).status);
        assertEquals(5, d(16, 0xEA, 0x00, 0x7C, 0x00, 0x00).length);
        assertEquals(Op.LES, d(32, 0xC4, 0x00).op);            // mod != 11: LES, not VEX
        assertEquals(Op.VZEROUPPER, d(64, 0xC5, 0xF8, 0x77).op);
    }

    @Test
    void svmAndSystemOpcodes() {
        Instruction vmrun = d(64, 0x0F, 0x01, 0xD8);
        assertEquals(Op.VMRUN, vmrun.op);
        assertEquals(Reg.RAX, vmrun.reg(0));
        assertEquals(Reg.EAX, d(64, 0x67, 0x0F, 0x01, 0xD8).reg(0));
        assertEquals(Op.VMMCALL, d(64, 0x0F, 0x01, 0xD9).op);
        assertEquals(Op.CLGI, d(64, 0x0F, 0x01, 0xDD).op);
        assertEquals(Op.STGI, d(64, 0x0F, 0x01, 0xDC).op);
        assertEquals(Op.INVLPGA, d(64, 0x0F, 0x01, 0xDF).op);
        assertEquals(Op.SWAPGS, d(64, 0x0F, 0x01, 0xF8).op);
        assertEquals(Status.INVALID, d(32, 0x0F, 0x01, 0xF8).status);
        assertEquals(Op.RDTSCP, d(64, 0x0F, 0x01, 0xF9).op);
        assertEquals(Op.LGDT, d(64, 0x0F, 0x01, 0x10).op);
        assertEquals(10, d(64, 0x0F, 0x01, 0x10).size(0));
        assertEquals(6, d(32, 0x0F, 0x01, 0x10).size(0));
        assertEquals(Reg.CR3, d(64, 0x0F, 0x22, 0xD8).reg(0));
        assertEquals(Reg.CR8, d(64, 0x44, 0x0F, 0x20, 0xC0).reg(1));
        assertEquals(Status.INVALID, d(64, 0x0F, 0x20, 0xC8).status); // CR1 does not exist
        assertEquals(Op.SYSCALL, d(64, 0x0F, 0x05).op);
        assertEquals(Op.RDRAND, d(64, 0x0F, 0xC7, 0xF0).op);
        assertEquals(Op.WRFSBASE, d(64, 0xF3, 0x48, 0x0F, 0xAE, 0xD0).op);
    }

    @Test
    void conditionsAndOperandSizes() {
        assertEquals(4, d(64, 0x74, 0x00).condition);
        assertEquals(Op.JE, d(64, 0x74, 0x00).op);
        assertEquals(15, d(64, 0x0F, 0x4F, 0xC0).condition);
        assertEquals(-1, d(64, 0x90).condition);
        assertEquals(8, d(64, 0x50).operandSize);              // push defaults to 64 bits
        assertEquals(2, d(64, 0x66, 0x50).operandSize);
        assertEquals(1, d(64, 0x00, 0xC0).operandSize);
        assertEquals(Op.MOVSXD, d(64, 0x48, 0x63, 0xC1).op);
        assertEquals(Op.ARPL, d(32, 0x63, 0xC1).op);
        Instruction evex = d(64, 0x62, 0xF1, 0x7C, 0x48, 0x10, 0x46, 0x01); // vmovups zmm0, [rsi+0x40]
        assertEquals(Op.MOVUPS, evex.op);
        assertEquals(Encoding.EVEX, evex.encoding);
        assertEquals(64, evex.disp);                           // disp8 * N, N = 64
        assertEquals(Reg.ZMM0, evex.reg(0));
    }
}
