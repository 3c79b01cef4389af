package tvmm.vmm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's TSC frequency, to turn nanoseconds into the cycle counts the literature reports
 * (Humbel's 4572 cycles per VMM round trip). Java cannot execute RDTSC, so the frequency is
 * read from the kernel: sysfs {@code tsc_freq_khz} where it exists, else the "cpu MHz" line of
 * {@code /proc/cpuinfo} (on a host with an invariant TSC the kernel reports the TSC rate there,
 * e.g. "tsc: Detected 2596.122 MHz processor").
 */
public final class HostTsc {
    private HostTsc() {
    }

    /** Hz, or 0 when the host does not say. */
    public static double hz() {
        try {
            Path sys = Path.of("/sys/devices/system/cpu/cpu0/tsc_freq_khz");
            if (Files.isReadable(sys)) {
                return Double.parseDouble(Files.readString(sys).strip()) * 1e3;
            }
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info)) {
                    if (line.startsWith("cpu MHz")) {
                        return Double.parseDouble(line.substring(line.indexOf(':') + 1).strip()) * 1e6;
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Where {@link #hz()} came from, for the report. */
    public static String source() {
        return Files.isReadable(Path.of("/sys/devices/system/cpu/cpu0/tsc_freq_khz")) ? "sysfs tsc_freq_khz"
                : "/proc/cpuinfo cpu MHz";
    }
}
