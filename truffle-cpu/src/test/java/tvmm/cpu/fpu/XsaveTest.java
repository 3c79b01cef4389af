package tvmm.cpu.fpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.simd.SseState;

/** XSAVE/XRSTOR of the x87 and SSE components (SDM Vol. 1 §13.7-13.8): RFBM, XSTATE_BV, init state, #GP. */
class XsaveTest {
    static X87State x87() {
        X87State x = new X87State();
        x.init();
        x.fldConst(X87State.K_PI);
        x.fldConst(X87State.K_LN2);
        x.setFcw(0x27f);
        return x;
    }

    static SseState sse() {
        SseState s = new SseState();
        for (int i = 0; i < 16; i++) {
            s.set(i, 0x1111111111111111L * (i + 1), ~(0x1111111111111111L * (i + 1)));
        }
        s.setMxcsr(0x9fc0);
        return s;
    }

    @Test
    void saveBothRestoreBoth() {
        byte[] m = new byte[1024];
        X87Images.xsave(x87(), sse(), m, 0, 3, true, 16);
        assertEquals(3, X87Images.u64(m, 512));
        X87State x = new X87State();
        SseState s = new SseState();
        assertTrue(X87Images.xrstor(x, s, m, 0, 3, true, 16));
        assertEquals(0x27f, x.fcw);
        assertEquals(0xC90FDAA22168C235L, x.sig[7]); // FLDPI rounded to nearest
        assertEquals(0x9fc0, s.mxcsr);
        assertEquals(0x5555555555555555L, s.lo(4));
    }

    @Test
    void clearedXstateBvRestoresInitialState() {
        byte[] m = new byte[1024];
        X87Images.xsave(x87(), sse(), m, 0, 3, true, 16);
        X87Images.p64(m, 512, 0); // XSTATE_BV = 0: both components in their initial state
        X87State x = x87();
        SseState s = sse();
        assertTrue(X87Images.xrstor(x, s, m, 0, 3, true, 16));
        assertEquals(0x37f, x.fcw);
        assertEquals(0xff, x.empty);
        assertEquals(0, s.lo(3));
        assertEquals(0x9fc0, s.mxcsr); // MXCSR is loaded from memory whenever RFBM[1] is set
    }

    @Test
    void rfbmSelectsComponents() {
        byte[] m = new byte[1024];
        X87Images.xsave(x87(), sse(), m, 0, 1, true, 16); // x87 only
        assertEquals(1, X87Images.u64(m, 512));
        assertEquals(0, X87Images.u32(m, 24)); // MXCSR belongs to the SSE component
        assertEquals(0, X87Images.u64(m, 160));
    }

    @Test
    void reservedHeaderOrMxcsrBitsFault() {
        byte[] m = new byte[1024];
        X87Images.xsave(x87(), sse(), m, 0, 3, true, 16);
        m[520] = 1; // XCOMP_BV != 0 in the standard form
        assertFalse(X87Images.xrstor(new X87State(), new SseState(), m, 0, 3, true, 16));
        m[520] = 0;
        X87Images.p32(m, 24, 0x10000);
        assertFalse(X87Images.xrstor(new X87State(), new SseState(), m, 0, 3, true, 16));
    }
}
