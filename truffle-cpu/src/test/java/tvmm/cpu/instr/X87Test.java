package tvmm.cpu.instr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * x87 instructions through the engine (decoder → node → tvmm.cpu.fpu): operand routing, memory
 * forms, FNSTSW/FCOMI flags, #NM/#MF and FIP/FOP bookkeeping. The arithmetic itself is checked
 * bit-exact against the host in the fpu tests; here the oracle is Java's IEEE double where the
 * result is exactly representable or correctly rounded once.
 */
class X87Test {
    @Test
    void integerLoadsMultiplyAndStore() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 3L | (-4L << 32));
            // fild dword [rsi]; fild dword [rsi+4]; fmulp; fistp dword [rdi]
            RunResult r = m.run(0xdb, 0x06, 0xdb, 0x46, 0x04, 0xde, 0xc9, 0xdb, 0x1f);
            assertNull(r.fault(), r.toString());
            assertEquals(-12, (int) m.get64(FpMachine.DATA + 0x100));
            assertEquals(0xff, m.s.x87.empty, "the stack is empty again");
        }
    }

    @Test
    void sqrtOfADoubleStoredAsDouble() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, Double.doubleToRawLongBits(2.0));
            // fld qword [rsi]; fsqrt; fstp qword [rdi]
            RunResult r = m.run(0xdd, 0x06, 0xd9, 0xfa, 0xdd, 0x1f);
            assertNull(r.fault(), r.toString());
            assertEquals(Math.sqrt(2.0), Double.longBitsToDouble(m.get64(FpMachine.DATA + 0x100)));
        }
    }

    @Test
    void subtractReverseRegisterFormsFollowTheEncoding() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 10 | (3L << 32));
            // fild [rsi] (10); fild [rsi+4] (3): ST0=3 ST1=10; DC E9 = fsub st(1), st(0): ST1 = 10-3 = 7;
            // DE E1+0 = fsubrp st(1), st(0): ST1 = ST0 - ST1 = 3 - 7 = -4, pop; fistp [rdi]
            RunResult r = m.run(0xdb, 0x06, 0xdb, 0x46, 0x04, 0xdc, 0xe9, 0xde, 0xe1, 0xdb, 0x1f);
            assertNull(r.fault(), r.toString());
            assertEquals(-4, (int) m.get64(FpMachine.DATA + 0x100));
        }
    }

    @Test
    void fcomiSetsFlagsAndFnstswReportsTop() {
        try (FpMachine m = new FpMachine()) {
            // fld1; fldz; fcomi st0, st1 (0 < 1: CF=1, ZF=0); fnstsw ax
            RunResult r = m.run(0xd9, 0xe8, 0xd9, 0xee, 0xdb, 0xf1, 0xdf, 0xe0);
            assertNull(r.fault(), r.toString());
            assertEquals(true, Flags.cf(m.s));
            assertEquals(false, Flags.zf(m.s));
            assertEquals(6, (m.s.gpr[CpuState.RAX] >> 11) & 7, "TOP after two pushes");
            assertEquals(0x1000 + 4, m.s.x87.fip, "FIP = the last non-control instruction (FCOMI)");
            assertEquals(0x3f1, m.s.x87.fop, "FOP = DB F1");
        }
    }

    @Test
    void taskSwitchedRaisesNmAndWaitNeedsMp() {
        try (FpMachine m = new FpMachine()) {
            m.s.cr0 |= ControlBits.CR0_TS;
            RunResult r = m.run(0x9b); // fwait: MP clear → no #NM
            assertNull(r.fault(), r.toString());
            r = m.run(0xd9, 0xe8); // fld1
            assertNotNull(r.fault());
            assertEquals(Vectors.NM, r.fault().vector());
            assertEquals(0xff, m.s.x87.empty, "nothing was pushed");
            m.s.cr0 |= ControlBits.CR0_MP;
            r = m.run(0x9b);
            assertEquals(Vectors.NM, r.fault().vector());
        }
    }

    @Test
    void unmaskedZeroDivideIsReportedOnTheNextWaitingInstruction() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 0x37b); // FCW with ZM cleared
            // fldcw [rsi]; fld1; fldz; fdivp st(1), st(0) (1/0: ZE pending); fnstsw ax; fwait
            RunResult r = m.run(0xd9, 0x2e, 0xd9, 0xe8, 0xd9, 0xee, 0xde, 0xf9, 0xdf, 0xe0, 0x9b);
            assertNotNull(r.fault(), r.toString());
            assertEquals(Vectors.MF, r.fault().vector());
            assertEquals(m.at + 10, m.s.rip, "#MF is a fault on FWAIT");
            assertEquals(0x8084, m.s.gpr[CpuState.RAX] & 0xc0ff, "FNSTSW (no wait) saw B, ES and ZE");
        }
    }

    @Test
    void fnsaveFrstorRoundTrip() {
        try (FpMachine m = new FpMachine()) {
            // fldpi; fnsave [rdi]; fld1 (after FNINIT by fnsave); frstor [rdi]; fstp qword [rsi]
            RunResult r = m.run(0xd9, 0xeb, 0xdd, 0x37, 0xd9, 0xe8, 0xdd, 0x27, 0xdd, 0x1e);
            assertNull(r.fault(), r.toString());
            assertEquals(Math.PI, Double.longBitsToDouble(m.get64(FpMachine.DATA)));
            assertEquals(0x37f, (int) m.get64(FpMachine.DATA + 0x100) & 0xffff, "image FCW");
        }
    }
}
