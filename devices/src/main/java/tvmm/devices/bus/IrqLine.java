package tvmm.devices.bus;

/**
 * One interrupt wire from a device to an interrupt controller. Edge-triggered inputs
 * act on a low-to-high transition; level-triggered inputs sample the level, so a device
 * holds the line high until the guest has serviced it.
 */
public interface IrqLine {

    /** Drives the line to {@code high}. Repeating the current level is harmless. */
    void set(boolean high);

    default void raise() {
        set(true);
    }

    default void lower() {
        set(false);
    }

    /** An edge: high then low, for edge-triggered sources such as the PIT's OUT0. */
    default void pulse() {
        set(true);
        set(false);
    }

    /** A line that is connected to nothing. */
    IrqLine NONE = high -> { };
}
