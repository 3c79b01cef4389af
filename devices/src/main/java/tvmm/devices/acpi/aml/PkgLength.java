package tvmm.devices.acpi.aml;

/**
 * AML PkgLength (ACPI 6.5 §20.2.4): the length of a package including the PkgLength
 * bytes themselves, in 1 to 4 bytes. One byte holds up to 63; longer lengths put the
 * count of following bytes in bits 7:6 of the lead byte, the low nibble in its bits 3:0
 * and the rest in the following bytes, least significant first.
 */
public final class PkgLength {
    /** The largest length four bytes can encode (28 bits). */
    public static final int MAX = (1 << 28) - 1;

    private PkgLength() {
    }

    /** The PkgLength bytes for a package whose content (after the PkgLength) is {@code payload} bytes. */
    public static byte[] encode(int payload) {
        for (int n = 1; n <= 4; n++) {
            int total = payload + n;
            int limit = n == 1 ? 1 << 6 : 1 << (4 + 8 * (n - 1));
            if (total < limit) {
                byte[] out = new byte[n];
                if (n == 1) {
                    out[0] = (byte) total;
                } else {
                    out[0] = (byte) (((n - 1) << 6) | (total & 0xF));
                    for (int i = 1; i < n; i++) {
                        out[i] = (byte) (total >>> (4 + 8 * (i - 1)));
                    }
                }
                return out;
            }
        }
        throw new IllegalArgumentException("AML package too long: " + payload);
    }

    /** Decodes the PkgLength at {@code pos}: returns {length, bytes used}. */
    public static int[] decode(byte[] aml, int pos) {
        int lead = aml[pos] & 0xFF;
        int follow = lead >>> 6;
        if (follow == 0) {
            return new int[] {lead & 0x3F, 1};
        }
        int length = lead & 0xF;
        for (int i = 1; i <= follow; i++) {
            length |= (aml[pos + i] & 0xFF) << (4 + 8 * (i - 1));
        }
        return new int[] {length, follow + 1};
    }
}
