package tvmm.cpu.instr;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Op;

/** Decimal adjust instructions AAA, AAS, AAD, AAM, DAA, DAS (legacy modes only; SDM Vol. 2). */
final class Bcd {
    private Bcd() {
    }

    static final int AAA = 0, AAS = 1, AAD = 2, AAM = 3, DAA = 4, DAS = 5;

    static int code(Op op) {
        switch (op) {
            case AAA: return AAA;
            case AAS: return AAS;
            case AAD: return AAD;
            case AAM: return AAM;
            case DAA: return DAA;
            default: return DAS;
        }
    }

    static final class Adjust extends Insn {
        private final int op;
        private final int base;

        Adjust(long address, int length, int op, int base) {
            super(address, length);
            this.op = op;
            this.base = base;
        }

        @Override
        public void execute(CpuState s) {
            if (op == AAM && base == 0) {
                throw GuestFault.of(Vectors.DE, 0);
            }
            Flags.materialize(s);
            long f = s.rflags;
            boolean af = (f & Flags.AF) != 0;
            boolean cf = (f & Flags.CF) != 0;
            int ax = (int) s.gpr[CpuState.RAX] & 0xffff;
            int al = ax & 0xff;
            long flags;
            switch (op) {
                case AAA:
                case AAS:
                    if ((al & 0xf) > 9 || af) {
                        // AX += 106h / AX -= 6 then AH -= 1 (SDM Vol. 2 AAA/AAS; the borrow reaches AH)
                        ax = op == AAA ? ax + 0x106 : ((ax - 6) - 0x100) & 0xffff;
                        flags = Flags.AF | Flags.CF;
                    } else {
                        flags = 0;
                    }
                    ax = ax & 0xff0f;
                    flags |= Flags.szp(ax & 0xff, 1);
                    break;
                case AAD:
                    al = (al + (ax >> 8) * base) & 0xff;
                    ax = al;
                    flags = Flags.szp(al, 1);
                    break;
                case AAM:
                    ax = ((al / base) << 8) | (al % base);
                    flags = Flags.szp(ax & 0xff, 1);
                    break;
                default: { // DAA, DAS
                    int oldAl = al;
                    boolean newCf = false;
                    boolean newAf = false;
                    if ((al & 0xf) > 9 || af) {
                        int t = op == DAA ? al + 6 : al - 6;
                        newCf = cf || (op == DAA ? t > 0xff : t < 0);
                        al = t & 0xff;
                        newAf = true;
                    }
                    if (oldAl > 0x99 || cf) {
                        al = (op == DAA ? al + 0x60 : al - 0x60) & 0xff;
                        newCf = true;
                    }
                    ax = (ax & 0xff00) | al;
                    flags = Flags.szp(al, 1) | (newCf ? Flags.CF : 0) | (newAf ? Flags.AF : 0);
                    break;
                }
            }
            s.gpr[CpuState.RAX] = (s.gpr[CpuState.RAX] & ~0xffffL) | (ax & 0xffff);
            s.rflags = (f & ~Flags.ARITH) | flags;
        }
    }
}
