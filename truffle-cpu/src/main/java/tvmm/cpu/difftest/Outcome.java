package tvmm.cpu.difftest;

import java.util.Map;

/**
 * The final state of a case: registers, RFLAGS, the bytes of the data pages that changed
 * (offset → value), and the exception raised (vector -1 when the snippet ran to its end;
 * RIP is then the end of the snippet, else the RIP the exception reports). {@code fx} is the
 * 64-bit FXSAVE image of the x87/MMX/SSE state at that point, null for integer cases.
 */
public record Outcome(int vector, long errorCode, long faultAddress, long rip, long[] regs, long rflags,
        Map<Integer, Byte> memory, byte[] fx) {
}
