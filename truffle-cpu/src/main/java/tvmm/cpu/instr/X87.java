package tvmm.cpu.instr;

import tvmm.cpu.fpu.FpArith;
import tvmm.cpu.fpu.FpTranscendental;
import tvmm.cpu.fpu.X87Compare;
import tvmm.cpu.fpu.X87Moves;
import tvmm.cpu.fpu.X87State;
import tvmm.cpu.fpu.X87Transcendental;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Instruction;
import tvmm.decode.Op;

/**
 * The x87 escape opcodes D8-DF and WAIT (SDM Vol. 2, Vol. 1 ch. 8): decoded instruction → node.
 * Register forms and the operand-less instructions are {@link Reg} nodes here; memory forms are
 * in {@link X87Mem}. The arithmetic itself is {@link tvmm.cpu.fpu}.
 */
final class X87 {
    private X87() {
    }

    // Register-form operations (the node's op field; constant per node so the switch folds).
    static final int ARITH = 0, ARITH_POP = 1, FLD = 2, FST = 3, FSTP = 4, FXCH = 5, FFREE = 6, FFREEP = 7,
            FCOM = 8, FUCOM = 9, FCOMI = 10, FUCOMI = 11, FCMOV = 12, CONST = 13, UNARY = 14, FTST = 15, FXAM = 16,
            FSCALE = 17, FXTRACT = 18, FPREM = 19, FPREM1 = 20, INCSTP = 21, DECSTP = 22, TRIG = 23, BINARY = 24,
            F2XM1 = 25, FNOP = 26, FNINIT = 27, FNCLEX = 28, FNSTSW_AX = 29, NOP_NOWAIT = 30;

