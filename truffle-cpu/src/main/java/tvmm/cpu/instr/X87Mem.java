package tvmm.cpu.instr;

import tvmm.cpu.fpu.Fp;
import tvmm.cpu.fpu.X87Compare;
import tvmm.cpu.fpu.X87Images;
import tvmm.cpu.fpu.X87State;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.state.CpuState;
import tvmm.decode.Instruction;

/**
 * Memory forms of the x87 instructions (SDM Vol. 2): loads and memory-operand arithmetic and
 * compares, stores (memory is written only when no unmasked exception forbids it, and only
 * after the whole destination was checked so a #PF leaves the FPU unchanged), and the
 * environment/state images FLDENV, FNSTENV, FRSTOR, FNSAVE.
 */
final class X87Mem {
    private X87Mem() {
    }

    // Load kinds.
    static final int L_ARITH = 0, L_COM = 1, L_UCOM = 2, L_FLD = 3, L_FILD = 4, L_FBLD = 5, L_FLDCW = 6, L_FLD80 = 7;
    // Store kinds.
    static final int S_FST = 0, S_FIST = 1, S_FISTTP = 2, S_FBSTP = 3, S_FNSTCW = 4, S_FNSTSW = 5, S_FST80 = 6;
    // Image kinds.
    static final int I_FLDENV = 0, I_FNSTENV = 1, I_FRSTOR = 2, I_FNSAVE = 3;

    static Insn create(Instruction d, long a) {
        int oc = d.opcode;
        int m = d.modrm;
        int len = d.length;
        // Operand format by escape byte: D8 m32fp, DA m32int, DC m64fp, DE m16int.
        int fmt = oc == 0xd8 ? Fp.F32 : oc == 0xdc ? Fp.F64 : -1;
        int isz = oc == 0xda ? 4 : 2;
        switch (d.op) {
            case FADD: case FMUL: case FSUB: case FSUBR: case FDIV: case FDIVR:
            case FIADD: case FIMUL: case FISUB: case FISUBR: case FIDIV: case FIDIVR:
                return new Load(a, len, oc, m, L_ARITH, X87.arithOp(d.op), fmt, 0, mem(d, fmt < 0 ? isz : fmt == Fp.F32 ? 4 : 8, a));
            case FCOM: case FICOM:
                return new Load(a, len, oc, m, L_COM, 0, fmt, 0, mem(d, fmt < 0 ? isz : fmt == Fp.F32 ? 4 : 8, a));
            case FCOMP: case FICOMP:
                return new Load(a, len, oc, m, L_COM, 0, fmt, 1, mem(d, fmt < 0 ? isz : fmt == Fp.F32 ? 4 : 8, a));
            case FLD:
                if (oc == 0xdb) {
                    return new Load(a, len, oc, m, L_FLD80, 0, Fp.F80, 0, mem(d, 10, a));
                }
                return new Load(a, len, oc, m, L_FLD, 0, oc == 0xd9 ? Fp.F32 : Fp.F64, 0, mem(d, oc == 0xd9 ? 4 : 8, a));
            case FILD:
                return new Load(a, len, oc, m, L_FILD, 0, 0, 0, mem(d, oc == 0xdb ? 4 : ((m >> 3) & 7) == 5 ? 8 : 2, a));
            case FBLD:
                return new Load(a, len, oc, m, L_FBLD, 0, 0, 0, mem(d, 10, a));
            case FLDCW:
                return new Load(a, len, oc, m, L_FLDCW, 0, 0, 0, mem(d, 2, a));
            case FST: case FSTP: {
                boolean pop = d.op == tvmm.decode.Op.FSTP;
                if (oc == 0xdb) {
                    return new Store(a, len, oc, m, S_FST80, 10, true, written(d, 10, a));
                }
                int sz = oc == 0xd9 ? 4 : 8;
                return new Store(a, len, oc, m, S_FST, sz, pop, written(d, sz, a));
            }
            case FIST: case FISTP: {
                int sz = oc == 0xdb ? 4 : ((m >> 3) & 7) == 7 ? 8 : 2;
                return new Store(a, len, oc, m, S_FIST, sz, d.op == tvmm.decode.Op.FISTP, written(d, sz, a));
            }
            case FISTTP: {
                int sz = oc == 0xdb ? 4 : oc == 0xdd ? 8 : 2;
                return new Store(a, len, oc, m, S_FISTTP, sz, true, written(d, sz, a));
            }
            case FBSTP:
                return new Store(a, len, oc, m, S_FBSTP, 10, true, written(d, 10, a));
            case FNSTCW:
                return new Store(a, len, oc, m, S_FNSTCW, 2, false, written(d, 2, a));
            case FNSTSW:
                return new Store(a, len, oc, m, S_FNSTSW, 2, false, written(d, 2, a));
            case FLDENV: case FNSTENV: case FRSTOR: case FNSAVE: {
                boolean op16 = d.operandSize == 2;
                int env = X87Images.envSize(op16);
                int kind = d.op == tvmm.decode.Op.FLDENV ? I_FLDENV : d.op == tvmm.decode.Op.FNSTENV ? I_FNSTENV
                        : d.op == tvmm.decode.Op.FRSTOR ? I_FRSTOR : I_FNSAVE;
                int size = kind == I_FLDENV || kind == I_FNSTENV ? env : env + 80;
                boolean w = kind == I_FNSTENV || kind == I_FNSAVE;
                return new Image(a, len, oc, m, kind, op16, size, w ? written(d, size, a) : mem(d, size, a));
            }
            default:
                return null;
        }
    }

