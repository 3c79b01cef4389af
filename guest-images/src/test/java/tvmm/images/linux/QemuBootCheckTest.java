package tvmm.images.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the QEMU reference check that do not need QEMU (the boot itself is a command, not a test). */
class QemuBootCheckTest {

    @Test
    void warningsAreLevelsFourAndBelowIncludingFacilityBits() {
        String raw = """
                <6>[    0.000000] Linux version 6.1.0
                <4>[    0.040000] tsc: Unable to calibrate against PIT
                <3>[    0.050000] something failed
                <12>[    0.060000] user-space warning (facility 1, level 4)
                <7>[    0.070000] debug
                plain line without level
                """;
        assertEquals(List.of("<4>[    0.040000] tsc: Unable to calibrate against PIT", "<3>[    0.050000] something failed",
                "<12>[    0.060000] user-space warning (facility 1, level 4)"), QemuBootCheck.warnings(raw));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, QemuBootCheck.median(new double[] {5, 1, 3}));
        assertEquals(2.5, QemuBootCheck.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void commandIsQemuTcgWithoutGraphicsOrReboot() {
        List<String> cmd = new QemuBootCheck("qemu-system-x86_64", 512, 10, false)
                .command(Path.of("/k"), Path.of("/i"), "console=ttyS0");
        assertEquals("qemu-system-x86_64", cmd.get(0));
        for (String flag : List.of("-nographic", "-no-reboot", "tcg", "-kernel", "-initrd", "-append")) {
            assertTrue(cmd.contains(flag), flag);
        }
        assertEquals("console=ttyS0", cmd.get(cmd.size() - 1));
    }
}
