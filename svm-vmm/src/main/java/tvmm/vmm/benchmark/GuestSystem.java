package tvmm.vmm.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tvmm.images.linux.GuestImage;

/**
 * A system that boots the benchmark guest: tvmm ({@code tvmm run} in a child JVM) or
 * QEMU TCG, the reference peer of DESIGN.md §11. Both get the same kernel, initramfs,
 * command line, RAM and vCPU count; each run is one boot.
 */
public final class GuestSystem implements BenchSystem {
    private final String name;
    private final Function<Suite, List<String>> command;
    private String lastTail = "";

    GuestSystem(String name, Function<Suite, List<String>> command) {
        this.name = name;
        this.command = command;
    }

    @Override
    public String name() {
        return name;
    }

    /** The last console lines of the latest run (shown when a run failed). */
    public String lastConsoleTail() {
        return lastTail;
    }

    @Override
    public Map<String, Outcome> runOnce(Suite suite) throws InterruptedException {
        GuestSession s = new GuestSession(name, command.apply(suite));
        Map<String, Outcome> r = s.run(suite);
        lastTail = s.tail();
        return r;
    }

    static String append(GuestImage guest, Suite suite) {
        return guest.append() + " " + suite.guestParameters();
    }

    /** QEMU TCG with the flags of guest-images' qemu-boot.sh. */
    public static GuestSystem qemu(String qemuBinary, GuestImage guest) {
        return new GuestSystem("qemu", suite -> List.of(qemuBinary, "-accel", "tcg", "-m", Integer.toString(suite.memoryMiB()),
                "-smp", Integer.toString(suite.smp()), "-nographic", "-no-reboot", "-kernel", guest.kernel().toString(),
                "-initrd", guest.initrd().toString(), "-append", append(guest, suite)));
    }

    /**
     * tvmm through its launcher's Java entry: {@code tvmm.vmm.cli.Main run} in a child JVM
     * started with this JVM's own flags and class path (the launcher's Truffle setup), so a
     * guest that hangs or crashes the VMM cannot take the harness with it.
     */
    public static GuestSystem tvmm(GuestImage guest) {
        List<String> jvm = tvmmCommand();
        return new GuestSystem("tvmm", suite -> {
            List<String> c = new ArrayList<>(jvm);
            c.addAll(List.of("run", "-kernel", guest.kernel().toString(), "-initrd", guest.initrd().toString(),
                    "-append", append(guest, suite), "-m", suite.memoryMiB() + "M", "-smp", Integer.toString(suite.smp()),
                    "-nographic", "-serial", "stdio", "-no-reboot"));
            if (suite.placement() != null) {
                c.addAll(List.of("--placement", suite.placement()));
            }
            return c;
        });
    }

    /**
     * {@code java <this JVM's flags> -cp <class path> tvmm.vmm.cli.Main}, ready for a verb:
     * a child JVM with the launcher's Truffle setup (the Graal compiler on the upgrade module
     * path). The end-to-end tests start tvmm the same way.
     */
    public static List<String> tvmmCommand() {
        List<String> jvm = new ArrayList<>();
        jvm.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // No debugger agent or second JMX port in the child.
            if (!a.startsWith("-agentlib:") && !a.startsWith("-javaagent:") && !a.startsWith("-Dcom.sun.management")) {
                jvm.add(a);
            }
        }
        jvm.addAll(List.of("-cp", System.getProperty("java.class.path"), "tvmm.vmm.cli.Main"));
        return jvm;
    }

    /** The QEMU binary on PATH, if installed. */
    public static Optional<String> findQemu() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "qemu-system-x86_64");
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }
}
