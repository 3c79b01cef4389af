package tvmm.vmm.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tvmm} command line. Each verb is one class in this package; bad input ends
 * in one clear line on stderr and a non-zero status, never a stack trace.
 */
@Command(
        name = "tvmm",
        mixinStandardHelpOptions = true,
        // -h/--help and -V reach every verb: `tvmm run --help` works as users expect.
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Version.class,
        description = "A software hypervisor for x86 on Truffle.",
        subcommands = {InfoCommand.class, RunCommand.class, ImageCommand.class, BenchCommand.class, DifftestCommand.class, DisasmCommand.class})
public final class Main implements Runnable {

    /** Exit status for wrong usage (unknown flag, missing argument), as picocli and sysexits use. */
    static final int USAGE = 2;

    @Override
    public void run() {
        // No verb: show what there is.
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status; the entry point for tests. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("tvmm: " + ex.getMessage() + " (see: tvmm --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("tvmm: " + oneLine(ex));
            return 1;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? "internal error: " + ex : message.lines().findFirst().orElse(message);
    }
}
