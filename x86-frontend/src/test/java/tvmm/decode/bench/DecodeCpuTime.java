package tvmm.decode.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import tvmm.decode.Decoder;
import tvmm.decode.Instruction;
import tvmm.decode.tools.ElfText;

/**
 * Decoding throughput per second of the decoding thread's own CPU time (ThreadMXBean), so
 * that figures taken on a loaded machine are comparable: the same linear sweep over busybox's
 * {@code .text} as {@link DecodeBenchmark}, lengths summed so the results are used.
 * Run: {@code java -cp <test classpath> tvmm.decode.bench.DecodeCpuTime [rounds]}.
 */
public final class DecodeCpuTime {
    private DecodeCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Path file = Path.of(System.getProperty("tvmm.bench.file", "/bin/busybox"));
        byte[] text = ElfText.sections(Files.readAllBytes(file)).stream()
                .filter(x -> x.name().equals(".text")).findFirst().orElseThrow().bytes();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Decoder d = new Decoder();
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long n = 0;
            for (int k = 0; k < 4; k++) {
                int p = 0;
                while (p < text.length) {
                    Instruction in = d.decode(text, p, text.length - p, 64);
                    sink += in.op.ordinal() + in.operandCount;
                    p += in.length;
                    n++;
                }
            }
            long cpu = mx.getCurrentThreadCpuTime() - c0;
            long wall = System.nanoTime() - w0;
            System.out.printf("round %2d: %d insns, %.1f M/CPU-s, %.1f M/wall-s%n",
                    r, n, n * 1e3 / cpu, n * 1e3 / wall);
        }
        System.out.println("sink " + sink);
    }
}
