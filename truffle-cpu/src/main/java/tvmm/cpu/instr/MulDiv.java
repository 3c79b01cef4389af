package tvmm.cpu.instr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import java.math.BigInteger;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Instruction;
import tvmm.decode.Op;

/**
 * MUL, IMUL (one, two and three operands), DIV, IDIV, MULX (SDM Vol. 2). MUL/IMUL define
 * only CF = OF (the high half is significant); SF, ZF, AF, PF are undefined and left as
 * they were. DIV/IDIV raise #DE on a zero divisor or a quotient that does not fit and
 * define no flags.
 */
final class MulDiv {
    private MulDiv() {
    }

    static Insn create(Instruction d, long a) {
        int len = d.length;
        switch (d.op) {
            case MUL:
                return new WideMul(a, len, false, Operands.of(d, 0, a));
            case IMUL:
                if (d.operandCount == 1) {
                    return new WideMul(a, len, true, Operands.of(d, 0, a));
                }
                if (d.operandCount == 2) {
                    return new Imul(a, len, (RegOperand) Operands.of(d, 0, a), Operands.of(d, 0, a), Operands.of(d, 1, a));
                }
                return new Imul(a, len, (RegOperand) Operands.of(d, 0, a), Operands.of(d, 1, a), Operands.of(d, 2, a));
            case DIV:
                return new Divide(a, len, false, Operands.of(d, 0, a));
            case IDIV:
                return new Divide(a, len, true, Operands.of(d, 0, a));
            default:
                return new Mulx(a, len, (RegOperand) Operands.of(d, 0, a), (RegOperand) Operands.of(d, 1, a),
                        Operands.of(d, 2, a));
        }
    }

    static void setCarryOverflow(CpuState s, boolean overflow) {
        Flags.materialize(s);
        s.rflags = overflow ? s.rflags | Flags.CF | Flags.OF : s.rflags & ~(Flags.CF | Flags.OF);
    }

    /** MUL / one-operand IMUL: rDX:rAX (AX for bytes) = rAX * src. */
    static final class WideMul extends Insn {
        private final boolean signed;
        private final Operand src;

        WideMul(long address, int length, boolean signed, Operand src) {
            super(address, length);
            this.signed = signed;
            this.src = src;
        }

        @Override
        public void execute(CpuState s) {
            int size = src.size;
            long b = src.get(s);
            long acc = s.gpr[CpuState.RAX] & Flags.mask(size);
            long lo;
            long hi;
            if (size == 8) {
                lo = acc * b;
                hi = signed ? Math.multiplyHigh(acc, b) : Math.unsignedMultiplyHigh(acc, b);
            } else {
                long p = signed ? Moves.signExtend(acc, size) * Moves.signExtend(b, size) : acc * b;
                int bits = size * 8;
                lo = p & Flags.mask(size);
                hi = (p >> bits) & Flags.mask(size);
            }
            boolean overflow = signed ? hi != ((lo & Flags.signBit(size)) != 0 ? Flags.mask(size) : 0) : hi != 0;
            if (size == 1) {
                Operands.gpr(CpuState.RAX, 2).set(s, lo | hi << 8);
            } else {
                Operands.gpr(CpuState.RAX, size).set(s, lo);
                Operands.gpr(CpuState.RDX, size).set(s, hi);
            }
            setCarryOverflow(s, overflow);
        }
    }

    /** Two- and three-operand IMUL: dst = truncate(a * b). */
    static final class Imul extends Insn {
        private final RegOperand dst;
        private final Operand x;
        private final Operand y;

        Imul(long address, int length, RegOperand dst, Operand x, Operand y) {
            super(address, length);
            this.dst = dst;
            this.x = x;
            this.y = y;
        }

        @Override
        public void execute(CpuState s) {
            int size = dst.size;
            long a = Moves.signExtend(x.get(s), size);
            long b = Moves.signExtend(y.get(s), size);
            long lo = a * b;
            boolean overflow;
            if (size == 8) {
                long hi = Math.multiplyHigh(a, b);
                overflow = hi != (lo >> 63);
            } else {
                overflow = Moves.signExtend(lo, size) != lo;
            }
            dst.set(s, lo);
            setCarryOverflow(s, overflow);
        }
    }

