package tvmm.vmm.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** acpi.asm on two vCPUs: the tables parsed back, the MADT's AP started, the PM timer rate. */
class AcpiGuestTest {
    @TempDir
    Path dir;

    @Test
    void acpiTablesDescribeTheMachineTheGuestFinds() throws Exception {
        PlatformGuest.Result r = PlatformGuest.run("acpi", dir, 2);
        assertTrue(r.passed(), r.toString());
    }
}
