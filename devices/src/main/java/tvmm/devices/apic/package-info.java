/**
 * Local APICs and the interrupt fabric between them (Intel SDM vol. 3 ch. 11).
 *
 * <p>How the VMM wires a machine (every name below is public API):
 * <ol>
 *   <li>One {@link tvmm.devices.apic.ApicBus} per machine; per vCPU i,
 *       {@code LocalApic.create(bus, i, i == 0, clock, busHz, tscHz)} and
 *       {@code setKick(...)} with the callback that wakes vCPU i (unpark it from HLT, make
 *       its pending-event poll see work).</li>
 *   <li>MMIO: map {@code apic.mmio()} at {@code apic.apicBaseAddress()} for that vCPU only;
 *       re-check the address after every IA32_APIC_BASE write. MSRs: every index for which
 *       {@code X2ApicMsrs.handles(msr)} is true goes to {@code apic.msrs()}; an empty read or
 *       a false write is #GP(0).</li>
 *   <li>Interrupt acceptance, on the vCPU's own thread: NMI ({@code takeNmi}), INIT
 *       ({@code takeInit}, then wait for SIPI), STARTUP ({@code takeSipi}: CS = vector·0x100,
 *       IP = 0; ignore it unless waiting for SIPI), then with RFLAGS.IF = 1 and no
 *       interrupt shadow {@code hasPendingInterrupt()} → {@code acknowledge()} gives the
 *       vector. ExtINT ({@code takeExtInt}, or {@code acceptsPicInterrupts()} with the 8259's
 *       INTR) means the vector comes from the PIC's INTA.</li>
 *   <li>The {@link tvmm.devices.ioapic.IoApic} takes the same bus, is the
 *       {@code GsiSink} of the interrupt router, and gets EOIs of level-triggered vectors
 *       from the bus by itself.</li>
 * </ol>
 *
 * <p>Lock order: device → IOAPIC → local APIC. A local APIC never calls out (IPI, EOI
 * broadcast, kick) while it holds its own lock, so no cycle can form.
 */
package tvmm.devices.apic;
