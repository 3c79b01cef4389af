package tvmm.vmm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tvmm.images.bench.BenchGuest;
import tvmm.images.bench.BenchPrograms;
import tvmm.images.linux.GuestImage;
import tvmm.vmm.bench.WorldSwitch;
import tvmm.vmm.benchmark.BenchChart;
import tvmm.vmm.benchmark.BenchHarness;
import tvmm.vmm.benchmark.BenchJson;
import tvmm.vmm.benchmark.BenchReport;
import tvmm.vmm.benchmark.BenchResults;
import tvmm.vmm.benchmark.BenchSystem;
import tvmm.vmm.benchmark.GuestSystem;
import tvmm.vmm.benchmark.NativeSystem;
import tvmm.vmm.benchmark.Suite;

/**
 * {@code tvmm bench}: the guest benchmarks of issue 07. Boots the benchmark guest (the
 * default guest plus tvmm's programs in /bench) once per run and system, reads each
 * program's result line from the serial console, and reports min/median/max per
 * benchmark, side by side with QEMU TCG and the host ({@code --compare qemu,native}).
 * {@code --world-switch} instead runs the VMM's own exit round-trip loop (no guest OS).
 */
@Command(name = "bench", description = {"Run the guest benchmarks in tvmm, optionally side by side with QEMU TCG and the host.",
        "--world-switch: cycles per VM exit round trip of the VMM itself."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--benchmarks", split = ",", paramLabel = "NAME",
            description = "benchmarks to run (default: all of ${COMPLETION-CANDIDATES})", completionCandidates = Names.class)
    List<String> benchmarks;

    @Option(names = "--runs", paramLabel = "N", description = "boots per system (default 5, --quick 3)")
    Integer runs;

    @Option(names = "--quick", description = "small sizes and 3 runs: a few minutes in all")
    boolean quick;

    @Option(names = "--compare", split = ",", paramLabel = "SYSTEM", description = "also run on: qemu (QEMU TCG), native (the host)")
    List<String> compare = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "write every run, medians and ratios to tvmm as JSON")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "write a bar chart per benchmark (PNG)")
    Path plot;

    @Option(names = "--smp", paramLabel = "N", defaultValue = "1", description = "vCPUs of the guests (default ${DEFAULT-VALUE})")
    int smp;

    @Option(names = "--placement", paramLabel = "POLICY", description = "vCPU placement, passed to tvmm run")
    String placement;

    @Option(names = "-m", paramLabel = "MIB", defaultValue = "512", description = "guest RAM in MiB (default ${DEFAULT-VALUE})")
    int memoryMiB;

    @Option(names = "--boot-timeout", paramLabel = "SECONDS", description = "per boot, to the guest's ready line (default 120, --quick 40)")
    Integer bootTimeout;

    @Option(names = "--bench-timeout", paramLabel = "SECONDS", description = "per benchmark (default 300, --quick 60)")
    Integer benchTimeout;

    @Option(names = "--world-switch", arity = "0..1", fallbackValue = "vmmcall", paramLabel = "KIND",
            description = "instead: the VMM's guest exit loop: vmmcall (full vmrun round trip), ioio or npf")
    String worldSwitch;

    @Option(names = "--rounds", defaultValue = "10", description = "--world-switch: timed rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--iterations", defaultValue = "200000", description = "--world-switch: round trips per round (default ${DEFAULT-VALUE})")
    int iterations;

    /** The benchmark names for picocli's help. */
    static final class Names extends ArrayList<String> {
        Names() {
            super(BenchPrograms.ALL);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (worldSwitch != null) {
            return worldSwitch();
        }
        int n = runs != null ? runs : quick ? 3 : 5;
        if (n < 1 || smp < 1 || memoryMiB < 64) {
            System.err.println("tvmm bench: --runs and --smp must be positive, -m at least 64");
            return Main.USAGE;
        }
        for (String c : compare) {
            if (!c.equals("qemu") && !c.equals("native")) {
                System.err.println("tvmm bench: --compare " + c + ": use qemu, native or qemu,native");
                return Main.USAGE;
            }
        }
        Suite suite;
        try {
            suite = new Suite(benchmarks == null ? BenchPrograms.ALL : benchmarks, quick, smp, placement, memoryMiB,
                    Duration.ofSeconds(bootTimeout != null ? bootTimeout : quick ? 40 : 120),
                    Duration.ofSeconds(benchTimeout != null ? benchTimeout : quick ? 60 : 300));
        } catch (IllegalArgumentException e) {
            System.err.println("tvmm bench: " + e.getMessage());
            return Main.USAGE;
        }
        BenchPrograms programs = BenchPrograms.ensure();
        GuestImage guest = BenchGuest.ensure(programs);
        List<BenchSystem> systems = new ArrayList<>();
        systems.add(GuestSystem.tvmm(guest));
        if (compare.contains("qemu")) {
            Optional<String> qemu = GuestSystem.findQemu();
            if (qemu.isPresent()) {
                systems.add(GuestSystem.qemu(qemu.get(), guest));
            } else {
                System.err.println("tvmm bench: --compare qemu: qemu-system-x86_64 is not installed"
                        + " (apt-get install qemu-system-x86); running without it");
            }
        }
        if (compare.contains("native")) {
            systems.add(new NativeSystem(programs.directory(), BenchGuest.hostBusybox(guest, programs)));
        }
        System.err.println("tvmm bench: " + guest.description() + "; " + suite.benchmarks().size() + " benchmarks"
                + (quick ? " (quick)" : "") + ", " + n + " runs on " + String.join(", ", systems.stream().map(BenchSystem::name).toList()));
        Instant started = Instant.now();
        BenchResults results = BenchHarness.run(systems, suite, n, System.err);
        System.out.print(BenchReport.table(results));
        if (json != null) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("tool", "tvmm bench");
            meta.put("started", started.toString());
            meta.put("seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
            meta.put("quick", quick);
            meta.put("runs", n);
            meta.put("smp", smp);
            meta.put("memory_mib", memoryMiB);
            meta.put("placement", placement);
            meta.put("kernel", guest.kernel().toString());
            meta.put("initrd", guest.initrd().toString());
            meta.put("guest", guest.description());
            meta.put("host_cpu", hostCpu());
            Files.writeString(json, BenchJson.write(results, meta));
        }
        if (plot != null) {
            BenchChart.write(results, "tvmm bench" + (quick ? " --quick" : ""), plot);
        }
        return 0;
    }

    private static String hostCpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private int worldSwitch() throws InterruptedException {
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
