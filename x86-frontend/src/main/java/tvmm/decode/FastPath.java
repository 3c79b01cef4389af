package tvmm.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The decoder's fast path for the common case: 64-bit mode, legacy prefixes and REX, one-byte
 * and 0F opcodes whose operands are general or vector registers, a ModRM memory form,
 * immediates and branch displacements ({@link FastForm}). Everything stays in locals and the
 * {@link Instruction} is built once, so a decode does not reset and then copy ~40 fields of
 * {@link DecoderState} (that fixed cost was ~22 ns of ~48 ns per instruction over busybox's
 * text). What the general path decides per operand by switching on the spec is precomputed
 * per form. (Making the rest branch-free as well measured slower: x86-frontend/README.md.)
 *
 * <p>It covers ~98 % of compiled 64-bit code. Anything else (VEX/EVEX, 0F38/0F3A, string,
 * x87, segment/control register and moffs operands, invalid, too long or truncated
 * encodings) returns null before anything is observable and the general path decodes it, so
 * the result is always the general path's: {@code FastPathTest} compares the two.
 */
final class FastPath {
    private FastPath() {
    }

    /** Bytes the array must hold from the offset on, so that every read below is inside it. */
    static final int WINDOW = 16;
    /** More legacy/REX prefix bytes than this go to the general path (keeps every read inside WINDOW). */
    private static final int MAX_PREFIXES = 4;

    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** General registers by (size << 5 | REX present << 4 | number), as OperandDecoder.gpr. */
    private static final Reg[] GPR = new Reg[9 << 5];
    /** The same as Reg ordinal + 1 (the Instruction's packed operand form). */
    private static final int[] GPR1 = new int[9 << 5];
    /** Vector register ordinals + 1 by (width / 32 << 4 | number): XMM, YMM, ZMM. */
    private static final int[] VEC1 = new int[3 << 4];
    private static final Reg[] SEG = {Reg.ES, Reg.CS, Reg.SS, Reg.DS, Reg.FS, Reg.GS};
    /** Prefix bits of a REX byte (0 for none): Prefix.REX and W R X B as Prefix.REX_W/R/X/B. */
    private static final int[] REX_BITS = new int[0x50];
    /** Displacement bytes by ModRM with 32/64-bit addressing (a SIB's base 101 with mod 00 adds 4 later). */
    private static final byte[] DISP = new byte[256];

    static {
        for (int size : new int[] {1, 2, 4, 8}) {
            for (int r = 0; r < 2; r++) {
                for (int n = 0; n < 16; n++) {
                    GPR[(size << 5) | (r << 4) | n] = Reg.gpr(size, n, r == 1);
                    GPR1[(size << 5) | (r << 4) | n] = Reg.gpr(size, n, r == 1).ordinal() + 1;
                }
            }
        }
        for (int n = 0; n < 16; n++) {
            VEC1[n] = Reg.vec(16, n).ordinal() + 1;
            VEC1[16 | n] = Reg.vec(32, n).ordinal() + 1;
            VEC1[32 | n] = Reg.vec(64, n).ordinal() + 1;
        }
        for (int rex = 0x40; rex < 0x50; rex++) {
            REX_BITS[rex] = Prefix.REX | (rex & 8) << 4 | (rex & 4) << 6 | (rex & 2) << 8 | (rex & 1) << 10;
        }
        for (int m = 0; m < 256; m++) {
            int mod = m >> 6;
            DISP[m] = (byte) (mod == 1 ? 1 : mod == 2 || mod == 0 && (m & 7) == 5 ? 4 : 0);
        }
    }

