package tvmm.decode.tools;

/**
 * A reference disassembler (capstone) as the comparison sees it. Implementations live where
 * the reference library is a dependency (the command line, the tests).
 */
public interface Reference {
    /** One instruction as the reference prints it; length 0 means "rejected". */
    record Insn(int length, String mnemonic, String operands) {
    }

    /**
     * Decodes up to {@code max} consecutive instructions at {@code code[offset..]} (address
     * {@code address}); stops early at the first one it rejects. Never null.
     */
    java.util.List<Insn> decode(byte[] code, int offset, long address, int max);
}
