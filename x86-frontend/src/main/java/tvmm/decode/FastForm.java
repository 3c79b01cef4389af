package tvmm.decode;

/**
 * A form's operands precomputed for {@link FastPath} (64-bit mode, legacy encoding): the packed
 * operand kinds and sizes for a register and a memory ModRM and each effective operand size,
 * which operands name a register and where its number comes from, and which are immediates.
 * What OperandDecoder.operand decides per decode by switching on the operand spec is decided
 * here once per table form. Only forms whose every operand is of a kind below get one.
 */
final class FastForm {
    // Where a register operand's number comes from (3 bits).
    static final int RM_GPR = 1;   // E (register form) and R: ModRM.rm + REX.B
    static final int REG_GPR = 2;  // G: ModRM.reg + REX.R
    static final int OP_GPR = 3;   // Z: opcode bits 2:0 + REX.B
    static final int FIX_GPR = 4;  // a fixed register (number in bits 5-8 of the slot)
    static final int RM_VEC = 5;   // W (register form) and U
    static final int REG_VEC = 6;  // V
    // Immediate-like operands (3 bits).
    static final int IMM_ONE = 1;  // the constant 1 of the shift-by-one forms
    static final int IMM_S = 2;    // I: sign-extended
    static final int IMM_U = 3;    // IU: zero-extended (a 4-byte one is sign-extended, as OperandDecoder.immediate)
    static final int IMM_REL = 4;  // J: a branch displacement (imm, not counted as an immediate)

    /** Packed kinds (one byte per operand) with a memory ModRM, and with a register one or none. */
    final int kindsMem;
    final int kindsReg;
    /**
     * Packed sizes with a memory and with a register ModRM, without the lanes that follow the
     * operand size: the size is {@code sizesMem | osize * vLanes | z * zLanes | y * yLanes}
     * (z = 2 or 4, y = 4 or 8; a lane holds 1 where its operand is v, z or y).
     */
    final int sizesMem;
    final int sizesReg;
    final int vLanes;
    final int zLanes;
    final int yLanes;
    /** Bit 0: #UD with a memory ModRM (R, U need a register), bit 1: #UD with a register ModRM (M needs memory). */
    final int badMod;
    /** Register operands, 10 bits each from bit 0, until 0: operand index (2), source (3), fixed number (4). */
    final int regOps;
    /** Bit 0 with a memory ModRM, bit 1 with a register one: operand 0 is a byte register or memory, so the operand size is 1. */
    final int byteOp;
    /** Immediate operands in encoding order, 5 bits each, until 0: operand index (2), kind (3). */
    final int immOps;

    private FastForm(int[] ops) {
        int bad = 0;
        int regSlots = 0;
        int nReg = 0;
        int immSlots = 0;
        int nImm = 0;
        int km = 0;
        int kr = 0;
        int sm = 0;
        int sr = 0;
        int v = 0;
        int z = 0;
        int y = 0;
        for (int i = 0; i < ops.length; i++) {
            int spec = ops[i];
            int code = Spec.size(spec);
            int memKind;
            int regKind;
            int src = 0;
            int imm = 0;
            boolean vector = false;
            switch (Spec.method(spec)) {
                case Spec.E: memKind = DecoderState.K_MEM; regKind = DecoderState.K_REG; src = RM_GPR; break;
                case Spec.M: memKind = DecoderState.K_MEM; regKind = DecoderState.K_MEM; bad |= 2; break;
                case Spec.R: memKind = DecoderState.K_REG; regKind = DecoderState.K_REG; src = RM_GPR; bad |= 1; break;
                case Spec.G: memKind = DecoderState.K_REG; regKind = DecoderState.K_REG; src = REG_GPR; break;
                case Spec.Z: memKind = DecoderState.K_REG; regKind = DecoderState.K_REG; src = OP_GPR; break;
                case Spec.FIXED: memKind = DecoderState.K_REG; regKind = DecoderState.K_REG; src = FIX_GPR; break;
                case Spec.V: memKind = DecoderState.K_REG; regKind = DecoderState.K_REG; src = REG_VEC; vector = true; break;
                case Spec.W: memKind = DecoderState.K_MEM; regKind = DecoderState.K_REG; src = RM_VEC; vector = true; break;
                case Spec.U: memKind = DecoderState.K_REG; regKind = DecoderState.K_REG; src = RM_VEC; vector = true; bad |= 1; break;
                case Spec.ONE: memKind = DecoderState.K_IMM; regKind = DecoderState.K_IMM; imm = IMM_ONE; break;
                case Spec.I: memKind = DecoderState.K_IMM; regKind = DecoderState.K_IMM; imm = IMM_S; break;
                case Spec.IU: memKind = DecoderState.K_IMM; regKind = DecoderState.K_IMM; imm = IMM_U; break;
                case Spec.J: memKind = DecoderState.K_REL; regKind = DecoderState.K_REL; imm = IMM_REL; break;
                default: throw new IllegalArgumentException("not a fast operand: " + spec);
            }
            km |= memKind << (8 * i);
            kr |= regKind << (8 * i);
            if (code == Spec.SZ_V) {
                v |= 1 << (8 * i);
            } else if (code == Spec.SZ_Z) {
                z |= 1 << (8 * i);
            } else if (code == Spec.SZ_Y) {
                y |= 1 << (8 * i);
            } else {
                int gprSize = sizeOf(code, 4);
                // A vector register is as wide as its class (OperandDecoder.vec): 16 without VEX.
                int regSize = vector ? vecWidth(code) : gprSize;
                // The memory form of V/W/U: V names a register, W the memory access, U is #UD.
                int memSize = vector && Spec.method(spec) != Spec.W ? regSize : gprSize;
                sm |= memSize << (8 * i);
                sr |= regSize << (8 * i);
            }
            if (src != 0) {
                regSlots |= (i | src << 2 | Spec.fixed(spec) << 5) << (10 * nReg++);
            }
            if (imm != 0) {
                immSlots |= (i | imm << 2) << (5 * nImm++);
            }
        }
        this.kindsMem = km;
        this.kindsReg = kr;
        this.sizesMem = sm;
        this.sizesReg = sr;
        this.vLanes = v;
        this.zLanes = z;
        this.yLanes = y;
        this.badMod = bad;
        int k0m = km & 0xff;
        int k0r = kr & 0xff;
        boolean any = ops.length > 0;
        // Decoder.run: operand 0 of one byte as a register or memory makes the operand size 1
        // (v/z/y lanes are never 1 byte, so the fixed sizes decide).
        this.byteOp = (any && (sm & 0xff) == 1 && (k0m == DecoderState.K_REG || k0m == DecoderState.K_MEM) ? 1 : 0)
                | (any && (sr & 0xff) == 1 && (k0r == DecoderState.K_REG || k0r == DecoderState.K_MEM) ? 2 : 0);
        this.regOps = regSlots;
        this.immOps = immSlots;
    }

