package tvmm.devices.acpi.aml;

/** AML opcodes tvmm emits (ACPI 6.5 §20.3). */
public final class AmlOp {
    public static final int ZERO = 0x00;
    public static final int ONE = 0x01;
    public static final int NAME = 0x08;
    public static final int BYTE_PREFIX = 0x0A;
    public static final int WORD_PREFIX = 0x0B;
    public static final int DWORD_PREFIX = 0x0C;
    public static final int STRING_PREFIX = 0x0D;
    public static final int QWORD_PREFIX = 0x0E;
    public static final int SCOPE = 0x10;
    public static final int BUFFER = 0x11;
    public static final int PACKAGE = 0x12;
    public static final int METHOD = 0x14;
    public static final int EXT_PREFIX = 0x5B;
    /** After {@link #EXT_PREFIX}. */
    public static final int EXT_DEVICE = 0x82;
    public static final int EXT_PROCESSOR = 0x83;
    public static final int RETURN = 0xA4;
    public static final int ONES = 0xFF;

    private AmlOp() {
    }
}