    private static MemOperand mem(Instruction d, int size, long a) {
        return Operands.mem(d, size, a);
    }

    private static MemOperand written(Instruction d, int size, long a) {
        return Operands.mem(d, size, a, true);
    }

    /** Loads, memory arithmetic and compares, FLDCW. */
    static final class Load extends X87Node {
        private final int kind;
        private final int op;
        private final int fmt;
        private final int pops;
        private final MemOperand mem;

        Load(long address, int length, int opcode, int modrm, int kind, int op, int fmt, int pops, MemOperand mem) {
            super(address, length, opcode, modrm);
            this.kind = kind;
            this.op = op;
            this.fmt = fmt;
            this.pops = pops;
            this.mem = mem;
        }

        @Override
        public void execute(CpuState s) {
            X87State x = enter(s, true);
            long loc = mem.locate(s);
            int size = mem.size;
            long v = s.mem.read(loc, Math.min(size, 8));
            int hi = size == 10 ? (int) s.mem.read(loc + 8, 2) : 0;
            if (fmt < 0 || kind == L_FILD) {
                v = Moves.signExtend(v, size); // integer operands
            }
            switch (kind) {
                case L_ARITH: x.arithMem(op, fmt, v); break;
                case L_COM: X87Compare.fcom(x, 0, fmt, v, true, pops); break;
                case L_FLD:
                    if (fmt == Fp.F32) {
                        x.fld32((int) v);
                    } else {
                        x.fld64(v);
                    }
                    break;
                case L_FLD80: x.fld80(v, hi); break;
                case L_FILD: x.fild(v); break;
                case L_FBLD: x.fbld(v, hi); break;
                default: // FLDCW: a control instruction, no FIP/FDP update
                    x.setFcw((int) v);
                    return;
            }
            noteIp(s, x);
            noteDp(s, x, mem);
        }
    }

    /** FST/FSTP, FIST/FISTP/FISTTP, FBSTP, FNSTCW, FNSTSW m16. */
    static final class Store extends X87Node {
        private final int kind;
        private final int size;
        private final boolean pop;
        private final MemOperand mem;

        Store(long address, int length, int opcode, int modrm, int kind, int size, boolean pop, MemOperand mem) {
            super(address, length, opcode, modrm);
            this.kind = kind;
            this.size = size;
            this.pop = pop;
            this.mem = mem;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        public void execute(CpuState s) {
            boolean control = kind == S_FNSTCW || kind == S_FNSTSW;
            X87State x = enter(s, !control);
            long loc = mem.locate(s);
            probeWrite(s, loc, size);
            long v;
            int hi = 0;
            switch (kind) {
                case S_FNSTCW:
                    s.mem.write(loc, 2, x.fcw);
                    return;
                case S_FNSTSW:
                    s.mem.write(loc, 2, x.status());
                    return;
                case S_FST:
                    v = size == 4 ? x.fst32(pop) & 0xffffffffL : x.fst64(pop);
                    break;
                case S_FST80:
                    v = x.fst80(true);
                    hi = x.env.se;
                    break;
                case S_FIST:
                    v = x.fist(size * 8, false, pop);
                    break;
                case S_FISTTP:
                    v = x.fist(size * 8, true, true);
                    break;
                default:
                    v = x.fbstp();
                    hi = x.env.se2;
                    break;
            }
            if (x.storeOk) {
                s.mem.write(loc, Math.min(size, 8), v);
                if (size == 10) {
                    s.mem.write(loc + 8, 2, hi);
                }
            }
            noteIp(s, x);
            noteDp(s, x, mem);
        }
    }

    /** FLDENV, FNSTENV, FRSTOR, FNSAVE: 14/28-byte environment, 94/108-byte state (SDM Vol. 1 §8.1.10). */
    static final class Image extends X87Node {
        private final int kind;
        private final boolean op16;
        private final int size;
        private final MemOperand mem;

        Image(long address, int length, int opcode, int modrm, int kind, boolean op16, int size, MemOperand mem) {
            super(address, length, opcode, modrm);
            this.kind = kind;
            this.op16 = op16;
            this.size = size;
            this.mem = mem;
        }

        @Override
        public byte kind() {
            return kind == I_FNSTENV || kind == I_FNSAVE ? Insn.STORE : Insn.SEQ;
        }

        @Override
        public void execute(CpuState s) {
            X87State x = enter(s, kind == I_FLDENV || kind == I_FRSTOR);
            long loc = mem.locate(s);
            boolean real = realMode(s);
            if (kind == I_FLDENV || kind == I_FRSTOR) {
                byte[] b = readBytes(s, loc, size);
                if (kind == I_FLDENV) {
                    X87Images.fldenv(x, b, 0, op16, real);
                } else {
                    X87Images.frstor(x, b, 0, op16, real);
                }
                return;
            }
            probeWrite(s, loc, size);
            byte[] b = new byte[size];
            if (kind == I_FNSTENV) {
                X87Images.fstenv(x, b, 0, op16, real);
            } else {
                X87Images.fsave(x, b, 0, op16, real);
            }
            writeBytes(s, loc, b, size);
        }
    }
}
