package tvmm.decode;

/** The register files an operand can name (Intel SDM Vol. 2 §2.1.5, §3.1.1.3). */
public enum RegClass {
    /** AL..BL, SPL..DIL (only with a REX prefix), R8B..R15B: numbers 0-15. */
    GPR8,
    /** AH, CH, DH, BH: encodings 4-7 without REX; {@link Reg#num} is 4-7. */
    GPR8_HIGH,
    GPR16,
    GPR32,
    GPR64,
    /** ES, CS, SS, DS, FS, GS in encoding order 0-5. */
    SEG,
    CR,
    DR,
    MMX,
    XMM,
    YMM,
    ZMM,
    /** x87 stack register ST(i), relative to TOP. */
    ST,
    /** AVX-512 opmask k0-k7. */
    MASK,
    /** MPX bound registers bnd0-bnd3. */
    BND,
    /** The instruction pointer, only as the base of a RIP/EIP-relative address. */
    IP
}
