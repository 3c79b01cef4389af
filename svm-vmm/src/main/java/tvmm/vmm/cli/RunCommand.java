package tvmm.vmm.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tvmm.images.linux.DefaultGuest;
import tvmm.images.linux.GuestImage;
import tvmm.vmm.boot.BootException;
import tvmm.vmm.console.Console;
import tvmm.vmm.console.SerialSpec;
import tvmm.vmm.machine.HostSerial;
import tvmm.vmm.machine.Machine;
import tvmm.vmm.machine.MachineConfig;
import tvmm.vmm.machine.RunReport;
import tvmm.vmm.svm.Placement;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.svm.Vmm;

/**
 * {@code tvmm run}: boots a guest with QEMU's flags. With no {@code -kernel} it boots the
 * default guest (built from Debian packages on first use). Exit status (DESIGN.md §9): the
 * guest's isa-debug-exit status, 0 on power-off, 0 on reset with {@code -no-reboot} (a reset
 * without it reboots the machine), non-zero with one line for a triple fault under
 * {@code -no-reboot}, a guest kernel panic, a VMM error or a file that cannot be booted.
 */
@Command(name = "run", description = "Boot a guest (a Linux bzImage or a multiboot kernel) with its serial console on the terminal.")
final class RunCommand implements Callable<Integer> {
    /** Status for a file that cannot be booted, as for other command-line errors. */
    static final int BAD_IMAGE = 1;

    @Option(names = "-kernel", paramLabel = "FILE", description = "Linux bzImage or multiboot kernel (default: the default guest)")
    Path kernel;

    @Option(names = "-initrd", paramLabel = "FILE", description = "initramfs (Linux) or module list 'file args,file args' (multiboot)")
    String initrd;

    @Option(names = "-append", paramLabel = "CMDLINE", description = "kernel command line")
    String append;

    @Option(names = "-m", paramLabel = "SIZE", defaultValue = "512M", description = "RAM: MiB, or with suffix M/G (default ${DEFAULT-VALUE})")
    String memory;

    @Option(names = "-smp", paramLabel = "N", defaultValue = "1", description = "number of vCPUs (default ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--placement", paramLabel = "POLICY", defaultValue = "free",
            description = "vCPU threads on host cores: free (the host decides), pinned (vCPU n on core n) or gang (default ${DEFAULT-VALUE})")
    String placementName;

    @Option(names = "-nographic", description = "accepted for QEMU compatibility: tvmm has no display")
    boolean nographic;

    @Option(names = "-serial", paramLabel = "DEV", defaultValue = "stdio", description = "COM1: stdio, mon:stdio, file:PATH, null or none (default ${DEFAULT-VALUE})")
    String serial;

    @Option(names = "-no-reboot", description = "exit instead of rebooting when the guest resets")
    boolean noReboot;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0", description = "stop the guest after this long (0: never)")
    long timeoutSeconds;

    @Option(names = "--stats", description = "print VM exit counts and where the guest stopped (stderr)")
    boolean stats;

    @Option(names = "--uart-speedup", paramLabel = "N", defaultValue = "64", hidden = true,
            description = "divide the UART's character time (1 = real line rate)")
    int uartSpeedup;

    @Override
    public Integer call() throws Exception {
        long ram;
        try {
            ram = parseSize(memory);
        } catch (IllegalArgumentException e) {
            System.err.println("tvmm: -m " + memory + ": " + e.getMessage());
            return Main.USAGE;
        }
        Placement placement;
        try {
            placement = Placement.parse(placementName);
        } catch (IllegalArgumentException e) {
            System.err.println("tvmm: " + e.getMessage());
            return Main.USAGE;
        }
        String append = this.append;
        Path kernel = this.kernel;
        String initrd = this.initrd;
        if (kernel == null) {
            GuestImage image = DefaultGuest.ensure();
            kernel = image.kernel();
            initrd = initrd != null ? initrd : image.initrd().toString();
            append = append != null ? append : image.append();
        }
        if (!Files.isReadable(kernel)) {
            System.err.println("tvmm: cannot read kernel " + kernel);
            return BAD_IMAGE;
        }
        PrintStream debugOut = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false);
        SerialSpec spec;
        try {
            spec = SerialSpec.parse(serial);
        } catch (IllegalArgumentException e) {
            System.err.println("tvmm: " + e.getMessage());
            return Main.USAGE;
        }
        // C-a x: stop the running machine from the console's input thread; main exits with 0.
        AtomicReference<Vmm> running = new AtomicReference<>();
        AtomicBoolean quit = new AtomicBoolean();
        Console console = Console.open(spec, Console.Options.DEFAULT, () -> {
            quit.set(true);
            Vmm v = running.get();
            if (v != null) {
                v.stop(Stop.host("terminated from the console"));
            }
        });
        try (HostSerial host = new ConsoleSerial(console)) {
            MachineConfig config;
            try {
                config = new MachineConfig(ram, cpus, host.backend(), uartSpeedup, b -> debugByte(debugOut, b),
                        line -> host.message("tvmm: " + line), placement);
            } catch (IllegalArgumentException e) {
                System.err.println("tvmm: " + e.getMessage());
                return Main.USAGE;
            }
            Machine built;
            try {
                built = new Machine(config);
            } catch (IllegalArgumentException e) { // e.g. more pinned vCPUs than host cores
                System.err.println("tvmm: " + e.getMessage());
                return Main.USAGE;
            }
            Stop stop;
            try (Machine machine = built) {
                try {
                    String summary = machine.load(kernel, initrd, append);
                    if (stats) {
                        System.err.println("tvmm: " + summary + ", placement " + placement.label());
                    }
                } catch (BootException e) {
                    System.err.println("tvmm: " + e.getMessage());
                    return BAD_IMAGE;
                }
                // A guest reset reboots this machine (devices and vCPUs reset, the kernel loaded
                // again); with -no-reboot it ends tvmm with status 0, as QEMU.
                machine.setRebootOnReset(!noReboot);
                host.attach(machine.com1());
                running.set(machine.vmm());
                if (quit.get()) {
                    machine.vmm().stop(Stop.host("terminated from the console"));
                }
                stop = machine.run(timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : Duration.ofDays(365));
                debugOut.flush();
                if (stats) {
                    System.err.print(RunReport.of(machine));
                }
            }
            running.set(null);
            return status(stop);
        }
    }

    private static void debugByte(PrintStream out, int b) {
        out.write(b);
        if (b == '\n') {
            out.flush();
        }
    }

    /** Maps how the machine stopped to the process status, with one line for failures. */
    static int status(Stop stop) {
        switch (stop.kind()) {
            case DEBUG_EXIT:
                return stop.status();
            case POWER_OFF:
            case RESET:
            case HOST:
                return 0;
            default:
                System.err.println("tvmm: " + stop.reason());
                return stop.status();
        }
    }

    /** "512", "512M", "2G", "65536K": MiB by default, as QEMU's -m. */
    static long parseSize(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        long unit = 1L << 20;
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("K")) {
            unit = 1L << 10;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("M")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("G")) {
            unit = 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        long n;
        try {
            n = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size (use e.g. 512M or 2G)");
        }
        if (n <= 0 || n > (1L << 40) / unit) {
            throw new IllegalArgumentException("size out of range");
        }
        return n * unit;
    }
}
