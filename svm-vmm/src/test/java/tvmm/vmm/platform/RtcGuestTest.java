package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rtc.asm: the guest reads the MC146818's time, formats, update cycle, register C and its
 * three interrupts; the first time it prints must be the host's UTC clock at that moment.
 */
class RtcGuestTest {
    static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path dir;

    @Test
    void rtcKeepsTheHostTimeAndInterruptsAsTheDatasheetSays() throws Exception {
        AtomicReference<Duration> skew = new AtomicReference<>();
        PlatformGuest.Result r = PlatformGuest.run("rtc", dir, 1, m -> { }, line -> {
            if (skew.get() == null && line.startsWith("RTC ") && line.endsWith(" UTC")) {
                Instant host = Instant.now();
                Instant guest = LocalDateTime.parse(line.substring(4, line.length() - 4), PRINTED)
                        .toInstant(ZoneOffset.UTC);
                skew.set(Duration.between(host, guest));
            }
        });
        assertTrue(r.passed(), r.toString());
        assertNotNull(skew.get(), "the guest printed no time\n" + r);
        // Whole seconds, read before the line reaches the host (a busy host delays it).
        assertTrue(skew.get().abs().compareTo(Duration.ofSeconds(5)) <= 0,
                "guest RTC minus host UTC clock: " + skew.get() + "\n" + r);
    }
}