    /** The node for an x87 instruction, or null if {@code d} is not one. */
    static Insn create(Instruction d, long a) {
        if (d.op == Op.WAIT) {
            return new Wait(a, d.length);
        }
        if (d.map != 0 || d.opcode < 0xd8 || d.opcode > 0xdf) {
            return null;
        }
        if (Operands.isMem(d, 0)) {
            return X87Mem.create(d, a);
        }
        int i = d.modrm & 7;
        int len = d.length;
        int oc = d.opcode;
        int m = d.modrm;
        switch (d.op) {
            case FADD: case FMUL: case FSUB: case FSUBR: case FDIV: case FDIVR:
                // D8: ST(0) = ST(0) op ST(i); DC: ST(i) = ST(i) op ST(0) (the decoder names the DC forms as performed).
                return oc == 0xd8 ? new Reg(a, len, oc, m, ARITH, arithOp(d.op), 0, i)
                        : new Reg(a, len, oc, m, ARITH, arithOp(d.op), i, 0);
            case FADDP: case FMULP: case FSUBP: case FSUBRP: case FDIVP: case FDIVRP:
                return new Reg(a, len, oc, m, ARITH_POP, arithOp(d.op), i, 0);
            case FLD:
                return new Reg(a, len, oc, m, FLD, 0, i, 0);
            case FST:
                return new Reg(a, len, oc, m, FST, 0, i, 0);
            case FSTP: case FSTPNCE:
                return new Reg(a, len, oc, m, FSTP, 0, i, 0);
            case FXCH:
                return new Reg(a, len, oc, m, FXCH, 0, i, 0);
            case FFREE:
                return new Reg(a, len, oc, m, FFREE, 0, i, 0);
            case FFREEP:
                return new Reg(a, len, oc, m, FFREEP, 0, i, 0);
            case FCOM:
                return new Reg(a, len, oc, m, FCOM, 0, i, 0);
            case FCOMP:
                return new Reg(a, len, oc, m, FCOM, 0, i, 1);
            case FCOMPP:
                return new Reg(a, len, oc, m, FCOM, 0, 1, 2);
            case FUCOM:
                return new Reg(a, len, oc, m, FUCOM, 0, i, 0);
            case FUCOMP:
                return new Reg(a, len, oc, m, FUCOM, 0, i, 1);
            case FUCOMPP:
                return new Reg(a, len, oc, m, FUCOM, 0, 1, 2);
            case FCOMI:
                return new Reg(a, len, oc, m, FCOMI, 0, i, 0);
            case FCOMIP:
                return new Reg(a, len, oc, m, FCOMI, 0, i, 1);
            case FUCOMI:
                return new Reg(a, len, oc, m, FUCOMI, 0, i, 0);
            case FUCOMIP:
                return new Reg(a, len, oc, m, FUCOMI, 0, i, 1);
            case FCMOVB: case FCMOVE: case FCMOVBE: case FCMOVU: case FCMOVNB: case FCMOVNE: case FCMOVNBE: case FCMOVNU:
                return new Reg(a, len, oc, m, FCMOV, d.condition, i, 0);
            case FLD1: return new Reg(a, len, oc, m, CONST, X87State.K_ONE, 0, 0);
            case FLDL2T: return new Reg(a, len, oc, m, CONST, X87State.K_L2T, 0, 0);
            case FLDL2E: return new Reg(a, len, oc, m, CONST, X87State.K_L2E, 0, 0);
            case FLDPI: return new Reg(a, len, oc, m, CONST, X87State.K_PI, 0, 0);
            case FLDLG2: return new Reg(a, len, oc, m, CONST, X87State.K_LG2, 0, 0);
            case FLDLN2: return new Reg(a, len, oc, m, CONST, X87State.K_LN2, 0, 0);
            case FLDZ: return new Reg(a, len, oc, m, CONST, X87State.K_ZERO, 0, 0);
            case FCHS: return new Reg(a, len, oc, m, UNARY, X87State.U_CHS, 0, 0);
            case FABS: return new Reg(a, len, oc, m, UNARY, X87State.U_ABS, 0, 0);
            case FSQRT: return new Reg(a, len, oc, m, UNARY, X87State.U_SQRT, 0, 0);
            case FRNDINT: return new Reg(a, len, oc, m, UNARY, X87State.U_RNDINT, 0, 0);
            case FTST: return new Reg(a, len, oc, m, FTST, 0, 0, 0);
            case FXAM: return new Reg(a, len, oc, m, FXAM, 0, 0, 0);
            case FSCALE: return new Reg(a, len, oc, m, FSCALE, 0, 0, 0);
            case FXTRACT: return new Reg(a, len, oc, m, FXTRACT, 0, 0, 0);
            case FPREM: return new Reg(a, len, oc, m, FPREM, 0, 0, 0);
            case FPREM1: return new Reg(a, len, oc, m, FPREM1, 0, 0, 0);
            case FINCSTP: return new Reg(a, len, oc, m, INCSTP, 0, 0, 0);
            case FDECSTP: return new Reg(a, len, oc, m, DECSTP, 0, 0, 0);
            case FSIN: return new Reg(a, len, oc, m, TRIG, FpTranscendental.SIN, 0, 0);
            case FCOS: return new Reg(a, len, oc, m, TRIG, FpTranscendental.COS, 0, 0);
            case FPTAN: return new Reg(a, len, oc, m, TRIG, FpTranscendental.TAN, 0, 0);
            case FSINCOS: return new Reg(a, len, oc, m, TRIG, FpTranscendental.SINCOS, 0, 0);
            case FPATAN: return new Reg(a, len, oc, m, BINARY, X87Transcendental.ATAN, 0, 0);
            case FYL2X: return new Reg(a, len, oc, m, BINARY, X87Transcendental.YL2X, 0, 0);
            case FYL2XP1: return new Reg(a, len, oc, m, BINARY, X87Transcendental.YL2XP1, 0, 0);
            case F2XM1: return new Reg(a, len, oc, m, F2XM1, 0, 0, 0);
            case FNOP: return new Reg(a, len, oc, m, FNOP, 0, 0, 0);
            case FNINIT: return new Reg(a, len, oc, m, FNINIT, 0, 0, 0);
            case FNCLEX: return new Reg(a, len, oc, m, FNCLEX, 0, 0, 0);
            case FNSTSW: return new Reg(a, len, oc, m, FNSTSW_AX, 0, 0, 0);
            case FENI8087_NOP: case FDISI8087_NOP: case FSETPM:
                return new Reg(a, len, oc, m, NOP_NOWAIT, 0, 0, 0); // 8087/287 leftovers: no-ops on later CPUs
            default:
                return null; // an undefined D8-DF register form: #UD (Translator)
        }
    }

