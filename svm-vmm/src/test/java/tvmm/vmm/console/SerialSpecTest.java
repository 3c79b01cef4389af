package tvmm.vmm.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code -serial} values as QEMU spells them. */
class SerialSpecTest {

    @Test
    void qemuSpellings() {
        assertEquals(SerialSpec.Kind.STDIO, SerialSpec.parse("stdio").kind());
        assertEquals(SerialSpec.Kind.STDIO, SerialSpec.parse("mon:stdio").kind());
        assertEquals(SerialSpec.Kind.NULL, SerialSpec.parse("null").kind());
        assertEquals(SerialSpec.Kind.NONE, SerialSpec.parse("none").kind());
        SerialSpec f = SerialSpec.parse("file:/tmp/ttyS0.log");
        assertEquals(SerialSpec.Kind.FILE, f.kind());
        assertEquals(Path.of("/tmp/ttyS0.log"), f.path());
        assertNull(SerialSpec.parse("stdio").path());
    }

    @Test
    void unsupportedFormsSayWhatIsSupported() {
        for (String bad : new String[] {"file:", "tcp::4444", "pty", "", "STDIO"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SerialSpec.parse(bad));
            assertTrue(e.getMessage().contains("file:PATH"), e.getMessage());
        }
    }
}
