package tvmm.cpu.sysinstr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.interrupts.CpuStateView;
import tvmm.cpu.interrupts.FarTransfer;
import tvmm.cpu.interrupts.FastSystemCalls;
import tvmm.cpu.interrupts.Iret;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.state.CpuState;

/**
 * Control transfers that change CS: far JMP/CALL (immediate or memory pointer), far RET,
 * IRET/IRETD/IRETQ, SYSCALL/SYSRET, SYSENTER/SYSEXIT, and SWAPGS. All end the unit.
 */
final class TransferInsns {
    static final int JMP = 0;
    static final int CALL = 1;

    private TransferInsns() {
    }

    /** Far JMP/CALL; {@code pointer} null means the immediate selector:offset. */
    static final class Far extends LeavingInsn {
        private final int kind;
        private final int operandSize;
        private final MemOperand pointer;
        private final int selector;
        private final long offset;

        Far(long address, int length, int kind, int operandSize, MemOperand pointer, int selector, long offset) {
            super(address, length);
            this.kind = kind;
            this.operandSize = operandSize;
            this.pointer = pointer;
            this.selector = selector;
            this.offset = offset;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            int sel = selector;
            long off = offset;
            if (pointer != null) {
                off = s.mem.read(SysOperands.at(s, pointer, 0, operandSize), operandSize);
                sel = (int) s.mem.read(SysOperands.at(s, pointer, operandSize, 2), 2);
            }
            CpuStateView v = new CpuStateView(s);
            if (kind == CALL) {
                FarTransfer.call(v, v, sel, off, operandSize, next());
            } else {
                FarTransfer.jmp(v, v, sel, off, operandSize);
            }
        }
    }

    static final class FarRet extends LeavingInsn {
        private final int operandSize;
        private final int release;

        FarRet(long address, int length, int operandSize, int release) {
            super(address, length);
            this.operandSize = operandSize;
            this.release = release;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            CpuStateView v = new CpuStateView(s);
            FarTransfer.ret(v, v, operandSize, release);
        }
    }

    static final class Iretx extends LeavingInsn {
        private final int operandSize;

        Iretx(long address, int length, int operandSize) {
            super(address, length);
            this.operandSize = operandSize;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            // Any IRET ends NMI blocking (SDM vol. 3 §6.7.1), also one that faults (§27.2.3):
            // a pending NMI is taken at the next instruction boundary.
            s.nmiBlocked = false;
            CpuStateView v = new CpuStateView(s);
            Iret.execute(v, v, operandSize);
        }
    }

    static final int SYSCALL = 0;
    static final int SYSRET = 1;
    static final int SYSENTER = 2;
    static final int SYSEXIT = 3;
    static final int SWAPGS = 4;

    static final class FastCall extends LeavingInsn {
        private final int which;
        private final int operandSize;
        private final SystemCpu sys;

        FastCall(long address, int length, int which, int operandSize, SystemCpu sys) {
            super(address, length);
            this.which = which;
            this.operandSize = operandSize;
            this.sys = sys;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            CpuStateView v = new CpuStateView(s);
            switch (which) {
                case SYSCALL -> FastSystemCalls.syscall(v, sys.msrs, next());
                case SYSRET -> FastSystemCalls.sysret(v, sys.msrs, operandSize == 8 ? 8 : 4);
                case SYSENTER -> FastSystemCalls.sysenter(v, sys.msrs);
                case SYSEXIT -> FastSystemCalls.sysexit(v, sys.msrs, operandSize == 8 ? 8 : 4);
                default -> {
                    FastSystemCalls.swapgs(v, sys.msrs);
                    s.rip = next();
                }
            }
        }
    }
}
