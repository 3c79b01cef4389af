package tvmm.cpu.fpu;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.simd.SseState;

/**
 * The memory images of FSTENV/FLDENV, FSAVE/FRSTOR (16- and 32-bit, real and protected mode
 * layouts, SDM Vol. 1 §8.1.10 Figures 8-9..8-12), FXSAVE/FXRSTOR (32- and 64-bit layouts, Vol. 2
 * FXSAVE Tables 3-52/3-55) and the x87/SSE components of XSAVE/XRSTOR (Vol. 1 §13.4-13.8), as
 * functions over a byte array into which the node copies guest memory (offset = image start).
 * These instructions are rare, so they stay out of compiled code (TruffleBoundary).
 */
public final class X87Images {
    private X87Images() {
    }

    static int u16(byte[] m, int o) {
        return (m[o] & 0xff) | ((m[o + 1] & 0xff) << 8);
    }

    static int u32(byte[] m, int o) {
        return u16(m, o) | (u16(m, o + 2) << 16);
    }

    static long u64(byte[] m, int o) {
        return (u32(m, o) & 0xffffffffL) | ((long) u32(m, o + 4) << 32);
    }

    static void p16(byte[] m, int o, int v) {
        m[o] = (byte) v;
        m[o + 1] = (byte) (v >>> 8);
    }

    static void p32(byte[] m, int o, int v) {
        p16(m, o, v);
        p16(m, o + 2, v >>> 16);
    }

    static void p64(byte[] m, int o, long v) {
        p32(m, o, (int) v);
        p32(m, o + 4, (int) (v >>> 32));
    }

    /** The full 2-bit tag of physical register p: 00 valid, 01 zero, 10 special, 11 empty. */
    public static int tag(X87State x, int p) {
        if (((x.empty >>> p) & 1) != 0) {
            return 3;
        }
        int ex = x.se[p] & 0x7fff;
        long s = x.sig[p];
        if (ex == 0x7fff) {
            return 2;
        }
        if (ex == 0) {
            return s == 0 ? 1 : 2;
        }
        return s < 0 ? 0 : 2;
    }

    public static int tagWord(X87State x) {
        int t = 0;
        for (int p = 0; p < 8; p++) {
            t |= tag(x, p) << (2 * p);
        }
        return t;
    }

    /** Abridged FXSAVE tag: bit p = 1 when physical register p is not empty. */
    public static int abridgedTag(X87State x) {
        return ~x.empty & 0xff;
    }

    /** Size of the FSTENV image: 14 bytes with a 16-bit operand size, else 28. */
    public static int envSize(boolean op16) {
        return op16 ? 14 : 28;
    }

    /** FNSTENV: writes the environment, then masks all exceptions (as the instruction does). */
    @TruffleBoundary
    public static void fstenv(X87State x, byte[] m, int o, boolean op16, boolean realMode) {
        storeEnv(x, m, o, op16, realMode);
        x.setFcw(x.fcw | 0x3f);
    }

    static void storeEnv(X87State x, byte[] m, int o, boolean op16, boolean realMode) {
        int step = op16 ? 2 : 4;
        java.util.Arrays.fill(m, o, o + envSize(op16), (byte) 0);
        if (!op16) {
            // Reserved upper halves read as 1s on real processors (host-observed FFFF).
            for (int i = 0; i < 28; i += 4) {
                p16(m, o + i + 2, 0xffff);
            }
        }
        p16(m, o, x.fcw);
        p16(m, o + step, x.status());
        p16(m, o + 2 * step, tagWord(x));
        if (realMode) {
            // Real/V86 layout: linear 20/32-bit pointers split around the opcode.
            int fip = (int) x.fip;
            int fdp = (int) x.fdp;
            p16(m, o + 3 * step, fip);
            if (op16) {
                p16(m, o + 4 * step, ((fip >>> 16) & 0xf) << 12 | (x.fop & 0x7ff));
                p16(m, o + 5 * step, fdp);
                p16(m, o + 6 * step, ((fdp >>> 16) & 0xf) << 12);
            } else {
                p32(m, o + 16, ((fip >>> 16) << 12) | (x.fop & 0x7ff));
                p16(m, o + 20, fdp);
                p32(m, o + 24, (fdp >>> 16) << 12);
            }
        } else if (op16) {
            p16(m, o + 6, (int) x.fip);
            p16(m, o + 8, x.fcs);
            p16(m, o + 10, (int) x.fdp);
            p16(m, o + 12, x.fds);
        } else {
            p32(m, o + 12, (int) x.fip);
            p32(m, o + 16, (x.fcs & 0xffff) | ((x.fop & 0x7ff) << 16));
            p32(m, o + 20, (int) x.fdp);
            p16(m, o + 24, x.fds);
        }
    }

