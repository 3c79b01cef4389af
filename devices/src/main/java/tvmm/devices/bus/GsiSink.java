package tvmm.devices.bus;

/**
 * The receiving side of the machine's global system interrupts: the IOAPIC implements it
 * (pin n is GSI n). {@link tvmm.devices.platform.InterruptRouter} drives it with the level
 * of each wire; edge- or level-triggering is the sink's own configuration (the IOAPIC's
 * redirection entry), exactly as on the board, where the IOAPIC sees only wire levels.
 *
 * <p>Called with the driving device's lock held (lock order: device → sink): an
 * implementation must not call back into a device from {@code setLevel}.
 */
public interface GsiSink {

    /** The wire of {@code gsi} is now {@code high}. Repeating the current level is harmless. */
    void setLevel(int gsi, boolean high);

    /** A sink connected to nothing (a machine without IOAPIC). */
    GsiSink NONE = (gsi, high) -> { };
}
