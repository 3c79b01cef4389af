package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Op;

/**
 * Shifts and rotates (SDM Vol. 2 SAL/SAR/SHL/SHR, RCL/RCR/ROL/ROR, SHLD/SHRD, SARX/SHLX/SHRX,
 * RORX). The count is masked to 5 bits (6 with a 64-bit operand); a masked count of 0
 * changes neither the destination nor any flag. OF is defined only for a count of 1; CF is
 * the last bit shifted out. Flags are computed eagerly: only the ones these instructions
 * define are written, the undefined ones take the value the AMD hardware we test against
 * produces where that is known, else they are left unchanged.
 */
final class Shift {
    private Shift() {
    }

    static final int ROL = 0, ROR = 1, RCL = 2, RCR = 3, SHL = 4, SHR = 5, SAR = 7;

    static int code(Op op) {
        switch (op) {
            case ROL: return ROL;
            case ROR: return ROR;
            case RCL: return RCL;
            case RCR: return RCR;
            case SHL:
            case SAL: return SHL;
            case SHR: return SHR;
            default: return SAR;
        }
    }

    static final class Basic extends Insn {
        private final int op;
        private final Operand dst;
        private final Operand count;
        private final int size;
        private final int bits;

        Basic(long address, int length, int op, Operand dst, Operand count, boolean lock) {
            super(address, length);
            this.op = op;
            this.dst = dst;
            this.count = count;
            this.size = dst.size;
            this.bits = size * 8;
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            int c = (int) count.get(s) & (size == 8 ? 0x3f : 0x1f);
            long a = dst.readForWrite(s, loc);
            if (c == 0) {
                dst.write(s, loc, a); // flags unchanged, but a 32-bit register is still zero-extended
                return;
            }
            long mask = dst.mask();
            long sign = Flags.signBit(size);
            long r;
            long cf;
            long of;
            long f = 0;
            Flags.materialize(s);
            long old = s.rflags;
            switch (op) {
                case SHL:
                    r = c >= 64 ? 0 : (a << c) & mask;
                    cf = c > bits ? 0 : (a >>> (bits - c)) & 1;
                    of = ((r & sign) != 0 ? 1 : 0) ^ cf;
                    f = Flags.szp(r, size) | (c != 0 ? Flags.AF : 0);
                    break;
                case SHR:
                    r = c >= 64 ? 0 : a >>> c;
                    cf = c > bits ? 0 : (a >>> (c - 1)) & 1;
                    of = (a & sign) != 0 ? 1 : 0;
                    f = Flags.szp(r, size) | Flags.AF;
                    break;
                case SAR: {
                    long sa = Moves.signExtend(a, size);
                    r = (sa >> Math.min(c, 63)) & mask;
                    cf = (sa >> Math.min(c - 1, 63)) & 1;
                    of = 0;
                    f = Flags.szp(r, size) | Flags.AF;
                    break;
                }
                case ROL: {
                    int k = c & (bits - 1);
                    r = rotl(a, k, bits) & mask;
                    cf = r & 1;
                    of = ((r >>> (bits - 1)) & 1) ^ cf;
                    f = old & (Flags.PF | Flags.AF | Flags.ZF | Flags.SF);
                    break;
                }
                case ROR: {
                    int k = c & (bits - 1);
                    r = rotl(a, (bits - k) & (bits - 1), bits) & mask;
                    cf = (r >>> (bits - 1)) & 1;
                    of = cf ^ ((r >>> (bits - 2)) & 1);
                    f = old & (Flags.PF | Flags.AF | Flags.ZF | Flags.SF);
                    break;
                }
                case RCL: {
                    int k = size == 1 ? c % 9 : size == 2 ? c % 17 : c;
                    long carry = old & 1;
                    r = a;
                    for (int i = 0; i < k; i++) {
                        long out = (r >>> (bits - 1)) & 1;
                        r = ((r << 1) | carry) & mask;
                        carry = out;
                    }
                    cf = carry;
                    of = ((r >>> (bits - 1)) & 1) ^ cf;
                    f = old & (Flags.PF | Flags.AF | Flags.ZF | Flags.SF);
                    break;
                }
                default: { // RCR
                    int k = size == 1 ? c % 9 : size == 2 ? c % 17 : c;
                    long carry = old & 1;
                    of = ((a >>> (bits - 1)) & 1) ^ carry;
                    r = a;
                    for (int i = 0; i < k; i++) {
                        long out = r & 1;
                        r = (r >>> 1) | (carry << (bits - 1));
                        r &= mask;
                        carry = out;
                    }
                    cf = carry;
                    f = old & (Flags.PF | Flags.AF | Flags.ZF | Flags.SF);
                    break;
                }
            }
            dst.write(s, loc, r);
            if (c != 1 && (op == ROL || op == ROR || op == RCL || op == RCR)) {
                of = (old & Flags.OF) != 0 ? 1 : 0; // undefined: keep
            }
            s.rflags = (old & ~Flags.ARITH) | f | (cf != 0 ? Flags.CF : 0) | (of != 0 ? Flags.OF : 0);
        }
    }

