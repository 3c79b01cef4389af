package tvmm.cpu.fpu;

/**
 * The floating-point environment of one operation and its result registers. One instance per
 * vCPU, reused by every x87 and SSE operation so that no operation allocates: inputs are the
 * rounding control, precision, masks and DAZ/FTZ; outputs are the accumulated exception flags,
 * the x87 C1 "rounded up" indication and, for 80-bit results, the (sig, se) pair.
 *
 * <p>The six flag bits have the same positions in the x87 status word and in MXCSR (SDM Vol. 1
 * §8.1.3, §10.2.3), so one set of constants serves both.
 */
public final class FpEnv {
    public static final int IE = 1, DE = 2, ZE = 4, OE = 8, UE = 0x10, PE = 0x20;
    public static final int RC_NEAREST = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3;

    /** Rounding control (same encoding in FCW bits 10-11 and MXCSR bits 13-14). */
    public int rc;
    /** Significand precision for x87 arithmetic: 24, 53 or 64 (FCW.PC). */
    public int prec = 64;
    /** Exception mask bits (1 = masked), in flag positions. */
    public int masks = 0x3f;
    /** SSE denormals-are-zero and flush-to-zero (MXCSR bits 6 and 15). */
    public boolean daz, ftz;

    /** Exception flags raised by the operations since the caller last cleared them. */
    public int flags;
    /** x87 C1 after a rounded result: 1 when the magnitude was rounded up (SDM Vol. 1 §8.1.3.1). */
    public boolean c1;
    /** An 80-bit result: significand with explicit integer bit, and sign(15)|exponent(14..0). */
    public long sig;
    public int se;
    /** A second 80-bit result (FXTRACT exponent, FPTAN/FSINCOS second value). */
    public long sig2;
    public int se2;

    // Unpacked operand slots a and b (see Fp.unpack*): class, sign, unbiased exponent, significand.
    int aCls, aSign, aExp, bCls, bSign, bExp;
    long aSig, bSig;
    // Scratch for 128-bit intermediate significands.
    long wHi, wLo;

    /** Loads rounding, precision and masks from an x87 control word. */
    public void loadFcw(int fcw) {
        rc = (fcw >> 10) & 3;
        int pc = (fcw >> 8) & 3;
        // PC=01 is reserved; real processors treat it as 64-bit (checked against the host).
        prec = pc == 0 ? 24 : pc == 2 ? 53 : 64;
        masks = fcw & 0x3f;
        daz = false;
        ftz = false;
    }

    /** Loads rounding, masks, DAZ and FTZ from MXCSR. */
    public void loadMxcsr(int mxcsr) {
        rc = (mxcsr >> 13) & 3;
        masks = (mxcsr >> 7) & 0x3f;
        daz = (mxcsr & 0x40) != 0;
        ftz = (mxcsr & 0x8000) != 0;
        prec = 64;
    }

    /** Clears the per-operation outputs. */
    public void clear() {
        flags = 0;
        c1 = false;
    }
}
