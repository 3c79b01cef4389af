package tvmm.devices.bus;

/**
 * A device's register window on the port bus or the MMIO bus. The device sees offsets
 * relative to the start of its window, never its base address (Firecracker's bus
 * contract), so the same model can sit anywhere {@code Layout} puts it.
 *
 * <p>Sizes are 1, 2, 4 or 8 bytes. A model handles accesses of a width its hardware does
 * not decode as the hardware would (typically: reads return all ones, writes are
 * ignored) and never throws for guest-chosen offsets, sizes or values.
 */
public interface IoDevice {

    /** Reads {@code size} bytes at {@code offset}; the value is zero-extended. */
    long read(long offset, int size);

    /** Writes the low {@code size} bytes of {@code value} at {@code offset}. */
    void write(long offset, int size, long value);

    /** A short name for logs and {@code tvmm info}, e.g. "pit" or "com1". */
    String name();
}
