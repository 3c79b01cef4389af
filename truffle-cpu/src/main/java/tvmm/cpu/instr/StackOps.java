package tvmm.cpu.instr;

import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * The stack primitives (SDM Vol. 1 §6.2): SS-relative, with the stack address size of the
 * mode (8 in 64-bit mode, else SS.B), which is a constant of the unit. A push writes memory
 * before RSP changes, so a faulting push leaves RSP untouched.
 */
final class StackOps {
    private StackOps() {
    }

    static long sp(CpuState s, int stackSize) {
        return s.gpr[CpuState.RSP] & Flags.mask(stackSize);
    }

    static void setSp(CpuState s, int stackSize, long v) {
        if (stackSize == 2) {
            s.gpr[CpuState.RSP] = (s.gpr[CpuState.RSP] & ~0xffffL) | (v & 0xffff);
        } else if (stackSize == 4) {
            s.gpr[CpuState.RSP] = v & 0xffffffffL;
        } else {
            s.gpr[CpuState.RSP] = v;
        }
    }

    static long linear(CpuState s, int stackSize, long offset, int size) {
        return MemOperand.linear(s, CpuState.SS, offset & Flags.mask(stackSize), size, stackSize == 8);
    }

    static long linearForWrite(CpuState s, int stackSize, long offset, int size) {
        return MemOperand.linear(s, CpuState.SS, offset & Flags.mask(stackSize), size, stackSize == 8, true);
    }

    /** Pushes {@code size} bytes; returns nothing until the write succeeded. */
    static void push(CpuState s, int stackSize, int size, long v) {
        long nsp = (sp(s, stackSize) - size) & Flags.mask(stackSize);
        s.mem.write(linearForWrite(s, stackSize, nsp, size), size, v);
        setSp(s, stackSize, nsp);
    }

    /** Reads the top of the stack without popping. */
    static long peek(CpuState s, int stackSize, int size, long offset) {
        return s.mem.read(linear(s, stackSize, sp(s, stackSize) + offset, size), size);
    }

    static long pop(CpuState s, int stackSize, int size) {
        long v = peek(s, stackSize, size, 0);
        setSp(s, stackSize, sp(s, stackSize) + size);
        return v;
    }
}
