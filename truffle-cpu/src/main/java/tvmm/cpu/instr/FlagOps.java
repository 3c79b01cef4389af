package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Op;

/** CLC, STC, CMC, CLD, STD, LAHF, SAHF (SDM Vol. 2). CLI/STI belong to the system layer (IOPL, shadow). */
final class FlagOps {
    private FlagOps() {
    }

    static final int CLC = 0, STC = 1, CMC = 2, CLD = 3, STD = 4, LAHF = 5, SAHF = 6;

    static int code(Op op) {
        switch (op) {
            case CLC: return CLC;
            case STC: return STC;
            case CMC: return CMC;
            case CLD: return CLD;
            case STD: return STD;
            case LAHF: return LAHF;
            default: return SAHF;
        }
    }

    /** The flags LAHF/SAHF move: SF, ZF, AF, PF, CF. */
    private static final long AH_FLAGS = Flags.SF | Flags.ZF | Flags.AF | Flags.PF | Flags.CF;

    static final class Simple extends Insn {
        private final int op;

        Simple(long address, int length, int op) {
            super(address, length);
            this.op = op;
        }

        @Override
        public void execute(CpuState s) {
            switch (op) {
                case CLD:
                    s.rflags &= ~Flags.DF;
                    return;
                case STD:
                    s.rflags |= Flags.DF;
                    return;
                case LAHF: {
                    long ah = (Flags.read(s) & AH_FLAGS) | Flags.FIXED1;
                    s.gpr[CpuState.RAX] = (s.gpr[CpuState.RAX] & ~0xff00L) | ah << 8;
                    return;
                }
                default:
                    break;
            }
            Flags.materialize(s);
            switch (op) {
                case CLC:
                    s.rflags &= ~Flags.CF;
                    break;
                case STC:
                    s.rflags |= Flags.CF;
                    break;
                case CMC:
                    s.rflags ^= Flags.CF;
                    break;
                default: { // SAHF
                    long ah = (s.gpr[CpuState.RAX] >>> 8) & AH_FLAGS;
                    s.rflags = (s.rflags & ~AH_FLAGS) | ah;
                    break;
                }
            }
        }
    }
}