    static int arithOp(Op op) {
        switch (op) {
            case FADD: case FADDP: case FIADD: return FpArith.OP_ADD;
            case FMUL: case FMULP: case FIMUL: return FpArith.OP_MUL;
            case FSUB: case FSUBP: case FISUB: return FpArith.OP_SUB;
            case FSUBR: case FSUBRP: case FISUBR: return FpArith.OP_SUBR;
            case FDIV: case FDIVP: case FIDIV: return FpArith.OP_DIV;
            default: return FpArith.OP_DIVR;
        }
    }

    /** A register-form or operand-less x87 instruction. */
    static final class Reg extends X87Node {
        private final int op;
        private final int sub;
        private final int i;
        private final int j;

        Reg(long address, int length, int opcode, int modrm, int op, int sub, int i, int j) {
            super(address, length, opcode, modrm);
            this.op = op;
            this.sub = sub;
            this.i = i;
            this.j = j;
        }

        @Override
        public void execute(CpuState s) {
            boolean control = op == FNINIT || op == FNCLEX || op == FNSTSW_AX || op == NOP_NOWAIT;
            X87State x = enter(s, !control);
            switch (op) {
                case ARITH: x.arith(sub, i, j, false); break;
                case ARITH_POP: x.arith(sub, i, j, true); break;
                case FLD: x.fldReg(i); break;
                case FST: x.fstReg(i, false); break;
                case FSTP: x.fstReg(i, true); break;
                case FXCH: x.fxch(i); break;
                case FFREE: x.free(i); break;
                case FFREEP: X87Moves.ffreep(x, i); break;
                case FCOM: X87Compare.fcom(x, i, tvmm.cpu.fpu.Fp.F80, 0, true, j); break;
                case FUCOM: X87Compare.fcom(x, i, tvmm.cpu.fpu.Fp.F80, 0, false, j); break;
                case FCOMI: case FUCOMI: {
                    int f = X87Compare.fcomi(x, i, op == FCOMI, j != 0);
                    if (f >= 0) {
                        Flags.setArith(s, f); // ZF, PF, CF; OF, SF, AF cleared
                    }
                    break;
                }
                case FCMOV: X87Moves.fcmov(x, i, Flags.condition(s, sub)); break;
                case CONST: x.fldConst(sub); break;
                case UNARY: x.unary(sub); break;
                case FTST: X87Compare.ftst(x); break;
                case FXAM: X87Compare.fxam(x); break;
                case FSCALE: x.fscale(); break;
                case FXTRACT: x.fxtract(); break;
                case FPREM: x.fprem(false); break;
                case FPREM1: x.fprem(true); break;
                case INCSTP: x.incstp(); break;
                case DECSTP: x.decstp(); break;
                case TRIG: X87Transcendental.trig(x, sub); break;
                case BINARY: X87Transcendental.binary(x, sub); break;
                case F2XM1: X87Transcendental.f2xm1(x); break;
                case FNINIT: x.init(); return;
                case FNCLEX: x.clex(); return;
                case FNSTSW_AX: s.gpr[CpuState.RAX] = (s.gpr[CpuState.RAX] & ~0xffffL) | x.status(); return;
                case NOP_NOWAIT: return;
                default: break; // FNOP
            }
            noteIp(s, x);
        }
    }

    /** WAIT/FWAIT: #NM only when both CR0.MP and CR0.TS are set; then #MF for a pending exception. */
    static final class Wait extends Insn {
        Wait(long address, int length) {
            super(address, length);
        }

        @Override
        public void execute(CpuState s) {
            long mpts = ControlBits.CR0_MP | ControlBits.CR0_TS;
            if ((s.cr0 & mpts) == mpts) {
                throw GuestFault.of(Vectors.NM, 0);
            }
            X87Node.pending(s, s.x87);
        }
    }
}
