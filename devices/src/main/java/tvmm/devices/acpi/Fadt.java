package tvmm.devices.acpi;

/**
 * The Fixed ACPI Description Table, revision 6 (ACPI 6.5 §5.2.9, 276 bytes): the fixed
 * hardware of a full (not hardware-reduced) ACPI PC: PM1a event and control blocks, the
 * PM timer, the SCI, the reset register, and the DSDT and FACS pointers in both 32- and
 * 64-bit form. SMI_CMD is 0: the machine is always in ACPI mode (SCI_EN reads 1).
 */
final class Fadt {
    static final int REVISION = 6;
    static final int MINOR_REVISION = 3;
    static final int LENGTH = 276;

    /** Flags (ACPI 6.5 table 5.10). */
    static final int WBINVD = 1;
    static final int PROC_C1 = 1 << 2;
    static final int SLP_BUTTON = 1 << 5;     // no fixed sleep button
    static final int FIX_RTC = 1 << 6;        // no RTC wake status in PM1
    static final int TMR_VAL_EXT = 1 << 8;
    static final int RESET_REG_SUP = 1 << 10;
    /** IA-PC boot architecture flags: LEGACY_DEVICES, 8042, VGA not present. */
    static final int IAPC_BOOT_ARCH = 0x0007;
    /** C2/C3 latencies above 100/1000 µs say "not supported" (§5.2.9). */
    static final int P_LVL2_LAT_NONE = 101;
    static final int P_LVL3_LAT_NONE = 1001;
    /** CMOS index of the century byte (MC146818 convention of PC BIOSes). */
    static final int CMOS_CENTURY = 0x32;

    static final int PM1_EVT_LEN = 4;
    static final int PM1_CNT_LEN = 2;
    static final int PM_TMR_LEN = 4;

    private Fadt() {
    }

    static byte[] build(AcpiConfig c, long facs, long dsdt) {
        int flags = WBINVD | PROC_C1 | SLP_BUTTON | FIX_RTC | RESET_REG_SUP
                | (c.pmTimer32() ? TMR_VAL_EXT : 0);
        TableWriter w = TableWriter.header("FACP", REVISION)
                .u32(facs)                      // 36 FIRMWARE_CTRL
                .u32(dsdt)                      // 40 DSDT
                .u8(0)                          // 44 reserved (INT_MODEL in 1.0)
                .u8(0)                          // 45 preferred PM profile: unspecified
                .u16(c.sciIrq())                // 46 SCI_INT
                .u32(0)                         // 48 SMI_CMD: none, always ACPI mode
                .u8(0).u8(0).u8(0).u8(0)        // 52 ACPI_ENABLE/DISABLE, S4BIOS_REQ, PSTATE_CNT
                .u32(c.pm1aEvent())             // 56 PM1a_EVT_BLK
                .u32(0)                         // 60 PM1b_EVT_BLK
                .u32(c.pm1aControl())           // 64 PM1a_CNT_BLK
                .u32(0)                         // 68 PM1b_CNT_BLK
                .u32(0)                         // 72 PM2_CNT_BLK
                .u32(c.pmTimer())               // 76 PM_TMR_BLK
                .u32(0).u32(0)                  // 80 GPE0_BLK, 84 GPE1_BLK
                .u8(PM1_EVT_LEN).u8(PM1_CNT_LEN).u8(0).u8(PM_TMR_LEN)   // 88
                .u8(0).u8(0).u8(0).u8(0)        // 92 GPE0/1 lengths, GPE1_BASE, CST_CNT
                .u16(P_LVL2_LAT_NONE).u16(P_LVL3_LAT_NONE)              // 96
                .u16(0).u16(0)                  // 100 FLUSH_SIZE, FLUSH_STRIDE
                .u8(0).u8(0)                    // 104 DUTY_OFFSET, DUTY_WIDTH
                .u8(0).u8(0).u8(CMOS_CENTURY)   // 106 DAY_ALRM, MON_ALRM, CENTURY
                .u16(IAPC_BOOT_ARCH)            // 109
                .u8(0)                          // 111 reserved
                .u32(flags)                     // 112
                .gas(GenericAddress.io(c.resetPort(), 1))   // 116 RESET_REG
                .u8(c.resetValue())             // 128 RESET_VALUE
                .u16(0)                         // 129 ARM_BOOT_ARCH
                .u8(MINOR_REVISION)             // 131
                .u64(facs)                      // 132 X_FIRMWARE_CTRL
                .u64(dsdt)                      // 140 X_DSDT
                .gas(GenericAddress.io(c.pm1aEvent(), PM1_EVT_LEN))     // 148
                .gas(GenericAddress.NONE)                               // 160 X_PM1b_EVT_BLK
                .gas(GenericAddress.io(c.pm1aControl(), PM1_CNT_LEN))   // 172
                .gas(GenericAddress.NONE)                               // 184 X_PM1b_CNT_BLK
                .gas(GenericAddress.NONE)                               // 196 X_PM2_CNT_BLK
                .gas(GenericAddress.io(c.pmTimer(), PM_TMR_LEN))        // 208
                .gas(GenericAddress.NONE)                               // 220 X_GPE0_BLK
                .gas(GenericAddress.NONE)                               // 232 X_GPE1_BLK
                .gas(GenericAddress.NONE)                               // 244 SLEEP_CONTROL_REG
                .gas(GenericAddress.NONE)                               // 256 SLEEP_STATUS_REG
                .ascii("TVMM", 8);                                      // 268 hypervisor vendor
        byte[] b = w.finish();
        if (b.length != LENGTH) {
            throw new IllegalStateException("FADT is " + b.length + " bytes, not " + LENGTH);
        }
        return b;
    }
}
