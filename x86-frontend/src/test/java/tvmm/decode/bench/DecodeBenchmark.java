package tvmm.decode.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import tvmm.decode.Decoder;
import tvmm.decode.Instruction;
import tvmm.decode.tools.ElfText;

/**
 * Decoding throughput on one core: a linear sweep over busybox's executable text, one
 * {@link Instruction} per step (the result is consumed, so its allocation is counted).
 * The score is instructions per second. Run (see x86-frontend/README.md):
 * {@code java -cp <test classpath> org.openjdk.jmh.Main DecodeBenchmark}.
 *
 * <p>At the end it also prints the same sweep in instructions per second of the benchmark
 * thread's own CPU time over the measurement iterations (ThreadMXBean, read once per million
 * instructions): "on one core" even when other processes share the machine, where the
 * wall-clock score measures the share of a core the thread got.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
    static final int PER_INVOCATION = 1_000_000;

    private byte[] text;
    private int pos;
    private final Decoder decoder = new Decoder();

    @Setup
    public void load() throws IOException {
        Path file = Path.of(System.getProperty("tvmm.bench.file", "/bin/busybox"));
        ElfText.Section s = ElfText.sections(Files.readAllBytes(file)).stream()
                .filter(x -> x.name().equals(".text")).findFirst().orElseThrow();
        text = s.bytes();
    }

    /** CPU time of the measured invocations, summed over the measurement iterations only. */
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private boolean measuring;
    private long cpuNanos;
    private long cpuInstructions;

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%ndecode per CPU-second of the benchmark thread (measurement iterations): %.1f M instructions/s%n",
                cpuInstructions * 1e3 / cpuNanos);
    }

    @Benchmark
    @OperationsPerInvocation(PER_INVOCATION)
    public void decode(Blackhole bh) {
        long c0 = MX.getCurrentThreadCpuTime();
        byte[] code = text;
        int p = pos;
        Decoder d = decoder;
        for (int i = 0; i < PER_INVOCATION; i++) {
            Instruction in = d.decode(code, p, code.length - p, 64);
            bh.consume(in);
            p += in.length;
            if (p >= code.length) {
                p = 0;
            }
        }
        pos = p;
        if (measuring) {
            cpuNanos += MX.getCurrentThreadCpuTime() - c0;
            cpuInstructions += PER_INVOCATION;
        }
    }
}
