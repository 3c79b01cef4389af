package tvmm.decode;

/**
 * Every register an operand can name. {@link #cls} and {@link #num} give the hardware
 * identity (the number is the encoding, 0-31), {@link #size} the width in bytes. AH..BH
 * are their own class because encodings 4-7 mean SPL..DIL once a REX prefix is present
 * (SDM Vol. 2 §2.2.1.2, Table 3-1). Lookups by (class, number) are array reads.
 */
public enum Reg {
    AL(RegClass.GPR8, 0, 1),
    CL(RegClass.GPR8, 1, 1),
    DL(RegClass.GPR8, 2, 1),
    BL(RegClass.GPR8, 3, 1),
    SPL(RegClass.GPR8, 4, 1),
    BPL(RegClass.GPR8, 5, 1),
    SIL(RegClass.GPR8, 6, 1),
    DIL(RegClass.GPR8, 7, 1),
    R8B(RegClass.GPR8, 8, 1),
    R9B(RegClass.GPR8, 9, 1),
    R10B(RegClass.GPR8, 10, 1),
    R11B(RegClass.GPR8, 11, 1),
    R12B(RegClass.GPR8, 12, 1),
    R13B(RegClass.GPR8, 13, 1),
    R14B(RegClass.GPR8, 14, 1),
    R15B(RegClass.GPR8, 15, 1),
    AH(RegClass.GPR8_HIGH, 4, 1),
    CH(RegClass.GPR8_HIGH, 5, 1),
    DH(RegClass.GPR8_HIGH, 6, 1),
    BH(RegClass.GPR8_HIGH, 7, 1),
    AX(RegClass.GPR16, 0, 2),
    CX(RegClass.GPR16, 1, 2),
    DX(RegClass.GPR16, 2, 2),
    BX(RegClass.GPR16, 3, 2),
    SP(RegClass.GPR16, 4, 2),
    BP(RegClass.GPR16, 5, 2),
    SI(RegClass.GPR16, 6, 2),
    DI(RegClass.GPR16, 7, 2),
    R8W(RegClass.GPR16, 8, 2),
    R9W(RegClass.GPR16, 9, 2),
    R10W(RegClass.GPR16, 10, 2),
    R11W(RegClass.GPR16, 11, 2),
    R12W(RegClass.GPR16, 12, 2),
    R13W(RegClass.GPR16, 13, 2),
    R14W(RegClass.GPR16, 14, 2),
    R15W(RegClass.GPR16, 15, 2),
    EAX(RegClass.GPR32, 0, 4),
    ECX(RegClass.GPR32, 1, 4),
    EDX(RegClass.GPR32, 2, 4),
    EBX(RegClass.GPR32, 3, 4),
    ESP(RegClass.GPR32, 4, 4),
    EBP(RegClass.GPR32, 5, 4),
    ESI(RegClass.GPR32, 6, 4),
    EDI(RegClass.GPR32, 7, 4),
    R8D(RegClass.GPR32, 8, 4),
    R9D(RegClass.GPR32, 9, 4),
    R10D(RegClass.GPR32, 10, 4),
    R11D(RegClass.GPR32, 11, 4),
    R12D(RegClass.GPR32, 12, 4),
    R13D(RegClass.GPR32, 13, 4),
    R14D(RegClass.GPR32, 14, 4),
    R15D(RegClass.GPR32, 15, 4),
    RAX(RegClass.GPR64, 0, 8),
    RCX(RegClass.GPR64, 1, 8),
    RDX(RegClass.GPR64, 2, 8),
    RBX(RegClass.GPR64, 3, 8),
    RSP(RegClass.GPR64, 4, 8),
    RBP(RegClass.GPR64, 5, 8),
    RSI(RegClass.GPR64, 6, 8),
    RDI(RegClass.GPR64, 7, 8),
    R8(RegClass.GPR64, 8, 8),
    R9(RegClass.GPR64, 9, 8),
    R10(RegClass.GPR64, 10, 8),
    R11(RegClass.GPR64, 11, 8),
    R12(RegClass.GPR64, 12, 8),
    R13(RegClass.GPR64, 13, 8),
    R14(RegClass.GPR64, 14, 8),
    R15(RegClass.GPR64, 15, 8),
    ES(RegClass.SEG, 0, 2),
    CS(RegClass.SEG, 1, 2),
    SS(RegClass.SEG, 2, 2),
    DS(RegClass.SEG, 3, 2),
    FS(RegClass.SEG, 4, 2),
    GS(RegClass.SEG, 5, 2),
    CR0(RegClass.CR, 0, 8),
    CR1(RegClass.CR, 1, 8),
    CR2(RegClass.CR, 2, 8),
    CR3(RegClass.CR, 3, 8),
    CR4(RegClass.CR, 4, 8),
    CR5(RegClass.CR, 5, 8),
    CR6(RegClass.CR, 6, 8),
    CR7(RegClass.CR, 7, 8),
    CR8(RegClass.CR, 8, 8),
    CR9(RegClass.CR, 9, 8),
    CR10(RegClass.CR, 10, 8),
    CR11(RegClass.CR, 11, 8),
    CR12(RegClass.CR, 12, 8),
    CR13(RegClass.CR, 13, 8),
    CR14(RegClass.CR, 14, 8),
    CR15(RegClass.CR, 15, 8),
    DR0(RegClass.DR, 0, 8),
    DR1(RegClass.DR, 1, 8),
    DR2(RegClass.DR, 2, 8),
    DR3(RegClass.DR, 3, 8),
    DR4(RegClass.DR, 4, 8),
    DR5(RegClass.DR, 5, 8),
    DR6(RegClass.DR, 6, 8),
    DR7(RegClass.DR, 7, 8),
    DR8(RegClass.DR, 8, 8),
    DR9(RegClass.DR, 9, 8),
    DR10(RegClass.DR, 10, 8),
    DR11(RegClass.DR, 11, 8),
    DR12(RegClass.DR, 12, 8),
    DR13(RegClass.DR, 13, 8),
    DR14(RegClass.DR, 14, 8),
    DR15(RegClass.DR, 15, 8),
    MM0(RegClass.MMX, 0, 8),
    MM1(RegClass.MMX, 1, 8),
    MM2(RegClass.MMX, 2, 8),
    MM3(RegClass.MMX, 3, 8),
    MM4(RegClass.MMX, 4, 8),
    MM5(RegClass.MMX, 5, 8),
    MM6(RegClass.MMX, 6, 8),
    MM7(RegClass.MMX, 7, 8),
    XMM0(RegClass.XMM, 0, 16),
    XMM1(RegClass.XMM, 1, 16),
    XMM2(RegClass.XMM, 2, 16),
    XMM3(RegClass.XMM, 3, 16),
    XMM4(RegClass.XMM, 4, 16),
    XMM5(RegClass.XMM, 5, 16),
    XMM6(RegClass.XMM, 6, 16),
    XMM7(RegClass.XMM, 7, 16),
    XMM8(RegClass.XMM, 8, 16),
    XMM9(RegClass.XMM, 9, 16),
    XMM10(RegClass.XMM, 10, 16),
    XMM11(RegClass.XMM, 11, 16),
    XMM12(RegClass.XMM, 12, 16),
    XMM13(RegClass.XMM, 13, 16),
    XMM14(RegClass.XMM, 14, 16),
    XMM15(RegClass.XMM, 15, 16),
    XMM16(RegClass.XMM, 16, 16),
    XMM17(RegClass.XMM, 17, 16),
    XMM18(RegClass.XMM, 18, 16),
    XMM19(RegClass.XMM, 19, 16),
    XMM20(RegClass.XMM, 20, 16),
    XMM21(RegClass.XMM, 21, 16),
    XMM22(RegClass.XMM, 22, 16),
    XMM23(RegClass.XMM, 23, 16),
    XMM24(RegClass.XMM, 24, 16),
    XMM25(RegClass.XMM, 25, 16),
    XMM26(RegClass.XMM, 26, 16),
    XMM27(RegClass.XMM, 27, 16),
    XMM28(RegClass.XMM, 28, 16),
    XMM29(RegClass.XMM, 29, 16),
    XMM30(RegClass.XMM, 30, 16),
    XMM31(RegClass.XMM, 31, 16),
    YMM0(RegClass.YMM, 0, 32),
    YMM1(RegClass.YMM, 1, 32),
    YMM2(RegClass.YMM, 2, 32),
    YMM3(RegClass.YMM, 3, 32),
    YMM4(RegClass.YMM, 4, 32),
    YMM5(RegClass.YMM, 5, 32),
    YMM6(RegClass.YMM, 6, 32),
    YMM7(RegClass.YMM, 7, 32),
    YMM8(RegClass.YMM, 8, 32),
    YMM9(RegClass.YMM, 9, 32),
    YMM10(RegClass.YMM, 10, 32),
    YMM11(RegClass.YMM, 11, 32),
    YMM12(RegClass.YMM, 12, 32),
    YMM13(RegClass.YMM, 13, 32),
    YMM14(RegClass.YMM, 14, 32),
    YMM15(RegClass.YMM, 15, 32),
    YMM16(RegClass.YMM, 16, 32),
    YMM17(RegClass.YMM, 17, 32),
    YMM18(RegClass.YMM, 18, 32),
    YMM19(RegClass.YMM, 19, 32),
    YMM20(RegClass.YMM, 20, 32),
    YMM21(RegClass.YMM, 21, 32),
    YMM22(RegClass.YMM, 22, 32),
    YMM23(RegClass.YMM, 23, 32),
    YMM24(RegClass.YMM, 24, 32),
    YMM25(RegClass.YMM, 25, 32),
    YMM26(RegClass.YMM, 26, 32),
    YMM27(RegClass.YMM, 27, 32),
    YMM28(RegClass.YMM, 28, 32),
    YMM29(RegClass.YMM, 29, 32),
    YMM30(RegClass.YMM, 30, 32),
    YMM31(RegClass.YMM, 31, 32),
    ZMM0(RegClass.ZMM, 0, 64),
    ZMM1(RegClass.ZMM, 1, 64),
    ZMM2(RegClass.ZMM, 2, 64),
    ZMM3(RegClass.ZMM, 3, 64),
    ZMM4(RegClass.ZMM, 4, 64),
    ZMM5(RegClass.ZMM, 5, 64),
    ZMM6(RegClass.ZMM, 6, 64),
    ZMM7(RegClass.ZMM, 7, 64),
    ZMM8(RegClass.ZMM, 8, 64),
    ZMM9(RegClass.ZMM, 9, 64),
    ZMM10(RegClass.ZMM, 10, 64),
    ZMM11(RegClass.ZMM, 11, 64),
    ZMM12(RegClass.ZMM, 12, 64),
    ZMM13(RegClass.ZMM, 13, 64),
    ZMM14(RegClass.ZMM, 14, 64),
    ZMM15(RegClass.ZMM, 15, 64),
    ZMM16(RegClass.ZMM, 16, 64),
    ZMM17(RegClass.ZMM, 17, 64),
    ZMM18(RegClass.ZMM, 18, 64),
    ZMM19(RegClass.ZMM, 19, 64),
    ZMM20(RegClass.ZMM, 20, 64),
    ZMM21(RegClass.ZMM, 21, 64),
    ZMM22(RegClass.ZMM, 22, 64),
    ZMM23(RegClass.ZMM, 23, 64),
    ZMM24(RegClass.ZMM, 24, 64),
    ZMM25(RegClass.ZMM, 25, 64),
    ZMM26(RegClass.ZMM, 26, 64),
    ZMM27(RegClass.ZMM, 27, 64),
    ZMM28(RegClass.ZMM, 28, 64),
    ZMM29(RegClass.ZMM, 29, 64),
    ZMM30(RegClass.ZMM, 30, 64),
    ZMM31(RegClass.ZMM, 31, 64),
    ST0(RegClass.ST, 0, 10),
    ST1(RegClass.ST, 1, 10),
    ST2(RegClass.ST, 2, 10),
    ST3(RegClass.ST, 3, 10),
    ST4(RegClass.ST, 4, 10),
    ST5(RegClass.ST, 5, 10),
    ST6(RegClass.ST, 6, 10),
    ST7(RegClass.ST, 7, 10),
    K0(RegClass.MASK, 0, 8),
    K1(RegClass.MASK, 1, 8),
    K2(RegClass.MASK, 2, 8),
    K3(RegClass.MASK, 3, 8),
    K4(RegClass.MASK, 4, 8),
    K5(RegClass.MASK, 5, 8),
    K6(RegClass.MASK, 6, 8),
    K7(RegClass.MASK, 7, 8),
    BND0(RegClass.BND, 0, 16),
    BND1(RegClass.BND, 1, 16),
    BND2(RegClass.BND, 2, 16),
    BND3(RegClass.BND, 3, 16),
    IP(RegClass.IP, 0, 2),
    EIP(RegClass.IP, 0, 4),
    RIP(RegClass.IP, 0, 8);

