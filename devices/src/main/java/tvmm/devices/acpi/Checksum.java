package tvmm.devices.acpi;

/**
 * The ACPI checksum (ACPI 6.5 §5.2.5.3, §5.2.6): all bytes of a structure, the checksum
 * byte included, sum to zero modulo 256. The one checksum helper of every table.
 */
public final class Checksum {
    private Checksum() {
    }

    /** The byte sum of {@code length} bytes at {@code offset}, modulo 256. */
    public static int sum(byte[] data, int offset, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += data[offset + i];
        }
        return sum & 0xFF;
    }

    /** Sets {@code data[at]} so the range sums to zero (the byte at {@code at} is inside the range). */
    public static void fix(byte[] data, int offset, int length, int at) {
        data[at] = 0;
        data[at] = (byte) -sum(data, offset, length);
    }

    public static boolean valid(byte[] data, int offset, int length) {
        return sum(data, offset, length) == 0;
    }
}
