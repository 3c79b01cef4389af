package tvmm.decode;

/**
 * One decoded x86 instruction: immutable, built once by the {@link Decoder} and read by the
 * CPU when it builds nodes and by the {@link Disassembler}. Fields are public and final so
 * that reading them from a compilation-final node field folds to a constant.
 *
 * <p>Operands are in Intel order (destination first), at most {@link #MAX_OPERANDS}. An
 * instruction has at most one memory operand ({@link OperandKind#MEM} or
 * {@link OperandKind#MOFFS}); its form is in {@link #segment}, {@link #base},
 * {@link #index}, {@link #scale}, {@link #disp} and {@link #addressSize}.
 */
public final class Instruction {
    public static final int MAX_OPERANDS = 4;

    /** OK, or why there is no instruction (then only {@link #length} and {@link #mode} are set). */
    public final Status status;
    public final Op op;
    /**
     * Bytes consumed, prefixes included. For TRUNCATED: the number of bytes that were
     * available; for TOO_LONG: 15; for INVALID: the bytes examined so far.
     */
    public final int length;
    /** The decoding mode in bits: 16, 32 or 64 (CS.D / CS.L). */
    public final int mode;
    /**
     * Effective operand size in bytes: 1 for byte forms, else 2, 4 or 8 after 66 and REX.W
     * (and the 64-bit default of near branches and stack operations).
     */
    public final int operandSize;
    /** Effective address size in bytes (2, 4 or 8) after 67. */
    public final int addressSize;
    /** {@link Prefix} bits. */
    public final int prefixes;
    /** The raw REX byte (0x40-0x4F), or 0. */
    public final int rex;
    public final Encoding encoding;
    /** Opcode map: 0 one-byte, 1 0F, 2 0F38, 3 0F3A. */
    public final int map;
    /** The opcode byte within {@link #map}. */
    public final int opcode;
    /** The ModRM byte, or -1 when the instruction has none. */
    public final int modrm;
    /** Condition code 0-15 (SDM Vol. 1 Appendix B) for Jcc, SETcc, CMOVcc, FCMOVcc; else -1. */
    public final int condition;

    public final int operandCount;
    /** Operand kinds (ordinals), sizes and register ordinals + 1, one byte/short per operand. */
    private final int kinds;
    private final int sizes;
    private final long regs;

    /**
     * Segment of the memory/moffs/string-source operand after overrides, or null when there
     * is no memory operand. Outside 64-bit mode the last override wins. In 64-bit mode
     * ES/CS/SS/DS overrides are ignored (the default DS, or SS for rSP/rBP bases, as in
     * legacy modes) and do not cancel an FS/GS override before them: {@code 64 3E} is FS
     * (AMD APM Vol. 3 §1.2.4, checked on the host); the last FS/GS prefix wins. Also set for
     * the implicit memory operand of XLATB, MONITOR(X) and MASKMOVQ/MASKMOVDQU.
     */
    public final Reg segment;
    /**
     * The last segment-override prefix as written (even where 64-bit mode ignores it), or
     * null. For the segment an access uses, read {@link #segment}: in 64-bit mode
     * {@code 64 3E} has segmentOverride DS but segment FS.
     */
    public final Reg segmentOverride;
    /**
     * Base register (GPR of the address size, or RIP/EIP for RIP-relative), or null. The
     * implicit memory operands have theirs too (no operand slot, {@link #segment} set):
     * XLATB rBX (the address is segment:(rBX + zero-extended AL), truncated to
     * {@link #addressSize}), MONITOR/MONITORX rAX, MASKMOVQ/MASKMOVDQU rDI.
     */
    public final Reg base;
    /** Index register (GPR of the address size, or a vector register for VSIB), or null. */
    public final Reg index;
    /** Scale factor 1, 2, 4 or 8 (1 when there is no index). */
    public final int scale;
    /** Displacement, sign-extended (EVEX disp8*N already scaled); the moffs address for MOFFS. */
    public final long disp;
    /** First immediate (sign- or zero-extended as the instruction defines), branch displacement, or far offset. */
    public final long imm;
    /** Second immediate (ENTER's nesting level, EXTRQ/INSERTQ), or the far pointer's selector. */
    public final long imm2;

    /** VEX/EVEX vector length in bytes (16, 32, 64), 0 for legacy encodings. */
    public final int vectorLength;
    /** EVEX opmask register (k1-k7), or null when unmasked. */
    public final Reg mask;
    /** EVEX.z: zeroing- rather than merging-masking. */
    public final boolean zeroing;
    /** EVEX.b with a memory operand: embedded broadcast of one element. */
    public final boolean broadcast;
    /** EVEX embedded rounding: -1 none, 0-3 rounding control with SAE, 4 SAE only. */
    public final int rounding;