    /** DIV / IDIV: rDX:rAX (AX for bytes) / src → quotient in rAX (AL), remainder in rDX (AH). */
    static final class Divide extends Insn {
        private final boolean signed;
        private final Operand src;

        Divide(long address, int length, boolean signed, Operand src) {
            super(address, length);
            this.signed = signed;
            this.src = src;
        }

        @Override
        public void execute(CpuState s) {
            int size = src.size;
            long mask = Flags.mask(size);
            long divisor = src.get(s);
            if (divisor == 0) {
                throw GuestFault.of(Vectors.DE, 0);
            }
            long q;
            long r;
            if (size == 8) {
                long lo = s.gpr[CpuState.RAX];
                long hi = s.gpr[CpuState.RDX];
                long[] qr = signed ? idiv128(hi, lo, divisor) : div128(hi, lo, divisor);
                q = qr[0];
                r = qr[1];
            } else {
                int bits = size * 8;
                long dividend = size == 1 ? s.gpr[CpuState.RAX] & 0xffff
                        : (s.gpr[CpuState.RAX] & mask) | (s.gpr[CpuState.RDX] & mask) << bits;
                if (signed) {
                    long n = Moves.signExtend(dividend, size * 2);
                    long dv = Moves.signExtend(divisor, size);
                    q = n / dv;
                    r = n % dv;
                    if (q != Moves.signExtend(q, size)) {
                        throw GuestFault.of(Vectors.DE, 0);
                    }
                } else {
                    q = Long.divideUnsigned(dividend, divisor);
                    r = Long.remainderUnsigned(dividend, divisor);
                    if ((q & ~mask) != 0) {
                        throw GuestFault.of(Vectors.DE, 0);
                    }
                }
            }
            if (size == 1) {
                Operands.gpr(CpuState.RAX, 2).set(s, (q & 0xff) | (r & 0xff) << 8);
            } else {
                Operands.gpr(CpuState.RAX, size).set(s, q);
                Operands.gpr(CpuState.RDX, size).set(s, r);
            }
        }
    }

    /** Unsigned 128/64 division; #DE when the quotient needs more than 64 bits. */
    @TruffleBoundary
    static long[] div128(long hi, long lo, long divisor) {
        if (Long.compareUnsigned(hi, divisor) >= 0) {
            throw GuestFault.of(Vectors.DE, 0);
        }
        if (hi == 0) {
            return new long[] {Long.divideUnsigned(lo, divisor), Long.remainderUnsigned(lo, divisor)};
        }
        BigInteger n = unsigned(hi).shiftLeft(64).or(unsigned(lo));
        BigInteger[] qr = n.divideAndRemainder(unsigned(divisor));
        return new long[] {qr[0].longValue(), qr[1].longValue()};
    }

    /** Signed 128/64 division; #DE when the quotient does not fit in a signed 64-bit value. */
    @TruffleBoundary
    static long[] idiv128(long hi, long lo, long divisor) {
        if (hi == (lo >> 63)) {
            if (lo == Long.MIN_VALUE && divisor == -1) {
                throw GuestFault.of(Vectors.DE, 0);
            }
            return new long[] {lo / divisor, lo % divisor};
        }
        BigInteger n = BigInteger.valueOf(hi).shiftLeft(64).or(unsigned(lo));
        BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(divisor));
        if (qr[0].bitLength() > 63) {
            throw GuestFault.of(Vectors.DE, 0);
        }
        return new long[] {qr[0].longValue(), qr[1].longValue()};
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    /** MULX hi, lo, src: rDX * src without flags; the high half is written last. */
    static final class Mulx extends Insn {
        private final RegOperand hiDst;
        private final RegOperand loDst;
        private final Operand src;

        Mulx(long address, int length, RegOperand hiDst, RegOperand loDst, Operand src) {
            super(address, length);
            this.hiDst = hiDst;
            this.loDst = loDst;
            this.src = src;
        }

        @Override
        public void execute(CpuState s) {
            int size = hiDst.size;
            long a = s.gpr[CpuState.RDX] & Flags.mask(size);
            long b = src.get(s);
            long lo;
            long hi;
            if (size == 8) {
                lo = a * b;
                hi = Math.unsignedMultiplyHigh(a, b);
            } else {
                long p = a * b;
                lo = p & 0xffffffffL;
                hi = p >>> 32;
            }
            loDst.set(s, lo);
            hiDst.set(s, hi);
        }
    }
}
