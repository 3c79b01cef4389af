package tvmm.devices.acpi;

/**
 * The Firmware ACPI Control Structure (ACPI 6.5 §5.2.10): required when the platform is
 * not hardware-reduced. tvmm has no sleep states that resume, so the waking vectors stay
 * zero and the global lock is never contended by firmware. 64 bytes, 64-byte aligned.
 */
final class Facs {
    static final int LENGTH = 64;
    static final int ALIGNMENT = 64;

    private Facs() {
    }

    static byte[] build() {
        return TableWriter.raw()
                .ascii("FACS", 4)
                .u32(LENGTH)
                .u32(0)             // hardware signature
                .u32(0)             // firmware waking vector
                .u32(0)             // global lock
                .u32(0)             // flags: no S4BIOS, no 64-bit wake
                .u64(0)             // X firmware waking vector
                .u8(2)              // version
                .zeros(3)
                .u32(0)             // OSPM flags
                .zeros(24)
                .finish();
    }
}
