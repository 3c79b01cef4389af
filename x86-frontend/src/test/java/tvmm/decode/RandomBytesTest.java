package tvmm.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tvmm.decode.tools.RandomComparison;

/**
 * Random byte strings in all three modes against capstone: the decoder never throws, and
 * wherever capstone accepts an instruction the lengths agree. The count per mode is
 * {@code -Dtvmm.random.count} (default 200,000; millions with {@code tvmm disasm --random N}).
 */
class RandomBytesTest {
    private static final long COUNT = Long.getLong("tvmm.random.count", 200_000);

    private static void check(RandomComparison c) {
        c.disagreements.forEach(System.out::println);
        System.out.println(c.summary());
        double length = (double) c.lengthAgree / c.referenceAccepted;
        assertTrue(length >= 0.9999, "length agreement " + length + ": " + c.summary() + "\n" + String.join("\n", c.disagreements));
        assertTrue(c.onlyReference + c.onlyTvmm <= c.strings / 5000,
                "accept/reject disagreements: " + c.summary() + "\n" + String.join("\n", c.disagreements));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 64})
    void legacyAndOneByteSpace(int bits) {
        RandomComparison c = new RandomComparison(30);
        try (CapstoneReference ref = new CapstoneReference(bits)) {
            c.run(COUNT, bits, 0x7e57 + bits, ref);
        }
        check(c);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void vexAndEvexSpace(int bits) {
        RandomComparison c = new RandomComparison(30);
        try (CapstoneReference ref = new CapstoneReference(bits)) {
            c.run(COUNT / 2, bits, 0xae5 + bits, ref, true);
        }
        check(c);
    }

    /** Every window of every length: only the four statuses, never an exception, lengths within bounds. */
    @ParameterizedTest
    @ValueSource(ints = {16, 32, 64})
    void neverThrowsAndReportsTruncation(int bits) {
        SplittableRandom rnd = new SplittableRandom(bits);
        Decoder d = new Decoder();
        byte[] code = new byte[32];
        for (int n = 0; n < 100_000; n++) {
            rnd.nextBytes(code);
            Instruction full = d.decode(code, 0, code.length, bits);
            assertTrue(full.length >= 1 && full.length <= 15, "length " + full.length);
            if (full.status == Status.OK) {
                // Cut one byte short: the decoder must ask for more, not guess.
                Instruction cut = d.decode(code, 0, full.length - 1, bits);
                assertEquals(Status.TRUNCATED, cut.status, () -> "cut " + full);
                Instruction source = d.decode(i -> i < full.length ? code[i] & 0xff : -1, bits);
                assertEquals(full.length, source.length);
                assertEquals(full.op, source.op);
            }
        }
    }
}