    /** FLDENV: loads control, status (TOP), tags (only empty/non-empty matters) and pointers. */
    @TruffleBoundary
    public static void fldenv(X87State x, byte[] m, int o, boolean op16, boolean realMode) {
        int step = op16 ? 2 : 4;
        int tw = u16(m, o + 2 * step);
        x.fcw = u16(m, o);
        x.setFcw(x.fcw);
        x.setFsw(u16(m, o + step));
        int emp = 0;
        for (int p = 0; p < 8; p++) {
            if (((tw >>> (2 * p)) & 3) == 3) {
                emp |= 1 << p;
            }
        }
        x.empty = emp;
        if (realMode) {
            if (op16) {
                x.fip = u16(m, o + 6) | ((long) (u16(m, o + 8) >>> 12) << 16);
                x.fop = u16(m, o + 8) & 0x7ff;
                x.fdp = u16(m, o + 10) | ((long) (u16(m, o + 12) >>> 12) << 16);
            } else {
                x.fip = (u16(m, o + 12) | ((long) (u32(m, o + 16) >>> 12) << 16)) & 0xffffffffL;
                x.fop = u32(m, o + 16) & 0x7ff;
                x.fdp = (u16(m, o + 20) | ((long) (u32(m, o + 24) >>> 12) << 16)) & 0xffffffffL;
            }
            x.fcs = 0;
            x.fds = 0;
        } else if (op16) {
            x.fip = u16(m, o + 6);
            x.fcs = u16(m, o + 8);
            x.fdp = u16(m, o + 10);
            x.fds = u16(m, o + 12);
        } else {
            x.fip = u32(m, o + 12) & 0xffffffffL;
            x.fcs = u16(m, o + 16);
            x.fop = (u32(m, o + 16) >>> 16) & 0x7ff;
            x.fdp = u32(m, o + 20) & 0xffffffffL;
            x.fds = u16(m, o + 24);
        }
    }

    /** FNSAVE: environment, ST(0)..ST(7) (10 bytes each), then FNINIT. Size 94 or 108. */
    @TruffleBoundary
    public static void fsave(X87State x, byte[] m, int o, boolean op16, boolean realMode) {
        storeEnv(x, m, o, op16, realMode);
        int r = o + envSize(op16);
        for (int i = 0; i < 8; i++) {
            int p = x.phys(i);
            p64(m, r + 10 * i, x.sig[p]);
            p16(m, r + 10 * i + 8, x.se[p]);
        }
        x.init();
    }

    /** FRSTOR. */
    @TruffleBoundary
    public static void frstor(X87State x, byte[] m, int o, boolean op16, boolean realMode) {
        fldenv(x, m, o, op16, realMode);
        int r = o + envSize(op16);
        for (int i = 0; i < 8; i++) {
            int p = x.phys(i);
            x.sig[p] = u64(m, r + 10 * i);
            x.se[p] = u16(m, r + 10 * i + 8);
        }
    }

    /** The MXCSR_MASK FXSAVE reports: every MXCSR bit tvmm implements, DAZ included. */
    public static final int MXCSR_MASK = 0xffff;

    /**
     * FXSAVE (512 bytes, 16-byte aligned: the caller checks alignment, #GP otherwise).
     * rexW selects the 64-bit layout (64-bit FIP/FDP); xmmCount is 16 in 64-bit mode, else 8.
     */
    @TruffleBoundary
    public static void fxsave(X87State x, SseState s, byte[] m, int o, boolean rexW, int xmmCount) {
        p16(m, o, x.fcw);
        p16(m, o + 2, x.status());
        m[o + 4] = (byte) abridgedTag(x);
        m[o + 5] = 0;
        p16(m, o + 6, x.fop & 0x7ff);
        if (rexW) {
            p64(m, o + 8, x.fip);
            p64(m, o + 16, x.fdp);
        } else {
            p32(m, o + 8, (int) x.fip);
            p16(m, o + 12, x.fcs);
            p16(m, o + 14, 0);
            p32(m, o + 16, (int) x.fdp);
            p16(m, o + 20, x.fds);
            p16(m, o + 22, 0);
        }
        p32(m, o + 24, s.mxcsr);
        p32(m, o + 28, MXCSR_MASK);
        for (int i = 0; i < 8; i++) {
            int p = x.phys(i);
            int r = o + 32 + 16 * i;
            p64(m, r, x.sig[p]);
            p16(m, r + 8, x.se[p]);
            java.util.Arrays.fill(m, r + 10, r + 16, (byte) 0);
        }
        for (int i = 0; i < xmmCount; i++) {
            p64(m, o + 160 + 16 * i, s.lo(i));
            p64(m, o + 168 + 16 * i, s.hi(i));
        }
    }

