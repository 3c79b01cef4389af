package tvmm.vmm.cli;

import tvmm.devices.uart.SerialBackend;
import tvmm.devices.uart.Uart16550;
import tvmm.vmm.console.Console;
import tvmm.vmm.machine.HostSerial;

/** The console of {@code tvmm.vmm.console} as the machine's host serial port. */
final class ConsoleSerial implements HostSerial {
    private final Console console;

    ConsoleSerial(Console console) {
        this.console = console;
    }

    @Override
    public SerialBackend backend() {
        return console;
    }

    @Override
    public void attach(Uart16550 uart) {
        console.attach(uart);
    }

    @Override
    public void message(String line) {
        console.message(line);
    }

    @Override
    public void close() {
        console.close();
    }
}
