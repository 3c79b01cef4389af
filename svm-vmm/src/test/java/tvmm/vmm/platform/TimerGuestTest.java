package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** timers.asm: PIT (8259 and IOAPIC) and local APIC timer rates against the TSC. */
class TimerGuestTest {
    @TempDir
    Path dir;

    @Test
    void pitAndLapicTimersRunAtTheirRatesAgainstTheTsc() throws Exception {
        PlatformGuest.Result r = PlatformGuest.run("timers", dir, 1);
        assertTrue(r.passed(), r.toString());
    }
}
