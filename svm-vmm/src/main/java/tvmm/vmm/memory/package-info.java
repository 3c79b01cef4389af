/**
 * The guest-physical address space of a machine ({@link tvmm.vmm.memory.GuestMemoryMap}):
 * the VMM's nested page table. RAM is one region from 0; ROM pages drop stores; MMIO holes
 * (and everything above RAM) leave the CPU as NPF exits routed on the MMIO bus. Changes bump
 * a generation counter; each vCPU compares it on vmrun and drops its translations lazily.
 */
package tvmm.vmm.memory;
