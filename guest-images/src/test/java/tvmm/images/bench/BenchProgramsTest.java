package tvmm.images.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BenchProgramsTest {
    private static boolean gccPresent() {
        return Files.isExecutable(Path.of("/usr/bin/gcc"));
    }

    @Test
    void sourceHashIsStableAndCoversEveryProgram() {
        assertEquals(BenchPrograms.sourceHash(), BenchPrograms.sourceHash());
        assertEquals(16, BenchPrograms.sourceHash().length());
        for (String name : BenchPrograms.C_PROGRAMS) {
            assertTrue(BenchPrograms.resource(name + ".c").length > 100, name);
        }
        for (String name : BenchPrograms.SCRIPTS) {
            assertTrue(new String(BenchPrograms.resource(name), StandardCharsets.US_ASCII).startsWith("#!/bin/sh"), name);
        }
    }

    /** Builds (or finds) the programs and runs two of them on the host at the quick size. */
    @Test
    void compiledProgramsRunOnTheHostAndPrintOneResultLine() throws Exception {
        assumeTrue(gccPresent(), "gcc not installed");
        BenchPrograms p = BenchPrograms.ensure();
        for (Path f : p.files().values()) {
            assertTrue(Files.isRegularFile(f), f.toString());
        }
        // Static: the guest has no dynamic loader.
        byte[] elf = Files.readAllBytes(p.program("compute"));
        assertEquals(0x7f, elf[0]);
        assertTrue(!new String(elf, StandardCharsets.ISO_8859_1).contains("/lib64/ld-linux"), "compute is dynamic");
        for (String name : List.of("compute", "syscall")) {
            Process proc = new ProcessBuilder(p.program(name).toString(), "quick").redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(proc.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, proc.exitValue(), out);
            List<String> lines = out.lines().toList();
            assertEquals(1, lines.size(), out);
            assertTrue(lines.get(0).matches("tvmm-bench name=" + name + " unit=ms value=[0-9.]+ iterations=[0-9]+.*"), out);
        }
    }
}
