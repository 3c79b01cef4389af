package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tvmm.vmm.svm.Stop;

/**
 * reset8042.asm (0xFE to the i8042) and resetreg.asm (the FADT's reset register): the guest
 * asks for a reset on its first start. Either the machine stops with the reset reason right
 * after that (no machine reset yet), or it restarts the guest, which finds its CMOS boot
 * counter set and passes on the second start.
 */
class ResetGuestTest {
    static final String FIRST = "first start: resetting\n";
    static final String SECOND = "second start after the reset\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"reset8042", "resetreg"})
    void resetRequestResetsTheMachine(String guest) throws Exception {
        PlatformGuest.Result r = PlatformGuest.run(guest, dir, 1);
        String c = r.console();
        boolean stoppedAtReset = r.stop().kind() == Stop.Kind.RESET && c.contains(FIRST) && !c.contains(SECOND);
        boolean restarted = r.passed() && c.contains(FIRST) && c.indexOf(SECOND) > c.indexOf(FIRST);
        assertTrue(stoppedAtReset || restarted, r.toString());
    }
}
