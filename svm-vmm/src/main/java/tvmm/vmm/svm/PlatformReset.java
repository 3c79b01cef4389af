package tvmm.vmm.svm;

import tvmm.vmm.boot.InitialCpuState;

/**
 * The machine's side of a reset (DESIGN.md §6): every device back to its reset values and the
 * boot state re-established in RAM, as firmware does after RESET# (for a directly booted Linux:
 * kernel, initrd and boot_params loaded again, as QEMU's {@code -kernel} does on reboot).
 */
@FunctionalInterface
public interface PlatformReset {
    /**
     * Runs on one vCPU thread while every other vCPU waits outside the guest.
     *
     * @param reason what reset the machine, for the one-line log
     * @return the bootstrap processor's entry state
     */
    InitialCpuState reset(String reason) throws Exception;
}
