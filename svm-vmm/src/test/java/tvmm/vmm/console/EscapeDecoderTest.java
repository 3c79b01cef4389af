package tvmm.vmm.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ctrl-A state machine against QEMU's mux_proc_byte behaviour. */
class EscapeDecoderTest {
    private static final int A = EscapeDecoder.CTRL_A;

    /** Records what the decoder produced. */
    private static final class Recorder implements EscapeDecoder.Sink {
        final ByteArrayOutputStream guest = new ByteArrayOutputStream();
        final List<Escape> commands = new ArrayList<>();

        @Override
        public void toGuest(int b) {
            guest.write(b);
        }

        @Override
        public void command(Escape e) {
            commands.add(e);
        }
    }

    private static Recorder feed(EscapeDecoder d, int... bytes) {
        Recorder r = new Recorder();
        for (int b : bytes) {
            d.accept(b, r);
        }
        return r;
    }

    @Test
    void everyOtherByteGoesToTheGuestUnchanged() {
        // Ctrl-C, Ctrl-Z, Ctrl-\, NUL, DEL, ESC sequences and 8-bit bytes are all guest input.
        int[] bytes = new int[255];
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (b != A) {
                bytes[n++] = b;
            }
        }
        Recorder r = feed(new EscapeDecoder(), bytes);
        byte[] got = r.guest.toByteArray();
        assertEquals(255, got.length);
        for (int i = 0; i < 255; i++) {
            assertEquals(bytes[i], got[i] & 0xFF);
        }
        assertTrue(r.commands.isEmpty());
    }

    @Test
    void ctrlAThenKeySelectsTheCommand() {
        for (Escape e : Escape.values()) {
            Recorder r = feed(new EscapeDecoder(), 'q', A, e.key, 'z');
            assertEquals(List.of(e), r.commands, "C-a " + e.key);
            assertEquals("qz", r.guest.toString(), "the key after C-a is not guest input");
        }
        assertEquals(List.of(Escape.HELP), feed(new EscapeDecoder(), A, '?').commands, "C-a ? is help as in QEMU");
    }

    @Test
    void ctrlACtrlAAndCtrlAaSendOneLiteralCtrlA() {
        Recorder r = feed(new EscapeDecoder(), A, A, 'x', A, 'a', 'x');
        assertEquals("\u0001x\u0001x", r.guest.toString(), "the x after a literal C-a is plain input");
        assertTrue(r.commands.isEmpty());
    }

    @Test
    void unknownEscapeIsSwallowedLikeQemu() {
        Recorder r = feed(new EscapeDecoder(), A, 'z', A, 0x03, 'k');
        assertEquals("k", r.guest.toString());
        assertTrue(r.commands.isEmpty());
    }

    @Test
    void stateSurvivesAcrossReads() {
        EscapeDecoder d = new EscapeDecoder();
        Recorder first = feed(d, 'l', 's', A);
        assertTrue(d.armed(), "a read that ends in C-a leaves the machine armed");
        assertEquals("ls", first.guest.toString());
        Recorder second = feed(d, 'x');
        assertEquals(List.of(Escape.QUIT), second.commands);
        assertFalse(d.armed());
        assertEquals(0, second.guest.size());
    }

    @Test
    void otherEscapeCharacterAsQemuEchr() {
        EscapeDecoder d = new EscapeDecoder(0x14); // -echr 20: Ctrl-T
        assertEquals("C-t", d.escapeName());
        Recorder r = feed(d, A, 0x14, 'x', 0x14, 0x14);
        assertEquals(List.of(Escape.QUIT), r.commands);
        assertEquals("\u0001\u0014", r.guest.toString(), "C-a is plain input when the escape is C-t");
        assertThrows(IllegalArgumentException.class, () -> new EscapeDecoder(256));
    }

    @Test
    void helpListsEveryEscape() {
        String help = Escape.helpText("C-a", "\n");
        for (Escape e : Escape.values()) {
            assertTrue(help.contains("C-a " + e.key + "    " + e.help + "\n"), help);
        }
        assertTrue(help.startsWith("C-a h    print this help\nC-a x    exit tvmm\n"), "QEMU's order: " + help);
        assertTrue(help.endsWith("C-a a    sends C-a\nC-a C-a  sends C-a\n"), help);
        assertEquals(Escape.values().length + 2, help.split("\n").length);
        assertNull(Escape.forKey('z'));
    }
}
