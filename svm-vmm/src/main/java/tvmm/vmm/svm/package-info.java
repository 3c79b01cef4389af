/**
 * The VMM core (DESIGN.md §4): SVM semantics over the Truffle CPU, on the microkernel.
 *
 * <h2>One vCPU</h2>
 * {@link tvmm.vmm.svm.VirtualCpu} is one platform execution context of the VMM's protection
 * domain ({@link tvmm.vmm.svm.Vmm}). Its loop: look at the interrupt sources and fill
 * EVENTINJ (or request the interrupt window with V_IRQ + the VINTR intercept), then
 * {@link tvmm.vmm.svm.Svm#vmrun}, then deliver the exit as a portal call on the same thread
 * ({@code Ec.deliver(ExitIndex.of(exitcode), utcb)}). Each portal declares the state groups
 * its handler needs ({@link tvmm.kernel.Mtd}); {@link tvmm.vmm.svm.VcpuUtcb} copies exactly
 * those between the CPU and the VMCB state save area.
 *
 * <table>
 *   <caption>Exit portals of every vCPU</caption>
 *   <tr><th>exit</th><th>MTD</th><th>handler</th></tr>
 *   <tr><td>IOIO 0x7B</td><td>QUAL</td><td>port bus; data in the message (taken inside the instruction)</td></tr>
 *   <tr><td>NPF 0x400</td><td>QUAL</td><td>the vCPU's xAPIC page, else the MMIO bus</td></tr>
 *   <tr><td>HLT 0x78</td><td>RFLAGS</td><td>park until NMI, INIT/SIPI or (IF = 1) an interrupt</td></tr>
 *   <tr><td>SHUTDOWN 0x7F</td><td>RIP_LEN</td><td>stop the machine: triple fault</td></tr>
 *   <tr><td>VMMCALL 0x81</td><td>GPR_ACDB</td><td>hypercalls (0 null, 1 mark); RIP is already after the instruction</td></tr>
 *   <tr><td>INTR 0x60, VINTR 0x64</td><td>none</td><td>nothing: the loop injects before the next vmrun</td></tr>
 * </table>
 *
 * <h2>Threads</h2>
 * Only a vCPU's own thread touches its VMCB and CPU state (Humbel's lesson). Devices, the
 * timer thread and other vCPUs post into the local APIC or the 8259 and call
 * {@link tvmm.vmm.svm.VirtualCpu#kick}: the engine's EVENT_KICK bit makes the running guest
 * leave with INTR at the next poll, and an unpark wakes a halted vCPU. Writes that can make a
 * held-back interrupt deliverable without a new edge (PIC EOI/IMR, xAPIC and x2APIC register
 * writes) kick the writing vCPU so its loop looks again.
 *
 * <h2>Figures</h2>
 * {@code tvmm bench --world-switch [vmmcall|ioio|npf]} on the 2-core development host (AMD
 * EPYC, 2596 MHz TSC) while other builds kept the load average at 8–10, medians of the warm
 * rounds of 10 × 200,000, over several runs: VMMCALL full round trip 1.2–2.4 µs (3,100–6,200
 * cycles; best round 0.8 µs = 2,100 cycles), of which 12–22% is outside the CPU's run loop
 * (injection check, portal call, handler) and the rest the CPU leaving and re-entering guest
 * code; that was the #UD-intercept path (the VMM read the opcode, KVM's trick). With the
 * CPU's own VMMCALL exit, three interleaved A/B runs at load average 3–4 (17:52 UTC,
 * 22 Nov 2026): 1093/995/1320 ns (2,836/2,583/3,427 cycles) against 1260/1806/2085 ns
 * (3,272/4,689/5,413) for the #UD path, 7–11% outside the run loop. IOIO 0.7–1.5 µs, NPF 0.4–1.2 µs. Humbel: 4,572 cycles for his VMM, 2,165 for KVM
 * (2013 hardware).
 */
package tvmm.vmm.svm;
