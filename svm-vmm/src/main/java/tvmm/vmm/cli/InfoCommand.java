package tvmm.vmm.cli;

import com.oracle.truffle.api.Truffle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code tvmm info}: versions, the Truffle runtime and the host. Exits non-zero when
 * Truffle fell back to its interpreter-only runtime, because tvmm is then far too slow
 * to be what it claims (DESIGN.md §2).
 */
@Command(name = "info", description = "Print tvmm's version, the JDK, the Truffle runtime and the host.")
final class InfoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        String runtime = Truffle.getRuntime().getName();
        boolean optimizing = !runtime.toLowerCase(java.util.Locale.ROOT).contains("interpreted");
        System.out.println("tvmm:            " + Version.tvmm());
        System.out.println("JDK:             " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + System.getProperty("java.home") + ")");
        System.out.println("Truffle runtime: " + runtime);
        System.out.println("host:            " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap");
        if (!optimizing) {
            System.err.println("tvmm: Truffle runs interpreter-only (no Graal compiler found): guest code would not be compiled");
            return 1;
        }
        return 0;
    }
}
