package tvmm.vmm.cli;

import com.oracle.truffle.api.Truffle;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.cpuid.Feature;

/**
 * {@code tvmm info}: versions, the Truffle runtime, the host and the guest CPU model with
 * the CPUID features it advertises (exactly what is implemented). Exits non-zero when
 * Truffle fell back to its interpreter-only runtime, because tvmm is then far too slow
 * to be what it claims (DESIGN.md §2).
 */
@Command(name = "info", description = "Print tvmm's version, the JDK, the Truffle runtime, the host and the guest CPU features.")
final class InfoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        String runtime = Truffle.getRuntime().getName();
        boolean optimizing = !runtime.toLowerCase(Locale.ROOT).contains("interpreted");
        System.out.println("tvmm:            " + Version.tvmm());
        System.out.println("JDK:             " + System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + System.getProperty("java.home") + ")");
        System.out.println("Truffle runtime: " + runtime);
        System.out.println("host:            " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap");
        System.out.println("guest CPU:       " + CpuidModel.VENDOR + " family " + CpuidModel.FAMILY
                + " model 0x" + Integer.toHexString(CpuidModel.MODEL) + " (\"" + CpuidModel.BRAND + "\")");
        System.out.println("guest features:  " + Arrays.stream(Feature.values())
                .filter(f -> f.implemented)
                .map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" ")));
        if (!optimizing) {
            System.err.println("tvmm: Truffle runs interpreter-only (no Graal compiler found): guest code would not be compiled");
            return 1;
        }
        return 0;
    }
}
