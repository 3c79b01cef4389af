package tvmm.cpu.fpu;

/** FCMOVcc and FFREEP: register moves with the stack-underflow rule (SDM Vol. 2 FCMOVcc). */
public final class X87Moves {
    private X87Moves() {
    }

    /**
     * FCMOVcc ST(0), ST(i): the node evaluates the condition from RFLAGS. An empty operand is a
     * stack underflow whether or not the condition holds; with IE masked ST(0) gets the indefinite.
     */
    public static void fcmov(X87State x, int i, boolean condition) {
        if (x.isEmpty(0) || x.isEmpty(i)) {
            x.fsw = (x.fsw & ~X87State.C1) | FpEnv.IE | X87State.SF;
            x.updateEs();
            if ((x.fcw & FpEnv.IE) != 0) {
                x.write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        // C1 is only written on a stack underflow (host-observed; the SDM: "set to 0 if stack underflow").
        if (condition) {
            x.write(0, x.stSig(i), x.stSe(i));
        }
    }

    /** FFREEP ST(i) (DF C0+i): tag ST(i) empty, then pop. */
    public static void ffreep(X87State x, int i) {
        x.free(i);
        x.pop();
    }
}
