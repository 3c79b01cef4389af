package tvmm.cpu.instr;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/** PUSH, POP, PUSHF, POPF, ENTER, LEAVE, PUSHA, POPA (SDM Vol. 2). */
final class Stack {
    private Stack() {
    }

    /** PUSH r/m/imm: the source is read before RSP moves (PUSH RSP pushes the old value). */
    static final class Push extends Insn {
        private final Operand src;
        private final int size;
        private final int stackSize;

        Push(long address, int length, Operand src, int size, int stackSize) {
            super(address, length);
            this.src = src;
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        public void execute(CpuState s) {
            StackOps.push(s, stackSize, size, src.get(s));
        }
    }

    /**
     * POP r/m: a memory destination's address is formed after RSP is incremented (SDM POP);
     * if the store faults, RSP is restored so the instruction can restart.
     */
    static final class Pop extends Insn {
        private final Operand dst;
        private final int size;
        private final int stackSize;

        Pop(long address, int length, Operand dst, int size, int stackSize) {
            super(address, length);
            this.dst = dst;
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public byte kind() {
            return dst.isMemory() ? STORE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            long v = StackOps.peek(s, stackSize, size, 0);
            long oldSp = s.gpr[CpuState.RSP];
            StackOps.setSp(s, stackSize, StackOps.sp(s, stackSize) + size);
            if (dst.isMemory()) {
                try {
                    dst.set(s, v);
                } catch (GuestFault f) {
                    s.gpr[CpuState.RSP] = oldSp;
                    throw f;
                }
            } else {
                dst.set(s, v);
            }
        }
    }

    /** PUSHF/PUSHFD/PUSHFQ: RFLAGS with VM and RF cleared in the image (SDM PUSHF). */
    static final class Pushf extends Insn {
        private final int size;
        private final int stackSize;

        Pushf(long address, int length, int size, int stackSize) {
            super(address, length);
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        public void execute(CpuState s) {
            long f = Flags.read(s) & ~(Flags.VM | Flags.RF);
            StackOps.push(s, stackSize, size, f);
        }
    }

    /**
     * POPF: which bits change depends on CPL and IOPL (SDM Vol. 2 POPF, protected mode):
     * IOPL only at CPL 0, IF only when CPL <= IOPL; VM, VIP, VIF never; RF is cleared. A
     * 16-bit POPF leaves the upper half unchanged. (Virtual-8086 mode is not supported.)
     * It leaves the unit: IF or TF may have changed, which the outer loop must see.
     */
    static final class Popf extends Insn {
        private final int size;
        private final int stackSize;

        Popf(long address, int length, int size, int stackSize) {
            super(address, length);
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            long v = StackOps.pop(s, stackSize, size);
            popFlags(s, v, size);
            s.rip = next();
        }
    }

    static void popFlags(CpuState s, long v, int size) {
        long changeable = Flags.ARITH | Flags.TF | Flags.DF | Flags.NT | Flags.AC | Flags.ID;
        int iopl = (int) (s.rflags >>> 12) & 3;
        if (s.cpl == 0) {
            changeable |= Flags.IOPL | Flags.IF;
        } else if (s.cpl <= iopl) {
            changeable |= Flags.IF;
        }
        if (size == 2) {
            changeable &= 0xffff;
        }
        Flags.materialize(s);
        s.rflags = ((s.rflags & ~changeable) | (v & changeable) | Flags.FIXED1) & ~Flags.RF;
    }

    /** LEAVE: rSP = rBP, then pop rBP. */
    static final class Leave extends Insn {
        private final int size;
        private final int stackSize;

        Leave(long address, int length, int size, int stackSize) {
            super(address, length);
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public void execute(CpuState s) {
            long bp = s.gpr[CpuState.RBP] & Flags.mask(stackSize);
            long v = s.mem.read(StackOps.linear(s, stackSize, bp, size), size);
            StackOps.setSp(s, stackSize, bp + size);
            Operands.gpr(CpuState.RBP, size).set(s, v);
        }
    }

    /** ENTER imm16, imm8 (SDM Vol. 2 ENTER, with the nesting level taken modulo 32). */
    static final class Enter extends Insn {
        private final int frameSize;
        private final int level;
        private final int size;
        private final int stackSize;

        Enter(long address, int length, int frameSize, int level, int size, int stackSize) {
            super(address, length);
            this.frameSize = frameSize & 0xffff;
            this.level = level & 31;
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        public void execute(CpuState s) {
            long oldSp = s.gpr[CpuState.RSP];
            long oldBp = s.gpr[CpuState.RBP];
            try {
                StackOps.push(s, stackSize, size, oldBp);
                long frameTemp = StackOps.sp(s, stackSize);
                long bp = oldBp;
                for (int i = 1; i < level; i++) {
                    bp = (bp - size) & Flags.mask(stackSize);
                    long v = s.mem.read(StackOps.linear(s, stackSize, bp, size), size);
                    StackOps.push(s, stackSize, size, v);
                }
                if (level > 0) {
                    StackOps.push(s, stackSize, size, frameTemp);
                }
                // The final RSP must be writable (the hardware probes it): check before committing.
                long nsp = (StackOps.sp(s, stackSize) - frameSize) & Flags.mask(stackSize);
                s.mem.readForWrite(StackOps.linear(s, stackSize, nsp, 1), 1);
                Operands.gpr(CpuState.RBP, size).set(s, frameTemp);
                StackOps.setSp(s, stackSize, nsp);
            } catch (GuestFault f) {
                s.gpr[CpuState.RSP] = oldSp;
                s.gpr[CpuState.RBP] = oldBp;
                throw f;
            }
        }
    }

    /** PUSHA/PUSHAD (legacy modes): AX, CX, DX, BX, original SP, BP, SI, DI. */
    static final class Pusha extends Insn {
        private final int size;
        private final int stackSize;

        Pusha(long address, int length, int size, int stackSize) {
            super(address, length);
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        public void execute(CpuState s) {
            long oldSp = s.gpr[CpuState.RSP];
            // Pushes in order; a fault restores ESP (the bytes already pushed stay, as on the
            // host CPU, which reports the first push that faults).
            try {
                for (int r = 0; r < 8; r++) {
                    StackOps.push(s, stackSize, size, r == CpuState.RSP ? oldSp : s.gpr[r]);
                }
            } catch (GuestFault f) {
                s.gpr[CpuState.RSP] = oldSp;
                throw f;
            }
        }
    }

    /** POPA/POPAD: the saved SP is skipped. */
    static final class Popa extends Insn {
        private final int size;
        private final int stackSize;

        Popa(long address, int length, int size, int stackSize) {
            super(address, length);
            this.size = size;
            this.stackSize = stackSize;
        }

        @Override
        public void execute(CpuState s) {
            long[] v = new long[8];
            for (int i = 0; i < 8; i++) {
                v[7 - i] = StackOps.peek(s, stackSize, size, (long) i * size);
            }
            for (int r = 0; r < 8; r++) {
                if (r != CpuState.RSP) {
                    Operands.gpr(r, size).set(s, v[r]);
                }
            }
            StackOps.setSp(s, stackSize, StackOps.sp(s, stackSize) + 8L * size);
        }
    }
}
