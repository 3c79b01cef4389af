package tvmm.devices.uart;

/**
 * The host side of a serial port: where transmitted bytes go, and a notification that the
 * receive FIFO has room again. Host input enters through {@link Uart16550#receive(int)},
 * which refuses a byte when the FIFO is full (host-side flow control: the backend keeps it
 * and retries on {@link #rxReady()}), so no input is lost to overrun.
 *
 * <p>Both methods are called with the UART's monitor held, on a vCPU thread or the clock's
 * timer thread: they must not block. {@link #transmit} is paced by the UART at the line
 * rate, so a bounded queue in front of a slow host terminal stays small.
 */
public interface SerialBackend {

    /** One character left the transmitter (the low word-length bits are valid). */
    void transmit(int b);

    /** The receive FIFO has room; {@link Uart16550#receive(int)} will accept a byte. */
    default void rxReady() {
    }

    /** A backend that drops output and never has input. */
    SerialBackend NONE = b -> { };
}
