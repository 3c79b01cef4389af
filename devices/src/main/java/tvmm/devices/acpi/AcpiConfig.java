package tvmm.devices.acpi;

import tvmm.devices.acpi.pm.AcpiPm;
import tvmm.devices.hpet.Hpet;
import tvmm.devices.ioapic.IoApic;
import tvmm.devices.platform.Layout;

/**
 * What the ACPI tables describe: every address, port, IRQ and GSI they name. Built from
 * {@link Layout} by {@link #forPlatform}, the same constants the VMM wires the devices
 * with, so the tables and the machine cannot disagree.
 *
 * @param apicIds          APIC ID of each vCPU; vCPU i is ACPI processor UID i
 * @param pciMmioStart     first byte of the 32-bit PCI window (end of low RAM)
 * @param pciMmioEnd       last byte of the 32-bit PCI window (below the IOAPIC)
 * @param pmTimer32        the PM timer is 32 bits wide (FADT TMR_VAL_EXT), else 24
 * @param hpetBlockId      the low 32 bits of the HPET's capabilities register
 */
public record AcpiConfig(int[] apicIds, long lapicAddress,
                         int ioApicId, long ioApicAddress, int ioApicGsiBase,
                         long hpetAddress, int hpetBlockId,
                         int pm1aEvent, int pm1aControl, int pmTimer, boolean pmTimer32,
                         int sciIrq, int resetPort, int resetValue, int s5SleepType,
                         int pciConfigPort, long pciMmioStart, long pciMmioEnd,
                         int com1Port, int com1Irq, int rtcPort, int rtcIrq,
                         int pitIrq, int pitGsi) {

    /**
     * The tvmm PC platform with {@code cpus} vCPUs (APIC IDs 0..cpus-1) and RAM below 4 GiB
     * ending at {@code lowRamEnd}, where the PCI window begins.
     */
    public static AcpiConfig forPlatform(int cpus, long lowRamEnd) {
        if (cpus < 1 || lowRamEnd <= 0 || lowRamEnd >= Layout.IOAPIC_BASE) {
            throw new IllegalArgumentException("cpus " + cpus + ", low RAM end 0x" + Long.toHexString(lowRamEnd));
        }
        int[] ids = new int[cpus];
        for (int i = 0; i < cpus; i++) {
            ids[i] = i;
        }
        return new AcpiConfig(ids, Layout.LAPIC_BASE,
                IoApic.DEFAULT_ID, Layout.IOAPIC_BASE, 0,
                Layout.HPET_BASE, Hpet.EVENT_TIMER_BLOCK_ID,
                Layout.ACPI_PM1A_EVT, Layout.ACPI_PM1A_CNT, Layout.ACPI_PM_TMR, false,
                Layout.IRQ_ACPI_SCI, Layout.RESET_CONTROL, AcpiPm.RESET_VALUE, AcpiPm.SLP_TYP_S5,
                Layout.PCI_CONFIG, lowRamEnd, Layout.IOAPIC_BASE - 1,
                Layout.COM1, Layout.IRQ_COM1, Layout.RTC, Layout.IRQ_RTC,
                Layout.IRQ_PIT, Layout.GSI_PIT);
    }

    public int cpus() {
        return apicIds.length;
    }
}
