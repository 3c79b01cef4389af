package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.vmm.svm.Stop;

/** poweroff.asm: SLP_TYPa from the DSDT's \_S5 with SLP_EN to PM1a_CNT powers the machine off. */
class PowerOffGuestTest {
    @TempDir
    Path dir;

    @Test
    void s5FromTheDsdtPowersTheMachineOff() throws Exception {
        PlatformGuest.Result r = PlatformGuest.run("poweroff", dir, 1);
        assertEquals(Stop.Kind.POWER_OFF, r.stop().kind(), r.toString());
        assertEquals(0, r.stop().status(), r.toString());
        assertTrue(r.console().endsWith("powering off\n"), r.toString());
    }
}
