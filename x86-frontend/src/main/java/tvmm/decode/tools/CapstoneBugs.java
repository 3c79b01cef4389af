package tvmm.decode.tools;

import tvmm.decode.Instruction;

/**
 * The written list of capstone 4.0.2 errors (x86-frontend/CAPSTONE-BUGS.md) as code: the
 * only way the comparison may exclude an instruction. Each rule names its entry in the list.
 */
public final class CapstoneBugs {
    private CapstoneBugs() {
    }

    /** The id of the documented capstone bug this position shows, or null. */
    public static String match(byte[] code, int pos, Instruction ours, Reference.Insn theirs) {
        return null;
    }

    /** Operand text normalized for comparison (spacing only). */
    public static String normalize(String ops) {
        return ops.strip();
    }
}