    /** FXRSTOR: false when the MXCSR image has reserved bits set (#GP(0), nothing loaded). */
    @TruffleBoundary
    public static boolean fxrstor(X87State x, SseState s, byte[] m, int o, boolean rexW, int xmmCount) {
        int mx = u32(m, o + 24);
        if ((mx & ~MXCSR_MASK) != 0) {
            return false;
        }
        x.setFcw(u16(m, o));
        int sw = u16(m, o + 2);
        x.fop = u16(m, o + 6) & 0x7ff;
        if (rexW) {
            x.fip = u64(m, o + 8);
            x.fdp = u64(m, o + 16);
            // The 64-bit image has no selectors: FCS and FDS read 0 afterwards (host-observed with FNSTENV).
            x.fcs = 0;
            x.fds = 0;
        } else {
            x.fip = u32(m, o + 8) & 0xffffffffL;
            x.fcs = u16(m, o + 12);
            x.fdp = u32(m, o + 16) & 0xffffffffL;
            x.fds = u16(m, o + 20);
        }
        x.setFsw(sw);
        x.empty = ~m[o + 4] & 0xff;
        for (int i = 0; i < 8; i++) {
            int p = x.phys(i);
            int r = o + 32 + 16 * i;
            x.sig[p] = u64(m, r);
            x.se[p] = u16(m, r + 8);
        }
        s.setMxcsr(mx);
        for (int i = 0; i < xmmCount; i++) {
            s.set(i, u64(m, o + 160 + 16 * i), u64(m, o + 168 + 16 * i));
        }
        return true;
    }

    /** XSAVE components handled here: bit 0 = x87, bit 1 = SSE (XMM registers and MXCSR). */
    public static final int XCR0_X87 = 1, XCR0_SSE = 2;

    /**
     * XINUSE (SDM Vol. 1 §13.6): bit i clear only when component i is in its initial
     * configuration — x87: FCW 037FH, FSW 0, all tags empty, FOP/FIP/FDP 0 and ST0-7 zero;
     * SSE: XMM0-15 zero. tvmm decides by the values, as the host (AMD) does:
     * a component XRSTOR loaded with XSTATE_BV set but initial values saves with its bit clear.
     */
    public static long xinuse(X87State x, SseState s) {
        long u = 0;
        boolean x87Init = x.fcw == 0x37f && x.status() == 0 && x.empty == 0xff && x.fop == 0 && x.fip == 0 && x.fdp == 0;
        for (int p = 0; p < 8 && x87Init; p++) {
            x87Init = x.sig[p] == 0 && x.se[p] == 0;
        }
        if (!x87Init) {
            u |= XCR0_X87;
        }
        boolean sseInit = true; // MXCSR does not count (host-observed, as SDM §13.6 allows)
        for (int i = 0; i < SseState.XMM_COUNT && sseInit; i++) {
            sseInit = s.lo(i) == 0 && s.hi(i) == 0;
        }
        if (!sseInit) {
            u |= XCR0_SSE;
        }
        return u;
    }

    /** XSAVE (standard form): see {@link #xsave(X87State, SseState, byte[], int, long, boolean, int, boolean)}. */
    public static void xsave(X87State x, SseState s, byte[] m, int o, long rfbm, boolean rexW, int xmmCount) {
        xsave(x, s, m, o, rfbm, rexW, xmmCount, false);
    }

