package tvmm.cpu.interrupts;

import tvmm.cpu.seg.SegmentState;

/**
 * What interrupt delivery, IRET and far transfers read and write beyond segmentation:
 * RIP, RSP (the full 64-bit register; delivery masks it by the stack size itself), RFLAGS
 * and CR2, and the general registers SYSCALL/SYSEXIT use. Implemented over the engine's
 * CpuState ({@code RFLAGS} must be materialized: the lazy flags folded in).
 */
public interface InterruptState extends SegmentState {
    long rip();

    void setRip(long rip);

    long rsp();

    void setRsp(long rsp);

    void setRflags(long rflags);

    void setCr2(long cr2);

    /** General register by encoding: RAX 0, RCX 1, RDX 2, RBX 3, RSP 4, … R15 15. */
    long gpr(int index);

    void setGpr(int index, long value);
}
