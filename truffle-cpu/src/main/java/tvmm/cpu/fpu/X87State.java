package tvmm.cpu.fpu;

/**
 * The x87 machine state (SDM Vol. 1 §8.1) and the instruction-level operations the engine's
 * nodes call: the register stack with TOP and empty tags, stack overflow/underflow (IE+SF, C1
 * = 1 on overflow, 0 on underflow, indefinite results when IE is masked), the control/status
 * words with deferred unmasked exceptions (ES/B set; the next waiting x87 instruction must
 * raise #MF, see {@link #pendingException}), FIP/FDP/FOP. Arithmetic goes through {@link FpEnv}.
 *
 * <p>Operations that store to memory return the value and leave {@link #storeOk} false when an
 * unmasked exception forbids the store.
 */
public final class X87State {
    public static final int SF = 0x40, ES = 0x80, C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000, B = 0x8000;

    /** Physical registers R0..R7: significand and sign/exponent. */
    public final long[] sig = new long[8];
    public final int[] se = new int[8];
    /** Bit r set = physical register r is empty (tag 11). */
    public int empty = 0xff;
    public int top;
    public int fcw = 0x37f;
    /** Status word without TOP (bits 11-13 kept in {@link #top}). */
    public int fsw;
    public long fip;
    public long fdp;
    public int fcs;
    public int fds;
    public int fop;
    /** False after a store-type operation that an unmasked exception suppressed. */
    public boolean storeOk;

    public final FpEnv env = new FpEnv();

    public X87State() {
        env.loadFcw(fcw);
    }

    // ---- control and status ----

    /** FNINIT/FINIT (SDM: FCW=037FH, FSW=0, all tags empty, pointers cleared). */
    public void init() {
        setFcw(0x37f);
        fsw = 0;
        top = 0;
        empty = 0xff;
        fip = 0;
        fdp = 0;
        fcs = 0;
        fds = 0;
        fop = 0;
    }

    /** FLDCW: bit 6 reads as 1, bits 7 and 13-15 as 0 (host-observed); may make an exception pending. */
    public void setFcw(int v) {
        fcw = (v & 0x1f3f) | 0x40;
        env.loadFcw(fcw);
        updateEs();
    }

    public void setFsw(int v) {
        fsw = v & ~0x3800;
        top = (v >>> 11) & 7;
        updateEs();
    }

    /** FNSTSW/FSTSW value. */
    public int status() {
        return fsw | (top << 11);
    }

    void updateEs() {
        if ((fsw & 0x3f & ~fcw) != 0) {
            fsw |= ES | B;
        } else {
            fsw &= ~(ES | B);
        }
    }

    /** FNCLEX: clears the exception flags, SF, ES and B. */
    public void clex() {
        fsw &= ~(0x3f | SF | ES | B);
    }

    /** True when a waiting x87 instruction must raise #MF before it executes (FSW.ES). */
    public boolean pendingException() {
        return (fsw & ES) != 0;
    }

    // ---- registers ----

    public int phys(int i) {
        return (top + i) & 7;
    }

    public boolean isEmpty(int i) {
        return ((empty >>> phys(i)) & 1) != 0;
    }

    public long stSig(int i) {
        return sig[phys(i)];
    }

    public int stSe(int i) {
        return se[phys(i)];
    }

    public void write(int i, long s, int e) {
        int p = phys(i);
        sig[p] = s;
        se[p] = e & 0xffff;
        empty &= ~(1 << p);
    }

    /** Raises a stack fault: IE and SF, C1 = overflow. Returns true if IE is masked. */
    private boolean stackFault(boolean overflow) {
        fsw = (fsw & ~C1) | FpEnv.IE | SF | (overflow ? C1 : 0);
        updateEs();
        return (fcw & FpEnv.IE) != 0;
    }

    /** Pushes a value (FLD and friends); on overflow stores the indefinite if IE is masked. */
    public void push(long s, int e) {
        int p = (top - 1) & 7;
        if (((empty >>> p) & 1) == 0) {
            if (!stackFault(true)) {
                return;
            }
            s = Fp.INDEF_SIG;
            e = Fp.INDEF_SE;
        }
        top = p;
        write(0, s, e);
    }

    /** Pushes without the overflow check: the second indefinite of an underflowed FXTRACT/FPTAN/FSINCOS (host-observed C1 = 0). */
    public void pushUnchecked(long s, int e) {
        top = (top - 1) & 7;
        write(0, s, e);
    }

