package tvmm.cpu.fpu;

/**
 * x87 compares and classification on an {@link X87State}: FCOM, FCOMP, FCOMPP, FUCOM, FUCOMP, FUCOMPP, FICOM (C3,
 * C2, C0), FCOMI/FUCOMI (RFLAGS ZF, PF, CF), FTST and FXAM. Empty operands are stack
 * underflows that report "unordered" when IE is masked.
 */
public final class X87Compare {
    private X87Compare() {
    }

    private static int ccOf(int rel) {
        return switch (rel) {
            case FpMisc.LT -> X87State.C0;
            case FpMisc.EQ -> X87State.C3;
            case FpMisc.GT -> 0;
            default -> X87State.C0 | X87State.C2 | X87State.C3;
        };
    }

    /**
     * Compares ST(0) with ST(i) (fmt = Fp.F80) or with a memory operand (Fp.F32/Fp.F64 raw bits,
     * or -1 for an integer); signaling = FCOM (any NaN raises IE), else FUCOM. Pops 'pops' times.
     * Returns the relation (FpMisc.LT/EQ/GT/UN); an unmasked exception suppresses only the pops.
     */
    public static int fcom(X87State x, int i, int fmt, long bits, boolean signaling, int pops) {
        FpEnv e = x.env;
        int rel;
        boolean underflow = x.isEmpty(0) || (fmt == Fp.F80 && x.isEmpty(i));
        if (underflow) {
            x.fsw = (x.fsw & ~X87State.C1) | FpEnv.IE | X87State.SF;
            rel = FpMisc.UN;
        } else {
            Fp.unpack80(e, false, x.stSig(0), x.stSe(0));
            if (fmt == Fp.F80) {
                Fp.unpack80(e, true, x.stSig(i), x.stSe(i));
            } else if (fmt < 0) {
                long s = FpConvert.fromInt80(e, bits);
                Fp.unpack80(e, true, s, e.se);
            } else {
                Fp.unpack(e, true, fmt, bits, 0);
            }
            rel = FpMisc.compareAB(e, signaling);
            x.fsw = (x.fsw & ~X87State.C1) | e.flags;
            e.flags = 0;
        }
        boolean unmasked = (x.fsw & 0x3f & ~x.fcw & (FpEnv.IE | FpEnv.DE)) != 0;
        x.updateEs();
        // The condition codes are set even when an unmasked exception (IE, DE) is raised (host-observed);
        // only the pops are suppressed then.
        x.fsw = (x.fsw & ~(X87State.C0 | X87State.C2 | X87State.C3)) | ccOf(rel);
        for (int k = 0; k < (unmasked ? 0 : pops); k++) {
            x.pop();
        }
        return rel;
    }

    /** FCOMI/FUCOMI(P): the relation as RFLAGS ZF|PF|CF bits (OF, SF, AF cleared), or -1 if unmasked. */
    public static int fcomi(X87State x, int i, boolean signaling, boolean pop) {
        int fsw = x.fsw;
        boolean underflow = x.isEmpty(0) || x.isEmpty(i);
        int rel = fcom(x, i, Fp.F80, 0, signaling, pop ? 1 : 0);
        // FCOMI leaves C0, C2, C3 alone (only RFLAGS change), and C1 too unless the stack underflowed (host-observed).
        int keep = X87State.C0 | X87State.C2 | X87State.C3 | (underflow ? 0 : X87State.C1);
        x.fsw = (x.fsw & ~keep) | (fsw & keep);
        if (rel < 0) {
            return -1;
        }
        return switch (rel) {
            case FpMisc.LT -> 0x01;
            case FpMisc.EQ -> 0x40;
            case FpMisc.GT -> 0;
            default -> 0x45;
        };
    }

    /** FTST: compares ST(0) with +0.0. */
    public static int ftst(X87State x) {
        return fcom(x, 0, Fp.F32, 0, true, 0);
    }

    /** FXAM: C3,C2,C0 class of ST(0) and C1 = sign (SDM Vol. 2 FXAM table). */
    public static void fxam(X87State x) {
        int p = x.phys(0);
        long s = x.sig[p];
        int se = x.se[p];
        int cls;
        if (((x.empty >>> p) & 1) != 0) {
            cls = X87State.C3 | X87State.C0;
        } else {
            int ex = se & 0x7fff;
            if (ex == 0x7fff) {
                cls = s >= 0 ? 0 : (s << 1) == 0 ? X87State.C2 | X87State.C0 : X87State.C0;
            } else if (ex == 0) {
                cls = s == 0 ? X87State.C3 : X87State.C3 | X87State.C2;
            } else {
                cls = s >= 0 ? 0 : X87State.C2;
            }
        }
        int c1 = (se & 0x8000) != 0 ? X87State.C1 : 0;
        x.fsw = (x.fsw & ~(X87State.C0 | X87State.C1 | X87State.C2 | X87State.C3)) | cls | c1;
    }
}
