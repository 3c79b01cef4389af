package tvmm.devices.bus;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One-line logs of guest behaviour a device ignores (DESIGN.md §6), limited per kind of
 * event so a guest cannot flood the host's stderr: each kind prints at most
 * {@link #LIMIT} times, then one "suppressed" line. One instance per device (no static
 * state); thread-safe.
 */
public final class GuestLog {
    public static final int LIMIT = 8;

    private final String device;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public GuestLog(String device) {
        this.device = device;
    }

    /** Logs {@code String.format(format, args)} unless events of {@code kind} were logged too often. */
    public void warn(String kind, String format, Object... args) {
        int n = counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (n <= LIMIT) {
            System.err.println("tvmm: " + device + ": " + String.format(format, args));
        } else if (n == LIMIT + 1) {
            System.err.println("tvmm: " + device + ": further '" + kind + "' messages suppressed");
        }
    }

    /** How many events of {@code kind} happened (logged or not). */
    public int count(String kind) {
        AtomicInteger n = counts.get(kind);
        return n == null ? 0 : n.get();
    }
}