    public void pop() {
        empty |= 1 << top;
        top = (top + 1) & 7;
    }

    /** FFREE. */
    public void free(int i) {
        empty |= 1 << phys(i);
    }

    public void incstp() {
        top = (top + 1) & 7;
        fsw &= ~C1;
    }

    public void decstp() {
        top = (top - 1) & 7;
        fsw &= ~C1;
    }

    /** FXCH ST(i): an empty operand is a stack underflow, replaced by the indefinite when masked. */
    public void fxch(int i) {
        if (isEmpty(0) || isEmpty(i)) {
            if (!stackFault(false)) {
                return;
            }
            if (isEmpty(0)) {
                write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            if (isEmpty(i)) {
                write(i, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
        }
        int a = phys(0);
        int b = phys(i);
        long ts = sig[a];
        int te = se[a];
        sig[a] = sig[b];
        se[a] = se[b];
        sig[b] = ts;
        se[b] = te;
        fsw &= ~C1;
    }

    /** Ends an operation computed in env: merges flags and C1, then writes ST(i) unless IE/DE/ZE is unmasked. */
    private boolean finish(int i, long s, int e) {
        int f = env.flags;
        boolean c1 = env.c1;
        env.flags = 0;
        env.c1 = false;
        if ((f & ~fcw & (FpEnv.IE | FpEnv.DE | FpEnv.ZE)) != 0) {
            f &= ~(FpEnv.OE | FpEnv.UE | FpEnv.PE); // the operation never ran (SDM Vol. 1 §8.5: pre-computation exceptions)
            c1 = false;
        }
        fsw = (fsw & ~C1) | (c1 ? C1 : 0) | f;
        updateEs();
        if ((f & ~fcw & (FpEnv.IE | FpEnv.DE | FpEnv.ZE)) != 0) {
            return false;
        }
        write(i, s, e);
        return true;
    }

    /** Merges env flags for a store; returns false (and storeOk=false) when an unmasked exception suppresses it. */
    private boolean finishStore() {
        int f = env.flags;
        boolean c1 = env.c1;
        env.flags = 0;
        env.c1 = false;
        if ((f & ~fcw & (FpEnv.OE | FpEnv.UE)) != 0) {
            f &= ~FpEnv.PE; // nothing is stored, so nothing was rounded (host-observed)
            c1 = false;
        }
        fsw = (fsw & ~C1) | (c1 ? C1 : 0) | f;
        updateEs();
        // Unmasked IE/DE/ZE suppress a store; unmasked OE/UE on FST m32/m64 also leave memory alone.
        storeOk = (f & ~fcw & 0x1f) == 0;
        return storeOk;
    }

    // ---- loads ----

    /** FLD ST(i). */
    public void fldReg(int i) {
        if (isEmpty(i)) {
            if (stackFault(false)) {
                pushUnchecked(Fp.INDEF_SIG, Fp.INDEF_SE); // C1 stays 0 (underflow) even if ST(7) was in use (host-observed)
            }
            return;
        }
        fsw &= ~C1;
        push(stSig(i), stSe(i));
    }

    /** FLD m80: loaded unchanged (no exception even for SNaN or unsupported encodings). */
    public void fld80(long s, int e) {
        fsw &= ~C1; // C1 = 0 unless the push overflows
        push(s, e);
    }

    /** FLD m32: IE for SNaN (quieted), DE for denormals. */
    public void fld32(int bits) {
        long s = FpConvert.f32To80(env, bits);
        loadFinish(s);
    }

    public void fld64(long bits) {
        long s = FpConvert.f64To80(env, bits);
        loadFinish(s);
    }

    private void loadFinish(long s) {
        int e = env.se;
        int f = env.flags;
        env.flags = 0;
        env.c1 = false;
        if (!isEmpty(7)) {
            push(s, e); // stack overflow is checked before the operand: no DE/IE from the conversion (host-observed)
            return;
        }
        fsw = (fsw & ~C1) | f;
        updateEs();
        if ((f & ~fcw & ~FpEnv.DE) != 0) {
            return; // an unmasked DE alone does not stop the load (host-observed: the value is pushed)
        }
        push(s, e);
    }

    /** FILD m16/m32/m64 (value sign-extended by the caller). */
    public void fild(long v) {
        long s = FpConvert.fromInt80(env, v);
        fsw &= ~C1;
        push(s, env.se);
    }

    /** FBLD m80 (lo = bytes 0-7, hi = bytes 8-9). */
    public void fbld(long lo, int hi) {
        long s = FpBcd.fbld(env, lo, hi);
        fsw &= ~C1;
        push(s, env.se);
    }

    /** FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ: constants rounded per FCW.RC from 66+ bits. */
    public static final int K_ONE = 0, K_L2T = 1, K_L2E = 2, K_PI = 3, K_LG2 = 4, K_LN2 = 5, K_ZERO = 6;
    private static final long[] K_SIG = {Fp.INT_BIT, 0xD49A784BCD1B8AFEL, 0xB8AA3B295C17F0BBL, 0xC90FDAA22168C234L,
        0x9A209A84FBCFF798L, 0xB17217F7D1CF79ABL, 0};
    private static final int[] K_EXP = {0x3fff, 0x4000, 0x3fff, 0x4000, 0x3ffd, 0x3ffe, 0};
    /** Bits beyond the 64th of each constant: 1 = round up to nearest, and whether any follow at all. */
    private static final boolean[] K_NEAREST_UP = {false, false, true, true, true, true, false};
    private static final boolean[] K_INEXACT = {false, true, true, true, true, true, false};

    public void fldConst(int k) {
        long s = K_SIG[k];
        if (K_INEXACT[k]) {
            int rc = env.rc;
            boolean up = rc == FpEnv.RC_NEAREST ? K_NEAREST_UP[k] : rc == FpEnv.RC_UP;
            if (up) {
                s++;
            }
        }
        fsw &= ~C1;
        push(s, K_EXP[k]);
    }

    // ---- stores (return the memory value; check storeOk) ----

    private boolean stUnderflow() {
        if (isEmpty(0)) {
            storeOk = stackFault(false);
            return true;
        }
        return false;
    }

    /** FST/FSTP m32. */
    public int fst32(boolean pop) {
        int r;
        if (stUnderflow()) {
            r = 0xffc00000;
        } else {
            r = FpConvert.f80To32(env, stSig(0), stSe(0));
            finishStore();
        }
        popIf(pop);
        return r;
    }

    public long fst64(boolean pop) {
        long r;
        if (stUnderflow()) {
            r = 0xfff8000000000000L;
        } else {
            r = FpConvert.f80To64(env, stSig(0), stSe(0));
            finishStore();
        }
        popIf(pop);
        return r;
    }

    /** FSTP m80: significand returned, sign/exponent in env.se. */
    public long fst80(boolean pop) {
        long r;
        if (stUnderflow()) {
            r = Fp.INDEF_SIG;
            env.se = Fp.INDEF_SE;
        } else {
            r = stSig(0);
            env.se = stSe(0);
            storeOk = true;
            fsw &= ~C1;
        }
        popIf(pop);
        return r;
    }

    /** FST/FSTP ST(i). */
    public void fstReg(int i, boolean pop) {
        if (isEmpty(0)) {
            if (stackFault(false)) {
                write(i, Fp.INDEF_SIG, Fp.INDEF_SE);
            } else {
                return;
            }
        } else {
            write(i, stSig(0), stSe(0));
            fsw &= ~C1;
        }
        if (pop) {
            pop();
        }
    }

    /** FIST/FISTP (truncate=false) and FISTTP (true): width 16, 32 or 64. */
    public long fist(int width, boolean truncate, boolean pop) {
        long r;
        if (stUnderflow()) {
            r = -1L << (width - 1);
        } else {
            r = FpConvert.f80ToInt(env, stSig(0), stSe(0), width, truncate);
            finishStore();
        }
        popIf(pop);
        return r;
    }

    /** FBSTP: bytes 0-7 returned, bytes 8-9 in env.se2. */
    public long fbstp() {
        long r;
        if (stUnderflow()) {
            r = FpBcd.INDEF_LO;
            env.se2 = FpBcd.INDEF_HI;
        } else {
            r = FpBcd.fbstp(env, stSig(0), stSe(0));
            finishStore();
        }
        popIf(true);
        return r;
    }

    private void popIf(boolean pop) {
        // An unmasked exception that suppresses the store also suppresses the pop (host-observed).
        if (pop && storeOk) {
            pop();
        }
    }

    // ---- arithmetic ----

    /** ST(d) = ST(d) op ST(s) (FpArith.OP_*; SUBR/DIVR reverse), then pop if asked (FADDP etc.). */
    public void arith(int op, int d, int s, boolean pop) {
        if (isEmpty(d) || isEmpty(s)) {
            if (stackFault(false)) {
                write(d, Fp.INDEF_SIG, Fp.INDEF_SE);
                if (pop) {
                    pop();
                }
            }
            return;
        }
        long r = FpArith.binary80(env, op, stSig(d), stSe(d), Fp.F80, stSig(s), stSe(s));
        if (finish(d, r, env.se) && pop) {
            pop();
        }
    }

    /** ST(0) = ST(0) op memory: fmt Fp.F32/Fp.F64 raw bits, or -1 for an integer (FIADD...) value. */
    public void arithMem(int op, int fmt, long bits) {
        if (isEmpty(0)) {
            if (stackFault(false)) {
                write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        long r;
        if (fmt < 0) {
            long bs = FpConvert.fromInt80(env, bits);
            r = FpArith.binary80(env, op, stSig(0), stSe(0), Fp.F80, bs, env.se);
        } else {
            r = FpArith.binary80(env, op, stSig(0), stSe(0), fmt, bits, 0);
        }
        finish(0, r, env.se);
    }

    /** Unary operations on ST(0) for {@link #unary}. */
    public static final int U_CHS = 0, U_ABS = 1, U_SQRT = 2, U_RNDINT = 3;

    public void unary(int op) {
        if (isEmpty(0)) {
            if (stackFault(false)) {
                write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        long s = stSig(0);
        int e = stSe(0);
        switch (op) {
            case U_CHS:
                write(0, s, e ^ 0x8000);
                fsw &= ~C1;
                return;
            case U_ABS:
                write(0, s, e & 0x7fff);
                fsw &= ~C1;
                return;
            case U_SQRT:
                s = FpArith.sqrt80(env, s, e);
                break;
            default:
                s = FpMisc.frndint(env, s, e);
                break;
        }
        finish(0, s, env.se);
    }

    /** FSCALE. */
    public void fscale() {
        if (isEmpty(0) || isEmpty(1)) {
            if (stackFault(false)) {
                write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        long r = FpMisc.fscale(env, stSig(0), stSe(0), stSig(1), stSe(1));
        finish(0, r, env.se);
    }

    /** FXTRACT: ST(0) = exponent, then push the significand. */
    public void fxtract() {
        if (isEmpty(0)) {
            if (stackFault(false)) {
                write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
                pushUnchecked(Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        if (!isEmpty(7)) { // stack overflow is detected before the operand is looked at (no DE)
            if (stackFault(true)) {
                write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
                push(Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        FpMisc.fxtract(env, stSig(0), stSe(0));
        long s = env.sig;
        int e = env.se;
        if (finish(0, env.sig2, env.se2)) {
            push(s, e);
        }
    }

    /** FPREM (nearest=false) / FPREM1: C0/C3/C1 quotient bits, C2 = incomplete. */
    public void fprem(boolean nearest) {
        if (isEmpty(0) || isEmpty(1)) {
            fsw &= ~C2; // host-observed: C2 (incomplete) reads 0 after an underflow; C0 and C3 keep their values
            if (stackFault(false)) {
                write(0, Fp.INDEF_SIG, Fp.INDEF_SE);
            }
            return;
        }
        int cc = FpRem.fprem(env, stSig(0), stSe(0), stSig(1), stSe(1), nearest);
        long s = env.sig;
        int e = env.se;
        int f = env.flags;
        env.flags = 0;
        env.c1 = false;
        if ((f & ~fcw & (FpEnv.IE | FpEnv.DE)) != 0) {
            f &= ~(FpEnv.OE | FpEnv.UE | FpEnv.PE); // an unmasked pre-computation exception stops it
        }
        if (cc == FpRem.NO_QUOTIENT || (f & ~fcw & (FpEnv.IE | FpEnv.DE)) != 0) {
            // Nothing divided (or an unmasked exception stopped it): C1 = C2 = 0, C0/C3 unchanged.
            fsw = (fsw & ~(C1 | C2)) | f;
        } else {
            fsw = (fsw & ~(C0 | C1 | C2 | C3)) | f | cc;
        }
        updateEs();
        if ((f & ~fcw & (FpEnv.IE | FpEnv.DE)) == 0) {
            write(0, s, e);
        }
    }
}
