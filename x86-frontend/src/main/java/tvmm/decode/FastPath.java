package tvmm.decode;

/**
 * The decoder's fast path for the common case: 64-bit mode, legacy prefixes and REX, one-byte
 * and 0F opcodes whose operands are general or vector registers, a ModRM memory form,
 * immediates and branch displacements. Everything stays in locals and the {@link Instruction}
 * is built once, so a decode does not reset and then copy ~40 fields of {@link DecoderState}
 * (that fixed cost was ~22 ns of ~48 ns per instruction over busybox's text).
 *
 * <p>It covers ~90 % of compiled 64-bit code. Anything else (VEX/EVEX, 0F38/0F3A, string,
 * x87, segment/control register and moffs operands, invalid, too long or truncated
 * encodings) returns null before anything is observable and the general path decodes it, so
 * the result is always the general path's: {@code FastPathTest} compares the two.
 */
final class FastPath {
    private FastPath() {
    }

    /** Bytes the array must hold from the offset on, so that no read below needs a bounds outcome. */
    static final int WINDOW = 16;
    /** More legacy/REX prefix bytes than this go to the general path (keeps every read inside WINDOW). */
    private static final int MAX_PREFIXES = 4;

    private static final Reg[] REG = Reg.values();
    /** General registers by (size << 5 | rex << 4 | number), as OperandDecoder.gpr. */
    private static final Reg[] GPR = new Reg[9 << 5];
    /** Vector registers by (width code << 4 | number): 0 XMM, 1 YMM, 2 ZMM. */
    private static final Reg[] VEC = new Reg[3 << 4];
    private static final Reg[] SEG = {Reg.ES, Reg.CS, Reg.SS, Reg.DS, Reg.FS, Reg.GS};
    /** Operand size in bytes by (size code << 4 | effective operand size), 64-bit mode, legacy encoding; -1 not here. */
    private static final byte[] SIZE = new byte[32 << 4];

    static {
        for (int size : new int[] {1, 2, 4, 8}) {
            for (int r = 0; r < 2; r++) {
                for (int n = 0; n < 16; n++) {
                    GPR[(size << 5) | (r << 4) | n] = Reg.gpr(size, n, r == 1);
                }
            }
        }
        for (int n = 0; n < 16; n++) {
            VEC[n] = Reg.vec(16, n);
            VEC[16 | n] = Reg.vec(32, n);
            VEC[32 | n] = Reg.vec(64, n);
        }
        java.util.Arrays.fill(SIZE, (byte) -1);
        for (int o : new int[] {2, 4, 8}) {
            for (int code = 0; code < 32; code++) {
                int s = sizeOf(code, o);
                if (s >= 0) {
                    SIZE[(code << 4) | o] = (byte) s;
                }
            }
        }
    }

