package tvmm.vmm.console;

import java.io.IOError;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.ControlFlag;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The user's terminal in raw mode through jline: the settings QEMU's stdio character
 * device uses for {@code -nographic} ({@code qemu_chr_set_echo_stdio} plus signal=off):
 * no echo, no line editing, no CR→NL or flow-control translation on input, no signals
 * from the keyboard (Ctrl-C, Ctrl-Z, Ctrl-\ are bytes for the guest), 8-bit characters,
 * reads that return each byte at once. Output processing (OPOST) stays on, as in QEMU.
 *
 * <p>{@link #restore()} puts back the settings found at {@link #open()} and is idempotent,
 * so every exit path may call it.
 *
 * <p>jline's "exec" provider (it runs {@code stty} on our stdin) is the default, not the
 * native FFM/JNI ones: those rebuild the termios structure from jline's flag sets, which
 * have no baud rate, so both raw mode and the restore wrote speed 0 (seen here:
 * {@code stty -g} cflag {@code bf} before, {@code b0} after; on a real serial line B0
 * hangs up). {@code stty} changes only the flags it is given. The property
 * {@code tvmm.console.provider} picks another provider. jline's own signal handlers are not installed
 * ({@code nativeSignals(false)}): jline would set SIGINT to the OS default, which kills
 * the JVM without running shutdown hooks, so the terminal would stay raw.
 */
final class RawTerminal {
    private final Terminal terminal;
    private final Attributes original;
    private final AtomicBoolean restored = new AtomicBoolean();

    private RawTerminal(Terminal terminal, Attributes original) {
        this.terminal = terminal;
        this.original = original;
    }

    /**
     * Opens the process's terminal and enters raw mode, or returns null when standard
     * input is not a terminal (or neither stdout nor stderr is one, so jline has no
     * terminal to control): the caller then uses pipe mode.
     */
    static RawTerminal open() throws IOException {
        Terminal t = TerminalBuilder.builder()
                .name("tvmm console")
                .system(true)
                .systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
                .dumb(true) // explicit: fall back silently, we test for it below
                .nativeSignals(false)
                .provider(System.getProperty("tvmm.console.provider", "exec"))
                // We use no terminal capabilities, only the settings; a fixed type keeps
                // TERM=dumb (Emacs shells, some CI) from making jline refuse a real terminal.
                .type("ansi")
                .build();
        if (t instanceof DumbTerminal) {
            t.close();
            return null;
        }
        Attributes original;
        try {
            original = t.getAttributes();
            t.setAttributes(raw(original));
        } catch (IOError e) {
            t.close();
            throw new IOException("cannot set the terminal to raw mode", e);
        }
        return new RawTerminal(t, original);
    }

    /** QEMU's raw settings derived from the user's {@code tty}. */
    static Attributes raw(Attributes tty) {
        Attributes a = new Attributes(tty);
        a.setInputFlags(EnumSet.of(InputFlag.IGNBRK, InputFlag.BRKINT, InputFlag.PARMRK, InputFlag.ISTRIP,
                InputFlag.INLCR, InputFlag.IGNCR, InputFlag.ICRNL, InputFlag.IXON), false);
        a.setOutputFlag(OutputFlag.OPOST, true);
        a.setLocalFlags(EnumSet.of(LocalFlag.ECHO, LocalFlag.ECHONL, LocalFlag.ICANON, LocalFlag.IEXTEN,
                LocalFlag.ISIG), false);
        a.setControlFlags(EnumSet.of(ControlFlag.CS5, ControlFlag.CS6, ControlFlag.CS7, ControlFlag.PARENB), false);
        a.setControlFlag(ControlFlag.CS8, true);
        a.setControlChar(ControlChar.VMIN, 1);
        a.setControlChar(ControlChar.VTIME, 0);
        return a;
    }

    /** The settings in force now (for tests and diagnostics). */
    Attributes current() {
        return terminal.getAttributes();
    }

    /** Puts the user's settings back and releases the terminal; later calls do nothing. */
    void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        try {
            terminal.setAttributes(original);
        } catch (IOError | RuntimeException e) {
            System.err.println("tvmm: could not restore the terminal (run 'stty sane'): " + e);
        }
        try {
            terminal.close(); // jline restores the settings it saved at open, too
        } catch (IOException | IOError | RuntimeException e) {
            // already restored above; nothing more to do
        }
    }
}
