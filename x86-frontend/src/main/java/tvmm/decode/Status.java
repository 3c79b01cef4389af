package tvmm.decode;

/** The outcome of decoding one instruction. */
public enum Status {
    /** A valid instruction; every field of the {@link Instruction} is meaningful. */
    OK,
    /** An invalid or undefined encoding: the CPU raises #UD (SDM Vol. 3 §6.15). */
    INVALID,
    /**
     * The available bytes ended before the instruction did. The CPU fetches the next page
     * (which may fault with #PF) and decodes again with more bytes.
     */
    TRUNCATED,
    /** The instruction would be longer than 15 bytes: #GP(0) (SDM Vol. 2 §2.3.11). */
    TOO_LONG
}