    /**
     * XSAVE/XSAVEOPT of the x87 and SSE components requested by rfbm (= RFBM = XCR0 & EDX:EAX),
     * SDM Vol. 1 §13.7 and §13.9: writes the legacy region of each requested component (MXCSR
     * and MXCSR_MASK with SSE), and XSTATE_BV[i] = XINUSE[i] for each requested i (other bits and
     * the rest of the header are left alone). XSAVEOPT ({@code opt}) uses the init optimization:
     * a requested component in its initial configuration is not written (only its XSTATE_BV bit,
     * 0); MXCSR is written whenever SSE is requested. The modified optimization is not used
     * (the SDM allows saving unmodified state).
     */
    @TruffleBoundary
    public static void xsave(X87State x, SseState s, byte[] m, int o, long rfbm, boolean rexW, int xmmCount, boolean opt) {
        byte[] tmp = new byte[512];
        fxsave(x, s, tmp, 0, rexW, xmmCount);
        long inuse = xinuse(x, s);
        if ((rfbm & XCR0_X87) != 0 && (!opt || (inuse & XCR0_X87) != 0)) {
            System.arraycopy(tmp, 0, m, o, 24);
            System.arraycopy(tmp, 32, m, o + 32, 128);
        }
        if ((rfbm & XCR0_SSE) != 0) {
            System.arraycopy(tmp, 24, m, o + 24, 8); // MXCSR and MXCSR_MASK belong to the SSE component (SDM §13.5.2)
            if (!opt || (inuse & XCR0_SSE) != 0) {
                System.arraycopy(tmp, 160, m, o + 160, 16 * xmmCount);
            }
        }
        long mask = rfbm & (XCR0_X87 | XCR0_SSE);
        long bv = u64(m, o + 512);
        p64(m, o + 512, (bv & ~mask) | (inuse & mask));
    }

    /**
     * XRSTOR (standard format) of the x87 and SSE components: a component in rfbm whose
     * XSTATE_BV bit is clear is set to its initial state. Returns false for #GP (reserved MXCSR
     * bits, XCOMP_BV != 0 or header reserved bytes nonzero).
     */
    public static boolean xrstor(X87State x, SseState s, byte[] m, int o, long rfbm, boolean rexW, int xmmCount) {
        return xrstor(x, s, m, o, rfbm, XCR0_X87 | XCR0_SSE, rexW, xmmCount);
    }

    /** XRSTOR with the XSTATE_BV check against {@code xcr0} (bits set there that XCR0 lacks: #GP). */
    @TruffleBoundary
    public static boolean xrstor(X87State x, SseState s, byte[] m, int o, long rfbm, long xcr0, boolean rexW, int xmmCount) {
        long bv = u64(m, o + 512);
        long comp = u64(m, o + 520);
        // #GP: XSTATE_BV names a component XCR0 does not enable; XCOMP_BV != 0 (the compacted
        // form is not supported); bytes 23:16 not zero (SDM Vol. 1 §13.8.1; host-checked: bytes
        // 63:24 are not looked at).
        if (comp != 0 || (bv & ~xcr0) != 0 || u64(m, o + 528) != 0) {
            return false;
        }
        int mx = u32(m, o + 24);
        if ((rfbm & XCR0_SSE) != 0 && (mx & ~MXCSR_MASK) != 0) {
            return false;
        }
        if ((rfbm & XCR0_X87) != 0) {
            if ((bv & XCR0_X87) != 0) {
                x.setFcw(u16(m, o));
                x.fop = u16(m, o + 6) & 0x7ff;
                x.fip = rexW ? u64(m, o + 8) : u32(m, o + 8) & 0xffffffffL;
                x.fdp = rexW ? u64(m, o + 16) : u32(m, o + 16) & 0xffffffffL;
                if (rexW) {
                    x.fcs = 0;
                    x.fds = 0;
                } else {
                    x.fcs = u16(m, o + 12);
                    x.fds = u16(m, o + 20);
                }
                x.setFsw(u16(m, o + 2));
                x.empty = ~m[o + 4] & 0xff;
                for (int i = 0; i < 8; i++) {
                    int p = x.phys(i);
                    x.sig[p] = u64(m, o + 32 + 16 * i);
                    x.se[p] = u16(m, o + 40 + 16 * i);
                }
            } else {
                x.init();
                java.util.Arrays.fill(x.sig, 0);
                java.util.Arrays.fill(x.se, 0);
            }
        }
        if ((rfbm & XCR0_SSE) != 0) {
            s.setMxcsr(mx); // loaded whenever RFBM[1] is set, whatever XSTATE_BV[1] says (SDM §13.8.1)
        }
        if ((rfbm & XCR0_SSE) != 0) {
            for (int i = 0; i < xmmCount; i++) {
                if ((bv & XCR0_SSE) != 0) {
                    s.set(i, u64(m, o + 160 + 16 * i), u64(m, o + 168 + 16 * i));
                } else {
                    s.set(i, 0, 0);
                }
            }
        }
        return true;
    }
}
