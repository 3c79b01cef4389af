package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.UnsupportedGuestFeature;
import tvmm.cpu.svm.ExitCode;

/**
 * Random code at ring 0 (and ring 3 entered from a complete system) must only ever end in
 * guest-visible outcomes (issue 03, "Checked by"): exceptions delivered through the guest's
 * IDT, a triple-fault SHUTDOWN, HLT, VMMCALL or I/O exits, or the deliberate stop for hardware
 * task switching / virtual-8086 mode ({@link UnsupportedGuestFeature}). Any other Java
 * exception, or a run that does not return after being kicked, fails the test.
 *
 * <p>Privileged instructions run for real: half of the snippets are built from system
 * opcodes (MOV CR/DR, LGDT/LIDT, LTR/LLDT, WRMSR, IN/OUT, IRET/RETF with frames of plausible
 * selectors on the stack, far JMP/CALL, SYSCALL/SYSRET, SWAPGS, MOV SS, CLI/STI…) with random
 * operands. {@code -Dtvmm.fuzz.count=200000} (and {@code tvmm.fuzz.seed}, {@code tvmm.fuzz.first}) make a longer run.
 */
class RandomSystemCodeTest {
    private static final int COUNT = Integer.getInteger("tvmm.fuzz.count", 3000);
    private static final long SEED = Long.getLong("tvmm.fuzz.seed", 0x5eed);
    /** The first snippet's index: with count 1, reruns one snippet of a report. */
    private static final int FIRST = Integer.getInteger("tvmm.fuzz.first", 0);
    /** A run still going this long after its first kick is a hang. */
    private static final long HANG_MILLIS = 10_000;

    @Test
    void randomSystemCodeOnlyRaisesGuestVisibleOutcomes() throws Exception {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuzz-kicker");
            t.setDaemon(true);
            return t;
        });
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long[] current = {-1, 0}; // snippet index, start time: for the hang check
        Thread worker = new Thread(() -> {
            for (int i = FIRST; i < FIRST + COUNT; i++) {
                synchronized (current) {
                    current[0] = i;
                    current[1] = System.nanoTime();
                }
                String outcome = runOne(i, watchdog, failures);
                outcomes.merge(outcome, 1, Integer::sum);
            }
            synchronized (current) {
                current[0] = -2;
            }
        }, "fuzz-worker");
        worker.setDaemon(true);
        // The engine turns a node it cannot build into #UD with a line on stderr: that is a bug too.
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        worker.start();
        try {
            while (worker.isAlive()) {
                worker.join(1000);
                synchronized (current) {
                    if (current[0] >= 0 && System.nanoTime() - current[1] > HANG_MILLIS * 1_000_000L) {
                        StringBuilder where = new StringBuilder();
                        for (StackTraceElement e : worker.getStackTrace()) {
                            where.append("\n        at ").append(e);
                        }
                        fail("hang: " + describe((int) current[0]) + " did not return after kicks:" + where);
                    }
                }
            }
        } finally {
            watchdog.shutdownNow();
            System.setErr(err);
        }
        String stderr = captured.toString();
        if (!stderr.isEmpty()) {
            failures.put("engine messages on stderr", stderr.lines().limit(20).reduce("", (a, b) -> a + "\n    " + b));
        }
        System.out.println("RandomSystemCodeTest: " + COUNT + " snippets, seed " + SEED + ", outcomes " + outcomes);
        if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder(failures.size() + " kinds of escaping Java exceptions:\n");
            failures.forEach((k, v) -> b.append(k).append("\n    first: ").append(v).append('\n'));
            fail(b.toString());
        }
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("vector")), "no exception was ever delivered");
    }

    /** The snippet's generator: everything about snippet {@code i} comes from this. */
    static SplittableRandom random(int i) {
        return new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + i);
    }

    static FuzzMachine.Mode mode(SplittableRandom rnd) {
        int m = rnd.nextInt(20);
        return m < 8 ? FuzzMachine.Mode.LONG64_RING0 : m < 12 ? FuzzMachine.Mode.PROT32_RING0
                : m < 15 ? FuzzMachine.Mode.PROT32_PAGED_RING0 : m < 18 ? FuzzMachine.Mode.LONG64_RING3
                : FuzzMachine.Mode.REAL;
    }

    static String describe(int i) {
        SplittableRandom rnd = random(i);
        FuzzMachine.Mode mode = mode(rnd);
        byte[] code = SystemSnippets.generate(rnd);
        return "snippet " + i + " (seed " + SEED + ") " + mode + " code " + HexFormat.of().formatHex(code);
    }

    private static String runOne(int i, ScheduledExecutorService watchdog, Map<String, String> failures) {
        SplittableRandom rnd = random(i);
        FuzzMachine.Mode mode = mode(rnd);
        byte[] code = SystemSnippets.generate(rnd);
        try (FuzzMachine m = new FuzzMachine(rnd)) {
            m.setUp(mode, code);
            // Random code may loop forever (jmp $, a REP with a huge count): kick it out.
            ScheduledFuture<?> kick = watchdog.scheduleAtFixedRate(m.vcpu::kick, 20, 20, TimeUnit.MILLISECONDS);
            try {
                RunResult r = m.run(code.length);
                if (r.stopped()) {
                    return "ran to the end";
                }
                if (r.exit() == null) {
                    failures.putIfAbsent("run returned without exit or stop: " + r, describe(i));
                    return "bad";
                }
                int c = r.exit().code;
                if (c == ExitCode.IOIO) {
                    return m.lastVector >= 0xfd ? "system call entry" : "vector " + m.lastVector;
                }
                return "exit " + ExitCode.name(c);
            } finally {
                kick.cancel(false);
            }
        } catch (UnsupportedGuestFeature e) {
            return "unsupported: " + e.getMessage().replaceAll("0x[0-9a-f]+", "…");
        } catch (Throwable t) {
            StackTraceElement top = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
            String key = t.getClass().getName() + " at " + top;
            StringBuilder trace = new StringBuilder(describe(i) + "\n        " + t);
            for (int k = 0; k < Math.min(12, t.getStackTrace().length); k++) {
                trace.append("\n        at ").append(t.getStackTrace()[k]);
            }
            synchronized (failures) {
                failures.putIfAbsent(key, trace.toString());
            }
            return "JAVA EXCEPTION";
        }
    }
}
