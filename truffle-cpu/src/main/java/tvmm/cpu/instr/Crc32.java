package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.simd.SseString;
import tvmm.cpu.state.CpuState;

/** CRC32 r32/r64, r/m8/16/32/64 (SSE4.2, CRC-32C polynomial; SDM Vol. 2): a general-register instruction. */
final class Crc32 extends Insn {
    private final RegOperand dst;
    private final Operand src;

    Crc32(long address, int length, RegOperand dst, Operand src) {
        super(address, length);
        this.dst = dst;
        this.src = src;
    }

    @Override
    public void execute(CpuState s) {
        long v = src.get(s);
        int crc = (int) s.gpr[dst.reg];
        s.gpr[dst.reg] = SseString.crc32(crc, v, src.size) & 0xffffffffL;
    }
}
