package tvmm.cpu.simd;

import tvmm.cpu.fpu.FpEnv;

/**
 * The SSE register file and MXCSR of one vCPU. XMMn occupies {@code xmm[2n]} (bits 63..0) and
 * {@code xmm[2n+1]} (bits 127..64); slots 16 and 17 are scratch registers into which a node
 * loads a memory operand before calling a register-register routine. The FpEnv mirrors MXCSR
 * (call {@link #setMxcsr} on every write) so that the hot path does not decode it per instruction.
 */
public final class SseState {
    public static final int XMM_COUNT = 16;
    /** Scratch register numbers for memory operands. */
    public static final int TMP = 16, TMP2 = 17;
    public static final int MXCSR_DEFAULT = 0x1f80;
    /** Writable MXCSR bits (FZ, RC, masks, DAZ, flags); others raise #GP on LDMXCSR/FXRSTOR. */
    public static final int MXCSR_MASK = 0xffff;

    public final long[] xmm = new long[2 * 18];
    public int mxcsr = MXCSR_DEFAULT;
    public final FpEnv env = new FpEnv();

    public SseState() {
        env.loadMxcsr(mxcsr);
    }

    /** LDMXCSR/FXRSTOR: false when reserved bits are set (the CPU raises #GP(0) and keeps MXCSR). */
    public boolean setMxcsr(int v) {
        if ((v & ~MXCSR_MASK) != 0) {
            return false;
        }
        mxcsr = v;
        env.loadMxcsr(v);
        return true;
    }

    /**
     * Ends an SSE floating-point instruction: ORs the raised flags into MXCSR and writes the
     * result unless an unmasked exception was raised, in which case it returns false and the
     * caller raises #XM (or #UD when CR4.OSXMMEXCPT is clear) with the destination unchanged.
     */
    public boolean commit(int d, long lo, long hi) {
        if (!report()) {
            return false;
        }
        xmm[2 * d] = lo;
        xmm[2 * d + 1] = hi;
        return true;
    }

    /** Pre-computation exceptions (SDM Vol. 1 §11.5.2): when one of them is unmasked, no lane reports OE/UE/PE. */
    private static final int PRE = FpEnv.IE | FpEnv.DE | FpEnv.ZE;

    private boolean report() {
        int f = env.flags;
        env.flags = 0;
        if (f == 0) {
            return true;
        }
        int unmasked = f & ~env.masks;
        if ((unmasked & PRE) != 0) {
            mxcsr |= f & PRE;
            return false;
        }
        mxcsr |= f;
        return unmasked == 0;
    }

    /** Ends an instruction whose result is not an XMM register (COMISS, CVTSD2SI): true = no #XM. */
    public boolean commitFlags() {
        return report();
    }

    public long lo(int r) {
        return xmm[2 * r];
    }

    public long hi(int r) {
        return xmm[2 * r + 1];
    }

    public void set(int r, long lo, long hi) {
        xmm[2 * r] = lo;
        xmm[2 * r + 1] = hi;
    }
}
