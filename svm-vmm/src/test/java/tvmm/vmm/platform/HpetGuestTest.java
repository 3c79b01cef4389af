package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hpet.asm: the HPET found through ACPI, its counter rate, comparators and legacy replacement. */
class HpetGuestTest {
    @TempDir
    Path dir;

    @Test
    void hpetFoundThroughAcpiCountsAndInterrupts() throws Exception {
        PlatformGuest.Result r = PlatformGuest.run("hpet", dir, 1);
        assertTrue(r.passed(), r.toString());
    }
}
