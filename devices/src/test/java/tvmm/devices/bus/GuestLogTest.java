package tvmm.devices.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class GuestLogTest {
    @Test
    void eachKindIsLimitedThenSuppressed() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            GuestLog log = new GuestLog("dev");
            for (int i = 0; i < 100; i++) {
                log.warn("a", "event %d", i);
            }
            log.warn("b", "other");
            assertEquals(100, log.count("a"));
            String[] lines = captured.toString().split("\n");
            assertEquals(GuestLog.LIMIT + 2, lines.length);
            assertEquals("tvmm: dev: event 0", lines[0]);
            assertEquals("tvmm: dev: further 'a' messages suppressed", lines[GuestLog.LIMIT]);
            assertEquals("tvmm: dev: other", lines[GuestLog.LIMIT + 1]);
        } finally {
            System.setErr(saved);
        }
    }
}
