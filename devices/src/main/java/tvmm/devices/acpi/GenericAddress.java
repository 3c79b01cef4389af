package tvmm.devices.acpi;

/**
 * The Generic Address Structure (ACPI 6.5 §5.2.3.2): 12 bytes naming a register in an
 * address space.
 *
 * @param space      0 system memory, 1 system I/O
 * @param bitWidth   register width in bits
 * @param bitOffset  offset of the register in the address
 * @param accessSize 0 undefined, 1 byte, 2 word, 3 dword, 4 qword
 */
public record GenericAddress(int space, int bitWidth, int bitOffset, int accessSize, long address) {
    public static final int SYSTEM_MEMORY = 0;
    public static final int SYSTEM_IO = 1;
    public static final GenericAddress NONE = new GenericAddress(0, 0, 0, 0, 0);

    /** A port-I/O register of {@code bytes} bytes (0 for "not present"). */
    public static GenericAddress io(int port, int bytes) {
        if (bytes == 0) {
            return NONE;
        }
        int access = switch (bytes) {
            case 1 -> 1;
            case 2 -> 2;
            default -> 3;
        };
        return new GenericAddress(SYSTEM_IO, bytes * 8, 0, access, port);
    }

    void writeTo(TableWriter w) {
        w.u8(space).u8(bitWidth).u8(bitOffset).u8(accessSize).u64(address);
    }
}
