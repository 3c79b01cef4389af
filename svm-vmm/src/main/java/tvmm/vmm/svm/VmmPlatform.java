package tvmm.vmm.svm;

import tvmm.devices.bus.IoBus;
import tvmm.devices.pic.PicPair;
import tvmm.devices.time.VirtualClock;
import tvmm.vmm.memory.GuestMemoryMap;

/**
 * What the exit handlers reach beyond the vCPU: the port bus, the guest-physical map with
 * its MMIO bus, and the 8259 pair whose INTR reaches the bootstrap processor. Implemented by
 * the machine ({@link tvmm.vmm.machine.Machine}).
 */
public interface VmmPlatform {
    IoBus ports();

    GuestMemoryMap memory();

    PicPair pic();

    /** The machine's one clock (DESIGN.md §6). */
    VirtualClock clock();

    /** Guest TSC frequency (what CPUID 0x15/0x16 and RDTSC agree on). */
    long tscHz();

    /** Number of vCPUs the machine will have (CPUID reports it). */
    int cpuCount();
}
