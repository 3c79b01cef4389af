package tvmm.cpu.svm;

/**
 * The instruction and event intercepts of the VMCB control area (AMD64 APM vol. 2,
 * Appendix B, table B-1): each is one bit in the intercept word at {@link #wordOffset}.
 * CR, DR and exception intercepts are separate bit vectors (see {@link Vmcb}).
 */
public enum Intercept {
    // Vector 3, offset 00Ch.
    INTR(0x00C, 0), NMI(0x00C, 1), SMI(0x00C, 2), INIT(0x00C, 3), VINTR(0x00C, 4),
    CR0_SEL_WRITE(0x00C, 5), IDTR_READ(0x00C, 6), GDTR_READ(0x00C, 7), LDTR_READ(0x00C, 8),
    TR_READ(0x00C, 9), IDTR_WRITE(0x00C, 10), GDTR_WRITE(0x00C, 11), LDTR_WRITE(0x00C, 12),
    TR_WRITE(0x00C, 13), RDTSC(0x00C, 14), RDPMC(0x00C, 15), PUSHF(0x00C, 16), POPF(0x00C, 17),
    CPUID(0x00C, 18), RSM(0x00C, 19), IRET(0x00C, 20), INTN(0x00C, 21), INVD(0x00C, 22),
    PAUSE(0x00C, 23), HLT(0x00C, 24), INVLPG(0x00C, 25), INVLPGA(0x00C, 26),
    /** Port I/O, filtered by the I/O permission map at IOPM_BASE_PA. */
    IOIO_PROT(0x00C, 27),
    /** RDMSR/WRMSR, filtered by the MSR permission map at MSRPM_BASE_PA. */
    MSR_PROT(0x00C, 28),
    TASK_SWITCH(0x00C, 29), FERR_FREEZE(0x00C, 30), SHUTDOWN(0x00C, 31),
    // Vector 4, offset 010h.
    VMRUN(0x010, 0), VMMCALL(0x010, 1), VMLOAD(0x010, 2), VMSAVE(0x010, 3), STGI(0x010, 4),
    CLGI(0x010, 5), SKINIT(0x010, 6), RDTSCP(0x010, 7), ICEBP(0x010, 8), WBINVD(0x010, 9),
    MONITOR(0x010, 10), MWAIT(0x010, 11), MWAIT_CONDITIONAL(0x010, 12), XSETBV(0x010, 13),
    RDPRU(0x010, 14), EFER_WRITE_TRAP(0x010, 15);

    /** Byte offset of the 32-bit intercept word in the control area. */
    public final int wordOffset;
    /** Bit within that word. */
    public final int bit;

    Intercept(int wordOffset, int bit) {
        this.wordOffset = wordOffset;
        this.bit = bit;
    }
}
