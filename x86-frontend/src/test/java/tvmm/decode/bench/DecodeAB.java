package tvmm.decode.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import tvmm.decode.Decoder;
import tvmm.decode.Instruction;
import tvmm.decode.tools.ElfText;

/**
 * Compares two builds of the decoder in one JVM: each build's classes are loaded by their own
 * class loader and the two sweeps over busybox's {@code .text} alternate round by round, timed
 * in the thread's CPU time. On the shared machine the load changes the absolute rate by up to
 * 40 % between runs; the per-round ratio new/old cancels it (an A/A run gives 1.000 with
 * quartiles within 1 %), so changes of a few per cent become visible.
 * Run: {@code java -cp target/test-classes DecodeAB OLD_CLASSES NEW_CLASSES [rounds]}, where a
 * CLASSES directory is a copy of target/classes (e.g. {@code git archive} + javac for the old one).
 */
public final class DecodeAB {
    private DecodeAB() {
    }

    /** One build's sweep: {@code times} passes, returns the number of instructions. */
    public static long sweep(byte[] text, int times) {
        Decoder d = new Decoder();
        long n = 0;
        for (int k = 0; k < times; k++) {
            int p = 0;
            while (p < text.length) {
                Instruction in = d.decode(text, p, text.length - p, 64);
                n += 1 + ((in.op.ordinal() + in.operandCount) >>> 31); // uses the result
                p += in.length;
            }
        }
        return n;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(System.getProperty("tvmm.bench.file", "/bin/busybox"));
        byte[] text = ElfText.sections(Files.readAllBytes(file)).stream()
                .filter(x -> x.name().equals(".text")).findFirst().orElseThrow().bytes();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        URL self = DecodeAB.class.getProtectionDomain().getCodeSource().getLocation();
        Method[] sweep = new Method[2];
        for (int v = 0; v < 2; v++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[v]).toUri().toURL(), self},
                    ClassLoader.getPlatformClassLoader());
            sweep[v] = loader.loadClass(DecodeAB.class.getName()).getMethod("sweep", byte[].class, int.class);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] rate = new double[2][rounds];
        int warmup = 5;
        for (int i = 0; i < rounds + warmup; i++) {
            for (int v = 0; v < 2; v++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long n = (Long) sweep[v].invoke(null, text, 2);
                double m = n * 1e3 / (mx.getCurrentThreadCpuTime() - c0);
                if (i >= warmup) {
                    rate[v][i - warmup] = m;
                }
            }
        }
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratio[i] = rate[1][i] / rate[0][i];
        }
        Arrays.sort(rate[0]);
        Arrays.sort(rate[1]);
        Arrays.sort(ratio);
        System.out.printf("old median %.1f best %.1f | new median %.1f best %.1f M/CPU-s"
                + " | new/old per round: median %.3f, quartiles %.3f-%.3f%n",
                rate[0][rounds / 2], rate[0][rounds - 1], rate[1][rounds / 2], rate[1][rounds - 1],
                ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
    }
}
