package tvmm.vmm.console;

import java.util.concurrent.CountDownLatch;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.time.HostClock;
import tvmm.devices.uart.Uart16550;

/**
 * A tiny "VMM" for the interactive test: the real console on this process's terminal, a
 * real 16550A on the host clock, and a {@link LoopbackGuest} that echoes typed keys
 * upper-cased. It ends as tvmm does: "C-a x" → the quit listener releases main, which
 * closes the console and exits 0. Keys with a job in the demo: '#' is a guest power-off
 * (close, exit 0); '!' makes main die of an uncaught exception (the crash path).
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp <test class path>
 * tvmm.vmm.console.ConsoleDemo}.
 */
public final class ConsoleDemo {
    private enum End { QUIT, POWER_OFF, CRASH }

    private ConsoleDemo() {
    }

    /**
     * With an argument, writes {@code stty -g} of the terminal to that file while the JVM still
     * runs: proof that {@link Console#close()} restored it, not a hook at exit.
     */
    private static void recordTerminal(String[] args) throws Exception {
        if (args.length > 0) {
            new ProcessBuilder("stty", "-g").redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(new java.io.File(args[0])).start().waitFor();
        }
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        End[] end = {End.QUIT};
        HostClock clock = new HostClock();
        Console console = Console.stdio(Console.Options.DEFAULT, done::countDown);
        Uart16550 com1 = new Uart16550("com1", clock, IrqLine.NONE, console, 16);
        LoopbackGuest guest = new LoopbackGuest(com1, true, b -> {
            if (b == '#' || b == '!') {
                end[0] = b == '#' ? End.POWER_OFF : End.CRASH;
                done.countDown();
                return true;
            }
            return false;
        });
        guest.write("console demo ready, pid " + ProcessHandle.current().pid()
                + (console.isTerminal() ? " (terminal)" : " (pipe)") + "\r\n");
        // Input flows after the driver's FIFO reset (as Linux's 8250 probe clears it) and after
        // the banner, so the banner and the echo of piped input do not interleave.
        console.attach(com1);
        done.await();
        switch (end[0]) {
            case QUIT, POWER_OFF -> {
                if (end[0] == End.POWER_OFF) {
                    guest.write("reboot: Power down\r\n");
                }
                console.close();
                recordTerminal(args);
                System.exit(0);
            }
            case CRASH -> throw new IllegalStateException("demo crash: the VMM died");
        }
    }
}
