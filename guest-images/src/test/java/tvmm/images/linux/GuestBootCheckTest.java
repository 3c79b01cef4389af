package tvmm.images.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the boot check that need no emulator (the boots themselves are commands, not tests). */
class GuestBootCheckTest {

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
                "<12>[    0.060000] user-space warning (facility 1, level 4)"), GuestBootCheck.warnings(raw));
    }

    @Test
    void tvmmGetsTheSameMachineWithQemusFlagNames() {
        List<String> cmd = new GuestBootCheck(GuestBootCheck.Emulator.TVMM, "/src/tvmm", 512, 10, false)
                .command(Path.of("/k"), Path.of("/i"), "console=ttyS0");
        assertEquals(List.of("/src/tvmm", "run", "-m", "512M", "-nographic", "-no-reboot", "-kernel", "/k", "-initrd",
                "/i", "-append", "console=ttyS0"), cmd);
    }

    @Test
    void warningsMatchAcrossBootsWithoutTimestampsAndNumbers() {
        assertEquals(GuestBootCheck.normalize("<4>[    0.629582] APIC calibration: 104ms instead of 100ms"),
                GuestBootCheck.normalize("<4>[   12.000001] APIC calibration: 98ms instead of 100ms"));
        assertTrue(!GuestBootCheck.normalize("<4>[ 1.0] tsc: unstable").equals(GuestBootCheck.normalize("<4>[ 1.0] hpet: gone")));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, GuestBootCheck.median(new double[] {5, 1, 3}));
        assertEquals(2.5, GuestBootCheck.median(new double[] {4, 1, 2, 3}));
    }

    @Test
    void commandIsQemuTcgWithoutGraphicsOrReboot() {
        List<String> cmd = new GuestBootCheck(GuestBootCheck.Emulator.QEMU, "qemu-system-x86_64", 512, 10, false)
                .command(Path.of("/k"), Path.of("/i"), "console=ttyS0");
        assertEquals("qemu-system-x86_64", cmd.get(0));
        for (String flag : List.of("-nographic", "-no-reboot", "tcg", "-kernel", "-initrd", "-append")) {
            assertTrue(cmd.contains(flag), flag);
        }
        assertEquals("console=ttyS0", cmd.get(cmd.size() - 1));
    }
}
