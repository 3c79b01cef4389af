package tvmm.cpu.sysinstr;

import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
import tvmm.decode.Instruction;
import tvmm.decode.OperandKind;
import tvmm.decode.Reg;
import tvmm.decode.RegClass;

/**
 * Operands of system instructions, built like the engine's own (tvmm.cpu.instr.Operands,
 * which is package-private there): general registers and memory operands.
 */
final class SysOperands {
    private SysOperands() {
    }

    static boolean isMem(Instruction d, int i) {
        OperandKind k = d.kind(i);
        return k == OperandKind.MEM || k == OperandKind.MOFFS;
    }

    /** Register or memory operand {@code i} at {@code size} bytes (registers keep their own size). */
    static Operand rm(Instruction d, int i, long address, int size) {
        return isMem(d, i) ? mem(d, size, address) : reg(d.reg(i));
    }

    /** As {@link #rm} for a destination: memory gets the segment checks of a write. */
    static Operand rmWritten(Instruction d, int i, long address, int size) {
        return isMem(d, i) ? memWritten(d, size, address) : reg(d.reg(i));
    }

    static RegOperand reg(Reg r) {
        if (r.cls == RegClass.GPR8_HIGH) {
            return new RegOperand(r.num - 4, 1, true);
        }
        return new RegOperand(r.num, r.size, false);
    }

    static MemOperand mem(Instruction d, int size, long address) {
        return mem(d, size, address, false);
    }

    /** A memory operand the instruction stores to (SDM vol. 3 §5.4.1: not a code or read-only segment). */
    static MemOperand memWritten(Instruction d, int size, long address) {
        return mem(d, size, address, true);
    }

    private static MemOperand mem(Instruction d, int size, long address, boolean written) {
        return MemOperand.of(d, size, address, written);
    }

    /**
     * The linear address {@code offset} bytes into a memory operand (pointer and table operands),
     * checked as a write when the operand is {@link MemOperand#written}.
     */
    static long at(CpuState s, MemOperand m, long offset, int size) {
        long ea = m.effectiveAddress(s) + offset;
        ea = m.addrSize == 2 ? ea & 0xffff : m.addrSize == 4 ? ea & 0xffff_ffffL : ea;
        return MemOperand.linear(s, m.seg, ea, size, m.mode64, m.written);
    }
}
