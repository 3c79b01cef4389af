package tvmm.vmm.machine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tvmm.devices.acpi.AcpiConfig;
import tvmm.devices.acpi.AcpiTables;
import tvmm.devices.acpi.pm.AcpiPm;
import tvmm.devices.acpi.pm.ResetRegister;
import tvmm.devices.apic.ApicBus;
import tvmm.devices.apic.LocalApic;
import tvmm.devices.bus.IoBus;
import tvmm.devices.hpet.Hpet;
import tvmm.devices.debug.DebugConsole;
import tvmm.devices.ioapic.IoApic;
import tvmm.devices.pic.PicPair;
import tvmm.devices.platform.Layout;
import tvmm.devices.platform.LegacyPlatform;
import tvmm.devices.time.HostClock;
import tvmm.devices.time.VirtualClock;
import tvmm.devices.uart.Uart16550;
import tvmm.kernel.Sc;
import tvmm.kernel.ScCap;
import tvmm.vmm.boot.BootException;
import tvmm.vmm.boot.BootLayout;
import tvmm.vmm.boot.KernelBoot;
import tvmm.vmm.memory.GuestMemoryMap;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.svm.VirtualCpu;
import tvmm.vmm.svm.Vmm;
import tvmm.vmm.svm.VmmPlatform;

/**
 * One PC assembled from {@link Layout} (DESIGN.md §6): RAM with the legacy holes, the
 * legacy devices, a local APIC per vCPU, the IOAPIC, HPET, ACPI PM and the ACPI tables in
 * the BIOS area, all on one host clock, and the VMM with its vCPUs.
 */
public final class Machine implements VmmPlatform, AutoCloseable {
    /** Guest TSC frequency: what the CPU's RDTSC and CPUID 0x15/0x16 report. */
    public static final long TSC_HZ = 2_000_000_000L;
    /** The legacy VGA window: no device, reads float high. */
    static final long VGA = 0xA_0000L;
    static final long VGA_SIZE = 0x2_0000L;
    /** Option ROMs and the BIOS: read-only; the ACPI tables live at its top. */
    static final long BIOS = 0xC_0000L;
    static final long BIOS_SIZE = 0x4_0000L;
    /** HPET comparators may be routed to GSIs 20..23 (PCI-style pins above the ISA ones). */
    static final int HPET_ROUTES = 0xF << 20;
    /** Selectors of the machine's service components in the VMM's PD (its own use ends below 0x50). */
    static final int SEL_SERVICES_SC = 0x60;
    static final int SEL_DEBUG_CONSOLE = 0x61;

    private final MachineConfig config;
    private final GuestMemoryMap memory;
    private final IoBus ports = IoBus.portBus();
    private final HostClock clock = new HostClock();
    private final Vmm vmm;
    private final LegacyPlatform legacy;
    private final ApicBus apicBus = new ApicBus();
    private final IoApic ioapic;
    private final Hpet hpet;
    private final AcpiPm pm;
    private final AcpiTables acpi;
    private final PanicWatch panic;
    private final ServedPort debugConsole;
    private volatile Boot boot;

    public Machine(MachineConfig config) {
        this.config = config;
        this.memory = new GuestMemoryMap(config.ramBytes());
        memory.addHole(VGA, VGA_SIZE, "vga");
        memory.addRom(BIOS, BIOS_SIZE, "bios");
        this.vmm = new Vmm(this, config.log(), config.placement());

        ResetRegister reset = new ResetRegister(() -> guestReset("reset register"));
        long lowRam = Math.min(config.ramBytes(), BootLayout.MMIO_HOLE_START);
        panic = new PanicWatch(config.serial(), reason -> vmm.stop(Stop.panic(reason)));
        legacy = new LegacyPlatform(new LegacyPlatform.Host(clock, panic, config.uartSpeedup(),
                config.debugConsole(), status -> vmm.stop(Stop.debugExit(status)),
                () -> guestReset("keyboard controller"), reset, config.cpus(), lowRam, 0), ports);

        // The debug console is a service component: a fault in it is contained and it restarts.
        ports.unregister(Layout.DEBUG_CONSOLE);
        ScCap services = Sc.create(vmm.pd(), SEL_SERVICES_SC, "services", Sc.Policy.FREE, -1,
                Thread.NORM_PRIORITY).orThrow();
        debugConsole = new ServedPort(vmm.pd(), services, SEL_DEBUG_CONSOLE, "debugcon",
                () -> new DebugConsole(config.debugConsole()), config.log());
        ports.register(Layout.DEBUG_CONSOLE, 1, debugConsole);

        ioapic = new IoApic(apicBus, IoApic.DEFAULT_ID);
        legacy.router.connectIoApic(ioapic);
        memory.addMmio(Layout.IOAPIC_BASE, Layout.IOAPIC_SIZE, ioapic);
        hpet = new Hpet(clock, legacy.router.isaIrq(Layout.IRQ_PIT), legacy.router.isaIrq(Layout.IRQ_RTC),
                legacy.router::gsi, HPET_ROUTES);
        // LEG_RT_CNF: HPET timers 0/1 take IRQ0/IRQ8 over and the PIT/RTC outputs are cut.
        hpet.setLegacyReplacementListener(legacy::setLegacyReplacement);
        memory.addMmio(Layout.HPET_BASE, Layout.HPET_SIZE, hpet);
        pm = new AcpiPm(clock, legacy.router.isaIrq(Layout.IRQ_ACPI_SCI), false, () -> vmm.stop(Stop.powerOff()));
        ports.register(Layout.ACPI_PM1A_EVT, Layout.ACPI_PM1_EVT_LEN, pm.eventBlock());
        ports.register(Layout.ACPI_PM1A_CNT, Layout.ACPI_PM1_CNT_LEN, pm.controlBlock());
        ports.register(Layout.ACPI_PM_TMR, Layout.ACPI_PM_TMR_LEN, pm.timerBlock());

        acpi = AcpiTables.build(AcpiConfig.forPlatform(config.cpus(), lowRam), Layout.ACPI_TABLES,
                (int) Layout.ACPI_TABLES_SIZE);
        memory.write(acpi.base(), acpi.image());

        for (int i = 0; i < config.cpus(); i++) {
            LocalApic apic = LocalApic.create(apicBus, i, i == 0, clock, MachineConfig.APIC_BUS_HZ, TSC_HZ);
            vmm.addVcpu(apic);
        }
        VirtualCpu bsp = vmm.vcpus().get(0);
        Firmware.setUpLocalApic(bsp.apic());
        // The 8259's INTR reaches the BSP's LINT0 (virtual-wire mode, MP spec §3.6.2.2).
        legacy.pic.connectIntr(level -> {
            bsp.apic().setLint(0, level);
            if (level) {
                bsp.kick();
            }
        });
    }

