package tvmm.vmm.machine;

import tvmm.devices.uart.SerialBackend;
import tvmm.devices.uart.Uart16550;

/**
 * Where COM1 is connected on the host for {@code tvmm run}: the interactive console of
 * {@code tvmm.vmm.console} (raw terminal, Ctrl-A escapes, pipes, files) behind a seam, so the
 * machine does not depend on how the host side is done.
 */
public interface HostSerial extends AutoCloseable {
    /** The backend the machine's UART is built with. */
    SerialBackend backend();

    /** Connects input once the UART exists (again after a reboot). */
    void attach(Uart16550 uart);

    /** A line for the user (tvmm's own messages) in order with the guest's output. */
    void message(String line);

    @Override
    void close();
}
