package tvmm.devices.platform;

import java.util.function.IntConsumer;
import tvmm.devices.bus.IoBus;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.debug.DebugConsole;
import tvmm.devices.debug.DebugExit;
import tvmm.devices.fwcfg.FwCfg;
import tvmm.devices.i8042.I8042;
import tvmm.devices.pci.PciHostBridge;
import tvmm.devices.pic.PicPair;
import tvmm.devices.pit.Pit8254;
import tvmm.devices.pit.SystemControlPortB;
import tvmm.devices.rtc.Mc146818;
import tvmm.devices.time.VirtualClock;
import tvmm.devices.uart.SerialBackend;
import tvmm.devices.uart.Uart16550;

/**
 * The PC's legacy (ISA and PCI host) devices, built and wired in one place from
 * {@link Layout}: 8259 pair, 8254 + port 0x61, RTC, COM1, i8042, PCI host bridge, debug
 * console and exit, fw_cfg. The VMM adds the local APICs, IOAPIC ({@link
 * InterruptRouter#connectIoApic}), HPET and ACPI, and connects {@link PicPair#connectIntr}
 * to LINT0 of the boot CPU.
 */
public final class LegacyPlatform {
    /** What the host provides to the legacy devices. */
    public record Host(
            VirtualClock clock,
            SerialBackend com1,
            int uartSpeedup,
            IntConsumer debugConsole,
            IntConsumer debugExit,
            Runnable resetRequest,
            IoDevice resetControl, // the ACPI/PIIX reset register for 0xCF9, or null
            int cpus,
            long ramBelow4G,
            long ramAbove4G) {
    }

    public final PicPair pic = new PicPair();
    public final InterruptRouter router = new InterruptRouter(pic);
    public final Pit8254 pit;
    public final SystemControlPortB portB;
    public final Mc146818 rtc;
    public final Uart16550 com1;
    public final I8042 i8042;
    public final PciHostBridge pci;
    public final FwCfg fwCfg;
    private final GatedIrqLine pitOut0 = new GatedIrqLine(router.isaIrq(Layout.IRQ_PIT));
    private final GatedIrqLine rtcIrq8 = new GatedIrqLine(router.isaIrq(Layout.IRQ_RTC));

    public LegacyPlatform(Host host, IoBus ports) {
        pit = new Pit8254(host.clock(), pitOut0);
        portB = new SystemControlPortB(pit, host.clock());
        rtc = new Mc146818(host.clock(), rtcIrq8);
        rtc.setMemorySize(host.ramBelow4G(), host.ramAbove4G());
        com1 = new Uart16550("com1", host.clock(), router.isaIrq(Layout.IRQ_COM1), host.com1(), host.uartSpeedup());
        i8042 = new I8042(router.isaIrq(Layout.IRQ_KEYBOARD), router.isaIrq(Layout.IRQ_MOUSE), host.resetRequest());
        pci = new PciHostBridge();
        if (host.resetControl() != null) {
            pci.legacyWindow().register(Layout.RESET_CONTROL - Layout.PCI_CONFIG, 1, host.resetControl());
        }
        fwCfg = new FwCfg(host.cpus(), host.ramBelow4G() + host.ramAbove4G());

        ports.register(Layout.PIC_MASTER, Layout.PIC_MASTER_LEN, pic.masterPorts());
        ports.register(Layout.PIC_SLAVE, Layout.PIC_SLAVE_LEN, pic.slavePorts());
        ports.register(Layout.PIC_ELCR, Layout.PIC_ELCR_LEN, pic.elcrPorts());
        ports.register(Layout.PIT, Layout.PIT_LEN, pit);
        ports.register(Layout.SYSTEM_CONTROL_B, Layout.SYSTEM_CONTROL_B_LEN, portB);
        ports.register(Layout.RTC, Layout.RTC_LEN, rtc);
        ports.register(Layout.COM1, Layout.COM_LEN, com1);
        ports.register(Layout.I8042_DATA, 1, i8042.dataPort());
        ports.register(Layout.I8042_COMMAND, 1, i8042.commandPort());
        ports.register(Layout.PCI_CONFIG, Layout.PCI_CONFIG_LEN, pci);
        ports.register(Layout.DEBUG_CONSOLE, 1, new DebugConsole(host.debugConsole()));
        ports.register(Layout.DEBUG_EXIT, Layout.DEBUG_EXIT_LEN, new DebugExit(host.debugExit()));
        ports.register(Layout.FW_CFG, Layout.FW_CFG_LEN, fwCfg);
    }

    /**
     * System reset of every legacy device (each to its datasheet reset values; CMOS memory and
     * the RTC's time survive). The 8259 pair comes last, so the request latches the other
     * devices' outputs made on their way to reset are cleared with it.
     */
    public void reset() {
        pit.reset();
        portB.reset();
        rtc.reset();
        com1.reset();
        i8042.reset();
        pci.reset();
        fwCfg.reset();
        pic.reset();
    }

    /**
     * The HPET's LEG_RT_CNF: while on, the PIT's OUT0 no longer reaches IRQ0 nor the RTC's
     * output IRQ8 (the HPET's timers 0 and 1 drive them instead). Connect it to the HPET's
     * legacy-replacement listener.
     */
    public void setLegacyReplacement(boolean on) {
        pitOut0.connect(!on);
        rtcIrq8.connect(!on);
    }
}
