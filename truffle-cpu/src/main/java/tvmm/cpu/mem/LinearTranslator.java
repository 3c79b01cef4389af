package tvmm.cpu.mem;

/**
 * Linear → guest-physical translation: where the system layer's page walker and soft TLB
 * (tvmm.cpu.mmu) plug into the engine's memory path. {@code access} is a combination of
 * {@link tvmm.cpu.mmu.Access} bits (WRITE, USER, FETCH). The access never crosses a 4 KiB
 * page (the engine splits). Throws {@link tvmm.cpu.interrupts.GuestFault} (#PF with the
 * exact error code and CR2 address) when the translation does not permit the access.
 * With paging off the translator returns the linear address (truncated to 32 bits outside
 * long mode is the caller's job: linear addresses are already formed per mode).
 */
public interface LinearTranslator {
    long translate(long linear, int access);
}
