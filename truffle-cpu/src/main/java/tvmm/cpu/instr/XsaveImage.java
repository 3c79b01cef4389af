package tvmm.cpu.instr;

import tvmm.cpu.fpu.X87Images;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.state.CpuState;

/**
 * XSAVE, XSAVEOPT and XRSTOR (and their REX.W forms) for the x87 and SSE state components, in
 * the standard format: the 512-byte legacy region and the 64-byte XSAVE header (SDM Vol. 1
 * §13.4, §13.7-13.9). RFBM = XCR0 & EDX:EAX. #UD when CR4.OSXSAVE is clear, #NM when CR0.TS is
 * set, #GP(0) when the area is not 64-byte aligned or XRSTOR finds an invalid header or MXCSR.
 */
final class XsaveImage extends Insn {
    static final int SAVE = 0, SAVEOPT = 1, RESTORE = 2;
    /** Legacy region and header: all the standard format holds for XCR0 bits 0 and 1. */
    static final int SIZE = 576;

    private final int kind;
    private final boolean rexW;
    private final boolean mode64;
    private final MemOperand mem;

    XsaveImage(long address, int length, int kind, boolean rexW, boolean mode64, MemOperand mem) {
        super(address, length);
        this.kind = kind;
        this.rexW = rexW;
        this.mode64 = mode64;
        this.mem = mem;
    }

    @Override
    public byte kind() {
        return kind == RESTORE ? SEQ : STORE;
    }

    @Override
    public void execute(CpuState s) {
        if ((s.cr4 & ControlBits.CR4_OSXSAVE) == 0) {
            throw GuestFault.ud();
        }
        if ((s.cr0 & ControlBits.CR0_TS) != 0) {
            throw GuestFault.of(Vectors.NM, 0);
        }
        long loc = mem.locate(s);
        if ((loc & 63) != 0) {
            throw GuestFault.gp(0);
        }
        long rfbm = s.xcr0 & ((s.gpr[CpuState.RDX] << 32) | (s.gpr[CpuState.RAX] & 0xffffffffL));
        int xmm = mode64 ? 16 : 8;
        if (kind == RESTORE) {
            byte[] b = X87Node.readBytes(s, loc, SIZE);
            if (!X87Images.xrstor(s.x87, s.sse, b, 0, rfbm, s.xcr0, rexW, xmm)) {
                throw GuestFault.gp(0);
            }
        } else {
            X87Node.probeWrite(s, loc, SIZE);
            byte[] b = X87Node.readBytes(s, loc, SIZE);
            X87Images.xsave(s.x87, s.sse, b, 0, rfbm, rexW, xmm, kind == SAVEOPT);
            X87Node.writeBytes(s, loc, b, SIZE);
        }
    }
}
