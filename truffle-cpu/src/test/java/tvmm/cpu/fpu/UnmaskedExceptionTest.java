package tvmm.cpu.fpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.simd.Mmx;
import tvmm.cpu.simd.SsePacked;
import tvmm.cpu.simd.SseState;

/**
 * Unmasked-exception responses that the host oracle cannot run (it would trap), checked
 * against the SDM rules: SSE leaves the destination alone and reports #XM (Vol. 1 §11.5.3);
 * x87 leaves the destination alone for IE/DE/ZE, rebiases OE/UE results by 24576 (§8.5.4-5) and
 * defers the fault to the next waiting instruction through FSW.ES. Also MMX aliasing (§9.5).
 */
class UnmaskedExceptionTest {
    @Test
    void sseUnmaskedDivideByZeroKeepsDestination() {
        SseState st = new SseState();
        st.setMxcsr(0x1f80 & ~0x200); // ZM clear
        st.set(0, 0x3f800000_3f800000L, 0x3f800000_3f800000L);
        st.set(1, 0x3f800000_00000000L, 0x3f800000_3f800000L); // lane 0 divides by zero
        assertFalse(SsePacked.ps(st, SsePacked.DIV, 0, 1));
        assertEquals(0x3f800000_3f800000L, st.lo(0));
        assertEquals(FpEnv.ZE, st.mxcsr & 0x3f);
        // Masked again: the same operation completes with infinity in lane 0.
        st.setMxcsr(0x1f80);
        assertTrue(SsePacked.ps(st, SsePacked.DIV, 0, 1));
        assertEquals(0x7f800000L, st.lo(0) & 0xffffffffL);
    }

    @Test
    void ssePreComputationExceptionSuppressesPostComputationFlags() {
        SseState st = new SseState();
        st.setMxcsr(0x1f80 & ~0x200); // ZM clear
        st.set(0, 0x3f800000_3f800000L, 0x3f800000_3f800000L);
        st.set(1, 0x40400000_00000000L, 0x3f800000_3f800000L); // lane 0: 1/0 (ZE), lane 1: 1/3 (PE)
        assertFalse(SsePacked.ps(st, SsePacked.DIV, 0, 1));
        assertEquals(FpEnv.ZE, st.mxcsr & 0x3f);
    }

    @Test
    void sseUnmaskedInexactIsReportedAfterComputing() {
        SseState st = new SseState();
        st.setMxcsr(0x1f80 & ~0x1000); // PM clear
        st.set(0, Double.doubleToRawLongBits(1.0), 0);
        st.set(1, Double.doubleToRawLongBits(3.0), 0);
        assertFalse(SsePacked.sd(st, SsePacked.DIV, 0, 1));
        assertEquals(FpEnv.PE, st.mxcsr & 0x3f);
        assertEquals(Double.doubleToRawLongBits(1.0), st.lo(0));
    }

    @Test
    void x87UnmaskedZeroDivideLeavesStackAndPendsFault() {
        X87State x = new X87State();
        x.init();
        x.setFcw(0x37f & ~FpEnv.ZE);
        x.fldConst(X87State.K_ZERO);
        x.fldConst(X87State.K_ONE);
        x.arith(FpArith.OP_DIV, 0, 1, false);
        assertEquals(Fp.INT_BIT, x.stSig(0));
        assertEquals(0x3fff, x.stSe(0));
        assertTrue(x.pendingException());
        assertEquals(X87State.B | X87State.ES | FpEnv.ZE, x.status() & 0xffff & ~0x3800);
        x.clex();
        assertFalse(x.pendingException());
    }

    @Test
    void x87UnmaskedOverflowRebiasesExponent() {
        X87State x = new X87State();
        x.init();
        x.setFcw(0x37f & ~FpEnv.OE);
        x.fld80(Fp.INT_BIT, 0x7ffe);
        x.fld80(Fp.INT_BIT, 0x7ffe);
        x.arith(FpArith.OP_ADD, 0, 1, false); // 2^16384: one past the largest exponent
        assertEquals(Fp.INT_BIT, x.stSig(0));
        assertEquals(0x7fff - 24576, x.stSe(0));
        assertTrue((x.status() & FpEnv.OE) != 0 && x.pendingException());
    }

    @Test
    void x87UnmaskedUnderflowRebiasesExponentEvenWhenExact() {
        X87State x = new X87State();
        x.init();
        x.setFcw(0x37f & ~FpEnv.UE);
        x.fld80(Fp.INT_BIT, 0x4000); // 2
        x.fld80(Fp.INT_BIT, 0x0001); // 2^-16382
        x.arith(FpArith.OP_DIV, 0, 1, false); // 2^-16383: tiny, exact
        assertEquals(Fp.INT_BIT, x.stSig(0));
        assertEquals(0 + 24576, x.stSe(0));
        assertEquals(FpEnv.UE, x.status() & 0x3f);
    }

    @Test
    void fldcwUnmaskingAPendingFlagSetsEs() {
        X87State x = new X87State();
        x.init();
        x.fldConst(X87State.K_ZERO);
        x.fldConst(X87State.K_ONE);
        x.arith(FpArith.OP_DIV, 0, 1, false); // masked: ZE flag only
        assertFalse(x.pendingException());
        x.setFcw(0x37f & ~FpEnv.ZE);
        assertTrue(x.pendingException());
    }

    @Test
    void mmxAliasesPhysicalRegistersAndResetsTop() {
        X87State x = new X87State();
        x.init();
        x.fldConst(X87State.K_PI); // TOP = 7
        Mmx.enter(x);
        assertEquals(0, x.top);
        assertEquals(0, x.empty);
        Mmx.write(x, 7, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, Mmx.read(x, 7));
        assertEquals(0xffff, x.se[7]);
        assertEquals(0x1122334455667788L, x.stSig(7)); // TOP=0: ST(7) is R7
        Mmx.emms(x);
        assertEquals(0xffff, X87Images.tagWord(x));
    }
}