    public final RegClass cls;
    public final int num;
    public final int size;
    /** Lower-case name as Intel and capstone print it (st(i) for the x87 stack). */
    public final String text;

    Reg(RegClass cls, int num, int size) {
        this.cls = cls;
        this.num = num;
        this.size = size;
        this.text = cls == RegClass.ST ? "st(" + num + ")" : name().toLowerCase(java.util.Locale.ROOT);
    }

    private static final Reg[] VALUES = values();
    private static final Reg[][] BY_CLASS = new Reg[RegClass.values().length][32];

    static {
        for (Reg r : VALUES) {
            if (r.cls != RegClass.IP) {
                BY_CLASS[r.cls.ordinal()][r.num] = r;
            }
        }
    }

    /** The register of {@code cls} numbered {@code num}, or null if there is none. */
    public static Reg of(RegClass cls, int num) {
        return num < 0 || num > 31 ? null : BY_CLASS[cls.ordinal()][num];
    }

    private static final Reg[] GPR8_LEGACY = {AL, CL, DL, BL, AH, CH, DH, BH};

    /**
     * The general register of {@code size} bytes (1, 2, 4, 8) numbered {@code num}.
     * For byte registers {@code rex} selects SPL..DIL over AH..BH for numbers 4-7.
     */
    public static Reg gpr(int size, int num, boolean rex) {
        switch (size) {
            case 1:
                return rex || num > 7 ? BY_CLASS[RegClass.GPR8.ordinal()][num] : GPR8_LEGACY[num];
            case 2:
                return BY_CLASS[RegClass.GPR16.ordinal()][num];
            case 4:
                return BY_CLASS[RegClass.GPR32.ordinal()][num];
            default:
                return BY_CLASS[RegClass.GPR64.ordinal()][num];
        }
    }

    /** True for the general-purpose classes (GPR8, GPR8_HIGH, GPR16/32/64). */
    public boolean isGpr() {
        return cls.ordinal() <= RegClass.GPR64.ordinal();
    }

    /** The vector register of {@code bytes} width (16 XMM, 32 YMM, 64 ZMM). */
    public static Reg vec(int bytes, int num) {
        RegClass c = bytes == 64 ? RegClass.ZMM : bytes == 32 ? RegClass.YMM : RegClass.XMM;
        return BY_CLASS[c.ordinal()][num & 31];
    }
}
