package tvmm.devices.acpi;

/**
 * The HPET description table (IA-PC HPET spec 1.0a §3.2.4): where the event timer block
 * is and its capabilities, so the OS needs no probing. 56 bytes.
 */
final class HpetTable {
    /** The smallest periodic tick the OS may program, in main counter ticks. */
    static final int MINIMUM_TICK = 0x80;

    private HpetTable() {
    }

    static byte[] build(AcpiConfig c) {
        return TableWriter.header("HPET", 1)
                .u32(c.hpetBlockId())
                .gas(new GenericAddress(GenericAddress.SYSTEM_MEMORY, 64, 0, 0, c.hpetAddress()))
                .u8(0)                      // HPET number
                .u16(MINIMUM_TICK)
                .u8(0)                      // page protection: none
                .finish();
    }
}
