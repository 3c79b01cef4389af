package tvmm.vmm.console;

/**
 * The escape state machine of the console input (QEMU's {@code mux_proc_byte}): every
 * byte goes to the guest except the escape character, which arms the machine; the next
 * byte then selects an {@link Escape} command, or is the escape character itself (or
 * 'a', as in GNU screen) and sends one literal escape character. Any other byte after the
 * escape is swallowed, as QEMU does, so a mistyped escape never reaches the guest.
 *
 * <p>Not thread-safe: one input thread owns it.
 */
public final class EscapeDecoder {
    /** Ctrl-A, QEMU's default escape character ({@code -echr 1}). */
    public static final int CTRL_A = 0x01;

    /** Where decoded input goes. */
    public interface Sink {
        /** A byte for the guest's receive line. */
        void toGuest(int b);

        /** An escape command the user typed. */
        void command(Escape e);
    }

    private final int escapeChar;
    private boolean armed;

    public EscapeDecoder() {
        this(CTRL_A);
    }

    /** @param escapeChar the escape byte (QEMU's {@code -echr}), a control character in practice */
    public EscapeDecoder(int escapeChar) {
        if (escapeChar < 0 || escapeChar > 0xFF) {
            throw new IllegalArgumentException("escape character " + escapeChar);
        }
        this.escapeChar = escapeChar;
    }

    /** Feeds one input byte. */
    public void accept(int b, Sink sink) {
        b &= 0xFF;
        if (armed) {
            armed = false;
            if (b == escapeChar || b == 'a') {
                sink.toGuest(escapeChar);
                return;
            }
            Escape e = Escape.forKey(b);
            if (e != null) {
                sink.command(e);
            }
            return;
        }
        if (b == escapeChar) {
            armed = true;
            return;
        }
        sink.toGuest(b);
    }

    /** True after an escape character, until the next byte. */
    public boolean armed() {
        return armed;
    }

    public int escapeChar() {
        return escapeChar;
    }

    /** How the escape character is written in help text: "C-a" for Ctrl-A. */
    public String escapeName() {
        if (escapeChar >= 1 && escapeChar <= 26) {
            return "C-" + (char) ('a' + escapeChar - 1);
        }
        return String.format("0x%02x", escapeChar);
    }
}
