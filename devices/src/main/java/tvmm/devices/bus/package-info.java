/**
 * The platform bus contracts: {@link tvmm.devices.bus.IoDevice} windows on an
 * {@link tvmm.devices.bus.IoBus} (one for ports, one for MMIO), interrupt wires
 * ({@link tvmm.devices.bus.IrqLine}) and the IOAPIC's input side
 * ({@link tvmm.devices.bus.GsiSink}).
 *
 * <h2>Locking (the whole devices module)</h2>
 * Each device guards its registers with its own monitor. Calls only ever go "downstream",
 * which gives the global lock order:
 * <ol>
 *   <li>the bus: none (dispatch reads a volatile copy-on-write table);</li>
 *   <li>a device (PIT, RTC, UART, i8042, port 0x61 → PIT, PCI bridge → function);</li>
 *   <li>the interrupt router: none; then the 8259 pair, then the IOAPIC ({@code GsiSink});</li>
 *   <li>the INTR / LAPIC receivers;</li>
 *   <li>a clock's internal lock (arming a timer) — never held while a timer callback runs.</li>
 * </ol>
 * A receiver must therefore never call back upstream while holding its own lock; in
 * particular the VMM calls {@code PicPair.acknowledge()} without holding a local APIC's
 * lock. Timer callbacks enter a device with no lock held, like a vCPU does.
 */
package tvmm.devices.bus;
