package tvmm.vmm.boot;

/**
 * The bootstrap processor's state at the kernel's entry point, as a loader leaves it.
 * The VMM copies it into the VMCB state save area (the segment attributes are already in
 * the VMCB's 12-bit form: {@code vmcb.setSegment(Segment.CS, cs.selector(), cs.attributes(),
 * cs.limit(), cs.base())}; GDTR/IDTR as segments with selector and attributes 0; CR0, CR3,
 * CR4, EFER, RFLAGS, RIP, RSP, RAX to their save-area fields; CPL 0) and runs the vCPU.
 * RBX and RSI are not in the VMCB (AMD keeps only RAX and RSP there): they go to the
 * vCPU's own register file. General registers not listed are zero.
 *
 * @param rip entry point
 * @param rsp initial stack pointer (neither protocol defines one; a small stack is given)
 * @param rax multiboot: the magic 0x2BADB002; Linux: 0
 * @param rbx multiboot: the information structure's address; Linux: 0
 * @param rsi Linux: the boot_params address; multiboot: 0
 * @param rflags IF clear, reserved bit 1 set
 * @param gdtrBase where {@link FlatGdt} wrote the GDT
 * @param gdtrLimit size of the GDT minus one
 * @param idtrBase no IDT at entry: the kernel installs its own before enabling interrupts
 * @param idtrLimit 0
 */
public record InitialCpuState(long rip, long rsp, long rax, long rbx, long rsi, long rflags, long cr0, long cr3,
        long cr4, long efer, long gdtrBase, int gdtrLimit, long idtrBase, int idtrLimit, SegmentState cs,
        SegmentState ds, SegmentState es, SegmentState fs, SegmentState gs, SegmentState ss, SegmentState tr,
        SegmentState ldtr) {

    /** True when the state is 64-bit mode (EFER.LMA and CS.L). */
    public boolean longMode() {
        return (efer & tvmm.cpu.mmu.ControlBits.EFER_LMA) != 0 && (cs.attributes() & SegmentState.ATTR_L) != 0;
    }
}