    /**
     * Copies the decoder's result fields. Kept small (no loops, operands packed by the
     * decoder) so that C2 inlines it at the allocation: the object is then initialized in
     * place without zeroing or GC barriers (inlining failed at 459 bytecodes: "hot method too big").
     */
    Instruction(DecoderState d) {
        this.status = STATUS[d.status];
        this.op = Op.byOrdinal(d.op);
        this.length = d.length;
        this.mode = d.mode;
        this.operandSize = d.osize;
        this.addressSize = d.asize;
        this.prefixes = d.prefixes;
        this.rex = d.rex;
        this.encoding = ENCODING[d.encoding];
        this.map = d.map;
        this.opcode = d.opcode;
        this.modrm = d.modrm;
        this.condition = d.condition;
        this.operandCount = d.nops;
        this.kinds = d.packedKinds;
        this.sizes = d.packedSizes;
        this.regs = d.packedRegs;
        this.segment = regOf(d.segment);
        this.segmentOverride = regOf(d.segmentOverride);
        this.base = regOf(d.base);
        this.index = regOf(d.index);
        this.scale = d.scale;
        this.disp = d.disp;
        this.imm = d.imm;
        this.imm2 = d.imm2;
        this.vectorLength = d.vl;
        this.mask = regOf(d.mask);
        this.zeroing = d.zeroing;
        this.broadcast = d.broadcast;
        this.rounding = d.rounding;
    }

    /** {@link FastPath}'s result: a valid, legacy-encoded instruction in 64-bit mode, fields as decoded. */
    Instruction(Op op, int length, int operandSize, int addressSize, int prefixes, int rex, int map, int opcode,
            int modrm, int condition, int operandCount, int kinds, int sizes, long regs, Reg segment,
            Reg segmentOverride, Reg base, Reg index, int scale, long disp, long imm, long imm2) {
        this.status = Status.OK;
        this.op = op;
        this.length = length;
        this.mode = 64;
        this.operandSize = operandSize;
        this.addressSize = addressSize;
        this.prefixes = prefixes;
        this.rex = rex;
        this.encoding = Encoding.LEGACY;
        this.map = map;
        this.opcode = opcode;
        this.modrm = modrm;
        this.condition = condition;
        this.operandCount = operandCount;
        this.kinds = kinds;
        this.sizes = sizes;
        this.regs = regs;
        this.segment = segment;
        this.segmentOverride = segmentOverride;
        this.base = base;
        this.index = index;
        this.scale = scale;
        this.disp = disp;
        this.imm = imm;
        this.imm2 = imm2;
        this.vectorLength = 0;
        this.mask = null;
        this.zeroing = false;
        this.broadcast = false;
        this.rounding = -1;
    }

    private static final Status[] STATUS = Status.values();
    private static final Encoding[] ENCODING = Encoding.values();
    private static final OperandKind[] KIND = OperandKind.values();
    private static final Reg[] REG = Reg.values();

    private static Reg regOf(int ordinal) {
        return ordinal < 0 ? null : REG[ordinal];
    }

    public boolean isValid() {
        return status == Status.OK;
    }

    /** The kind of operand {@code i} (NONE at or beyond {@link #operandCount}). */
    public OperandKind kind(int i) {
        return i < 0 || i >= MAX_OPERANDS ? OperandKind.NONE : KIND[(kinds >>> (8 * i)) & 0xff];
    }

    /**
     * The size of operand {@code i} in bytes: register width, memory access width (0 when
     * the access has no fixed size, e.g. LEA, INVLPG; 6/10 for far pointers and
     * descriptor-table registers), or the immediate's width in the encoding.
     */
    public int size(int i) {
        return i < 0 || i >= MAX_OPERANDS ? 0 : (sizes >>> (8 * i)) & 0xff;
    }

    /** The register of operand {@code i} when its kind is REG, else null. */
    public Reg reg(int i) {
        return i < 0 || i >= MAX_OPERANDS ? null : regOf((int) ((regs >>> (16 * i)) & 0xffff) - 1);
    }

    public boolean hasPrefix(int prefixBit) {
        return (prefixes & prefixBit) != 0;
    }

    /** True when the memory operand is RIP/EIP-relative (64-bit mode, mod=00 rm=101). */
    public boolean isRipRelative() {
        return base != null && base.cls == RegClass.IP;
    }

    @Override
    public String toString() {
        return status == Status.OK ? Disassembler.format(this, 0) : status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
