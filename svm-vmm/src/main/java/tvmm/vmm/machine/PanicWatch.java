package tvmm.vmm.machine;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tvmm.devices.uart.SerialBackend;

/**
 * Watches the serial console for a Linux kernel panic, passing every byte on. The Debian cloud
 * kernel has pvpanic only as a module (not in an initramfs), so the console line is the one
 * signal a panic gives: {@code "Kernel panic - not syncing: <reason>"} (kernel/panic.c). After
 * it the kernel either resets the machine ({@code panic=N}, N ≠ 0; the machine then stops
 * instead of rebooting) or prints {@code "---[ end Kernel panic - not syncing: <reason> ]---"}
 * and spins forever with interrupts off (then {@code onEnd} stops the machine at once).
 *
 * <p>Called with the UART's monitor held: it only scans one line buffer, never blocks.
 */
final class PanicWatch implements SerialBackend {
    static final String PANIC = "Kernel panic - not syncing: ";
    static final String END = "---[ end " + PANIC;
    /** Longer lines are cut: the marker and a reason fit, a guest cannot grow the buffer. */
    static final int MAX_LINE = 512;

    private final SerialBackend out;
    private final Consumer<String> onEnd;
    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private volatile String reason;

    /**
     * @param out   where the bytes go (the host console)
     * @param onEnd called with the reason when the kernel says the panic is final
     */
    PanicWatch(SerialBackend out, Consumer<String> onEnd) {
        this.out = out;
        this.onEnd = onEnd;
    }

    /** The reason of the first panic seen on the console, or null. */
    String reason() {
        return reason;
    }

    @Override
    public void transmit(int b) {
        out.transmit(b);
        if (b == '\n' || b == '\r') {
            if (length > 0) {
                endOfLine(new String(line, 0, length, StandardCharsets.ISO_8859_1));
            }
            length = 0;
        } else if (length < MAX_LINE) {
            line[length++] = (byte) b;
        }
    }

    @Override
    public void rxReady() {
        out.rxReady();
    }

    private void endOfLine(String text) {
        int end = text.indexOf(END);
        if (end >= 0 && reason != null) {
            onEnd.accept(reason);
            return;
        }
        int at = text.indexOf(PANIC);
        if (at >= 0 && end < 0 && reason == null) {
            reason = text.substring(at + PANIC.length()).strip();
        }
    }
}
