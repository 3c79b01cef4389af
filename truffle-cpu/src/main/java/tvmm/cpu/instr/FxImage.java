package tvmm.cpu.instr;

import tvmm.cpu.fpu.X87Images;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.state.CpuState;

/**
 * FXSAVE/FXRSTOR (and the REX.W forms FXSAVE64/FXRSTOR64): the 512-byte x87+SSE image
 * (SDM Vol. 2 FXSAVE, Table 3-53). #NM when CR0.TS or CR0.EM is set, #GP(0) when the operand
 * is not 16-byte aligned, #GP(0) when FXRSTOR finds reserved MXCSR bits. XMM8-15 only in 64-bit mode.
 */
final class FxImage extends Insn {
    private final boolean save;
    private final boolean rexW;
    private final boolean mode64;
    private final MemOperand mem;

    FxImage(long address, int length, boolean save, boolean rexW, boolean mode64, MemOperand mem) {
        super(address, length);
        this.save = save;
        this.rexW = rexW;
        this.mode64 = mode64;
        this.mem = mem;
    }

    @Override
    public byte kind() {
        return save ? STORE : SEQ;
    }

    @Override
    public void execute(CpuState s) {
        if ((s.cr0 & (ControlBits.CR0_EM | ControlBits.CR0_TS)) != 0) {
            throw GuestFault.of(Vectors.NM, 0);
        }
        long loc = mem.locate(s);
        if ((loc & 15) != 0) {
            throw GuestFault.gp(0);
        }
        int xmm = mode64 ? 16 : 8;
        if (save) {
            X87Node.probeWrite(s, loc, 512);
            // Bytes 464-511 are available to software: read them back so the write leaves them unchanged.
            byte[] b = X87Node.readBytes(s, loc, 512);
            X87Images.fxsave(s.x87, s.sse, b, 0, rexW, xmm);
            X87Node.writeBytes(s, loc, b, 464);
        } else {
            byte[] b = X87Node.readBytes(s, loc, 512);
            if (!X87Images.fxrstor(s.x87, s.sse, b, 0, rexW, xmm)) {
                throw GuestFault.gp(0);
            }
        }
    }
}
