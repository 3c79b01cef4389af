package tvmm.decode;

/**
 * Decodes one x86 instruction at a time into an immutable {@link Instruction}.
 *
 * <p>A Decoder holds scratch state and is not thread-safe: keep one per vCPU thread. Decoding
 * allocates only the result. Two inputs: a byte array window (no copy) or a {@link ByteSource}
 * (at most 15 bytes are copied into a scratch buffer). In both, bytes beyond the available
 * ones give {@link Status#TRUNCATED}; an instruction longer than 15 bytes gives
 * {@link Status#TOO_LONG}; undefined encodings give {@link Status#INVALID}.
 *
 * <p>Layout of an instruction (SDM Vol. 2 §2.1, Figure 2-1): legacy prefixes, REX, opcode
 * (1-3 bytes, or VEX/EVEX prefix + opcode), ModRM, SIB, displacement, immediate.
 */
public final class Decoder extends OperandDecoder {
    /** The architectural maximum instruction length (SDM Vol. 2 §2.3.11). */
    public static final int MAX_LENGTH = DecoderState.MAX_LENGTH;
    /** Decodes from {@code code[offset .. offset+available)} without copying. */
    public Instruction decode(byte[] code, int offset, int available, int bits) {
        // The fast path first, before any field of this long-lived object is written (a reference
        // store costs a GC barrier); inside the window offset and available need no clamping.
        if (bits == 64 && offset >= 0 && code.length - offset >= FastPath.WINDOW && available > 0 && fastPath) {
            Instruction r = FastPath.decode64(code, offset, Math.min(available, code.length - offset));
            if (r != null) {
                return r;
            }
        }
        buf = code;
        boolean inside = offset >= 0 && offset <= code.length;
        off = inside ? offset : 0;
        lim = inside ? Math.max(0, Math.min(available, code.length - offset)) : 0; // outside: TRUNCATED
        return run(bits);
    }

    /** False only in tests that compare the general path with {@link FastPath}. */
    boolean fastPath = true;

    /** Decodes from a byte source (see {@link ByteSource}). */
    public Instruction decode(ByteSource source, int bits) {
        int n = 0;
        while (n < MAX_LENGTH) {
            int b = source.byteAt(n);
            if (b < 0) {
                break;
            }
            scratch[n++] = (byte) b;
        }
        buf = scratch;
        off = 0;
        lim = n;
        if (bits == 64 && fastPath) {
            // scratch is WINDOW bytes long; bytes past n are stale, and FastPath rejects a length beyond lim.
            Instruction r = FastPath.decode64(scratch, 0, n);
            if (r != null) {
                return r;
            }
        }
        return run(bits);
    }

    /** Convenience for tools and tests: decodes with a fresh decoder. */
    public static Instruction decodeOne(byte[] code, int offset, int available, int bits) {
        return new Decoder().decode(code, offset, available, bits);
    }

