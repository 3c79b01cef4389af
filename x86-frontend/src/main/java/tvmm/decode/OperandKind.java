package tvmm.decode;

/** What an operand of an {@link Instruction} is. */
public enum OperandKind {
    NONE,
    /** A register: {@link Instruction#reg(int)}. */
    REG,
    /**
     * A memory operand described by the instruction's memory fields (segment, base, index,
     * scale, displacement, address size). There is at most one per instruction.
     */
    MEM,
    /** An immediate: {@link Instruction#imm} (first) or {@link Instruction#imm2} (second). */
    IMM,
    /**
     * A relative branch target: {@link Instruction#imm} is the sign-extended displacement,
     * the target is next-IP + imm, truncated to the operand size.
     */
    REL,
    /** A far pointer ptr16:16/ptr16:32: offset in {@link Instruction#imm}, selector in {@link Instruction#imm2}. */
    FAR,
    /**
     * A memory offset (MOV AL/AX/EAX/RAX, moffs): the address is {@link Instruction#disp} in
     * the address size, segment in {@link Instruction#segment}; no base or index.
     */
    MOFFS,
    /** The string source DS:[rSI] (segment overridable, in {@link Instruction#segment}). */
    STR_SRC,
    /** The string destination ES:[rDI] (never overridable). */
    STR_DST
}
