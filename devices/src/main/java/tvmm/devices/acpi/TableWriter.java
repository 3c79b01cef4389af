package tvmm.devices.acpi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian bytes of one ACPI table. {@link #header} writes the 36-byte System
 * Description Table header that every table but the RSDP and FACS starts with (ACPI 6.5
 * §5.2.6); {@link #finish()} fills in its length and checksum.
 */
final class TableWriter {
    /** OEM fields of every tvmm table. */
    static final String OEM_ID = "TVMM  ";
    static final String CREATOR_ID = "TVMM";
    static final int OEM_REVISION = 1;
    static final int CREATOR_REVISION = 1;
    static final int HEADER_LENGTH = 36;
    static final int LENGTH_OFFSET = 4;
    static final int CHECKSUM_OFFSET = 9;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean hasHeader;

    /** Starts a table with the SDT header: signature, revision and an 8-character OEM table ID. */
    static TableWriter header(String signature, int revision) {
        TableWriter w = new TableWriter();
        w.hasHeader = true;
        w.ascii(signature, 4);
        w.u32(0);                       // length, patched by finish()
        w.u8(revision);
        w.u8(0);                        // checksum, patched by finish()
        w.ascii(OEM_ID, 6);
        w.ascii("TVMM" + signature, 8);
        w.u32(OEM_REVISION);
        w.ascii(CREATOR_ID, 4);
        w.u32(CREATOR_REVISION);
        return w;
    }

    /** A structure without the SDT header (RSDP, FACS). */
    static TableWriter raw() {
        return new TableWriter();
    }

    TableWriter u8(int v) {
        out.write(v);
        return this;
    }

    TableWriter u16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    TableWriter u32(long v) {
        u16((int) v);
        u16((int) (v >>> 16));
        return this;
    }

    TableWriter u64(long v) {
        u32(v);
        u32(v >>> 32);
        return this;
    }

    TableWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    TableWriter zeros(int n) {
        out.writeBytes(new byte[n]);
        return this;
    }

    /** {@code s} in exactly {@code width} bytes, space-padded. */
    TableWriter ascii(String s, int width) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < width; i++) {
            out.write(i < b.length ? b[i] : ' ');
        }
        return this;
    }

    TableWriter gas(GenericAddress g) {
        g.writeTo(this);
        return this;
    }

    int size() {
        return out.size();
    }

    /** The table bytes; with a header, its length and checksum are filled in. */
    byte[] finish() {
        byte[] b = out.toByteArray();
        if (hasHeader) {
            int n = b.length;
            b[LENGTH_OFFSET] = (byte) n;
            b[LENGTH_OFFSET + 1] = (byte) (n >>> 8);
            b[LENGTH_OFFSET + 2] = (byte) (n >>> 16);
            b[LENGTH_OFFSET + 3] = (byte) (n >>> 24);
            Checksum.fix(b, 0, n, CHECKSUM_OFFSET);
        }
        return b;
    }
}
