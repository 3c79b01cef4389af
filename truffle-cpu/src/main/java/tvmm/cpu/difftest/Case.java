package tvmm.cpu.difftest;

import java.util.HexFormat;

/**
 * One differential test case: the snippet, the initial registers (RAX..R15 in encoding
 * order), RFLAGS and the seed of the data pages' contents; plus what the generator knows
 * about it: which flags the manual leaves undefined afterwards (masked when comparing,
 * and only those) and a label for the report.
 *
 * <p>x87/MMX/SSE cases also carry {@code fx}, the 64-bit FXSAVE image (512 bytes) both sides
 * load before the snippet and compare after it, {@code fswUndefined}, the x87 status-word
 * bits the manual leaves undefined for the instruction, and a patch of {@code patch} bytes
 * written over the data pages at {@code patchOff} (so that memory operands hold chosen
 * corner values instead of the seed's random bits). Integer cases have no image and no patch.
 * {@code approx} marks RCPxS/RSQRTxS, whose results the manual bounds (relative error at
 * most 1.5 * 2^-12) but does not define bit for bit.
 */
public record Case(String label, byte[] code, long[] regs, long rflags, long memSeed, long undefinedFlags, int mode,
        byte[] fx, int fswUndefined, int patchOff, byte[] patch, boolean approx) {
    private static final byte[] NONE = new byte[0];

    public Case(String label, byte[] code, long[] regs, long rflags, long memSeed, long undefinedFlags, int mode) {
        this(label, code, regs, rflags, memSeed, undefinedFlags, mode, null, 0, 0, NONE, false);
    }

    public String hex() {
        return HexFormat.ofDelimiter(" ").formatHex(code);
    }

    /** The data pages as both sides start them: the seed's bytes, then the patch. */
    public byte[] initialMemory() {
        byte[] m = Layout.memory(memSeed);
        System.arraycopy(patch, 0, m, patchOff, patch.length);
        return m;
    }
}