    private Instruction run(int bits) {
        reset(bits);
        int b;
        // Legacy prefixes in any order, REX last (SDM Vol. 2 §2.1.1, §2.2.1).
        for (;;) {
            if (cur - off >= MAX_LENGTH) {
                return finish(Status.TOO_LONG);
            }
            b = fetch();
            int kind = PREFIX_KIND[b];
            if (kind == P_NONE) {
                break;
            }
            if (kind == P_REX) {
                if (mode != 64) {
                    break; // INC/DEC outside 64-bit mode
                }
                rex = b;
                continue;
            }
            rex = 0; // a REX followed by a legacy prefix is ignored
            switch (kind) {
                case P_LOCK: prefixes |= Prefix.LOCK; break;
                case P_REP: lastRep = b; break;
                case P_OPSIZE: has66 = true; prefixes |= Prefix.OPSIZE; break;
                case P_ADDRSIZE: has67 = true; prefixes |= Prefix.ADDRSIZE; break;
                default:
                    segOverride = kind - P_SEG0;
                    if (segOverride >= 4) {
                        fsGsOverride = segOverride; // 64-bit mode: a later ES/CS/SS/DS does not undo it
                    }
                    prefixes |= Prefix.SEGMENT;
                    break;
            }
        }
        if (segOverride >= 0) {
            segmentOverride = ord(Reg.of(RegClass.SEG, segOverride));
        }
        if (lastRep == 0xF3) {
            prefixes |= Prefix.REP;
        } else if (lastRep == 0xF2) {
            prefixes |= Prefix.REPNE;
        }
        if (rex != 0) {
            extended = true;
            // REX bits W R X B (3..0) as Prefix.REX_W/R/X/B (bits 7..10).
            prefixes |= Prefix.REX | (rex & 8) << 4 | (rex & 4) << 6 | (rex & 2) << 8 | (rex & 1) << 10;
            rexR = (rex >> 2) & 1;
            rexX = (rex >> 1) & 1;
            rexB = rex & 1;
            vexW = (rex & 8) != 0;
        }
        Entry e;
        if (b == 0x0F) {
            b = fetch();
            if (b == 0x38) {
                map = 2;
                b = fetch();
                e = Tables.MAP_0F38[b];
            } else if (b == 0x3A) {
                map = 3;
                b = fetch();
                e = Tables.MAP_0F3A[b];
            } else {
                map = 1;
                e = Tables.MAP_0F[b];
            }
        } else if ((b == 0xC4 || b == 0xC5 || b == 0x62) && (mode == 64 || (peek(cur - off) & 0xC0) == 0xC0)) {
            // VEX/EVEX (SDM Vol. 2 §2.3.5, §2.7.1); outside 64-bit mode only when the next byte
            // could not be a ModRM with a memory operand (else it is LES/LDS/BOUND).
            if (rex != 0 || has66 || lastRep != 0 || (prefixes & Prefix.LOCK) != 0) {
                skipVexForLength(b);
                return finish(Status.INVALID);
            }
            e = b == 0x62 ? evexPrefix() : vexPrefix(b);
            if (e == null) {
                return finish(Status.INVALID);
            }
            b = opcode;
        } else {
            e = Tables.MAP_ONE[b];
        }
        opcode = b;
        // Operand and address size before the form is known (SDM Vol. 1 §3.6, Table 3-4).
        osize = baseOperandSize(has66);
        asize = mode == 64 ? (has67 ? 4 : 8) : mode == 32 ? (has67 ? 2 : 4) : (has67 ? 4 : 2);
        boolean needModrm = encoding == LEGACY ? Tables.hasModrm(map, b) : Tables.vexHasModrm(map, b, evex);
        if (needModrm) {
            modrm = fetch();
            mod = modrm >> 6;
            regField = ((modrm >> 3) & 7) | (rexR << 3) | (evexRp << 4);
            rmField = (modrm & 7) | (rexB << 3);
        }
        if (map == 0 && b == 0x90 && encoding == LEGACY) {
            e = rexB != 0 ? Tables.XCHG_R8 : lastRep == 0xF3 ? Tables.PAUSE : e;
            if (e == Tables.PAUSE) {
                prefixes |= Prefix.MANDATORY_F2F3;
            }
        }
        // Walk the selectors down to a form.
        while (e != null && e.kind != Entry.FORM) {
            int idx = select(e);
            e = idx < e.next.length ? e.next[idx] : null;
        }
        if (e == null || e.opOrd == 0) {
            // No form, or a form the table marks INVALID (an NP opcode with F2/F3, SDM Vol. 2 §3.1.1.1).
            return finish(Status.INVALID);
        }
        int flags = e.flags;
        if ((flags & Entry.F_I64) != 0 && mode == 64 || (flags & Entry.F_O64) != 0 && mode != 64) {
            return finish(Status.INVALID);
        }
        if (mode == 64 && encoding == LEGACY) {
            if ((flags & Entry.F_F64) != 0) {
                osize = 8;
            } else if ((flags & Entry.F_D64) != 0 && osize == 4) {
                osize = 8;
            }
        }
        if ((flags & Entry.F_NOVVVV) != 0 && encoding != LEGACY && (vvvv != 0 || evexVp != 0)) {
            return finish(Status.INVALID); // VEX.vvvv is reserved (1111b) when it names no operand
        }
        op = e.opOrd;
        if (needModrm && mod != 3 && (flags & Entry.F_MODREG) == 0) {
            decodeMemory();
        }
        if (evex) {
            if (vexL == 3 && !(evexB && mod == 3)) {
                return finish(Status.INVALID); // L'L = 11b is reserved (SDM Vol. 2 §2.7.10)
            }
            applyEvex(e);
        }
        int n = e.nops;
        if (n > 0 && (!operand(0, e.spec0, e) || n > 1 && (!operand(1, e.spec1, e)
                || n > 2 && (!operand(2, e.spec2, e) || n > 3 && !operand(3, e.spec3, e))))) {
            return finish(Status.INVALID);
        }
        nops = n;
        if (nops > 0 && sizes[0] == 1 && (kinds[0] == K_REG || kinds[0] == K_MEM
                || kinds[0] == K_STR_DST || kinds[0] == K_MOFFS)) {
            osize = 1;
        }
        if ((prefixes & Prefix.LOCK) != 0
                && ((flags & Entry.F_LOCK) == 0 || kinds[0] != K_MEM)) {
            return finish(Status.INVALID); // #UD: LOCK only on read-modify-write memory (SDM Vol. 2 LOCK)
        }
        condition = Tables.condition(e.op);
        if (segment < 0 && Tables.implicitMemory(e.op)) {
            // XLAT [rBX+AL], MONITOR [rAX], MASKMOV [rDI]: DS unless overridden (SDM Vol. 2 pages);
            // the base register of the address size is reported like an explicit memory form.
            segment = effectiveSegment(3);
            base = ord(Reg.gpr(asize, Tables.implicitBase(e.op), true));
        }
        packOperands();
        return finish(Status.OK);
    }