    /**
     * Decodes at {@code c[off]} in 64-bit mode with {@code lim} bytes available; null when the
     * general path must decode it. The caller guarantees {@code off + WINDOW <= c.length}.
     */
    static Instruction decode64(byte[] c, int off, int lim) {
        // A REX byte first (about 40 % of 64-bit code) is taken without a branch; legacy
        // prefixes (rare) go through the loop.
        int b0 = c[off] & 0xff;
        int isRex = (b0 & 0xF0) == 0x40 ? 1 : 0;
        int rex = b0 & -isRex;
        int p = off + isRex;
        int prefixes = 0;
        int lastRep = 0;
        int segOverride = -1;
        int fsGs = -1;
        int has66 = 0;
        int b = c[p++] & 0xff;
        int kind = DecoderState.PREFIX_KIND[b];
        // Legacy prefixes in any order, REX last (SDM Vol. 2 §2.1.1, §2.2.1), as Decoder.run.
        for (int n = isRex; kind != DecoderState.P_NONE; n++) {
            if (n == MAX_PREFIXES) {
                return null;
            }
            if (kind == DecoderState.P_REX) {
                rex = b;
            } else {
                rex = 0; // a REX followed by a legacy prefix is ignored
                switch (kind) {
                    case DecoderState.P_LOCK: prefixes |= Prefix.LOCK; break;
                    case DecoderState.P_REP: lastRep = b; break;
                    case DecoderState.P_OPSIZE: has66 = 1; prefixes |= Prefix.OPSIZE; break;
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
            b = c[p++] & 0xff;
            kind = DecoderState.PREFIX_KIND[b];
        }
        if (lastRep != 0) {
            prefixes |= lastRep == 0xF3 ? Prefix.REP : Prefix.REPNE;
        }
        prefixes |= REX_BITS[rex];
        int rexW = (rex >> 3) & 1;
        int rexB = rex & 1;
        int rexBit = (rex >> 2) & 16; // 16 when a REX byte is present (SPL..DIL rather than AH..BH)
        int map = 0;
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
            e = Tables.MAP_ONE[b];
        }
        int opcode = b;
        // 66 and REX.W (SDM Vol. 1 §3.6.1, Table 3-4): 4, 2, then 8 with W whatever 66 says.
        int osize = rexW != 0 ? 8 : 4 >> has66;
        int asize = 8 >> ((prefixes & Prefix.ADDRSIZE) >> 4); // Prefix.ADDRSIZE is bit 4: 8 or 4
        // Without a ModRM, mod is 3 (no memory operand) and the byte read is not consumed.
        boolean needModrm = Tables.LEGACY_MODRM[map << 8 | b];
        int m = c[p] & 0xff;
        int modrm = needModrm ? m : -1;
        int mod = needModrm ? m >> 6 : 3;
        p += needModrm ? 1 : 0;
        int regField = ((m >> 3) & 7) | (rex & 4) << 1;
        int rmField = (m & 7) | rexB << 3;
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
                    idx = lastRep == 0xF3 ? 2 : lastRep == 0xF2 ? 3 : has66;
                    if (idx >= 2) {
                        prefixes |= Prefix.MANDATORY_F2F3;
                    } else if (idx == 1 && e.next[1] != e.next[0]) {
                        prefixes |= Prefix.MANDATORY_66; // a mandatory prefix, not an operand-size override
                        osize = rexW != 0 ? 8 : 4;
                    }
                    break;
                }
                case Entry.SEL_W: idx = rexW; break;
                case Entry.SEL_OSIZE: idx = osize == 2 ? 0 : osize == 4 ? 1 : 2; break;
                case Entry.SEL_MODE: idx = 1; break;
                case Entry.SEL_ASIZE: idx = asize == 4 ? 1 : 2; break;
                default: idx = 0; break; // SEL_L: VEX.L is 0 without VEX
            }
            e = idx < e.next.length ? e.next[idx] : null;
        }
        if (e == null || !e.fast) {
            return null; // also every INVALID form (no fast form)
        }
        int flags = e.flags;
        if ((flags & Entry.F_F64) != 0 || (flags & Entry.F_D64) != 0 && osize == 4) {
            osize = 8;
        }
        int regForm = mod == 3 ? 1 : 0;
        if ((e.fastBadMod >> regForm & 1) != 0) {
            return null; // M with a register, R/U with memory: #UD
        }
        Reg segment = null;
        Reg base = null;
        Reg index = null;
        int scale = 1;
        long disp = 0;
        if (regForm == 0) {
            // ModRM/SIB/displacement with 64- or 32-bit addressing (SDM Vol. 2 §2.1.5, Tables 2-2, 2-3).
            int rm = m & 7;
            int seg = 3;
            int dispBytes = DISP[m];
            int a = asize << 5 | 16;
            if (rm == 4) {
                int sib = c[p++] & 0xff;
                int sb = sib & 7;
                int idx = ((sib >> 3) & 7) | (rex & 2) << 2;
                if (idx != 4) {
                    index = GPR[a | idx];
                    scale = 1 << (sib >> 6);
                }
                if (sb == 5 && mod == 0) {
                    dispBytes = 4; // no base
                } else {
                    base = GPR[a | sb | rexB << 3];
                    seg = (sb == 4 || sb == 5) && rexB == 0 ? 2 : 3;
                }
            } else if (rm == 5 && mod == 0) {
                base = asize == 8 ? Reg.RIP : Reg.EIP;
            } else {
                base = GPR[a | rmField];
                seg = rm == 5 && rexB == 0 ? 2 : 3;
            }
            // 0, 1 or 4 bytes, sign-extended, without a branch on the size: p is at most
            // off + 8 here, so the 4-byte read stays inside WINDOW.
            int raw = (int) LE_INT.get(c, p);
            int shift = dispBytes == 1 ? 24 : 0;
            disp = (raw << shift >> shift) & (dispBytes == 0 ? 0 : -1);
            p += dispBytes;
            // In 64-bit mode only FS/GS overrides count (AMD APM Vol. 3 §1.2.4), see OperandDecoder.effectiveSegment.
            segment = SEG[fsGs < 0 ? seg : fsGs];
        }
        int kinds = regForm == 0 ? e.fastKindsMem : e.fastKindsReg;
        // Operand sizes v, z, y follow the operand size (OperandDecoder.sizeOf), multiplied into their lanes.
        int sizes = (regForm == 0 ? e.fastSizesMem : e.fastSizesReg) | osize * e.fastVLanes
                | (osize == 2 ? 2 : 4) * e.fastZLanes | (osize == 8 ? 8 : 4) * e.fastYLanes;
        long regs = 0;
        for (int x = e.fastRegOps; x != 0; x >>>= 10) {
            int i = x & 3;
            int size = (sizes >>> (i << 3)) & 0xff;
            int r;
            switch ((x >> 2) & 7) {
                case FastForm.RM_GPR:
                    if (regForm == 0) {
                        continue; // E with memory
                    }
                    r = GPR1[size << 5 | rexBit | rmField];
                    break;
                case FastForm.REG_GPR: r = GPR1[size << 5 | rexBit | regField]; break;
                case FastForm.OP_GPR: r = GPR1[size << 5 | rexBit | (opcode & 7) | rexB << 3]; break;
                case FastForm.FIX_GPR: r = GPR1[size << 5 | rexBit | (x >> 5 & 15)]; break;
                case FastForm.RM_VEC:
                    if (regForm == 0) {
                        continue; // W with memory
                    }
                    r = VEC1[(size >> 5) << 4 | rmField];
                    break;
                default: r = VEC1[(size >> 5) << 4 | regField]; break; // REG_VEC
            }
            regs |= (long) r << (16 * i);
        }
        long imm = 0;
        long imm2 = 0;
        int y = e.fastImmOps;
        if (y != 0) {
            imm = immediate(c, p, y, sizes);
            p += immBytes(y, sizes);
            y >>>= 5;
            if (y != 0) {
                imm2 = immediate(c, p, y, sizes);
                p += immBytes(y, sizes);
            }
        }
        int kind0 = kinds & 0xff;
        if ((e.fastByteOp >> regForm & 1) != 0) {
            osize = 1; // a byte form (FastForm.byteOp)
        }
        if ((prefixes & Prefix.LOCK) != 0 && ((flags & Entry.F_LOCK) == 0 || kind0 != DecoderState.K_MEM || e.nops == 0)) {
            return null; // #UD: the general path reports INVALID
        }
        int length = p - off;
        if (length > lim || length > DecoderState.MAX_LENGTH) {
            return null; // TRUNCATED or TOO_LONG
        }
        return new Instruction(e.op, length, osize, asize, prefixes, rex, map, opcode, modrm, e.condition,
                e.nops, kinds, sizes, regs, segment, segOverride < 0 ? null : SEG[segOverride], base, index, scale,
                disp, imm, imm2);
    }

    /** Bytes of the immediate in the low slot of {@code y} (FastForm.immOps): its operand's size, none for the constant 1. */
    private static int immBytes(int y, int sizes) {
        return (y >> 2 & 7) == FastForm.IMM_ONE ? 0 : (sizes >>> ((y & 3) << 3)) & 0xff;
    }

    /** The value of the immediate in the low slot of {@code y} at c[p], extended as OperandDecoder.immediate. */
    private static long immediate(byte[] c, int p, int y, int sizes) {
        int type = y >> 2 & 7;
        int size = (sizes >>> ((y & 3) << 3)) & 0xff;
        if (type == FastForm.IMM_ONE) {
            return 1;
        }
        if (size == 8) {
            return (long) LE_LONG.get(c, p); // MOV r64, imm64 only: p is at most off + 5
        }
        // 1, 2 or 4 bytes; with 4 p is at most off + 12 (FastForm.of excludes longer forms).
        int raw = size == 4 ? (int) LE_INT.get(c, p) : size == 2 ? (c[p] & 0xff) | c[p + 1] << 8 : c[p];
        int shift = 32 - 8 * size;
        // A zero-extended 4-byte immediate still sign-extends to 64 bits, as the general path does.
        return type == FastForm.IMM_U ? (raw << shift) >>> shift : raw;
    }
}
