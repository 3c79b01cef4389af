package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * Data movement: MOV, MOVZX, MOVSX, MOVSXD, MOVBE, MOVNTI, LEA, CMOVcc, SETcc, XLAT, and the
 * accumulator conversions CBW/CWDE/CDQE and CWD/CDQ/CQO (SDM Vol. 2).
 */
final class Moves {
    private Moves() {
    }

    static final int PLAIN = 0, ZERO_EXTEND = 1, SIGN_EXTEND = 2, BYTE_SWAP = 3;

    /** dst = extend(src): MOV, MOVZX, MOVSX, MOVSXD, MOVBE, MOVNTI. */
    static final class Move extends Insn {
        private final Operand dst;
        private final Operand src;
        private final int how;

        Move(long address, int length, Operand dst, Operand src, int how) {
            super(address, length);
            this.dst = dst;
            this.src = src;
            this.how = how;
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            long v = src.get(s);
            switch (how) {
                case SIGN_EXTEND:
                    v = signExtend(v, src.size);
                    break;
                case BYTE_SWAP:
                    v = swap(v, src.size);
                    break;
                default:
                    break;
            }
            dst.write(s, loc, v);
        }
    }

    static long signExtend(long v, int size) {
        switch (size) {
            case 1: return (byte) v;
            case 2: return (short) v;
            case 4: return (int) v;
            default: return v;
        }
    }

    static long swap(long v, int size) {
        switch (size) {
            case 2: return Short.reverseBytes((short) v) & 0xffffL;
            case 4: return Integer.reverseBytes((int) v) & 0xffffffffL;
            default: return Long.reverseBytes(v);
        }
    }

    /** LEA: the effective address, truncated to the operand size; no memory access. */
    static final class Lea extends Insn {
        private final RegOperand dst;
        private final MemOperand src;

        Lea(long address, int length, RegOperand dst, MemOperand src) {
            super(address, length);
            this.dst = dst;
            this.src = src;
        }

        @Override
        public void execute(CpuState s) {
            dst.set(s, src.effectiveAddress(s));
        }
    }

    /**
     * CMOVcc: the source is read (and may fault) whatever the condition; a 32-bit destination
     * is written (zero-extended) even when the condition is false (SDM Vol. 2 CMOVcc).
     */
    static final class CMov extends Insn {
        private final RegOperand dst;
        private final Operand src;
        private final int cc;

        CMov(long address, int length, RegOperand dst, Operand src, int cc) {
            super(address, length);
            this.dst = dst;
            this.src = src;
            this.cc = cc;
        }

        @Override
        public void execute(CpuState s) {
            long v = src.get(s);
            if (Flags.condition(s, cc)) {
                dst.set(s, v);
            } else if (dst.size == 4) {
                dst.set(s, dst.get(s));
            }
        }
    }

    /** SETcc r/m8. */
    static final class SetCc extends Insn {
        private final Operand dst;
        private final int cc;

        SetCc(long address, int length, Operand dst, int cc) {
            super(address, length);
            this.dst = dst;
            this.cc = cc;
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            dst.write(s, loc, Flags.condition(s, cc) ? 1 : 0);
        }
    }

    /** CBW/CWDE/CDQE: sign-extend the lower half of the accumulator into the whole (size = destination). */
    static final class ExtendAcc extends Insn {
        private final int size;

        ExtendAcc(long address, int length, int size) {
            super(address, length);
            this.size = size;
        }

        @Override
        public void execute(CpuState s) {
            long v = signExtend(s.gpr[CpuState.RAX], size / 2);
            Operands.gpr(CpuState.RAX, size).set(s, v);
        }
    }

    /** CWD/CDQ/CQO: rDX = the sign of rAX, replicated. */
    static final class SignToDx extends Insn {
        private final int size;

        SignToDx(long address, int length, int size) {
            super(address, length);
            this.size = size;
        }

        @Override
        public void execute(CpuState s) {
            long sign = (s.gpr[CpuState.RAX] & Flags.signBit(size)) != 0 ? -1L : 0;
            Operands.gpr(CpuState.RDX, size).set(s, sign);
        }
    }

    /** XLAT: AL = [seg: rBX + AL]; segment and base register as the decoder reports them. */
    static final class Xlat extends Insn {
        private final int seg;
        private final int base;
        private final int addrSize;
        private final boolean mode64;

        Xlat(long address, int length, int seg, int base, int addrSize, boolean mode64) {
            super(address, length);
            this.seg = seg;
            this.base = base;
            this.addrSize = addrSize;
            this.mode64 = mode64;
        }

        @Override
        public void execute(CpuState s) {
            long ea = (s.gpr[base] + (s.gpr[CpuState.RAX] & 0xff)) & Flags.mask(addrSize);
            long v = s.mem.read(MemOperand.linear(s, seg, ea, 1, mode64), 1);
            s.gpr[CpuState.RAX] = (s.gpr[CpuState.RAX] & ~0xffL) | v;
        }
    }
}
