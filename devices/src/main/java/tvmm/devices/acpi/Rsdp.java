package tvmm.devices.acpi;

/**
 * The Root System Description Pointer, revision 2 (ACPI 6.5 §5.2.5.3): found by the OS
 * scanning the BIOS area on 16-byte boundaries for "RSD PTR ". The first checksum covers
 * the ACPI 1.0 part (20 bytes), the extended checksum all 36 bytes.
 */
final class Rsdp {
    static final int LENGTH = 36;
    static final int REVISION = 2;

    private Rsdp() {
    }

    static byte[] build(long rsdtAddress, long xsdtAddress) {
        byte[] b = TableWriter.raw()
                .ascii("RSD PTR ", 8)
                .u8(0)                          // checksum of bytes 0..19
                .ascii(TableWriter.OEM_ID, 6)
                .u8(REVISION)
                .u32(rsdtAddress)
                .u32(LENGTH)
                .u64(xsdtAddress)
                .u8(0)                          // extended checksum
                .zeros(3)
                .finish();
        Checksum.fix(b, 0, 20, 8);
        Checksum.fix(b, 0, LENGTH, 32);
        return b;
    }
}
