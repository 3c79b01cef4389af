package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.decode.Op;

/**
 * Integer arithmetic and logic: ADD, ADC, SUB, SBB, AND, OR, XOR, CMP, TEST, INC, DEC, NEG,
 * NOT (SDM Vol. 2). Flags are recorded lazily ({@link Flags}). With LOCK the memory update
 * is a compare-and-exchange loop on the region, so it is atomic against other vCPUs.
 */
final class Alu {
    private Alu() {
    }

    static final int ADD = 0, ADC = 1, SUB = 2, SBB = 3, AND = 4, OR = 5, XOR = 6, CMP = 7, TEST = 8;

    static int code(Op op) {
        switch (op) {
            case ADD: return ADD;
            case ADC: return ADC;
            case SUB: return SUB;
            case SBB: return SBB;
            case AND: return AND;
            case OR: return OR;
            case XOR: return XOR;
            case CMP: return CMP;
            default: return TEST;
        }
    }

    /** dst op= src. */
    static final class Binary extends Insn {
        private final int op;
        private final Operand dst;
        private final Operand src;
        private final boolean lock;
        private final int size;

        Binary(long address, int length, int op, Operand dst, Operand src, boolean lock) {
            super(address, length);
            this.op = op;
            this.dst = dst;
            this.src = src;
            this.lock = lock && dst.isMemory() && op != CMP && op != TEST;
            this.size = dst.size;
        }

        @Override
        public byte kind() {
            return dst.isMemory() && op != CMP && op != TEST ? STORE : SEQ;
        }

        private boolean writes() {
            return op != CMP && op != TEST;
        }

        private long compute(long a, long b, long carry) {
            switch (op) {
                case ADD: return a + b;
                case ADC: return a + b + carry;
                case SUB:
                case CMP: return a - b;
                case SBB: return a - b - carry;
                case AND:
                case TEST: return a & b;
                case OR: return a | b;
                default: return a ^ b;
            }
        }

        private int flagKind() {
            switch (op) {
                case ADD:
                case ADC: return Flags.ADD;
                case SUB:
                case SBB:
                case CMP: return Flags.SUB;
                default: return Flags.LOGIC;
            }
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            long b = src.get(s);
            long carry = (op == ADC || op == SBB) && Flags.cf(s) ? 1 : 0;
            long mask = dst.mask();
            long a;
            long r;
            if (lock) {
                do {
                    a = dst.readForWrite(s, loc);
                    r = compute(a, b, carry) & mask;
                } while (s.mem.compareExchange(loc, size, a, r) != a);
            } else {
                a = writes() ? dst.readForWrite(s, loc) : dst.read(s, loc);
                r = compute(a, b, carry) & mask;
                if (writes()) {
                    dst.write(s, loc, r);
                }
            }
            Flags.set(s, Flags.op(flagKind(), size), a, b, r);
        }
    }

    static final int INC = 0, DEC = 1, NEG = 2, NOT = 3;

    /** INC, DEC, NEG, NOT on one operand. */
    static final class Unary extends Insn {
        private final int op;
        private final Operand dst;
        private final boolean lock;
        private final int size;

        Unary(long address, int length, int op, Operand dst, boolean lock) {
            super(address, length);
            this.op = op;
            this.dst = dst;
            this.lock = lock && dst.isMemory();
            this.size = dst.size;
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        private long compute(long a) {
            switch (op) {
                case INC: return a + 1;
                case DEC: return a - 1;
                case NEG: return -a;
                default: return ~a;
            }
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            long mask = dst.mask();
            long a;
            long r;
            if (lock) {
                do {
                    a = dst.readForWrite(s, loc);
                    r = compute(a) & mask;
                } while (s.mem.compareExchange(loc, size, a, r) != a);
            } else {
                a = dst.readForWrite(s, loc);
                r = compute(a) & mask;
                dst.write(s, loc, r);
            }
            switch (op) {
                case INC:
                case DEC: {
                    // CF is preserved: keep it in rflags, where the INC/DEC kinds read it.
                    long cf = Flags.cf(s) ? Flags.CF : 0;
                    s.rflags = (s.rflags & ~Flags.CF) | cf;
                    Flags.set(s, Flags.op(op == INC ? Flags.INC : Flags.DEC, size), a, 1, r);
                    break;
                }
                case NEG:
                    Flags.set(s, Flags.op(Flags.SUB, size), 0, a, r);
                    break;
                default:
                    break; // NOT changes no flags
            }
        }
    }
}
