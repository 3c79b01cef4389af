package tvmm.vmm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.vmm.testing.Nasm;

/** {@code tvmm run}: exit statuses and one-line errors (DESIGN.md §9). */
class RunCommandTest {
    @TempDir
    Path dir;

    /** Runs the command line with stderr captured; returns status and stderr. */
    record Outcome(int status, String err) {
    }

    static Outcome run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.execute(args);
            return new Outcome(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void missingKernelIsOneLine() {
        Outcome o = run("run", "-kernel", dir.resolve("nope").toString(), "-serial", "null");
        assertEquals(RunCommand.BAD_IMAGE, o.status());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("cannot read kernel"), o.err());
    }

    @Test
    void fileThatIsNoKernelIsOneLine() throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[8192]);
        Outcome o = run("run", "-kernel", junk.toString(), "-serial", "null");
        assertEquals(RunCommand.BAD_IMAGE, o.status());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("tvmm: junk.bin"), o.err());
    }

    @Test
    void badMemorySizeIsAUsageError() {
        Outcome o = run("run", "-m", "lots", "-kernel", "x", "-serial", "null");
        assertEquals(Main.USAGE, o.status());
    }

    @Test
    void unknownPlacementIsAUsageError() {
        Outcome o = run("run", "--placement", "spread", "-kernel", "x", "-serial", "null");
        assertEquals(Main.USAGE, o.status());
        assertEquals("tvmm: --placement spread: use pinned, free or gang", o.err().strip());
    }

    @Test
    void morePinnedVcpusThanHostCoresIsOneLine() throws Exception {
        Path junk = dir.resolve("k.bin");
        Files.write(junk, new byte[8192]);
        int cpus = Runtime.getRuntime().availableProcessors() + 1;
        Outcome o = run("run", "--placement", "pinned", "-smp", Integer.toString(cpus), "-kernel", junk.toString(),
                "-serial", "null");
        assertEquals(Main.USAGE, o.status());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("tvmm: --placement pinned needs a host core per vCPU"), o.err());
    }

    @Test
    void memorySizesFollowQemu() {
        assertEquals(512L << 20, RunCommand.parseSize("512"));
        assertEquals(512L << 20, RunCommand.parseSize("512M"));
        assertEquals(2L << 30, RunCommand.parseSize("2G"));
        assertEquals(64L << 20, RunCommand.parseSize("65536k"));
    }

    @Test
    void tripleFaultEndsWithAReasonAndNonZeroStatus() throws Exception {
        // A multiboot kernel (a.out kludge) that faults with no IDT: #UD, #GP, #DF, shutdown.
        byte[] kernel = Nasm.assemble(Nasm.MULTIBOOT + """
                start:
                mov eax, [0xFED00000]
                ud2
                end:
                """);
        Path k = dir.resolve("triple.bin");
        Files.write(k, kernel);
        Outcome o = run("run", "-kernel", k.toString(), "-serial", "null", "-m", "16", "-no-reboot");
        assertEquals(3, o.status(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("triple fault"), o.err());
    }

    @Test
    void tripleFaultRebootsWithOneLineAsQemu() throws Exception {
        // Counts boots in CMOS byte 0x40: the first ends in a triple fault (no IDT), the second exits.
        Path k = kernel("triple2.bin", """
                mov al, 0x40
                out 0x70, al
                in al, 0x71
                inc al
                mov bl, al
                mov al, 0x40
                out 0x70, al
                mov al, bl
                out 0x71, al
                cmp bl, 2
                je .exit
                mov eax, [0xFED00000]
                ud2
                .exit:
                mov al, bl
                out 0xF4, al
                jmp $""");
        Outcome o = run("run", "-kernel", k.toString(), "-serial", "null", "-m", "16", "--timeout", "60");
        assertEquals(2 << 1 | 1, o.status(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("triple fault") && o.err().contains("rebooting"), o.err());
    }

    @Test
    void aGuestThatNeverStopsEndsAtTheTimeLimitWithStatus124() throws Exception {
        byte[] kernel = Nasm.assemble(Nasm.MULTIBOOT + """
                start:
                jmp start
                end:
                """);
        Path k = dir.resolve("spin.bin");
        Files.write(k, kernel);
        Outcome o = run("run", "-kernel", k.toString(), "-serial", "null", "-m", "16", "--timeout", "1");
        assertEquals(124, o.status(), o.err());
        assertTrue(o.err().contains("time limit"), o.err());
    }

    /** A multiboot kernel whose body is {@code code} (32-bit, flat). */
    Path kernel(String name, String code) throws Exception {
        byte[] image = Nasm.assemble(Nasm.MULTIBOOT + """
                start:
                """ + code + """

                end:
                """);
        Path k = dir.resolve(name);
        Files.write(k, image);
        return k;
    }

    @Test
    void acpiPowerOffEndsWithStatusZero() throws Exception {
        // PM1a_CNT (0x604): SLP_TYP = 5 (S5, as the DSDT's _S5 says) with SLP_EN.
        Path k = kernel("off.bin", "mov dx, 0x604\nmov ax, (5 << 10) | (1 << 13)\nout dx, ax\njmp $");
        Outcome o = run("run", "-kernel", k.toString(), "-serial", "null", "-m", "16", "--timeout", "60");
        assertEquals(0, o.status(), o.err());
        assertEquals("", o.err());
    }

    @Test
    void resetWithNoRebootEndsWithStatusZero() throws Exception {
        // The PIIX reset control register (0xCF9, the FADT's reset register): RST_CPU | SYS_RST.
        Path k = kernel("reset.bin", "mov dx, 0xCF9\nmov al, 0x06\nout dx, al\njmp $");
        Outcome o = run("run", "-kernel", k.toString(), "-serial", "null", "-m", "16", "-no-reboot", "--timeout", "60");
        assertEquals(0, o.status(), o.err());
    }

    @Test
    void debugExitCodeBecomesTheStatus() throws Exception {
        Path k = kernel("exit.bin", "mov al, 0x15\nout 0xF4, al\njmp $");
        Outcome o = run("run", "-kernel", k.toString(), "-serial", "null", "-m", "16", "--timeout", "60");
        assertEquals(0x15 << 1 | 1, o.status(), o.err());
    }

    @Test
    void cliHltOnEveryVcpuEndsWithAReason() throws Exception {
        // What Linux does when it gives up early ("no FPU found"): halt forever with IF = 0.
        Path k = kernel("dead.bin", "cli\nhlt\njmp $");
        Outcome o = run("run", "-kernel", k.toString(), "-serial", "null", "-m", "16", "-smp", "2", "--timeout", "60");
        assertEquals(5, o.status(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("halted with interrupts disabled"), o.err());
    }
}
