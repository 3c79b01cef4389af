package tvmm.vmm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tvmm.cpu.difftest.Difftest;
import tvmm.cpu.difftest.Generator;

/**
 * {@code tvmm difftest}: differential testing of tvmm's CPU against the host CPU (DESIGN.md
 * §10). Each case runs natively in an isolated child process (a small C harness built with
 * gcc at first use) and in tvmm's CPU in 64-bit user mode; registers, defined flags,
 * memory and exceptions must agree; for the x87/MMX/SSE classes also the x87, MMX, XMM and
 * MXCSR state (the FXSAVE image). Exit status 0 only when nothing differed.
 */
@Command(name = "difftest", mixinStandardHelpOptions = true, description = "Compare tvmm's CPU with the host CPU on generated instruction snippets.")
final class DifftestCommand implements Callable<Integer> {

    @Option(names = "--seed", description = "Random seed (default: time-based; printed at the end).")
    Long seed;

    @Option(names = "--count", description = "Number of cases (default: ${DEFAULT-VALUE}).", defaultValue = "10000")
    long count;

    @Option(names = "--isa", description = "Instruction class: all, alu, shift, muldiv, bit, mov, xchg, stack, cond, branch, string, misc, random (decoded random bytes), random32 (compatibility mode), seq, seq32 (chains of random instructions); "
            + "x87, mmx, sse, sse2, sse3, ssse3, sse41, sse42 (these also compare the x87/MMX/SSE state), fp (all of those) (default: ${DEFAULT-VALUE}).",
            defaultValue = "all")
    String isa;

    @Option(names = "--jobs", description = "Parallel workers, each with its own harness process (default: host cores).")
    Integer jobs;

    @Option(names = "--show", description = "Print at most this many mismatches in full (default: ${DEFAULT-VALUE}).", defaultValue = "50")
    int show;

    @Override
    public Integer call() throws Exception {
        if (!Generator.valid(isa)) {
            System.err.println("tvmm: unknown --isa " + isa + " (one of all, fp, " + String.join(", ", Generator.CLASSES) + ", "
                    + String.join(", ", Generator.FP_CLASSES) + ")");
            return Main.USAGE;
        }
        if (count < 0) {
            System.err.println("tvmm: --count must not be negative");
            return Main.USAGE;
        }
        long s = seed != null ? seed : System.nanoTime() & 0xffffffffL;
        int j = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        long mismatches = new Difftest(s, count, isa, j, System.out, show).run();
        return mismatches == 0 ? 0 : 1;
    }
}
