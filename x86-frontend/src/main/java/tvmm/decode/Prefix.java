package tvmm.decode;

/**
 * Bits of {@link Instruction#prefixes}: which legacy prefixes were present (SDM Vol. 2
 * §2.1.1). Repeated prefixes set the bit once; for REP/REPNE the last one of F2/F3 wins,
 * for segments the last override wins ({@link Instruction#segment}).
 */
public final class Prefix {
    private Prefix() {
    }

    public static final int LOCK = 1;
    /** F3: REP / REPE (string instructions), or a mandatory prefix of an SSE opcode. */
    public static final int REP = 1 << 1;
    /** F2: REPNE (string instructions), or a mandatory prefix of an SSE opcode. */
    public static final int REPNE = 1 << 2;
    /** 66 present (operand-size override, or mandatory prefix). */
    public static final int OPSIZE = 1 << 3;
    /** 67 present (address-size override). */
    public static final int ADDRSIZE = 1 << 4;
    /** Some segment override (26/2E/36/3E/64/65) present, even if ignored in 64-bit mode. */
    public static final int SEGMENT = 1 << 5;
    /** A REX prefix (40-4F) immediately before the opcode (a REX followed by a legacy prefix is ignored). */
    public static final int REX = 1 << 6;
    /** REX.W, VEX.W or EVEX.W. */
    public static final int REX_W = 1 << 7;
    public static final int REX_R = 1 << 8;
    public static final int REX_X = 1 << 9;
    public static final int REX_B = 1 << 10;
    /** F2/F3 was consumed as a mandatory prefix (not REP semantics). */
    public static final int MANDATORY_F2F3 = 1 << 11;
    /** 66 was consumed as a mandatory prefix (operand size unaffected). */
    public static final int MANDATORY_66 = 1 << 12;
    /** 2E/3E before a Jcc: branch hint (no effect). 3E before an indirect branch may mean NOTRACK. */
    public static final int BRANCH_HINT = 1 << 13;
}
