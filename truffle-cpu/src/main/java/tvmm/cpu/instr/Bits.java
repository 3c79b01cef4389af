package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Instruction;
import tvmm.decode.Op;

/**
 * Bit operations: BT/BTS/BTR/BTC, BSF/BSR, LZCNT/TZCNT/POPCNT, BSWAP, the BMI1/BMI2 group
 * (ANDN, BEXTR, BLSI, BLSMSK, BLSR, BZHI, PDEP, PEXT) and ADX (ADCX, ADOX). SDM Vol. 2.
 */
final class Bits {
    private Bits() {
    }

    static final int BT = 0, BTS = 1, BTR = 2, BTC = 3;

    static int btCode(Op op) {
        return op == Op.BT ? BT : op == Op.BTS ? BTS : op == Op.BTR ? BTR : BTC;
    }

    /**
     * BT family. With a register bit offset and a memory operand the offset is signed and
     * selects any bit relative to the operand's address (SDM Vol. 2 BT: "bit string"); an
     * immediate offset is taken modulo the operand size. CF = the bit; ZF is unchanged;
     * OF, SF, AF, PF are undefined (left as they were).
     */
    static final class BitTest extends Insn {
        private final int op;
        private final Operand dst;
        private final Operand offset;
        private final boolean immediate;
        private final boolean lock;
        private final MemOperand mem;
        private final int size;

        BitTest(long address, int length, int op, Operand dst, Operand offset, boolean immediate, boolean lock, MemOperand mem) {
            super(address, length);
            this.op = op;
            this.dst = dst;
            this.offset = offset;
            this.immediate = immediate;
            this.lock = lock && mem != null;
            this.mem = mem;
            this.size = dst.size;
        }

        @Override
        public byte kind() {
            return op != BT && dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            int bits = size * 8;
            long off = offset.get(s);
            long loc;
            int bit;
            if (mem != null && !immediate) {
                long signed = Moves.signExtend(off, size);
                int shift = Integer.numberOfTrailingZeros(bits);
                long ea = (mem.effectiveAddress(s) + (signed >> shift) * size) & Flags.mask(mem.addrSize);
                loc = MemOperand.linear(s, mem.seg, ea, size, mem.mode64, mem.written);
                bit = (int) (signed & (bits - 1));
            } else {
                loc = dst.locate(s);
                bit = (int) (off & (bits - 1));
            }
            long m = 1L << bit;
            long v;
            long r;
            if (lock) {
                do {
                    v = s.mem.readForWrite(loc, size);
                    r = update(v, m);
                } while (s.mem.compareExchange(loc, size, v, r) != v);
            } else {
                v = op == BT ? dst.read(s, loc) : dst.readForWrite(s, loc);
                r = update(v, m);
                if (op != BT) {
                    dst.write(s, loc, r);
                }
            }
            Flags.materialize(s);
            s.rflags = (v & m) != 0 ? s.rflags | Flags.CF : s.rflags & ~Flags.CF;
        }

        private long update(long v, long m) {
            switch (op) {
                case BTS: return v | m;
                case BTR: return v & ~m;
                case BTC: return v ^ m;
                default: return v;
            }
        }
    }

    static final int BSF = 0, BSR = 1, LZCNT = 2, TZCNT = 3, POPCNT = 4;

    static int scanCode(Op op) {
        switch (op) {
            case BSF: return BSF;
            case BSR: return BSR;
            case LZCNT: return LZCNT;
            case TZCNT: return TZCNT;
            default: return POPCNT;
        }
    }

    /** BSF/BSR (a zero source sets ZF and leaves the destination unchanged, as AMD documents), LZCNT, TZCNT, POPCNT. */
    static final class Scan extends Insn {
        private final int op;
        private final RegOperand dst;
        private final Operand src;

        Scan(long address, int length, int op, RegOperand dst, Operand src) {
            super(address, length);
            this.op = op;
            this.dst = dst;
            this.src = src;
        }

        @Override
        public void execute(CpuState s) {
            int size = dst.size;
            int bits = size * 8;
            long v = src.get(s);
            Flags.materialize(s);
            long f = s.rflags;
            switch (op) {
                case BSF:
                case BSR:
                    if (v == 0) {
                        f |= Flags.ZF;
                    } else {
                        f &= ~Flags.ZF;
                        dst.set(s, op == BSF ? Long.numberOfTrailingZeros(v) : 63 - Long.numberOfLeadingZeros(v));
                    }
                    break;
                case LZCNT:
                case TZCNT: {
                    long n = v == 0 ? bits : op == TZCNT ? Long.numberOfTrailingZeros(v) : Long.numberOfLeadingZeros(v) - (64 - bits);
                    dst.set(s, n);
                    f = (f & ~(Flags.CF | Flags.ZF)) | (v == 0 ? Flags.CF : 0) | (n == 0 ? Flags.ZF : 0);
                    break;
                }
                default:
                    dst.set(s, Long.bitCount(v));
                    f = (f & ~Flags.ARITH) | (v == 0 ? Flags.ZF : 0);
                    break;
            }
            s.rflags = f;
        }
    }