    /** The fast form of a table form, or null when FastPath must leave it to the general path. */
    static FastForm of(Op op, int[] ops, int flags) {
        if (op == Op.INVALID || (flags & (Entry.F_MODREG | Entry.F_I64)) != 0 || ops.length > 3
                || op == Op.XLATB || op == Op.MONITOR || op == Op.MONITORX || op == Op.MASKMOVQ || op == Op.MASKMOVDQU) {
            return null; // the last: Tables.implicitMemory (not called here: Tables may still be initializing)
        }
        boolean modrm = false;
        int imms = 0;
        boolean rel = false;
        boolean imm64 = false;
        for (int spec : ops) {
            int m = Spec.method(spec);
            int size = Spec.size(spec);
            modrm |= TableBuilder.needsModrm(m);
            imms += m == Spec.I || m == Spec.IU || m == Spec.J || m == Spec.ONE ? 1 : 0;
            rel |= m == Spec.J;
            imm64 |= m == Spec.I && size == Spec.SZ_V;
            boolean gprSize = size >= Spec.SZ_B && size <= Spec.SZ_Y;
            switch (m) {
                case Spec.E: case Spec.R: case Spec.G: case Spec.Z: case Spec.FIXED:
                    if (!gprSize) {
                        return null;
                    }
                    break;
                case Spec.I: case Spec.IU: case Spec.J:
                    if (size != Spec.SZ_B && size != Spec.SZ_W && size != Spec.SZ_Z && size != Spec.SZ_D
                            && !(size == Spec.SZ_V && m == Spec.I)) {
                        return null;
                    }
                    break;
                case Spec.M: case Spec.ONE:
                    if (sizeOf(size, 4) < 0 || size == Spec.SZ_P || size == Spec.SZ_A) {
                        return null; // far pointers and BOUND: sizes of their own by operand size
                    }
                    break;
                case Spec.V: case Spec.W: case Spec.U:
                    if (sizeOf(size, 4) < 0 || size == Spec.SZ_V || size == Spec.SZ_Z || size == Spec.SZ_Y
                            || size == Spec.SZ_P || size == Spec.SZ_A) {
                        return null; // a vector operand's size does not follow the operand size
                    }
                    break;
                default:
                    return null;
            }
        }
        if (modrm && imm64 || rel && imms > 1 || imms > 2) {
            // An 8-byte immediate after a SIB and disp32 would read past WINDOW (no such form
            // exists); a J beside another immediate would need the general path's slot order.
            return null;
        }
        return new FastForm(ops);
    }

    /** Operand size in bytes for a size code: OperandDecoder.sizeOf in 64-bit mode without VEX; -1 where it depends on more. */
    static int sizeOf(int code, int osize) {
        switch (code) {
            case Spec.SZ_NONE: return 0;
            case Spec.SZ_B: return 1;
            case Spec.SZ_W: case Spec.SZ_EW: return 2;
            case Spec.SZ_D: return 4;
            case Spec.SZ_Q: case Spec.SZ_DV: return 8;
            case Spec.SZ_V: return osize;
            case Spec.SZ_Z: return osize == 2 ? 2 : 4;
            case Spec.SZ_Y: return osize == 8 ? 8 : 4;
            case Spec.SZ_DQ: case Spec.SZ_X: return 16;
            case Spec.SZ_QQ: return 32;
            case Spec.SZ_XH: return 8;
            case Spec.SZ_XQ: return 4;
            case Spec.SZ_XO: return 2;
            case Spec.SZ_T: case Spec.SZ_S: return 10;
            case Spec.SZ_P: return osize == 2 ? 4 : osize == 4 ? 6 : 10;
            case Spec.SZ_A: return osize * 2;
            case Spec.SZ_DQQ: return 64;
            case Spec.SZ_FS: return 0;
            default: return -1; // SZ_E (W of the encoding), SZ_ASZ (address size)
        }
    }

    /** The register width of a V/W/U operand without VEX (OperandDecoder.vec with no vector length). */
    static int vecWidth(int code) {
        return code == Spec.SZ_QQ ? 32 : code == Spec.SZ_DQQ ? 64 : 16;
    }
}
