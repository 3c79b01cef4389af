package tvmm.decode.tools;

import java.util.SplittableRandom;
import tvmm.decode.Decoder;
import tvmm.decode.Disassembler;
import tvmm.decode.Instruction;
import tvmm.decode.Status;

/**
 * Random byte strings decoded by tvmm and by a {@link Reference}: tvmm must never throw, and
 * wherever the reference accepts an instruction the lengths must be equal. Disagreements
 * are counted by kind; the first ones are kept as text.
 */
public final class RandomComparison {
    private final int keep;
    public long strings;
    public long referenceAccepted;
    public long lengthAgree;
    public long mnemonicAgree;
    public long operandsAgree;
    /** tvmm accepts, the reference rejects. */
    public long onlyTvmm;
    /** The reference accepts, tvmm says INVALID. */
    public long onlyReference;
    public long excluded;
    public final java.util.List<String> disagreements = new java.util.ArrayList<>();
    /** The first instructions whose operand text differs (length and mnemonic agree). */
    public final java.util.List<String> operandDisagreements = new java.util.ArrayList<>();

    public RandomComparison(int keep) {
        this.keep = keep;
    }

    /** Runs {@code count} random 16-byte strings in {@code bits} mode from {@code seed}. */
    public void run(long count, int bits, long seed, Reference ref) {
        run(count, bits, seed, ref, false);
    }

    /**
     * As {@link #run(long, int, long, Reference)}; with {@code vex} every string starts with a
     * VEX/EVEX prefix (C4, C5 or 62 with the mode bits set) so the AVX tables are exercised.
     */
    public void run(long count, int bits, long seed, Reference ref, boolean vex) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Decoder d = new Decoder();
        byte[] code = new byte[16];
        for (long n = 0; n < count; n++) {
            rnd.nextBytes(code);
            if (vex) {
                int k = rnd.nextInt(3);
                code[0] = (byte) (k == 0 ? 0xC5 : k == 1 ? 0xC4 : 0x62);
                code[1] |= (byte) (bits == 64 ? 0 : 0xC0);
                if (k == 1) {
                    code[1] = (byte) ((code[1] & 0xE0) | (1 + rnd.nextInt(3)));
                } else if (k == 2) {
                    code[1] = (byte) ((code[1] & 0xF0) | (1 + rnd.nextInt(3)));
                    code[2] |= 0x04;
                }
            }
            Instruction ours = d.decode(code, 0, code.length, bits);
            java.util.List<Reference.Insn> r = ref.decode(code, 0, 0x1000, 1);
            Reference.Insn theirs = r.isEmpty() ? new Reference.Insn(0, "", "") : r.get(0);
            strings++;
            if (CapstoneBugs.match(code, 0, ours, theirs) != null) {
                excluded++;
                continue;
            }
            boolean ok = ours.status == Status.OK;
            if (theirs.length() == 0) {
                if (ok) {
                    onlyTvmm++;
                    note(code, ours, theirs, "tvmm-only");
                }
                continue;
            }
            referenceAccepted++;
            if (!ok) {
                onlyReference++;
                note(code, ours, theirs, "capstone-only");
                continue;
            }
            if (ours.length != theirs.length()) {
                note(code, ours, theirs, "length");
                continue;
            }
            lengthAgree++;
            if (Disassembler.mnemonic(ours).equals(theirs.mnemonic())) {
                mnemonicAgree++;
                if (CapstoneBugs.normalize(Disassembler.operands(ours, 0x1000)).equals(CapstoneBugs.normalize(theirs.operands()))) {
                    operandsAgree++;
                } else if (operandDisagreements.size() < keep) {
                    operandDisagreements.add(String.format("%-47s tvmm: %-40s capstone: %s", Comparison.hex(code, 0, ours.length),
                            Disassembler.format(ours, 0x1000), theirs.mnemonic() + " " + theirs.operands()));
                }
            } else {
                note(code, ours, theirs, "mnemonic");
            }
        }
    }

    private void note(byte[] code, Instruction ours, Reference.Insn theirs, String what) {
        if (disagreements.size() < keep) {
            disagreements.add(String.format("%-13s %-47s tvmm: %-40s capstone: %s", what, Comparison.hex(code, 0, 15),
                    ours.status == Status.OK ? "(" + ours.length + ") " + Disassembler.format(ours, 0x1000) : ours.status,
                    theirs.length() > 0 ? "(" + theirs.length() + ") " + theirs.mnemonic() + " " + theirs.operands() : "(rejected)"));
        }
    }

    public String summary() {
        return "random: strings=" + strings + " capstone_accepted=" + referenceAccepted + " length_agree=" + lengthAgree
                + " mnemonic_agree=" + mnemonicAgree + " operands_agree=" + operandsAgree + " only_tvmm=" + onlyTvmm
                + " only_capstone=" + onlyReference + " excluded=" + excluded;
    }
}