    /** OperandDecoder.sizeOf for 64-bit mode and a legacy encoding (no vector length); -1 where it depends on more. */
    private static int sizeOf(int code, int osize) {
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

    /** Whether a form is decoded here: only the operand methods and flags handled below. */
    static boolean eligible(Op op, int[] ops, int flags) {
        if (op == Op.INVALID || (flags & (Entry.F_MODREG | Entry.F_I64)) != 0 || ops.length > 3
                || op == Op.XLATB || op == Op.MONITOR || op == Op.MONITORX || op == Op.MASKMOVQ || op == Op.MASKMOVDQU) {
            return false; // the last: Tables.implicitMemory (not called here: Tables may still be initializing)
        }
        boolean modrm = false;
        boolean imm64 = false;
        for (int spec : ops) {
            modrm |= TableBuilder.needsModrm(Spec.method(spec));
            imm64 |= Spec.method(spec) == Spec.I && Spec.size(spec) == Spec.SZ_V;
        }
        if (modrm && imm64) {
            return false; // would read past WINDOW after 4 prefixes, a SIB and a disp32 (no such form exists)
        }
        for (int spec : ops) {
            int size = Spec.size(spec);
            boolean gprSize = size >= Spec.SZ_B && size <= Spec.SZ_Y;
            switch (Spec.method(spec)) {
                case Spec.E: case Spec.R: case Spec.G: case Spec.Z: case Spec.FIXED:
                    if (!gprSize) {
                        return false;
                    }
                    break;
                case Spec.I: case Spec.IU: case Spec.J:
                    if (size != Spec.SZ_B && size != Spec.SZ_W && size != Spec.SZ_Z && size != Spec.SZ_D
                            && !(size == Spec.SZ_V && Spec.method(spec) != Spec.J)) {
                        return false;
                    }
                    break;
                case Spec.M: case Spec.ONE: case Spec.V: case Spec.W: case Spec.U:
                    if (sizeOf(size, 4) < 0) {
                        return false;
                    }
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    /**
     * Decodes at {@code c[off]} in 64-bit mode with {@code lim} bytes available; null when the
     * general path must decode it. The caller guarantees {@code off + WINDOW <= c.length}.
     */
    static Instruction decode64(byte[] c, int off, int lim) {
        int p = off;
        int prefixes = 0;
        int rex = 0;
        int lastRep = 0;
        int segOverride = -1;
        int fsGs = -1;
        boolean has66 = false;
        int b;
        // Legacy prefixes in any order, REX last (SDM Vol. 2 §2.1.1, §2.2.1), as Decoder.run.
        for (int n = 0;; n++) {
            b = c[p++] & 0xff;
            int kind = DecoderState.PREFIX_KIND[b];
            if (kind == DecoderState.P_NONE) {
                break;
            }
            if (n == MAX_PREFIXES) {
                return null;
            }
            if (kind == DecoderState.P_REX) {
                rex = b;
                continue;
            }
            rex = 0; // a REX followed by a legacy prefix is ignored
            switch (kind) {
                case DecoderState.P_LOCK: prefixes |= Prefix.LOCK; break;
                case DecoderState.P_REP: lastRep = b; break;
                case DecoderState.P_OPSIZE: has66 = true; prefixes |= Prefix.OPSIZE; break;
                case DecoderState.P_ADDRSIZE: prefixes |= Prefix.ADDRSIZE; break;
                default:
                    segOverride = kind - DecoderState.P_SEG0;
                    if (segOverride >= 4) {
                        fsGs = segOverride;
                    }
                    prefixes |= Prefix.SEGMENT;
                    break;
            }
        }
        if (lastRep == 0xF3) {
            prefixes |= Prefix.REP;
        } else if (lastRep == 0xF2) {
            prefixes |= Prefix.REPNE;
        }
        boolean rexW = false;
        int rexR = 0;
        int rexX = 0;
        int rexB = 0;
        if (rex != 0) {
            prefixes |= Prefix.REX | (rex & 8) << 4 | (rex & 4) << 6 | (rex & 2) << 8 | (rex & 1) << 10;
            rexW = (rex & 8) != 0;
            rexR = (rex >> 2) & 1;
            rexX = (rex >> 1) & 1;
            rexB = rex & 1;
        }
        int map;
        Entry e;
        if (b == 0x0F) {
            b = c[p++] & 0xff;
            if (b == 0x38 || b == 0x3A) {
                return null;
            }
            map = 1;
            e = Tables.MAP_0F[b];
        } else {
            if (b == 0xC4 || b == 0xC5 || b == 0x62) {
                return null; // VEX/EVEX in 64-bit mode
            }
            map = 0;
            e = Tables.MAP_ONE[b];
        }
        int opcode = b;
        int osize = rexW ? 8 : has66 ? 2 : 4;
        int asize = (prefixes & Prefix.ADDRSIZE) != 0 ? 4 : 8;
        boolean needModrm = Tables.hasModrm(map, b);
        int modrm = -1;
        int mod = 0;
        int regField = 0;
        int rmField = 0;
        if (needModrm) {
            modrm = c[p++] & 0xff;
            mod = modrm >> 6;
            regField = ((modrm >> 3) & 7) | (rexR << 3);
            rmField = (modrm & 7) | (rexB << 3);
        }
        if (b == 0x90 && map == 0) {
            e = rexB != 0 ? Tables.XCHG_R8 : lastRep == 0xF3 ? Tables.PAUSE : e;
            if (e == Tables.PAUSE) {
                prefixes |= Prefix.MANDATORY_F2F3;
            }
        }
        // Walk the selectors down to a form (Decoder.select with a legacy encoding in 64-bit mode).
        while (e != null && e.kind != Entry.FORM) {
            int idx;
            switch (e.kind) {
                case Entry.SEL_REG: idx = (modrm >> 3) & 7; break;
                case Entry.SEL_MOD: idx = mod == 3 ? 1 : 0; break;
                case Entry.SEL_RM: idx = modrm & 7; break;
                case Entry.SEL_PREFIX: {
                    idx = lastRep == 0xF3 ? 2 : lastRep == 0xF2 ? 3 : has66 ? 1 : 0;
                    if (idx >= 2) {
                        prefixes |= Prefix.MANDATORY_F2F3;
                    } else if (idx == 1 && e.next[1] != e.next[0]) {
                        prefixes |= Prefix.MANDATORY_66; // a mandatory prefix, not an operand-size override
                        osize = rexW ? 8 : 4;
                    }
                    break;
                }
                case Entry.SEL_W: idx = rexW ? 1 : 0; break;
                case Entry.SEL_OSIZE: idx = osize == 2 ? 0 : osize == 4 ? 1 : 2; break;
                case Entry.SEL_MODE: idx = 1; break;
                case Entry.SEL_ASIZE: idx = asize == 4 ? 1 : 2; break;
                default: idx = 0; break; // SEL_L: VEX.L is 0 without VEX
            }
            e = idx < e.next.length ? e.next[idx] : null;
        }
        if (e == null || !e.fast) {
            return null; // also every INVALID form (opOrd 0 is not eligible)
        }
        int flags = e.flags;
        if ((flags & Entry.F_F64) != 0 || (flags & Entry.F_D64) != 0 && osize == 4) {
            osize = 8;
        }
        Reg segment = null;
        Reg base = null;
        Reg index = null;
        int scale = 1;
        long disp = 0;
        if (needModrm && mod != 3) {
            // ModRM/SIB/displacement with 64- or 32-bit addressing (SDM Vol. 2 §2.1.5, Tables 2-2, 2-3).
            int rm = modrm & 7;
            int seg = 3;
            boolean noBase = false;
            if (rm == 4) {
                int sib = c[p++] & 0xff;
                int sb = sib & 7;
                int idx = ((sib >> 3) & 7) | (rexX << 3);
                if (idx != 4) {
                    index = GPR[(asize << 5) | 16 | idx];
                    scale = 1 << (sib >> 6);
                }
                if (sb == 5 && mod == 0) {
                    noBase = true;
                } else {
                    base = GPR[(asize << 5) | 16 | sb | (rexB << 3)];
                    seg = sb == 4 && rexB == 0 || sb == 5 && rexB == 0 ? 2 : 3;
                }
            } else if (rm == 5 && mod == 0) {
                noBase = true;
                base = asize == 8 ? Reg.RIP : Reg.EIP;
            } else {
                base = GPR[(asize << 5) | 16 | rmField];
                seg = rm == 5 && rexB == 0 ? 2 : 3;
            }
            if (noBase || mod == 2) {
                disp = (c[p] & 0xff) | (c[p + 1] & 0xff) << 8 | (c[p + 2] & 0xff) << 16 | c[p + 3] << 24;
                p += 4;
            } else if (mod == 1) {
                disp = c[p++];
            }
            // In 64-bit mode only FS/GS overrides count (AMD APM Vol. 3 §1.2.4), see OperandDecoder.effectiveSegment.
            segment = SEG[fsGs < 0 ? seg : fsGs];
        }
        int n = e.nops;
        int kinds = 0;
        int sizes = 0;
        long regs = 0;
        long imm = 0;
        long imm2 = 0;
        int immCount = 0;
        int rexBit = rex != 0 ? 16 : 0;
        for (int i = 0; i < n; i++) {
            int spec = i == 0 ? e.spec0 : i == 1 ? e.spec1 : e.spec2;
            int code = Spec.size(spec);
            int size = SIZE[(code << 4) | osize];
            int kind;
            Reg r = null;
            switch (Spec.method(spec)) {
                case Spec.E:
                    if (mod == 3) {
                        kind = DecoderState.K_REG;
                        r = GPR[(size << 5) | rexBit | rmField];
                    } else {
                        kind = DecoderState.K_MEM;
                    }
                    break;
                case Spec.M:
                    if (mod == 3) {
                        return null;
                    }
                    kind = DecoderState.K_MEM;
                    break;
                case Spec.R:
                    if (mod != 3) {
                        return null;
                    }
                    kind = DecoderState.K_REG;
                    r = GPR[(size << 5) | rexBit | rmField];
                    break;
                case Spec.G:
                    kind = DecoderState.K_REG;
                    r = GPR[(size << 5) | rexBit | regField];
                    break;
                case Spec.Z:
                    kind = DecoderState.K_REG;
                    r = GPR[(size << 5) | rexBit | (opcode & 7) | (rexB << 3)];
                    break;
                case Spec.FIXED:
                    kind = DecoderState.K_REG;
                    r = GPR[(size << 5) | rexBit | Spec.fixed(spec)];
                    break;
                case Spec.V:
                    kind = DecoderState.K_REG;
                    size = vecWidth(code);
                    r = VEC[(size >> 5) << 4 | regField];
                    break;
                case Spec.W:
                case Spec.U:
                    if (mod == 3) {
                        kind = DecoderState.K_REG;
                        size = vecWidth(code);
                        r = VEC[(size >> 5) << 4 | rmField];
                    } else if (Spec.method(spec) == Spec.U) {
                        return null;
                    } else {
                        kind = DecoderState.K_MEM;
                    }
                    break;
                case Spec.ONE:
                    kind = DecoderState.K_IMM;
                    if (immCount++ == 0) {
                        imm = 1;
                    } else {
                        imm2 = 1;
                    }
                    break;
                default: { // I, IU, J (sizes 1, 2, 4, 8 by eligible())
                    long v;
                    boolean signed = Spec.method(spec) != Spec.IU;
                    if (size == 1) {
                        v = signed ? c[p] : c[p] & 0xff;
                        p += 1;
                    } else if (size == 2) {
                        int w = (c[p] & 0xff) | (c[p + 1] & 0xff) << 8;
                        v = signed ? (short) w : w;
                        p += 2;
                    } else if (size == 4) {
                        v = (c[p] & 0xff) | (c[p + 1] & 0xff) << 8 | (c[p + 2] & 0xff) << 16 | c[p + 3] << 24;
                        p += 4;
                    } else {
                        v = (c[p] & 0xffL) | (c[p + 1] & 0xffL) << 8 | (c[p + 2] & 0xffL) << 16
                                | (c[p + 3] & 0xffL) << 24 | (c[p + 4] & 0xffL) << 32 | (c[p + 5] & 0xffL) << 40
                                | (c[p + 6] & 0xffL) << 48 | (c[p + 7] & 0xffL) << 56;
                        p += 8;
                    }
                    if (Spec.method(spec) == Spec.J) {
                        kind = DecoderState.K_REL;
                        imm = v;
                    } else {
                        kind = DecoderState.K_IMM;
                        if (immCount++ == 0) {
                            imm = v;
                        } else {
                            imm2 = v;
                        }
                    }
                    break;
                }
            }
            kinds |= kind << (8 * i);
            sizes |= size << (8 * i);
            if (r != null) {
                regs |= (long) (r.ordinal() + 1) << (16 * i);
            }
        }
        int kind0 = kinds & 0xff;
        if (n > 0 && (sizes & 0xff) == 1 && (kind0 == DecoderState.K_REG || kind0 == DecoderState.K_MEM)) {
            osize = 1;
        }
        if ((prefixes & Prefix.LOCK) != 0 && ((flags & Entry.F_LOCK) == 0 || kind0 != DecoderState.K_MEM || n == 0)) {
            return null; // #UD: the general path reports INVALID
        }
        int length = p - off;
        if (length > lim || length > DecoderState.MAX_LENGTH) {
            return null; // TRUNCATED or TOO_LONG
        }
        return new Instruction(e.op, length, osize, asize, prefixes, rex, map, opcode, modrm, Tables.conditionOf(e.opOrd),
                n, kinds, sizes, regs, segment, segOverride < 0 ? null : SEG[segOverride], base, index, scale,
                disp, imm, imm2);
    }

    /** The register width of a V/W/U operand without VEX (OperandDecoder.vec with no vector length). */
    private static int vecWidth(int code) {
        return code == Spec.SZ_QQ ? 32 : code == Spec.SZ_DQQ ? 64 : 16;
    }
}
