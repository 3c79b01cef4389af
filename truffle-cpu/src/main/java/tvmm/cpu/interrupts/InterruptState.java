package tvmm.cpu.interrupts;

import tvmm.cpu.seg.SegmentState;

/**
 * What interrupt delivery, IRET and far transfers read and write beyond segmentation:
 * RIP, RSP (the full 64-bit register; delivery masks it by the stack size itself), RFLAGS
 * and CR2. Implemented by the engine's CpuState.
 */
public interface InterruptState extends SegmentState {
    long rip();

    void setRip(long rip);

    long rsp();

    void setRsp(long rsp);

    void setRflags(long rflags);

    void setCr2(long cr2);
}
