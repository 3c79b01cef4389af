package tvmm.vmm.machine;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import tvmm.devices.uart.SerialBackend;
import tvmm.vmm.boot.BootLayout;
import tvmm.vmm.svm.Placement;

/**
 * What a machine is made of, as {@code tvmm run} options give it.
 *
 * @param ramBytes     guest RAM from address 0 (a multiple of 4 KiB, below the PCI hole at 3 GiB)
 * @param cpus         vCPUs; vCPU 0 boots, the others wait for INIT/STARTUP
 * @param serial       where COM1's output goes and its input comes from
 * @param uartSpeedup  divides the UART's character time (1 = the programmed baud rate)
 * @param debugConsole receives each byte written to port 0xE9
 * @param log          one-line VMM messages (contained faults, ignored events)
 * @param placement    how the vCPU threads are placed on host cores
 */
public record MachineConfig(long ramBytes, int cpus, SerialBackend serial, int uartSpeedup, IntConsumer debugConsole,
        Consumer<String> log, Placement placement) {
    /**
     * The APIC timer's input clock: the core crystal CPUID 0x15 reports (SystemLayer.CRYSTAL_HZ),
     * because Linux's native_calibrate_tsc sets lapic_timer_period from that crystal and skips
     * calibrating the APIC timer (checked by the platform guest timers.asm).
     */
    public static final long APIC_BUS_HZ = 25_000_000L;
    public static final long MAX_RAM = BootLayout.MMIO_HOLE_START;
    public static final long MIN_RAM = 2 * BootLayout.MiB;

    public MachineConfig {
        if (ramBytes < MIN_RAM || ramBytes > MAX_RAM || (ramBytes & 0xFFF) != 0) {
            throw new IllegalArgumentException(String.format(
                    "RAM must be between %d MiB and %d MiB (in 4 KiB steps), not %d bytes", MIN_RAM >> 20,
                    MAX_RAM >> 20, ramBytes));
        }
        if (cpus < 1 || cpus > 64) {
            throw new IllegalArgumentException("vCPUs must be between 1 and 64, not " + cpus);
        }
        Objects.requireNonNull(placement, "placement");
    }

    /** A machine whose vCPU threads the host schedules freely. */
    public MachineConfig(long ramBytes, int cpus, SerialBackend serial, int uartSpeedup, IntConsumer debugConsole,
            Consumer<String> log) {
        this(ramBytes, cpus, serial, uartSpeedup, debugConsole, log, Placement.FREE);
    }

    /** A small machine for tests: console bytes to {@code debugConsole}, serial output dropped. */
    public static MachineConfig forTest(long ramBytes, int cpus, IntConsumer debugConsole) {
        return new MachineConfig(ramBytes, cpus, SerialBackend.NONE, 1000, debugConsole, line -> { });
    }
}
