package tvmm.cpu.instr;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * Near control transfer: Jcc, JMP, CALL, RET, LOOP/LOOPE/LOOPNE, JCXZ/JECXZ/JRCXZ (SDM Vol.
 * 2). Direct conditional and unconditional jumps are BRANCH/JUMP nodes whose target the unit
 * resolves; indirect ones, calls and returns set RIP and leave. A target that is not
 * canonical (64-bit mode) or beyond CS.limit raises #GP(0) at the branch itself.
 */
final class Branch {
    private Branch() {
    }

    static long truncate(long target, int size) {
        return size == 8 ? target : target & Flags.mask(size);
    }

    /** Checks a new RIP before anything is committed. */
    static void checkTarget(CpuState s, long target, boolean mode64) {
        if (mode64) {
            if (((target << 16) >> 16) != target) {
                throw GuestFault.gp(0);
            }
        } else if (Long.compareUnsigned(target, s.seg[CpuState.CS].limit & 0xffffffffL) > 0) {
            throw GuestFault.gp(0);
        }
    }

    /** Jcc rel. */
    static final class Jcc extends Insn {
        private final int cc;
        private final long target;

        Jcc(long address, int length, int cc, long target) {
            super(address, length);
            this.cc = cc;
            this.target = target;
        }

        @Override
        public byte kind() {
            return BRANCH;
        }

        @Override
        public boolean taken(CpuState s) {
            return Flags.condition(s, cc);
        }

        @Override
        public long target() {
            return target;
        }
    }

    /** JMP rel. */
    static final class Jmp extends Insn {
        private final long target;

        Jmp(long address, int length, long target) {
            super(address, length);
            this.target = target;
        }

        @Override
        public byte kind() {
            return JUMP;
        }

        @Override
        public long target() {
            return target;
        }
    }

    static final int LOOP = 0, LOOPE = 1, LOOPNE = 2, JCXZ = 3;

    /** LOOPcc and JrCXZ: the count register has the address size; LOOP changes no flags. */
    static final class Loop extends Insn {
        private final int op;
        private final int addrSize;
        private final long target;

        Loop(long address, int length, int op, int addrSize, long target) {
            super(address, length);
            this.op = op;
            this.addrSize = addrSize;
            this.target = target;
        }

        @Override
        public byte kind() {
            return BRANCH;
        }

        @Override
        public boolean taken(CpuState s) {
            long count = s.gpr[CpuState.RCX] & Flags.mask(addrSize);
            if (op == JCXZ) {
                return count == 0;
            }
            count = (count - 1) & Flags.mask(addrSize);
            Operands.gpr(CpuState.RCX, addrSize).set(s, count);
            switch (op) {
                case LOOPE:
                    return count != 0 && Flags.zf(s);
                case LOOPNE:
                    return count != 0 && !Flags.zf(s);
                default:
                    return count != 0;
            }
        }

        @Override
        public long target() {
            return target;
        }
    }

    /** JMP r/m (near indirect). */
    static final class JmpIndirect extends Insn {
        private final Operand src;
        private final boolean mode64;

        JmpIndirect(long address, int length, Operand src, boolean mode64) {
            super(address, length);
            this.src = src;
            this.mode64 = mode64;
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            long t = src.get(s);
            checkTarget(s, t, mode64);
            s.rip = t;
        }
    }

    /** CALL rel / CALL r/m: the target is read first, then the return address pushed. */
    static final class Call extends Insn {
        private final Operand src; // null for CALL rel
        private final long target;
        private final int size;
        private final int stackSize;
        private final boolean mode64;

        Call(long address, int length, Operand src, long target, int size, int stackSize, boolean mode64) {
            super(address, length);
            this.src = src;
            this.target = target;
            this.size = size;
            this.stackSize = stackSize;
            this.mode64 = mode64;
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            long t = src == null ? target : src.get(s);
            checkTarget(s, t, mode64);
            StackOps.push(s, stackSize, size, next());
            s.rip = t;
        }
    }

    /** RET / RET imm16. */
    static final class Ret extends Insn {
        private final int release;
        private final int size;
        private final int stackSize;
        private final boolean mode64;

        Ret(long address, int length, int release, int size, int stackSize, boolean mode64) {
            super(address, length);
            this.release = release;
            this.size = size;
            this.stackSize = stackSize;
            this.mode64 = mode64;
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            long t = StackOps.peek(s, stackSize, size, 0);
            checkTarget(s, t, mode64);
            StackOps.setSp(s, stackSize, StackOps.sp(s, stackSize) + size + release);
            s.rip = t;
        }
    }
}