    private int baseOperandSize(boolean with66) {
        if (mode == 64) {
            return vexW ? 8 : with66 ? 2 : 4;
        }
        return mode == 32 ? (with66 ? 2 : 4) : (with66 ? 4 : 2);
    }


    private int select(Entry e) {
        switch (e.kind) {
            case Entry.SEL_REG:
                return (modrm >> 3) & 7;
            case Entry.SEL_MOD:
                return mod == 3 ? 1 : 0;
            case Entry.SEL_RM:
                return modrm & 7;
            case Entry.SEL_PREFIX: {
                if (encoding != LEGACY) {
                    return vexPp;
                }
                int s = lastRep == 0xF3 ? 2 : lastRep == 0xF2 ? 3 : has66 ? 1 : 0;
                if (s >= 2) {
                    prefixes |= Prefix.MANDATORY_F2F3;
                } else if (s == 1 && e.next[1] != e.next[0]) {
                    // 66 selects a different form: it is a mandatory prefix, not an operand-size override.
                    prefixes |= Prefix.MANDATORY_66;
                    osize = baseOperandSize(false);
                }
                return s;
            }
            case Entry.SEL_W:
                return vexW && (mode == 64 || encoding != LEGACY) ? 1 : 0;
            case Entry.SEL_OSIZE:
                return osize == 2 ? 0 : osize == 4 ? 1 : 2;
            case Entry.SEL_MODE:
                return mode == 64 ? 1 : 0;
            case Entry.SEL_L:
                // EVEX.b on a register form: L'L holds the rounding mode, the length is 512 bits.
                return evex && evexB && mod == 3 ? 2 : vexL;
            case Entry.SEL_ASIZE:
                return asize == 2 ? 0 : asize == 4 ? 1 : 2;
            default:
                return 0;
        }
    }

    private int vexPp;

