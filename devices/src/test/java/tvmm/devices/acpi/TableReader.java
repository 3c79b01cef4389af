package tvmm.devices.acpi;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;

/** Reads tables back out of an {@link AcpiTables} image by guest-physical address. */
final class TableReader {
    final byte[] image;
    final long base;

    TableReader(AcpiTables tables) {
        this.image = tables.image();
        this.base = tables.base();
    }

    int at(long address) {
        long off = address - base;
        assertTrue(off >= 0 && off < image.length, "address 0x" + Long.toHexString(address) + " outside the image");
        return (int) off;
    }

    int u8(long address) {
        return image[at(address)] & 0xFF;
    }

    int u16(long address) {
        return u8(address) | u8(address + 1) << 8;
    }

    long u32(long address) {
        return u16(address) | (long) u16(address + 2) << 16;
    }

    long u64(long address) {
        return u32(address) | u32(address + 4) << 32;
    }

    String ascii(long address, int length) {
        return new String(image, at(address), length, StandardCharsets.US_ASCII);
    }

    /** Checks the SDT header at {@code address}: signature, length inside the image, checksum. Returns the length. */
    int checkTable(long address, String signature) {
        assertEquals(signature, ascii(address, 4));
        int length = (int) u32(address + 4);
        assertTrue(length >= 36, signature + " length");
        assertTrue(at(address) + length <= image.length, signature + " runs past the image");
        assertTrue(Checksum.valid(image, at(address), length), signature + " checksum");
        return length;
    }

    /** The table bytes at {@code address} (for handing to iasl). */
    byte[] table(long address, int length) {
        byte[] out = new byte[length];
        System.arraycopy(image, at(address), out, 0, length);
        return out;
    }
}
