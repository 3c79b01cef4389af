package tvmm.devices.platform;

/**
 * Every port, MMIO address, ISA IRQ and GSI of the PC platform (DESIGN.md §6), named once.
 * The VMM registers devices with these constants and the ACPI tables describe the same
 * constants, so the wiring and its description cannot disagree (Firecracker's layout
 * discipline). Port windows are given as base + length.
 */
public final class Layout {
    private Layout() {
    }

    // ---- Port I/O -------------------------------------------------------------------
    /** 8259A master: command (A0 = 0) and data (A0 = 1). */
    public static final int PIC_MASTER = 0x20;
    public static final int PIC_MASTER_LEN = 2;
    /** 8259A slave, cascaded on the master's IR2. */
    public static final int PIC_SLAVE = 0xA0;
    public static final int PIC_SLAVE_LEN = 2;
    /** PIIX edge/level control registers ELCR1/ELCR2. */
    public static final int PIC_ELCR = 0x4D0;
    public static final int PIC_ELCR_LEN = 2;
    /** 8254 PIT: counters 0..2 and the control word register. */
    public static final int PIT = 0x40;
    public static final int PIT_LEN = 4;
    /** NMI status and control (port B): PIT channel 2 gate, speaker, OUT2 readback. */
    public static final int SYSTEM_CONTROL_B = 0x61;
    public static final int SYSTEM_CONTROL_B_LEN = 1;
    /** i8042 keyboard controller data port. */
    public static final int I8042_DATA = 0x60;
    /** i8042 status (read) and command (write) port. */
    public static final int I8042_COMMAND = 0x64;
    /** MC146818 RTC: index (with the NMI mask in bit 7) and data. */
    public static final int RTC = 0x70;
    public static final int RTC_LEN = 2;
    /** Bochs/QEMU debug console: each byte written is printed. */
    public static final int DEBUG_CONSOLE = 0xE9;
    /** QEMU isa-debug-exit: writing v ends the VM with status (v << 1) | 1. */
    public static final int DEBUG_EXIT = 0xF4;
    public static final int DEBUG_EXIT_LEN = 1;
    /** 16550A COM1 (the console); COM2..4 at the other standard PC addresses, unused by default. */
    public static final int COM1 = 0x3F8;
    public static final int COM2 = 0x2F8;
    public static final int COM3 = 0x3E8;
    public static final int COM4 = 0x2E8;
    public static final int COM_LEN = 8;
    /** QEMU fw_cfg: selector (16-bit) and data (byte stream). */
    public static final int FW_CFG = 0x510;
    public static final int FW_CFG_LEN = 2;
    /** ACPI PM1a event block (status + enable), 4 bytes. */
    public static final int ACPI_PM1A_EVT = 0x600;
    public static final int ACPI_PM1_EVT_LEN = 4;
    /** ACPI PM1a control block, 2 bytes. */
    public static final int ACPI_PM1A_CNT = 0x604;
    public static final int ACPI_PM1_CNT_LEN = 2;
    /** ACPI PM timer (24-bit, 3.579545 MHz), 4 bytes. */
    public static final int ACPI_PM_TMR = 0x608;
    public static final int ACPI_PM_TMR_LEN = 4;
    /**
     * PCI configuration mechanism #1: CONFIG_ADDRESS (dword at 0xCF8) and CONFIG_DATA
     * (0xCFC..0xCFF), one 8-port window owned by the host bridge.
     */
    public static final int PCI_CONFIG = 0xCF8;
    public static final int PCI_CONFIG_LEN = 8;
    /**
     * PIIX reset control register (also the FADT reset register), byte-wide. It sits inside
     * the PCI window: the host bridge decodes only dword accesses at 0xCF8 as CONFIG_ADDRESS
     * (PCI 2.1 §3.7.4.1) and passes other accesses to 0xCF8..0xCFB on to this register.
     */
    public static final int RESET_CONTROL = 0xCF9;

    // ---- MMIO -----------------------------------------------------------------------
    /** IOAPIC register window (IOREGSEL at +0x00, IOWIN at +0x10). */
    public static final long IOAPIC_BASE = 0xFEC0_0000L;
    public static final long IOAPIC_SIZE = 0x1000;
    /** HPET register block. */
    public static final long HPET_BASE = 0xFED0_0000L;
    public static final long HPET_SIZE = 0x400;
    /** Local APIC (xAPIC mode) default base, per vCPU. */
    public static final long LAPIC_BASE = 0xFEE0_0000L;
    public static final long LAPIC_SIZE = 0x1000;
    /** BIOS area where the ACPI tables (RSDP first) are placed. */
    public static final long ACPI_TABLES = 0xE_0000L;
    public static final long ACPI_TABLES_SIZE = 0x2_0000L;

    // ---- Interrupts -----------------------------------------------------------------
    /** ISA IRQ numbers (8259 inputs; IRQ n is also IOAPIC pin n except IRQ0). */
    public static final int IRQ_PIT = 0;
    public static final int IRQ_KEYBOARD = 1;
    public static final int IRQ_CASCADE = 2;
    public static final int IRQ_COM1 = 4;
    /** COM2 and COM4 share IRQ3, COM1 and COM3 IRQ4 (ISA convention). */
    public static final int IRQ_COM2 = 3;
    public static final int IRQ_RTC = 8;
    public static final int IRQ_ACPI_SCI = 9;
    public static final int IRQ_MOUSE = 12;
    /** Number of ISA IRQs. */
    public static final int ISA_IRQS = 16;
    /** IOAPIC pins, GSI 0..23. */
    public static final int IOAPIC_PINS = 24;
    /**
     * The one ISA interrupt source override of the PC: IRQ0 (PIT) is wired to IOAPIC pin 2,
     * pin 0 carries the 8259's INTR (ExtINT). The MADT must carry the same override.
     */
    public static final int GSI_PIT = 2;
    /** The SCI is level-triggered active-high on GSI 9 (MADT override flags 0x000D). */
    public static final int GSI_ACPI_SCI = 9;

    /** The GSI that ISA IRQ {@code irq} reaches on the IOAPIC. */
    public static int gsiOfIsaIrq(int irq) {
        return irq == IRQ_PIT ? GSI_PIT : irq;
    }

    /** Vectors the 8259s carry at power-on (as a PC BIOS programs them). */
    public static final int PIC_MASTER_VECTOR_BASE = 0x08;
    public static final int PIC_SLAVE_VECTOR_BASE = 0x70;
}
