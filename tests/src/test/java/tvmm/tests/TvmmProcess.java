package tvmm.tests;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM running {@code tvmm.vmm.cli.Main} with this JVM's own
 * launcher flags (the Graal compiler on the upgrade module path) and class path, so a guest
 * that hangs or a VMM that crashes cannot take the test JVM with it.
 */
final class TvmmProcess {
    private TvmmProcess() {
    }

    /** {@code java <this JVM's flags> -cp <class path> tvmm.vmm.cli.Main}, ready for the verb. */
    static List<String> command() {
        List<String> jvm = new ArrayList<>();
        jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // No debugger agent or second JMX port in the child.
            if (!a.startsWith("-agentlib:") && !a.startsWith("-javaagent:") && !a.startsWith("-Dcom.sun.management")) {
                jvm.add(a);
            }
        }
        jvm.addAll(List.of("-cp", System.getProperty("java.class.path"), "tvmm.vmm.cli.Main"));
        return jvm;
    }
}
