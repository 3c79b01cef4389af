/**
 * The x87 FPU: exact 80-bit arithmetic in software and the x87 machine state.
 *
 * <p><b>Values.</b> An 80-bit value is a pair (long significand with explicit integer bit, int
 * sign/exponent in the low 16 bits). Operations take pairs and return the significand, leaving
 * the sign/exponent of the result in {@link tvmm.cpu.fpu.FpEnv#se}; nothing allocates on these
 * paths. {@link tvmm.cpu.fpu.FpEnv} carries rounding control, precision control, exception masks
 * (and DAZ/FTZ for SSE) in, and exception flags and C1 ("rounded up") out.
 *
 * <p><b>What a node calls</b> (one {@link tvmm.cpu.fpu.X87State} per vCPU; before every waiting
 * x87 instruction check CR0.EM/TS (#NM) and then {@link tvmm.cpu.fpu.X87State#pendingException()}
 * (#MF, or FERR# when CR0.NE=0); after it update FIP/FCS/FOP (and FDP/FDS for memory operands)):
 * <ul>
 * <li>FLD ST(i) / m32 / m64 / m80, FILD, FBLD, FLD1..FLDZ: {@code fldReg, fld32, fld64, fld80, fild,
 * fbld, fldConst(K_*)}.</li>
 * <li>FST/FSTP m32/m64/m80/ST(i), FIST/FISTP/FISTTP, FBSTP: {@code fst32, fst64, fst80, fstReg,
 * fist(width, truncate, pop), fbstp}; write memory only if {@code storeOk}.</li>
 * <li>FADD/FSUB/FSUBR/FMUL/FDIV/FDIVR (and ...P): {@code arith(FpArith.OP_*, d, s, pop)};
 * memory and FIxxx forms: {@code arithMem(op, Fp.F32 | Fp.F64 | -1 for integers, bits)}.</li>
 * <li>FCHS, FABS, FSQRT, FRNDINT: {@code unary(U_*)}; FSCALE, FXTRACT, FPREM, FPREM1:
 * {@code fscale(), fxtract(), fprem(nearest)}; FXCH, FFREE, FINCSTP, FDECSTP, FNINIT, FNCLEX,
 * FLDCW, FNSTCW (read {@code fcw}), FNSTSW ({@code status()}).</li>
 * <li>FCOM, FCOMP, FCOMPP, FUCOM(P)(P), FICOM(P), FTST, FXAM, FCOMI/FUCOMI(P): {@link tvmm.cpu.fpu.X87Compare};
 * FCMOVcc, FFREEP: {@link tvmm.cpu.fpu.X87Moves}.</li>
 * <li>FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X, FYL2XP1: {@link tvmm.cpu.fpu.X87Transcendental}
 * (heavy paths behind {@code @TruffleBoundary}).</li>
 * <li>FNSTENV/FLDENV/FNSAVE/FRSTOR/FXSAVE/FXRSTOR/XSAVE/XRSTOR: {@link tvmm.cpu.fpu.X87Images}
 * over a byte array the node fills from or copies to guest memory.</li>
 * </ul>
 * Lower-level pure functions ({@link tvmm.cpu.fpu.FpArith}, {@link tvmm.cpu.fpu.FpConvert},
 * {@link tvmm.cpu.fpu.FpMisc}, {@link tvmm.cpu.fpu.FpRem}, {@link tvmm.cpu.fpu.FpBcd}) are shared
 * with the SSE library. Every result is checked bit for bit against the host CPU by the tests.
 */
package tvmm.cpu.fpu;
