package tvmm.cpu.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A short differential run against the host CPU (needs gcc): every generated case must
 * agree. The million-case run is `tvmm difftest --count 1000000`.
 */
class DifftestTest {
    @Test
    void shortRunAgreesWithHostCpu() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        long seed = Long.getLong("difftest.seed", 1);
        long count = Long.getLong("difftest.count", 20000);
        long mismatches = new Difftest(seed, count, System.getProperty("difftest.isa", "all"), 1, out, 40).run();
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertEquals(0, mismatches, text);
    }

    /** The x87/MMX/SSE classes, comparing the FXSAVE image too; the 200000-case runs are `tvmm difftest --isa <class>`. */
    @Test
    void shortFpuRunAgreesWithHostCpu() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        long mismatches = new Difftest(Long.getLong("difftest.seed", 1), Long.getLong("difftest.fpcount", 8000), "fp", 1, out, 40).run();
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertEquals(0, mismatches, text);
    }
}
