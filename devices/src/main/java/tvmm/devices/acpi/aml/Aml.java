package tvmm.devices.acpi.aml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small AML encoder: each method returns the bytes of one term, and terms nest by
 * passing those bytes in (ACPI 6.5 ch. 20). Enough for a DSDT that describes processors,
 * the PCI root, ISA devices and sleep states; it is not an ASL compiler.
 */
public final class Aml {
    private Aml() {
    }

    /** {@code Name(name, data)}. */
    public static byte[] name(String name, byte[] data) {
        return concat(new byte[] {AmlOp.NAME}, NameString.encode(name), data);
    }

    /** {@code Scope(name) { terms }}. */
    public static byte[] scope(String name, byte[]... terms) {
        return withPkgLength(new byte[] {AmlOp.SCOPE}, concat(NameString.encode(name), concat(terms)));
    }

    /** {@code Device(name) { terms }}. */
    public static byte[] device(String name, byte[]... terms) {
        return withPkgLength(new byte[] {AmlOp.EXT_PREFIX, (byte) AmlOp.EXT_DEVICE},
                concat(NameString.encode(name), concat(terms)));
    }

    /** {@code Method(name, args, Serialized/NotSerialized) { terms }}. */
    public static byte[] method(String name, int args, boolean serialized, byte[]... terms) {
        if (args < 0 || args > 7) {
            throw new IllegalArgumentException("AML methods take 0..7 arguments");
        }
        byte flags = (byte) (args | (serialized ? 8 : 0));
        return withPkgLength(new byte[] {AmlOp.METHOD},
                concat(NameString.encode(name), new byte[] {flags}, concat(terms)));
    }

    /** {@code Return(value)}. */
    public static byte[] ret(byte[] value) {
        return concat(new byte[] {(byte) AmlOp.RETURN}, value);
    }

    /** {@code Package(n) { elements }}. */
    public static byte[] pkg(byte[]... elements) {
        if (elements.length > 255) {
            throw new IllegalArgumentException("Package with more than 255 elements");
        }
        return withPkgLength(new byte[] {AmlOp.PACKAGE},
                concat(new byte[] {(byte) elements.length}, concat(elements)));
    }

    /** {@code Buffer(n) { bytes }}. */
    public static byte[] buffer(byte[] bytes) {
        return withPkgLength(new byte[] {AmlOp.BUFFER}, concat(integer(bytes.length), bytes));
    }

    /** An integer in the shortest encoding: Zero, One, Ones, or a byte/word/dword/qword constant. */
    public static byte[] integer(long value) {
        if (value == 0) {
            return new byte[] {AmlOp.ZERO};
        }
        if (value == 1) {
            return new byte[] {AmlOp.ONE};
        }
        if (value == -1) {
            return new byte[] {(byte) AmlOp.ONES};
        }
        if ((value & ~0xFFL) == 0) {
            return new byte[] {AmlOp.BYTE_PREFIX, (byte) value};
        }
        if ((value & ~0xFFFFL) == 0) {
            return new byte[] {AmlOp.WORD_PREFIX, (byte) value, (byte) (value >>> 8)};
        }
        if ((value & ~0xFFFF_FFFFL) == 0) {
            return concat(new byte[] {AmlOp.DWORD_PREFIX}, le(value, 4));
        }
        return concat(new byte[] {AmlOp.QWORD_PREFIX}, le(value, 8));
    }

    /** A string constant (ASCII, NUL-terminated). */
    public static byte[] string(String s) {
        return concat(new byte[] {AmlOp.STRING_PREFIX}, s.getBytes(StandardCharsets.US_ASCII), new byte[] {0});
    }

    /**
     * {@code EisaId("PNP0A03")}: three letters in 5 bits each and four hex digits,
     * stored as a big-endian pair of words in a DWord constant (ACPI 6.5 §19.6.35).
     */
    public static byte[] eisaId(String id) {
        if (!id.matches("[A-Z]{3}[0-9A-F]{4}")) {
            throw new IllegalArgumentException("not an EISA ID: " + id);
        }
        int vendor = ((id.charAt(0) - 0x40) << 10) | ((id.charAt(1) - 0x40) << 5) | (id.charAt(2) - 0x40);
        int product = Integer.parseInt(id.substring(3), 16);
        long dword = ((vendor >>> 8) & 0xFF) | ((vendor & 0xFF) << 8)
                | (((product >>> 8) & 0xFF) << 16) | ((long) (product & 0xFF) << 24);
        return concat(new byte[] {AmlOp.DWORD_PREFIX}, le(dword, 4));
    }

    /** {@code ResourceTemplate() { ... }}: a buffer of resource descriptors. */
    public static byte[] resourceTemplate(ResourceTemplate template) {
        return buffer(template.toBytes());
    }

    static byte[] withPkgLength(byte[] opcode, byte[] payload) {
        return concat(opcode, PkgLength.encode(payload.length), payload);
    }

    static byte[] le(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
