package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Instruction;
import tvmm.decode.Prefix;

/**
 * String instructions MOVS, CMPS, STOS, LODS, SCAS with REP/REPE/REPNE (SDM Vol. 1 §7.3.9,
 * Vol. 2 REP). A repeated instruction runs element by element and commits rSI, rDI and rCX
 * after each one, so a fault in the middle leaves the state of the completed elements and
 * RIP at the instruction: it restarts where it stopped (SDM Vol. 3 §6.6). Pending events
 * end the loop early the same way, so a long REP never delays an interrupt.
 */
final class Strings {
    private Strings() {
    }

    static final int MOVS = 0, CMPS = 1, STOS = 2, LODS = 3, SCAS = 4;
    static final int NO_REP = 0, REPE = 1, REPNE = 2;

    static Insn create(Instruction d, long a) {
        String name = d.op.name();
        int kind = name.startsWith("MOVS") ? MOVS : name.startsWith("CMPS") ? CMPS : name.startsWith("STOS") ? STOS
                : name.startsWith("LODS") ? LODS : SCAS;
        char w = name.charAt(name.length() - 1);
        int size = w == 'B' ? 1 : w == 'W' ? 2 : w == 'D' ? 4 : 8;
        int rep = d.hasPrefix(Prefix.REP) ? REPE : d.hasPrefix(Prefix.REPNE) ? REPNE : NO_REP;
        if (rep == REPNE && (kind != CMPS && kind != SCAS)) {
            rep = REPE; // F2 on MOVS/STOS/LODS repeats like F3 (no condition)
        }
        int seg = d.segment != null ? d.segment.num : CpuState.DS;
        return new StringOp(a, d.length, kind, size, rep, d.addressSize, seg, d.mode == 64);
    }

    static final class StringOp extends Insn {
        private final int op;
        private final int size;
        private final int rep;
        private final int addrSize;
        private final int srcSeg;
        private final boolean mode64;

        StringOp(long address, int length, int op, int size, int rep, int addrSize, int srcSeg, boolean mode64) {
            super(address, length);
            this.op = op;
            this.size = size;
            this.rep = rep;
            this.addrSize = addrSize;
            this.srcSeg = srcSeg;
            this.mode64 = mode64;
        }

        @Override
        public byte kind() {
            return rep != NO_REP ? LEAVE : op == MOVS || op == STOS ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            if (rep == NO_REP) {
                one(s);
                return;
            }
            long amask = Flags.mask(addrSize);
            while (true) {
                long count = s.gpr[CpuState.RCX] & amask;
                if (count == 0) {
                    break;
                }
                one(s);
                count--;
                Operands.gpr(CpuState.RCX, addrSize).set(s, count);
                if (op == CMPS || op == SCAS) {
                    boolean zf = Flags.zf(s);
                    if (rep == REPE ? !zf : zf) {
                        break;
                    }
                }
                if (count != 0 && (s.codeModified || s.eventsActionable())) {
                    s.rip = address; // resume the remaining elements after the event
                    return;
                }
            }
            s.rip = next();
        }

        private long delta(CpuState s) {
            return (s.rflags & Flags.DF) != 0 ? -size : size;
        }

        private long src(CpuState s) {
            return MemOperand.linear(s, srcSeg, s.gpr[CpuState.RSI] & Flags.mask(addrSize), size, mode64);
        }

        private long dst(CpuState s) {
            boolean write = op == MOVS || op == STOS;
            return MemOperand.linear(s, CpuState.ES, s.gpr[CpuState.RDI] & Flags.mask(addrSize), size, mode64, write);
        }

        private void advance(CpuState s, int reg, long delta) {
            Operands.gpr(reg, addrSize).set(s, s.gpr[reg] + delta);
        }

        private void one(CpuState s) {
            long d = delta(s);
            long acc = s.gpr[CpuState.RAX] & Flags.mask(size);
            switch (op) {
                case MOVS: {
                    long v = s.mem.read(src(s), size);
                    s.mem.write(dst(s), size, v);
                    advance(s, CpuState.RSI, d);
                    advance(s, CpuState.RDI, d);
                    break;
                }
                case STOS:
                    s.mem.write(dst(s), size, acc);
                    advance(s, CpuState.RDI, d);
                    break;
                case LODS:
                    Operands.gpr(CpuState.RAX, size).set(s, s.mem.read(src(s), size));
                    advance(s, CpuState.RSI, d);
                    break;
                case SCAS: {
                    long v = s.mem.read(dst(s), size);
                    Flags.set(s, Flags.op(Flags.SUB, size), acc, v, (acc - v) & Flags.mask(size));
                    advance(s, CpuState.RDI, d);
                    break;
                }
                default: { // CMPS: flags of [rSI] - [rDI]
                    long x = s.mem.read(src(s), size);
                    long y = s.mem.read(dst(s), size);
                    Flags.set(s, Flags.op(Flags.SUB, size), x, y, (x - y) & Flags.mask(size));
                    advance(s, CpuState.RSI, d);
                    advance(s, CpuState.RDI, d);
                    break;
                }
            }
        }
    }
}
