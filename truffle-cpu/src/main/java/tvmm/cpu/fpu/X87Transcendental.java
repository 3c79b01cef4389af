package tvmm.cpu.fpu;

/**
 * The stack behaviour of the x87 transcendental instructions on an {@link X87State} (SDM Vol. 2
 * FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X, FYL2XP1): operand checks, C2 for
 * out-of-range trigonometric arguments, pushes and pops. The values come from {@link FpTranscendental}.
 */
public final class X87Transcendental {
    private X87Transcendental() {
    }

    /** FSIN (SIN), FCOS (COS), FPTAN (TAN), FSINCOS (SINCOS). */
    public static void trig(X87State x, int op) {
        boolean pushes = op == FpTranscendental.TAN || op == FpTranscendental.SINCOS;
        if (x.isEmpty(0) || (pushes && !x.isEmpty(7))) {
            boolean overflow = !x.isEmpty(0);
            x.fsw = (x.fsw & ~(X87State.C1 | X87State.C2)) | FpEnv.IE | X87State.SF | (overflow ? X87State.C1 : 0);
            x.updateEs();
            if ((x.fcw & FpEnv.IE) != 0) {
                x.write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
                if (pushes) {
                    if (overflow) {
                        x.push(Fp.INDEF_SIG, Fp.INDEF_SE);
                    } else {
                        x.pushUnchecked(Fp.INDEF_SIG, Fp.INDEF_SE);
                    }
                }
            }
            return;
        }
        FpEnv e = x.env;
        boolean outOfRange = FpTranscendental.trig(e, op, x.stSig(0), x.stSe(0));
        int f = commitFlags(x, X87State.C2, outOfRange ? X87State.C2 : 0);
        if (outOfRange || (f & ~x.fcw & (FpEnv.IE | FpEnv.DE)) != 0) {
            return;
        }
        boolean nan = (e.se & 0x7fff) == 0x7fff && (e.sig << 1) != 0;
        switch (op) {
            case FpTranscendental.TAN -> {
                x.write(0, e.sig, e.se);
                if (nan) {
                    x.push(e.sig, e.se);
                } else {
                    x.push(Fp.INT_BIT, 0x3fff);
                }
            }
            case FpTranscendental.SINCOS -> {
                long cs = e.sig;
                int ce = e.se;
                x.write(0, e.sig2, e.se2);
                x.push(cs, ce);
            }
            default -> x.write(0, e.sig, e.se);
        }
    }

    /** FPATAN, FYL2X, FYL2XP1: ST(1) = f(ST(1), ST(0)), then pop. */
    public static final int ATAN = 0, YL2X = 1, YL2XP1 = 2;

    public static void binary(X87State x, int op) {
        if (x.isEmpty(0) || x.isEmpty(1)) {
            x.fsw = (x.fsw & ~X87State.C1) | FpEnv.IE | X87State.SF;
            x.updateEs();
            if ((x.fcw & FpEnv.IE) != 0) {
                x.write(1, Fp.INDEF_SIG, Fp.INDEF_SE);
                x.pop();
            }
            return;
        }
        FpEnv e = x.env;
        long r = switch (op) {
            case ATAN -> FpTranscendental.fpatan(e, x.stSig(0), x.stSe(0), x.stSig(1), x.stSe(1));
            case YL2X -> FpTranscendental.fyl2x(e, x.stSig(0), x.stSe(0), x.stSig(1), x.stSe(1), false);
            default -> FpTranscendental.fyl2x(e, x.stSig(0), x.stSe(0), x.stSig(1), x.stSe(1), true);
        };
        int se = e.se;
        int f = commitFlags(x, 0, 0);
        if ((f & ~x.fcw & (FpEnv.IE | FpEnv.DE | FpEnv.ZE)) != 0) {
            return;
        }
        x.write(1, r, se);
        x.pop();
    }

    /** F2XM1 on ST(0). */
    public static void f2xm1(X87State x) {
        if (x.isEmpty(0)) {
            x.fsw = (x.fsw & ~X87State.C1) | FpEnv.IE | X87State.SF;
            x.updateEs();
            if ((x.fcw & FpEnv.IE) != 0) {
                x.write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        FpEnv e = x.env;
        long r = FpTranscendental.f2xm1(e, x.stSig(0), x.stSe(0));
        int se = e.se;
        int f = commitFlags(x, 0, 0);
        if ((f & ~x.fcw & (FpEnv.IE | FpEnv.DE)) == 0) {
            x.write(0, r, se);
        }
    }

    /**
     * Moves the flags and C1 the operation left in {@code x.env} into FSW, clearing
     * {@code clear} (beyond C1) and setting {@code set}; an unmasked IE, DE or ZE means nothing
     * was computed, so OE, UE, PE and C1 are dropped. Returns the flags raised.
     */
    private static int commitFlags(X87State x, int clear, int set) {
        FpEnv e = x.env;
        int f = e.flags;
        boolean c1 = e.c1;
        e.flags = 0;
        e.c1 = false;
        if ((f & ~x.fcw & (FpEnv.IE | FpEnv.DE | FpEnv.ZE)) != 0) {
            f &= ~(FpEnv.OE | FpEnv.UE | FpEnv.PE); // unmasked pre-computation exception: nothing computed
            c1 = false;
        }
        x.fsw = (x.fsw & ~(X87State.C1 | clear)) | f | set | (c1 ? X87State.C1 : 0);
        x.updateEs();
        return f;
    }
}
