package tvmm.vmm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tvmm run}: boots a guest. The machine does not exist yet; say so plainly. */
@Command(name = "run", description = "Boot a guest with its serial console on the terminal (not available yet).")
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("tvmm: booting a guest is not implemented yet (the CPU and the VMM are being built)");
        return 1;
    }
}
