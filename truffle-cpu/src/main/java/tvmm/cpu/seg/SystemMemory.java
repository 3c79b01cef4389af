package tvmm.cpu.seg;

/**
 * Linear-address memory for the system layer: descriptor-table and TSS reads (implicit
 * supervisor accesses, {@code user = false}) and stack pushes/pops during interrupt delivery
 * and far transfers ({@code user} true when the stack belongs to CPL 3; at CPL < 3 they count as
 * implicit supervisor accesses, SMAP ignoring RFLAGS.AC: they target kernel stacks). Goes through the MMU
 * and may throw a #PF {@link tvmm.cpu.interrupts.GuestFault}. Sizes 1, 2, 4, 8.
 */
public interface SystemMemory {
    long readLinear(long linear, int bytes, boolean user);

    void writeLinear(long linear, int bytes, long value, boolean user);
}
