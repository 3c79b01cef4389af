package tvmm.vmm.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tvmm.vmm.bench.WorldSwitch;

/**
 * {@code tvmm bench}: VMM micro-benchmarks. {@code --world-switch} runs a guest loop that
 * exits to the VMM on every iteration and prints ns and host cycles per round trip.
 */
@Command(name = "bench", description = "Run benchmarks (--world-switch: cycles per VM exit round trip).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--world-switch", arity = "0..1", fallbackValue = "vmmcall", paramLabel = "KIND",
            description = "guest exit loop: vmmcall (full vmrun round trip), ioio or npf")
    String worldSwitch;

    @Option(names = "--rounds", defaultValue = "10", description = "timed rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--iterations", defaultValue = "200000", description = "round trips per round (default ${DEFAULT-VALUE})")
    int iterations;

    @Override
    public Integer call() throws Exception {
        if (worldSwitch == null) {
            System.err.println("tvmm bench: choose a benchmark (--world-switch); guest benchmarks run inside"
                    + " the default guest (/bench)");
            return Main.USAGE;
        }
        WorldSwitch.Kind kind;
        try {
            kind = WorldSwitch.Kind.valueOf(worldSwitch.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("tvmm bench: --world-switch " + worldSwitch + ": use vmmcall, ioio or npf");
            return Main.USAGE;
        }
        if (rounds < 1 || iterations < 1) {
            System.err.println("tvmm bench: --rounds and --iterations must be positive");
            return Main.USAGE;
        }
        System.out.print(WorldSwitch.format(WorldSwitch.run(kind, rounds, iterations)));
        return 0;
    }
}