    public MachineConfig config() {
        return config;
    }

    @Override
    public IoBus ports() {
        return ports;
    }

    @Override
    public GuestMemoryMap memory() {
        return memory;
    }

    @Override
    public PicPair pic() {
        return legacy.pic;
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public long tscHz() {
        return TSC_HZ;
    }

    @Override
    public int cpuCount() {
        return config.cpus();
    }

    public Vmm vmm() {
        return vmm;
    }

    public LegacyPlatform legacy() {
        return legacy;
    }

    public Uart16550 com1() {
        return legacy.com1;
    }

    public AcpiTables acpi() {
        return acpi;
    }

    public List<VirtualCpu> vcpus() {
        return vmm.vcpus();
    }

    /**
     * Loads a Linux bzImage or a multiboot kernel (QEMU's {@code -kernel/-initrd/-append})
     * and puts the bootstrap processor at its entry; returns the loader's one-line summary.
     */
    public String load(Path kernel, String initrd, String append) throws BootException {
        KernelBoot.Loaded l = KernelBoot.load(memory, config.ramBytes(), kernel, initrd, append);
        if (append != null) {
            legacy.fwCfg.setCommandLine(append);
        }
        boot = new Boot(kernel, initrd, append);
        vmm.vcpus().get(0).enter(l.cpu());
        return l.summary();
    }

    /** The reset register or the i8042 pulsed RESET#: a reboot, unless the guest's kernel panicked. */
    private void guestReset(String source) {
        String why = panic.reason();
        if (why != null) {
            vmm.stop(Stop.panic(why)); // panic=N rebooting: the panic is the news, not the reboot
            return;
        }
        vmm.guestReset(Stop.reset(), "guest reset the machine (" + source + ")");
    }

    /** What {@link #load} booted, loaded again on every reboot. */
    private record Boot(Path kernel, String initrd, String append) {
    }

    /**
     * Whether a guest reset (reset register, i8042 pulse, triple fault) reboots the machine
     * (true: devices and vCPUs reset, the kernel loaded again, RAM otherwise kept) or stops
     * it (false, the default: {@code -no-reboot}, and what tests of a single boot expect).
     * Before {@link #run}.
     */
    public void setRebootOnReset(boolean reboot) {
        vmm.setPlatformReset(reboot ? this::resetPlatform : null);
    }

    /**
     * The platform half of a reboot, while every vCPU waits: the interrupt controllers and
     * timers first (so no device's way to reset reaches a CPU), then the legacy devices, the
     * firmware's APIC setup, and the boot image loaded again as at the first boot.
     */
    private tvmm.vmm.boot.InitialCpuState resetPlatform(String reason) throws BootException {
        String why = panic.reason();
        if (why != null) {
            vmm.stop(Stop.panic(why)); // a triple fault after a panic: the vCPUs see the stop
            return null;
        }
        config.log().accept(reason + ": rebooting");
        ioapic.reset();
        for (VirtualCpu v : vmm.vcpus()) {
            v.apic().powerOnReset();
        }
        hpet.reset();
        pm.reset();
        legacy.reset();
        Firmware.setUpLocalApic(vmm.vcpus().get(0).apic());
        Boot b = boot;
        if (b == null) {
            throw new BootException("nothing was loaded to boot again");
        }
        return KernelBoot.load(memory, config.ramBytes(), b.kernel(), b.initrd(), b.append()).cpu();
    }

    /** Runs until the guest stops the machine or {@code timeout} passes (then stops it from the host). */
    public Stop run(Duration timeout) throws InterruptedException {
        vmm.start();
        Stop s = vmm.awaitStop(timeout);
        if (s == null) {
            vmm.stop(Stop.timeout("guest still running after " + timeout.toSeconds() + " s (time limit)"));
            s = vmm.awaitStop(Duration.ofSeconds(10));
        }
        return s;
    }

    /** The debug console's service component (tests inject faults into it). */
    ServedPort debugConsole() {
        return debugConsole;
    }

    @Override
    public void close() {
        vmm.stop(Stop.host("machine closed"));
        debugConsole.stop();
        clock.close();
        memory.close();
    }
}
