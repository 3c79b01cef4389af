package tvmm.cpu.instr;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * XCHG, XADD, CMPXCHG, CMPXCHG8B/16B (SDM Vol. 2). XCHG with memory is always locked; the
 * others are atomic with LOCK. Atomic accesses go through the region's VarHandles
 * ({@link tvmm.cpu.mem.MemoryAccess#compareExchange}).
 */
final class Exchange {
    private Exchange() {
    }

    /** XCHG: a is the destination (register or memory), b a register. */
    static final class Xchg extends Insn {
        private final Operand a;
        private final RegOperand b;

        Xchg(long address, int length, Operand a, RegOperand b) {
            super(address, length);
            this.a = a;
            this.b = b;
        }

        @Override
        public byte kind() {
            return a.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long loc = a.locate(s);
            long bv = b.get(s);
            long av;
            if (a.isMemory()) {
                av = s.mem.getAndSet(loc, a.size, bv);
            } else {
                av = a.read(s, loc);
                a.write(s, loc, bv);
            }
            b.set(s, av);
        }
    }

    /** XADD: TEMP = SRC + DEST; SRC = DEST; DEST = TEMP; flags as ADD. */
    static final class Xadd extends Insn {
        private final Operand dst;
        private final RegOperand src;
        private final boolean lock;

        Xadd(long address, int length, Operand dst, RegOperand src, boolean lock) {
            super(address, length);
            this.dst = dst;
            this.src = src;
            this.lock = lock && dst.isMemory();
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            long b = src.get(s);
            long mask = dst.mask();
            long a;
            long r;
            if (lock) {
                do {
                    a = dst.readForWrite(s, loc);
                    r = (a + b) & mask;
                } while (s.mem.compareExchange(loc, dst.size, a, r) != a);
            } else {
                a = dst.readForWrite(s, loc);
                r = (a + b) & mask;
                if (dst.isMemory()) {
                    dst.write(s, loc, r);
                }
            }
            src.set(s, a);
            if (!dst.isMemory()) {
                dst.write(s, loc, r);
            }
            Flags.set(s, Flags.op(Flags.ADD, dst.size), a, b, r);
        }
    }

    /**
     * CMPXCHG: compare the accumulator with DEST; equal: DEST = SRC, else the accumulator =
     * DEST. A memory destination is always written (with its own value on failure, a locked
     * cycle); flags are those of CMP acc, DEST.
     */
    static final class CmpXchg extends Insn {
        private final Operand dst;
        private final RegOperand src;
        private final RegOperand acc;

        CmpXchg(long address, int length, Operand dst, RegOperand src) {
            super(address, length);
            this.dst = dst;
            this.src = src;
            this.acc = Operands.gpr(CpuState.RAX, dst.size);
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            long expected = acc.get(s);
            long update = src.get(s);
            long old;
            if (dst.isMemory()) {
                old = s.mem.compareExchange(loc, dst.size, expected, update);
            } else {
                // A register destination is written only on success (a failing 32-bit CMPXCHG
                // does not zero-extend it; seen on the host CPU, as QEMU also models it).
                old = dst.read(s, loc);
                if (old == expected) {
                    dst.write(s, loc, update);
                }
            }
            if (old != expected) {
                acc.set(s, old);
            }
            Flags.set(s, Flags.op(Flags.SUB, dst.size), expected, old, (expected - old) & dst.mask());
        }
    }

    /** CMPXCHG8B / CMPXCHG16B m64/m128 with rDX:rAX and rCX:rBX (half = 4 or 8 bytes). */
    static final class CmpXchgDouble extends Insn {
        private final MemOperand dst;
        private final int half;

        CmpXchgDouble(long address, int length, MemOperand dst, int half) {
            super(address, length);
            this.dst = dst;
            this.half = half;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        public void execute(CpuState s) {
            long loc = dst.locate(s);
            if (half == 8 && (loc & 15) != 0) {
                throw GuestFault.gp(0); // CMPXCHG16B needs a 16-byte aligned operand
            }
            long mask = Flags.mask(half);
            long lo = s.mem.readForWrite(loc, half);
            long hi = s.mem.readForWrite(loc + half, half);
            long eLo = s.gpr[CpuState.RAX] & mask;
            long eHi = s.gpr[CpuState.RDX] & mask;
            boolean equal = lo == eLo && hi == eHi;
            if (equal) {
                if (half == 4) {
                    long upd = (s.gpr[CpuState.RBX] & mask) | (s.gpr[CpuState.RCX] << 32);
                    long old = s.mem.compareExchange(loc, 8, lo | hi << 32, upd);
                    equal = old == (lo | hi << 32);
                    lo = old & mask;
                    hi = old >>> 32;
                } else {
                    // No 128-bit CAS in Java: the two halves under the split lock's protocol.
                    synchronized (CmpXchgDouble.class) {
                        long l2 = s.mem.readForWrite(loc, 8);
                        long h2 = s.mem.readForWrite(loc + 8, 8);
                        equal = l2 == eLo && h2 == eHi;
                        if (equal) {
                            s.mem.write(loc, 8, s.gpr[CpuState.RBX]);
                            s.mem.write(loc + 8, 8, s.gpr[CpuState.RCX]);
                        }
                        lo = l2;
                        hi = h2;
                    }
                }
            } else {
                // The destination is written back with its own value (a locked write cycle).
                s.mem.write(loc, half, lo);
                s.mem.write(loc + half, half, hi);
            }
            if (!equal) {
                Operands.gpr(CpuState.RAX, half).set(s, lo);
                Operands.gpr(CpuState.RDX, half).set(s, hi);
            }
            Flags.materialize(s);
            s.rflags = equal ? s.rflags | Flags.ZF : s.rflags & ~Flags.ZF;
        }
    }
}
