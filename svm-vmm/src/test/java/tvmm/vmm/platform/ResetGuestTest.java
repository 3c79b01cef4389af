package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tvmm.vmm.svm.Stop;

/**
 * reset8042.asm (0xFE to the i8042) and resetreg.asm (the FADT's reset register): the guest
 * asks for a reset on its first start. With {@code -no-reboot} (the default) the machine
 * stops with the reset reason right after that; rebooting, it starts the guest again, which
 * finds its boot counter in CMOS RAM (battery-backed, kept across the reset) and passes.
 */
class ResetGuestTest {
    static final String FIRST = "first start: resetting\n";
    static final String SECOND = "second start after the reset\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"reset8042, false", "resetreg, false", "reset8042, true", "resetreg, true"})
    void resetRequestResetsTheMachine(String guest, boolean reboot) throws Exception {
        PlatformGuest.Result r = PlatformGuest.run(guest, dir, 1, m -> m.setRebootOnReset(reboot), line -> { });
        String c = r.console();
        if (reboot) {
            assertTrue(r.passed(), r.toString());
            assertTrue(c.indexOf(SECOND) > c.indexOf(FIRST) && c.indexOf(FIRST) >= 0, r.toString());
        } else {
            assertEquals(Stop.Kind.RESET, r.stop().kind(), r.toString());
            assertTrue(c.contains(FIRST) && !c.contains(SECOND), r.toString());
        }
    }
}
