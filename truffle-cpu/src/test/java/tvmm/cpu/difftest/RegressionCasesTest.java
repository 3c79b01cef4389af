package tvmm.cpu.difftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the x87/MMX/SSE cases on which difftest once found tvmm wrong (regressions.txt: each
 * case with the bug it showed, its initial registers, FXSAVE image and memory patch) on the host
 * CPU and in tvmm: they must agree. Needs gcc, as {@link DifftestTest} does.
 */
class RegressionCasesTest {
    @Test
    void everyRecordedCaseAgreesWithTheHost() throws Exception {
        List<Case> cases = new ArrayList<>();
        List<String> why = new ArrayList<>();
        HexFormat h = HexFormat.of();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RegressionCasesTest.class.getResourceAsStream("/tvmm/cpu/difftest/regressions.txt"), StandardCharsets.UTF_8))) {
            String comment = "";
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    comment = line.substring(1).strip();
                    continue;
                }
                String[] f = line.split(" ");
                long[] regs = new long[16];
                for (int i = 0; i < 16; i++) {
                    regs[i] = Long.parseUnsignedLong(f[2 + i], 16);
                }
                cases.add(new Case(f[0], h.parseHex(f[1]), regs, Long.parseUnsignedLong(f[18], 16), Long.parseUnsignedLong(f[19], 16),
                        Long.parseUnsignedLong(f[20], 16), Integer.parseInt(f[21]), h.parseHex(f[22]), Integer.parseInt(f[23], 16),
                        Integer.parseInt(f[24]), f[25].equals("-") ? new byte[0] : h.parseHex(f[25]), Boolean.parseBoolean(f[26])));
                why.add(comment);
            }
        }
        assertTrue(cases.size() >= 30, "cases read: " + cases.size());
        StringBuilder failures = new StringBuilder();
        try (NativeHarness host = new NativeHarness(); CpuRunner cpu = new CpuRunner()) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                List<String> d = Comparator.diff(c, host.run(c), cpu.run(c));
                if (!d.isEmpty()) {
                    failures.append(why.get(i)).append(" [").append(c.label()).append("]: ").append(d).append('\n');
                }
            }
        }
        assertEquals("", failures.toString());
    }
}
