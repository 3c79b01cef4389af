package tvmm.decode;

/** How the opcode was encoded. */
public enum Encoding {
    LEGACY,
    /** C4/C5 VEX prefix (AVX, AVX2, FMA, BMI): SDM Vol. 2 §2.3. */
    VEX,
    /** 62 EVEX prefix (AVX-512): SDM Vol. 2 §2.7. */
    EVEX
}
