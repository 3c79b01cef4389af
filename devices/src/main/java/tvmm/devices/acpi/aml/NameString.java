package tvmm.devices.acpi.aml;

import java.io.ByteArrayOutputStream;

/**
 * AML names (ACPI 6.5 §20.2.2): NameSegs of four characters padded with '_', a root
 * prefix '\' or parent prefixes '^', and dual/multi name prefixes for paths such as
 * {@code \_SB.PCI0}.
 */
public final class NameString {
    static final int ROOT_CHAR = 0x5C;
    static final int PARENT_PREFIX = 0x5E;
    static final int DUAL_NAME_PREFIX = 0x2E;
    static final int MULTI_NAME_PREFIX = 0x2F;
    static final int NULL_NAME = 0x00;

    private NameString() {
    }

    public static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        if (name.startsWith("\\")) {
            out.write(ROOT_CHAR);
            i = 1;
        }
        while (i < name.length() && name.charAt(i) == '^') {
            out.write(PARENT_PREFIX);
            i++;
        }
        String rest = name.substring(i);
        String[] segs = rest.isEmpty() ? new String[0] : rest.split("\\.");
        if (segs.length == 0) {
            out.write(NULL_NAME);
        } else if (segs.length == 2) {
            out.write(DUAL_NAME_PREFIX);
        } else if (segs.length > 2) {
            out.write(MULTI_NAME_PREFIX);
            out.write(segs.length);
        }
        for (String seg : segs) {
            out.writeBytes(nameSeg(seg));
        }
        return out.toByteArray();
    }

    /** One NameSeg: a leading letter or '_', then letters, digits or '_', padded to four. */
    static byte[] nameSeg(String seg) {
        if (seg.isEmpty() || seg.length() > 4 || !seg.matches("[A-Z_][A-Z0-9_]*")) {
            throw new IllegalArgumentException("not an AML NameSeg: '" + seg + "'");
        }
        byte[] out = {'_', '_', '_', '_'};
        for (int i = 0; i < seg.length(); i++) {
            out[i] = (byte) seg.charAt(i);
        }
        return out;
    }
}
