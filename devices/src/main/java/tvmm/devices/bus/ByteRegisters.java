package tvmm.devices.bus;

/**
 * An 8-bit ISA device (PIC, PIT, RTC, UART): it decodes byte cycles only, and the PC
 * chipset splits a wider access into consecutive byte cycles, low byte first. A device
 * implements the byte accessors and inherits that splitting.
 */
public interface ByteRegisters extends IoDevice {

    /** Reads the byte register at {@code offset} (0..255). */
    int readByte(long offset);

    /** Writes the byte register at {@code offset}. */
    void writeByte(long offset, int value);

    @Override
    default long read(long offset, int size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (long) (readByte(offset + i) & 0xFF) << (8 * i);
        }
        return v;
    }

    @Override
    default void write(long offset, int size, long value) {
        for (int i = 0; i < size; i++) {
            writeByte(offset + i, (int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
