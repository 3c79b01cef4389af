package tvmm.cpu.difftest;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tvmm.decode.Decoder;
import tvmm.decode.Instruction;

/**
 * The difftest driver: generates {@code count} cases from {@code seed}, runs each on the
 * host CPU (through {@link NativeHarness}) and in tvmm's CPU ({@link CpuRunner}) on
 * {@code jobs} threads, prints every mismatch reproducibly (case index, bytes, disassembly,
 * the differing state) and ends with {@code difftest: cases=N mismatches=M seed=S}.
 */
public final class Difftest {
    private final long seed;
    private final long count;
    private final int jobs;
    private final Generator generator;
    private final PrintStream out;
    private final int maxPrinted;

    public Difftest(long seed, long count, String isa, int jobs, PrintStream out, int maxPrinted) {
        this.seed = seed;
        this.count = count;
        this.jobs = Math.max(1, jobs);
        this.generator = new Generator(isa);
        this.out = out;
        this.maxPrinted = maxPrinted;
    }

    /** Runs all cases; returns the number of mismatches. */
    public long run() throws IOException, InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        AtomicLong printed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            NativeHarness harness = new NativeHarness();
            Thread t = new Thread(() -> {
                CpuRunner cpu = null;
                try (harness) {
                    cpu = new CpuRunner();
                    Decoder decoder = new Decoder();
                    long i;
                    while ((i = next.getAndIncrement()) < count) {
                        Case c = generator.generate(seed, i);
                        Outcome host = harness.run(c);
                        Outcome mine;
                        List<String> d;
                        try {
                            mine = cpu.run(c);
                            d = host == null ? List.of("the native harness died on this case") : Comparator.diff(c, host, mine);
                        } catch (RuntimeException e) {
                            // Guest input must never make a Java exception escape: report it as a mismatch.
                            d = List.of("tvmm threw " + e + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
                            cpu.close();
                            cpu = new CpuRunner();
                        }
                        if (!d.isEmpty()) {
                            mismatches.incrementAndGet();
                            if (printed.incrementAndGet() <= maxPrinted) {
                                report(i, c, d, decoder);
                            }
                        }
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                } finally {
                    if (cpu != null) {
                        cpu.close();
                    }
                }
            }, "difftest-" + j);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!errors.isEmpty()) {
            Throwable e = errors.get(0);
            throw new IOException("difftest worker failed: " + e, e);
        }
        if (printed.get() > maxPrinted) {
            out.println("(" + (printed.get() - maxPrinted) + " more mismatches not shown)");
        }
        out.println("difftest: cases=" + count + " mismatches=" + mismatches.get() + " seed=" + seed);
        return mismatches.get();
    }

    private void report(long index, Case c, List<String> diffs, Decoder decoder) {
        StringBuilder sb = new StringBuilder();
        sb.append("MISMATCH case ").append(index).append(" (").append(c.label()).append(") bytes: ").append(c.hex()).append('\n');
        int off = 0;
        byte[] code = c.code();
        while (off < code.length) {
            Instruction d = decoder.decode(code, off, code.length - off, c.mode());
            sb.append("    ").append(String.format("%08x  ", Layout.CODE_BASE + off)).append(d).append('\n');
            off += Math.max(1, d.length);
        }
        StringBuilder regs = new StringBuilder("    initial:");
        for (int i = 0; i < 16; i++) {
            regs.append(String.format(" %x", c.regs()[i]));
        }
        sb.append(regs).append(" flags ").append(Comparator.flags(c.rflags())).append(" memseed ")
                .append(Long.toHexString(c.memSeed())).append('\n');
        for (String d : diffs) {
            sb.append("    ").append(d).append('\n');
        }
        synchronized (out) {
            out.print(sb);
        }
    }
}