    /** BSWAP r32/r64 (a 16-bit operand is undefined; it is zeroed as on current hardware). */
    static final class Bswap extends Insn {
        private final RegOperand reg;

        Bswap(long address, int length, RegOperand reg) {
            super(address, length);
            this.reg = reg;
        }

        @Override
        public void execute(CpuState s) {
            reg.set(s, reg.size == 2 ? 0 : Moves.swap(reg.get(s), reg.size));
        }
    }

    static Insn bmi(Instruction d, long a) {
        int len = d.length;
        RegOperand dst = (RegOperand) Operands.of(d, 0, a);
        switch (d.op) {
            case ANDN:
            case BEXTR:
            case BZHI:
            case PDEP:
            case PEXT:
                return new Bmi(a, len, d.op, dst, Operands.of(d, 1, a), Operands.of(d, 2, a));
            default:
                return new Bmi(a, len, d.op, dst, Operands.of(d, 1, a), null);
        }
    }

    /** BMI1/BMI2 three-operand forms (VEX): flags per SDM, undefined ones left as they were. */
    static final class Bmi extends Insn {
        private final Op op;
        private final RegOperand dst;
        private final Operand x;
        private final Operand y;

        Bmi(long address, int length, Op op, RegOperand dst, Operand x, Operand y) {
            super(address, length);
            this.op = op;
            this.dst = dst;
            this.x = x;
            this.y = y;
        }

        @Override
        public void execute(CpuState s) {
            int size = dst.size;
            int bits = size * 8;
            long mask = Flags.mask(size);
            long a = x.get(s);
            long b = y != null ? y.get(s) : 0;
            Flags.materialize(s);
            long f = s.rflags & ~(Flags.CF | Flags.OF | Flags.ZF | Flags.SF);
            long r;
            switch (op) {
                case ANDN:
                    r = ~a & b & mask;
                    break;
                case BEXTR: {
                    int start = (int) (b & 0xff);
                    int n = (int) ((b >>> 8) & 0xff);
                    r = start >= bits ? 0 : a >>> start;
                    if (n < bits) {
                        r &= (1L << n) - 1;
                    }
                    break;
                }
                case BLSI:
                    r = -a & a & mask;
                    f |= a != 0 ? Flags.CF : 0;
                    break;
                case BLSMSK:
                    r = ((a - 1) ^ a) & mask;
                    f |= a == 0 ? Flags.CF : 0;
                    break;
                case BLSR:
                    r = ((a - 1) & a) & mask;
                    f |= a == 0 ? Flags.CF : 0;
                    break;
                case BZHI: {
                    int n = (int) (b & 0xff);
                    r = n < bits ? a & ((1L << n) - 1) : a;
                    f |= n > bits - 1 ? Flags.CF : 0;
                    break;
                }
                case PDEP:
                    dst.set(s, Long.expand(a, b & mask));
                    return;
                default: // PEXT
                    dst.set(s, Long.compress(a, b & mask));
                    return;
            }
            dst.set(s, r);
            f |= (r == 0 && op != Op.BLSMSK ? Flags.ZF : 0) | ((r & Flags.signBit(size)) != 0 ? Flags.SF : 0);
            s.rflags = f;
        }
    }

    /** ADCX (carry in and out through CF) and ADOX (through OF); no other flag changes. */
    static final class AddCarry extends Insn {
        private final boolean overflowFlag;
        private final RegOperand dst;
        private final Operand src;

        AddCarry(long address, int length, boolean overflowFlag, RegOperand dst, Operand src) {
            super(address, length);
            this.overflowFlag = overflowFlag;
            this.dst = dst;
            this.src = src;
        }

        @Override
        public void execute(CpuState s) {
            int size = dst.size;
            long flag = overflowFlag ? Flags.OF : Flags.CF;
            Flags.materialize(s);
            long cin = (s.rflags & flag) != 0 ? 1 : 0;
            long a = dst.get(s);
            long b = src.get(s);
            long r = (a + b + cin) & Flags.mask(size);
            boolean carry = ((((a & b) | ((a | b) & ~r)) >>> (size * 8 - 1)) & 1) != 0;
            dst.set(s, r);
            s.rflags = carry ? s.rflags | flag : s.rflags & ~flag;
        }
    }
}
