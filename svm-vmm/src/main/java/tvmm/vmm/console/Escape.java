package tvmm.vmm.console;

/**
 * The console commands typed after the escape character (Ctrl-A), named, keyed and
 * listed in the order of QEMU's character-device multiplexer ({@code chardev/char-mux.c};
 * QEMU 7.2's "C-a h" checked side by side), so a QEMU user's fingers work unchanged. Sending a literal Ctrl-A is not a command: {@link EscapeDecoder}
 * turns "C-a C-a" and "C-a a" into one Ctrl-A byte for the guest.
 */
public enum Escape {
    /** "C-a h" (also "C-a ?"): list the escapes. */
    HELP('h', "print this help"),
    /** "C-a x": end tvmm with status 0, as QEMU's "QEMU: Terminated". */
    QUIT('x', "exit tvmm"),
    /** "C-a s": QEMU commits -snapshot disks; tvmm has no disks. */
    SAVE('s', "save disk data back to file (tvmm has no disks)"),
    /** "C-a t": prefix each output line with the time since the toggle. */
    TIMESTAMPS('t', "toggle console timestamps"),
    /** "C-a b": QEMU sends a break (magic SysRq); the UART model cannot take one yet. */
    BREAK('b', "send break (not supported by tvmm's UART yet)"),
    /** "C-a c": QEMU switches to its monitor; tvmm has none and prints the console's status. */
    MONITOR('c', "no monitor in tvmm: prints the console's status");

    /** The key after the escape character. */
    public final char key;
    /** One line for the help text. */
    public final String help;

    Escape(char key, String help) {
        this.key = key;
        this.help = help;
    }

    /** The command for {@code key}, or null (QEMU silently ignores unknown escapes). */
    public static Escape forKey(int key) {
        if (key == '?') {
            return HELP;
        }
        for (Escape e : values()) {
            if (e.key == key) {
                return e;
            }
        }
        return null;
    }

    /**
     * The help text QEMU prints for "C-a h", with tvmm's commands; {@code escapeName} is
     * how the escape key is written (e.g. "C-a").
     */
    public static String helpText(String escapeName, String newline) {
        // QEMU's layout (char-mux.c): the key sequence in a 9-column field, in its order.
        StringBuilder sb = new StringBuilder();
        for (Escape e : values()) {
            sb.append(String.format("%-9s%s", escapeName + " " + e.key, e.help)).append(newline);
        }
        sb.append(String.format("%-9s%s", escapeName + " a", "sends " + escapeName)).append(newline);
        sb.append(String.format("%-9s%s", escapeName + " " + escapeName, "sends " + escapeName)).append(newline);
        return sb.toString();
    }
}
