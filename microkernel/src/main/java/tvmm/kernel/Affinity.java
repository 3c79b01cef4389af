package tvmm.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pins the calling host thread to one core with Linux's sched_setaffinity(2), called through the
 * FFM API (java.lang.foreign), so no native library has to be built or shipped. Needs
 * {@code --enable-native-access=ALL-UNNAMED} to run without a JVM warning. Elsewhere than Linux,
 * or if the call is refused, the request is only recorded and BAD_CPU is reported.
 */
final class Affinity {
    private Affinity() {
    }

    private static final MethodHandle SCHED_SETAFFINITY = lookup();

    private static MethodHandle lookup() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("sched_setaffinity")
                    .map(f -> linker.downcallHandle(f, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS)))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null; // e.g. native access denied: placement degrades to a recorded request
        }
    }

    /** Restricts the calling platform thread to {@code core}. */
    static Status pinCurrentThread(int core) {
        if (SCHED_SETAFFINITY == null || core < 0 || Thread.currentThread().isVirtual()) {
            return Status.BAD_CPU;
        }
        try (Arena arena = Arena.ofConfined()) {
            long bytes = (core / 64 + 1) * 8L;
            MemorySegment mask = arena.allocate(bytes, 8);
            mask.setAtIndex(ValueLayout.JAVA_LONG, core / 64, 1L << (core % 64));
            // pid 0 = the calling thread (sched_setaffinity(2)).
            int rc = (int) SCHED_SETAFFINITY.invokeExact(0, bytes, mask);
            return rc == 0 ? Status.SUCCESS : Status.BAD_CPU;
        } catch (Throwable t) {
            return Status.BAD_CPU;
        }
    }

    /**
     * The CPU ids this process may run on, from {@code Cpus_allowed_list} of /proc/self/status
     * ("0-3,8"); without /proc, 0 to availableProcessors-1.
     */
    static int[] processCores() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    int[] cores = parseCpuList(line.substring("Cpus_allowed_list:".length()).trim());
                    if (cores.length > 0) {
                        return cores;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or /proc not mounted: fall back to a count
        }
        return java.util.stream.IntStream.range(0, Runtime.getRuntime().availableProcessors()).toArray();
    }

    /** Parses the kernel's cpu list format ("0-3,8,10-11") into ascending CPU ids. */
    static int[] parseCpuList(String list) {
        java.util.stream.IntStream.Builder b = java.util.stream.IntStream.builder();
        for (String part : list.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1));
            for (int c = lo; c <= hi; c++) {
                b.add(c);
            }
        }
        return b.build().sorted().distinct().toArray();
    }

    /** The calling thread's allowed cores as the kernel reports them ("0-1", "1"), or "" if unknown. */
    static String allowedCores() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring("Cpus_allowed_list:".length()).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted
        }
        return "";
    }
}
