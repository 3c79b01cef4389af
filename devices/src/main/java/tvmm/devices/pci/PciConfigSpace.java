package tvmm.devices.pci;

/**
 * A type-0 configuration header backed by bytes, with per-byte write masks and
 * write-one-to-clear masks (PCI Local Bus Specification 3.0, §6.1–6.2), so read-only IDs
 * stay read-only and status bits clear the way drivers expect. Device models build their
 * space with {@link #setReadOnly} and {@link #setWritable}.
 */
public class PciConfigSpace implements PciFunction {
    public static final int VENDOR_ID = 0x00;
    public static final int DEVICE_ID = 0x02;
    public static final int COMMAND = 0x04;
    public static final int STATUS = 0x06;
    public static final int REVISION_ID = 0x08;
    public static final int CLASS_PROG_IF = 0x09;
    public static final int CLASS_SUBCLASS = 0x0A;
    public static final int CLASS_BASE = 0x0B;
    public static final int HEADER_TYPE = 0x0E;
    public static final int SUBSYSTEM_VENDOR_ID = 0x2C;
    public static final int SUBSYSTEM_ID = 0x2E;
    public static final int INTERRUPT_LINE = 0x3C;
    public static final int INTERRUPT_PIN = 0x3D;
    public static final int SIZE = 256;

    private final byte[] bytes = new byte[SIZE];
    private final byte[] writable = new byte[SIZE];
    private final byte[] clearOnOne = new byte[SIZE];

    public PciConfigSpace(int vendor, int device, int revision, int classCode) {
        setReadOnly(VENDOR_ID, 2, vendor);
        setReadOnly(DEVICE_ID, 2, device);
        setReadOnly(REVISION_ID, 1, revision);
        setReadOnly(CLASS_PROG_IF, 3, classCode);
        setWritable(INTERRUPT_LINE, 1, 0xFF); // scratch for the OS's IRQ routing
    }

    /** Sets {@code size} bytes at {@code offset} that the guest cannot change. */
    public final void setReadOnly(int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Lets the guest write the bits of {@code mask} in {@code size} bytes at {@code offset}. */
    public final void setWritable(int offset, int size, int mask) {
        for (int i = 0; i < size; i++) {
            writable[offset + i] = (byte) (mask >>> (8 * i));
        }
    }

    /** Bits of {@code mask} are cleared by writing one (status registers). */
    public final void setWriteOneToClear(int offset, int size, int mask) {
        for (int i = 0; i < size; i++) {
            clearOnOne[offset + i] = (byte) (mask >>> (8 * i));
        }
    }

    /**
     * RST# (PCI Local Bus Specification 3.0 §4.3.2, §6.2.2): every bit the guest can set or
     * clear returns to 0, the state this header powers on in; read-only values stay.
     */
    @Override
    public synchronized void reset() {
        for (int i = 0; i < SIZE; i++) {
            bytes[i] &= (byte) ~(writable[i] | clearOnOne[i]);
        }
    }

    @Override
    public synchronized int configRead(int offset, int size) {
        int v = 0;
        for (int i = 0; i < size; i++) {
            v |= (bytes[offset + i] & 0xFF) << (8 * i);
        }
        return v;
    }

    @Override
    public synchronized void configWrite(int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            int b = (value >>> (8 * i)) & 0xFF;
            int at = offset + i;
            int w = writable[at] & 0xFF;
            int old = bytes[at] & 0xFF;
            int v = (old & ~w) | (b & w);
            v &= ~(b & clearOnOne[at] & 0xFF);
            bytes[at] = (byte) v;
        }
    }
}
