package tvmm.cpu.difftest;

import java.util.HexFormat;

/**
 * One differential test case: the snippet, the initial registers (RAX..R15 in encoding
 * order), RFLAGS and the seed of the data pages' contents; plus what the generator knows
 * about it: which flags the manual leaves undefined afterwards (masked when comparing,
 * and only those) and a label for the report.
 */
public record Case(String label, byte[] code, long[] regs, long rflags, long memSeed, long undefinedFlags, int mode) {
    public String hex() {
        return HexFormat.ofDelimiter(" ").formatHex(code);
    }
}