    /** Parses C4/C5 (SDM Vol. 2 §2.3.5.6) and returns the table entry of the opcode. */
    private Entry vexPrefix(int first) {
        extended = true;
        encoding = VEX;
        int p1 = fetch();
        int mmmmm;
        if (first == 0xC5) {
            rexR = ((p1 >> 7) & 1) ^ 1;
            mmmmm = 1;
            vexW = false;
        } else {
            rexR = ((p1 >> 7) & 1) ^ 1;
            rexX = ((p1 >> 6) & 1) ^ 1;
            rexB = ((p1 >> 5) & 1) ^ 1;
            mmmmm = p1 & 0x1F;
            p1 = fetch();
            vexW = (p1 & 0x80) != 0;
        }
        vvvv = ((p1 >> 3) & 0xF) ^ 0xF;
        vexL = (p1 >> 2) & 1;
        vexPp = p1 & 3;
        if (mode != 64) {
            rexR = 0;
            rexX = 0;
            rexB = 0;
            vvvv &= 7;
        }
        if (vexW) {
            prefixes |= Prefix.REX_W;
        }
        vl = vexL == 0 ? 16 : 32;
        opcode = fetch();
        if (mmmmm < 1 || mmmmm > 3) {
            return null;
        }
        map = mmmmm;
        return Tables.VEX[mmmmm][opcode];
    }

    /** Parses the 4-byte EVEX prefix (SDM Vol. 2 §2.7.1, Table 2-30). */
    private Entry evexPrefix() {
        extended = true;
        encoding = EVEX;
        evex = true;
        int p0 = fetch();
        int p1 = fetch();
        int p2 = fetch();
        rexR = ((p0 >> 7) & 1) ^ 1;
        rexX = ((p0 >> 6) & 1) ^ 1;
        rexB = ((p0 >> 5) & 1) ^ 1;
        evexRp = ((p0 >> 4) & 1) ^ 1;
        int mm = p0 & 3;
        vexW = (p1 & 0x80) != 0;
        vvvv = ((p1 >> 3) & 0xF) ^ 0xF;
        vexPp = p1 & 3;
        zeroing = (p2 & 0x80) != 0;
        vexL = (p2 >> 5) & 3;
        evexB = (p2 & 0x10) != 0;
        evexVp = ((p2 >> 3) & 1) ^ 1;
        evexAaa = p2 & 7;
        if (mode != 64) {
            rexR = 0;
            rexX = 0;
            rexB = 0;
            evexRp = 0;
            vvvv &= 7;
            evexVp = 0;
        }
        if (vexW) {
            prefixes |= Prefix.REX_W;
        }
        opcode = fetch();
        if ((p0 & 0x0C) != 0 || (p1 & 0x04) == 0 || mm == 0) {
            return null;
        }
        map = mm;
        vl = vexL == 0 ? 16 : vexL == 1 ? 32 : 64;
        return Tables.EVEX[mm][opcode];
    }

    /** An invalid VEX/EVEX (prefixed by 66/F2/F3/REX/LOCK): consume it so the length is sane. */
    private void skipVexForLength(int first) {
        encoding = first == 0x62 ? EVEX : VEX;
        fetch();
        if (first != 0xC5) {
            fetch();
        }
        if (first == 0x62) {
            fetch();
        }
        fetch();
    }

    /** EVEX masking, broadcast and rounding, checked against the form. */
    private void applyEvex(Entry e) {
        mask = evexAaa == 0 ? NO_REG : ord(Reg.of(RegClass.MASK, evexAaa));
        if (evexB) {
            if (mod == 3) {
                // Register form: embedded rounding (L'L is the rounding mode) or SAE.
                if ((e.flags & Entry.F_ER) != 0) {
                    rounding = vexL;
                    vl = 64;
                } else if ((e.flags & Entry.F_SAE) != 0) {
                    rounding = 4;
                    vl = 64;
                }
            } else {
                broadcast = (e.flags & (Entry.F_BCST4 | Entry.F_BCST8)) != 0;
            }
        }
        if (disp8 && memDecoded) {
            disp *= disp8Scale(e);
        }
    }

    /** N of the compressed displacement disp8*N (SDM Vol. 2 §2.7.5). */
    private int disp8Scale(Entry e) {
        int t = e.tuple;
        if (t > 0) {
            return t;
        }
        if (broadcast) {
            return (e.flags & Entry.F_BCST8) != 0 ? 8 : 4;
        }
        if (t < 0) {
            return Math.max(1, vl / -t);
        }
        return vl;
    }

}
