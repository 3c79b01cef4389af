package tvmm.decode.tools;

import java.util.ArrayList;
import java.util.List;
import tvmm.decode.Decoder;
import tvmm.decode.Disassembler;
import tvmm.decode.Instruction;
import tvmm.decode.Status;

/**
 * Walks code linearly with tvmm's decoder and a {@link Reference} side by side and counts
 * where they agree on length, mnemonic and operand text. Instructions that match an entry
 * of {@link CapstoneBugs} (a documented capstone error) are excluded and counted apart.
 */
public final class Comparison {
    private static final int BATCH = 512;

    private final Decoder decoder = new Decoder();
    private final int keep;
    public long instructions;
    public long lengthAgree;
    public long mnemonicAgree;
    public long operandsAgree;
    public long excluded;
    public final java.util.Map<String, Long> excludedByRule = new java.util.TreeMap<>();
    /** The first disagreements, one line each. */
    public final List<String> disagreements = new ArrayList<>();
    public long lengthDisagreements;
    public long mnemonicDisagreements;

    public Comparison(int keep) {
        this.keep = keep;
    }

    /** Compares every instruction of {@code code} (loaded at {@code address}). */
    public void run(byte[] code, long address, int bits, Reference ref) {
        int pos = 0;
        List<Reference.Insn> batch = List.of();
        int batchStart = 0;
        int batchIdx = 0;
        int batchPos = 0;
        while (pos < code.length) {
            // Keep the reference's batch aligned with our position.
            if (batchIdx >= batch.size() || batchPos != pos) {
                batch = ref.decode(code, pos, address + pos, BATCH);
                batchStart = pos;
                batchIdx = 0;
                batchPos = pos;
            }
            Reference.Insn theirs = batchIdx < batch.size() ? batch.get(batchIdx) : new Reference.Insn(0, "", "");
            Instruction ours = decoder.decode(code, pos, code.length - pos, bits);
            int step = compare(code, pos, address + pos, ours, theirs);
            if (theirs.length() > 0 && theirs.length() == step) {
                batchIdx++;
                batchPos += step;
            } else {
                batch = List.of();
            }
            pos += step;
        }
    }

    /** Compares one position; returns how far to advance. */
    public int compare(byte[] code, int pos, long ip, Instruction ours, Reference.Insn theirs) {
        boolean oursOk = ours.status == Status.OK;
        boolean theirsOk = theirs.length() > 0;
        int step = oursOk ? ours.length : theirsOk ? theirs.length() : 1;
        if (ours.status == Status.TRUNCATED && !theirsOk) {
            return code.length - pos; // the tail of the section
        }
        String rule = CapstoneBugs.match(code, pos, ours, theirs);
        if (rule != null) {
            excluded++;
            excludedByRule.merge(rule, 1L, Long::sum);
            return step;
        }
        instructions++;
        if (!oursOk && !theirsOk) {
            lengthAgree++;
            mnemonicAgree++;
            operandsAgree++;
            return step;
        }
        String ourMn = oursOk ? Disassembler.mnemonic(ours) : "(bad)";
        String ourOps = oursOk ? Disassembler.operands(ours, ip) : "";
        boolean len = oursOk && theirsOk && ours.length == theirs.length();
        boolean mn = len && ourMn.equals(theirs.mnemonic());
        boolean ops = mn && CapstoneBugs.normalize(ourOps).equals(CapstoneBugs.normalize(theirs.operands()));
        if (len) {
            lengthAgree++;
        } else {
            lengthDisagreements++;
        }
        if (mn) {
            mnemonicAgree++;
        } else if (len) {
            mnemonicDisagreements++;
        }
        if (ops) {
            operandsAgree++;
        }
        if (!ops && disagreements.size() < keep && (!len || !mn || keep > 50)) {
            int n = Math.max(oursOk ? ours.length : 0, theirs.length());
            disagreements.add(String.format("%x: %-30s tvmm: %-40s capstone: %s",
                    ip, hex(code, pos, Math.max(1, Math.min(n, code.length - pos))),
                    oursOk ? "(" + ours.length + ") " + ourMn + " " + ourOps : ours.status.toString(),
                    theirsOk ? "(" + theirs.length() + ") " + theirs.mnemonic() + " " + theirs.operands() : "(rejected)"));
        }
        return step;
    }

    /** The summary line, exactly as the issue specifies. */
    public String summary() {
        return "compare: instructions=" + instructions + " length_agree=" + lengthAgree
                + " mnemonic_agree=" + mnemonicAgree + " operands_agree=" + operandsAgree;
    }

    public static String hex(byte[] code, int pos, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n && pos + i < code.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", code[pos + i] & 0xff));
        }
        return sb.toString();
    }
}