    static long rotl(long a, int k, int bits) {
        if (k == 0) {
            return a;
        }
        if (bits == 64) {
            return Long.rotateLeft(a, k);
        }
        return (a << k) | (a >>> (bits - k));
    }

    /** SHLD/SHRD dst, src, count: bits shifted in come from src. */
    static final class Double extends Insn {
        private final boolean left;
        private final Operand dst;
        private final RegOperand src;
        private final Operand count;
        private final int size;

        Double(long address, int length, boolean left, Operand dst, RegOperand src, Operand count) {
            super(address, length);
            this.left = left;
            this.dst = dst;
            this.src = src;
            this.count = count;
            this.size = dst.size;
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            int c = (int) count.get(s) & (size == 8 ? 0x3f : 0x1f);
            long a = dst.readForWrite(s, loc);
            if (c == 0) {
                dst.write(s, loc, a); // flags unchanged, but a 32-bit register is still zero-extended
                return;
            }
            long b = src.get(s);
            int bits = size * 8;
            long mask = dst.mask();
            long r;
            long cf;
            if (size == 2) {
                // 16-bit operands shift a 32-bit (dst:src) or (src:dst) value; counts above 16 are undefined.
                long wide = left ? (a << 16) | b : (b << 16) | a;
                if (left) {
                    r = (wide << c >>> 16) & mask;
                    cf = (wide >>> (32 - c)) & 1;
                } else {
                    r = (wide >>> c) & mask;
                    cf = (wide >>> (c - 1)) & 1;
                }
            } else if (left) {
                r = ((a << c) | (b >>> (bits - c))) & mask;
                cf = (a >>> (bits - c)) & 1;
            } else {
                r = ((a >>> c) | (b << (bits - c))) & mask;
                cf = (a >>> (c - 1)) & 1;
            }
            dst.write(s, loc, r);
            long sign = Flags.signBit(size);
            long of = ((a ^ r) & sign) != 0 ? Flags.OF : 0;
            Flags.setArith(s, Flags.szp(r, size) | (cf != 0 ? Flags.CF : 0) | of | Flags.AF);
        }
    }

    /** SHLX/SHRX/SARX/RORX: BMI2 forms without flags. */
    static final class Bmi extends Insn {
        private final int op;
        private final RegOperand dst;
        private final Operand src;
        private final Operand count;

        Bmi(long address, int length, int op, RegOperand dst, Operand src, Operand count) {
            super(address, length);
            this.op = op;
            this.dst = dst;
            this.src = src;
            this.count = count;
        }

        @Override
        public void execute(CpuState s) {
            int size = dst.size;
            int bits = size * 8;
            long a = src.get(s);
            int c = (int) count.get(s) & (bits - 1);
            long r;
            switch (op) {
                case SHL: r = a << c; break;
                case SHR: r = a >>> c; break;
                case SAR: r = Moves.signExtend(a, size) >> c; break;
                default: r = rotl(a, (bits - c) & (bits - 1), bits); break;
            }
            dst.set(s, r);
        }
    }
}
