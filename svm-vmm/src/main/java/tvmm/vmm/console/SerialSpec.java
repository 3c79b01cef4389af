package tvmm.vmm.console;

import java.nio.file.Path;

/**
 * A {@code -serial} argument as QEMU spells it. tvmm takes the forms a QEMU user reaches
 * for with {@code -nographic}: {@code stdio} (also {@code mon:stdio}: tvmm has no monitor,
 * so it is the same console with its escapes), {@code file:PATH}, {@code null} (a port
 * with nothing attached) and {@code none} (no port at all).
 *
 * @param path the file for {@link Kind#FILE}, else null
 */
public record SerialSpec(Kind kind, Path path) {

    public enum Kind {
        /** The user's terminal, or stdin/stdout when they are pipes or files. */
        STDIO,
        /** Guest output to a file (truncated first, as QEMU does); no input. */
        FILE,
        /** The UART exists, its output goes nowhere and it has no input. */
        NULL,
        /** No UART is created for this port. */
        NONE
    }

    public static final SerialSpec STDIO = new SerialSpec(Kind.STDIO, null);

    /** Parses a {@code -serial} value; throws with the accepted forms on anything else. */
    public static SerialSpec parse(String arg) {
        switch (arg) {
            case "stdio", "mon:stdio":
                return STDIO;
            case "null":
                return new SerialSpec(Kind.NULL, null);
            case "none":
                return new SerialSpec(Kind.NONE, null);
            default:
                if (arg.startsWith("file:") && arg.length() > "file:".length()) {
                    return new SerialSpec(Kind.FILE, Path.of(arg.substring("file:".length())));
                }
                throw new IllegalArgumentException("-serial " + arg
                        + ": tvmm supports stdio, mon:stdio, file:PATH, null and none");
        }
    }
}
