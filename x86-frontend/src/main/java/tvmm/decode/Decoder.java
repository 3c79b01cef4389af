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
public final class Decoder {
    /** The architectural maximum instruction length (SDM Vol. 2 §2.3.11). */
    public static final int MAX_LENGTH = 15;

    // ---- Result fields, read by the Instruction constructor. ----
    // Results are kept as ordinals so that decoding stores no references into this long-lived
    // object (each would cost a GC write barrier); the Instruction constructor maps them back.
    int status;
    int op;
    int length;
    int mode;
    int osize;
    int asize;
    int prefixes;
    int rex;
    int encoding;
    int map;
    int opcode;
    int modrm;
    int condition;
    int nops;
    final byte[] kinds = new byte[Instruction.MAX_OPERANDS];
    final int[] sizes = new int[Instruction.MAX_OPERANDS];
    final int[] regs = new int[Instruction.MAX_OPERANDS];
    int segment;
    int segmentOverride;
    int base;
    int index;
    int scale;
    long disp;
    long imm;
    long imm2;
    int vl;
    int mask;
    boolean zeroing;
    boolean broadcast;
    int rounding;

    private static final byte K_NONE = (byte) OperandKind.NONE.ordinal();
    private static final byte K_REG = (byte) OperandKind.REG.ordinal();
    private static final byte K_MEM = (byte) OperandKind.MEM.ordinal();
    private static final byte K_IMM = (byte) OperandKind.IMM.ordinal();
    private static final byte K_REL = (byte) OperandKind.REL.ordinal();
    private static final byte K_FAR = (byte) OperandKind.FAR.ordinal();
    private static final byte K_MOFFS = (byte) OperandKind.MOFFS.ordinal();
    private static final byte K_STR_SRC = (byte) OperandKind.STR_SRC.ordinal();
    private static final byte K_STR_DST = (byte) OperandKind.STR_DST.ordinal();
    static final int LEGACY = 0;
    static final int VEX = 1;
    static final int EVEX = 2;
    private static final int OK = 0;

    // Prefix classes of a byte (SDM Vol. 2 §2.1.1): one table lookup per prefix byte.
    private static final int P_NONE = 0;
    private static final int P_REX = 1;
    private static final int P_LOCK = 2;
    private static final int P_REP = 3;
    private static final int P_OPSIZE = 4;
    private static final int P_ADDRSIZE = 5;
    private static final int P_SEG0 = 8; // + ES..GS (0-5)
    private static final byte[] PREFIX_KIND = new byte[256];

    static {
        for (int b = 0x40; b <= 0x4F; b++) {
            PREFIX_KIND[b] = P_REX;
        }
        PREFIX_KIND[0xF0] = P_LOCK;
        PREFIX_KIND[0xF2] = P_REP;
        PREFIX_KIND[0xF3] = P_REP;
        PREFIX_KIND[0x66] = P_OPSIZE;
        PREFIX_KIND[0x67] = P_ADDRSIZE;
        PREFIX_KIND[0x26] = P_SEG0;
        PREFIX_KIND[0x2E] = P_SEG0 + 1;
        PREFIX_KIND[0x36] = P_SEG0 + 2;
        PREFIX_KIND[0x3E] = P_SEG0 + 3;
        PREFIX_KIND[0x64] = P_SEG0 + 4;
        PREFIX_KIND[0x65] = P_SEG0 + 5;
    }
    private static final int NO_REG = -1;

    // ---- Scratch state. ----
    private byte[] buf;
    private int off;
    private int lim;
    private int pos;
    private int peekEnd;
    private final byte[] scratch = new byte[MAX_LENGTH];
    private int segOverride;
    private int lastRep;
    private boolean has66;
    private boolean has67;
    private int mod;
    private int regField;
    private int rmField;
    private int sibIndex;
    private int sibScale;
    private boolean hasIndexField;
    private boolean disp8;
    private boolean memDecoded;
    private int immCount;
    // VEX/EVEX fields (in their un-inverted sense).
    private int vvvv;
    private boolean vexW;
    private int vexL;
    private boolean evex;
    private boolean evexB;
    private int evexAaa;
    private int rexR;
    private int rexX;
    private int rexB;
    private int evexRp;
    private int evexVp;

    /** Decodes from {@code code[offset .. offset+available)} without copying. */
    public Instruction decode(byte[] code, int offset, int available, int bits) {
        buf = code;
        off = offset;
        lim = Math.max(0, Math.min(available, code.length - offset));
        return run(bits);
    }

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
        return run(bits);
    }

    /** Convenience for tools and tests: decodes with a fresh decoder. */
    public static Instruction decodeOne(byte[] code, int offset, int available, int bits) {
        return new Decoder().decode(code, offset, available, bits);
    }

    private int fetch() {
        int p = pos++;
        return p < lim ? buf[off + p] & 0xff : 0;
    }

    private int peek(int p) {
        if (p + 1 > peekEnd) {
            peekEnd = p + 1;
        }
        return p < lim ? buf[off + p] & 0xff : 0;
    }

    private void reset(int bits) {
        mode = bits == 16 || bits == 32 ? bits : 64;
        pos = 0;
        peekEnd = 0;
        status = OK;
        op = 0;
        prefixes = 0;
        rex = 0;
        encoding = LEGACY;
        map = 0;
        opcode = 0;
        modrm = -1;
        condition = -1;
        nops = 0;
        // Operand slots are written before they are read (the Instruction copies only nops of
        // them); a non-register operand must still leave its register slot empty.
        regs[0] = NO_REG;
        regs[1] = NO_REG;
        regs[2] = NO_REG;
        regs[3] = NO_REG;
        segment = NO_REG;
        segmentOverride = NO_REG;
        base = NO_REG;
        index = NO_REG;
        scale = 1;
        disp = 0;
        imm = 0;
        imm2 = 0;
        vl = 0;
        mask = NO_REG;
        zeroing = false;
        broadcast = false;
        rounding = -1;
        segOverride = -1;
        lastRep = 0;
        has66 = false;
        has67 = false;
        memDecoded = false;
        immCount = 0;
        vvvv = 0;
        vexW = false;
        vexL = 0;
        evex = false;
        evexB = false;
        evexAaa = 0;
        rexR = 0;
        rexX = 0;
        rexB = 0;
        evexRp = 0;
        evexVp = 0;
        disp8 = false;
    }

    private Instruction run(int bits) {
        reset(bits);
        int b;
        // Legacy prefixes in any order, REX last (SDM Vol. 2 §2.1.1, §2.2.1).
        for (;;) {
            if (pos >= MAX_LENGTH) {
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
                default: segOverride = kind - P_SEG0; prefixes |= Prefix.SEGMENT; break;
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
            prefixes |= Prefix.REX;
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
        } else if ((b == 0xC4 || b == 0xC5 || b == 0x62) && (mode == 64 || (peek(pos) & 0xC0) == 0xC0)) {
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
        if (e == null) {
            return invalidAfterModrm(needModrm);
        }
        int flags = e.flags;
        if ((flags & Entry.F_I64) != 0 && mode == 64 || (flags & Entry.F_O64) != 0 && mode != 64) {
            return invalidAfterModrm(needModrm);
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
        int[] specs = e.ops;
        for (int i = 0; i < specs.length; i++) {
            if (!operand(i, specs[i], e)) {
                return finish(Status.INVALID);
            }
        }
        nops = specs.length;
        if (nops > 0 && sizes[0] == 1 && (kinds[0] == K_REG || kinds[0] == K_MEM
                || kinds[0] == K_STR_DST || kinds[0] == K_MOFFS)) {
            osize = 1;
        }
        if ((prefixes & Prefix.LOCK) != 0
                && ((flags & Entry.F_LOCK) == 0 || kinds[0] != K_MEM)) {
            return finish(Status.INVALID); // #UD: LOCK only on read-modify-write memory (SDM Vol. 2 LOCK)
        }
        condition = Tables.condition(e.op);
        return finish(Status.OK);
    }

    private int baseOperandSize(boolean with66) {
        if (mode == 64) {
            return vexW ? 8 : with66 ? 2 : 4;
        }
        return mode == 32 ? (with66 ? 2 : 4) : (with66 ? 4 : 2);
    }

    private Instruction invalidAfterModrm(boolean hadModrm) {
        return finish(Status.INVALID);
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
                if (s >= 2 && e.next[s] == null) {
                    // No form for this F2/F3: the prefix is ignored, as capstone and hardware do.
                    s = has66 && e.next[1] != null ? 1 : 0;
                }
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

    /** ModRM/SIB/displacement memory form (SDM Vol. 2 §2.1.5, Tables 2-1..2-3). */
    private void decodeMemory() {
        memDecoded = true;
        int rm = modrm & 7;
        int segDefault = 3;
        Reg b = null;
        Reg x = null;
        if (asize == 2) {
            switch (rm) {
                case 0: b = Reg.BX; x = Reg.SI; break;
                case 1: b = Reg.BX; x = Reg.DI; break;
                case 2: b = Reg.BP; x = Reg.SI; segDefault = 2; break;
                case 3: b = Reg.BP; x = Reg.DI; segDefault = 2; break;
                case 4: b = Reg.SI; break;
                case 5: b = Reg.DI; break;
                case 6: if (mod != 0) { b = Reg.BP; segDefault = 2; } break;
                default: b = Reg.BX; break;
            }
            if (mod == 0 && rm == 6) {
                disp = (short) (fetch() | fetch() << 8);
            } else if (mod == 1) {
                disp = (byte) fetch();
                disp8 = true;
            } else if (mod == 2) {
                disp = (short) (fetch() | fetch() << 8);
            }
        } else {
            boolean noBase = false;
            if (rm == 4) {
                int sib = fetch();
                int sb = sib & 7;
                int idx = ((sib >> 3) & 7) | (rexX << 3);
                sibIndex = idx;
                sibScale = 1 << (sib >> 6);
                hasIndexField = true;
                if (idx != 4) {
                    x = Reg.gpr(asize, idx, true);
                    scale = 1 << (sib >> 6);
                }
                if (sb == 5 && mod == 0) {
                    noBase = true;
                } else {
                    b = Reg.gpr(asize, sb | (rexB << 3), true);
                }
            } else {
                hasIndexField = false;
                if (rm == 5 && mod == 0) {
                    noBase = true;
                    if (mode == 64) {
                        b = asize == 8 ? Reg.RIP : Reg.EIP;
                    }
                } else {
                    b = Reg.gpr(asize, rm | (rexB << 3), true);
                }
            }
            if (b != null && (b.num == 4 || b.num == 5) && b.cls != RegClass.IP) {
                segDefault = 2;
            }
            if (noBase || mod == 2) {
                disp = fetch() | fetch() << 8 | fetch() << 16 | fetch() << 24;
            } else if (mod == 1) {
                disp = (byte) fetch();
                disp8 = true;
            }
        }
        base = ord(b);
        index = ord(x);
        segment = ord(effectiveSegment(segDefault));
    }

    private static int ord(Reg r) {
        return r == null ? NO_REG : r.ordinal();
    }

    private Reg effectiveSegment(int segDefault) {
        int s = segOverride;
        if (s < 0 || mode == 64 && s < 4) {
            s = segDefault;
        }
        return Reg.of(RegClass.SEG, s);
    }

    /** Fills operand {@code i} from its spec; false for an invalid encoding. */
    private boolean operand(int i, int spec, Entry e) {
        int size = sizeOf(Spec.size(spec));
        sizes[i] = size;
        switch (Spec.method(spec)) {
            case Spec.E:
                if (mod == 3) {
                    return gpr(i, size, rmField);
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.M:
                if (mod == 3) {
                    return false;
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.R:
                if (mod != 3) {
                    return false;
                }
                return gpr(i, size, rmField);
            case Spec.G:
                return gpr(i, size, regField & 15);
            case Spec.GR:
                return gpr(i, size, regField & 15);
            case Spec.RR:
                return gpr(i, size, rmField);
            case Spec.Z:
                return gpr(i, size, (opcode & 7) | (rexB << 3));
            case Spec.FIXED:
                return gpr(i, size, Spec.fixed(spec));
            case Spec.B:
                regs[i] = ord(Reg.gpr(size, vvvv & 15, true));
                kinds[i] = K_REG;
                return true;
            case Spec.I:
            case Spec.IU:
                immediate(i, size, Spec.method(spec) == Spec.I);
                return true;
            case Spec.ONE:
                kinds[i] = K_IMM;
                setImm(1);
                return true;
            case Spec.J: {
                long rel = size == 1 ? (byte) fetch() : size == 2 ? (short) (fetch() | fetch() << 8)
                        : (int) (fetch() | fetch() << 8 | fetch() << 16 | fetch() << 24);
                kinds[i] = K_REL;
                imm = rel;
                return true;
            }
            case Spec.A: {
                long offset = osize == 2 ? (fetch() | fetch() << 8)
                        : (fetch() | fetch() << 8 | fetch() << 16 | (long) fetch() << 24);
                imm = offset;
                imm2 = fetch() | fetch() << 8;
                kinds[i] = K_FAR;
                sizes[i] = osize == 2 ? 4 : 6;
                return true;
            }
            case Spec.O: {
                long a = 0;
                for (int k = 0; k < asize; k++) {
                    a |= (long) fetch() << (8 * k);
                }
                disp = a;
                segment = ord(effectiveSegment(3));
                kinds[i] = K_MOFFS;
                return true;
            }
            case Spec.SEGR: {
                int s = regField & 15; // REX.R makes it a nonexistent segment register: #UD
                if (s > 5) {
                    return false;
                }
                regs[i] = ord(Reg.of(RegClass.SEG, s));
                kinds[i] = K_REG;
                sizes[i] = 2;
                return true;
            }
            case Spec.FIXSEG:
                regs[i] = ord(Reg.of(RegClass.SEG, Spec.fixed(spec)));
                kinds[i] = K_REG;
                return true;
            case Spec.C: {
                int c = regField & 15;
                if (c != 0 && c != 2 && c != 3 && c != 4 && c != 8) {
                    return false; // #UD for undefined control registers (SDM Vol. 3 §2.5)
                }
                regs[i] = ord(Reg.of(RegClass.CR, c));
                kinds[i] = K_REG;
                return true;
            }
            case Spec.D: {
                int dr = regField & 15;
                if (dr > 7) {
                    return false;
                }
                regs[i] = ord(Reg.of(RegClass.DR, dr));
                kinds[i] = K_REG;
                return true;
            }
            case Spec.X:
                kinds[i] = K_STR_SRC;
                segment = ord(effectiveSegment(3));
                return true;
            case Spec.Y:
                kinds[i] = K_STR_DST;
                if (segment < 0) {
                    segment = ord(Reg.ES);
                }
                return true;
            case Spec.V:
                return vec(i, spec, regField);
            case Spec.W:
                if (mod == 3) {
                    return vec(i, spec, rmField | (rexX << 4));
                }
                kinds[i] = K_MEM;
                if (broadcast) {
                    sizes[i] = (e.flags & Entry.F_BCST8) != 0 ? 8 : 4;
                }
                return true;
            case Spec.U:
                if (mod != 3) {
                    return false;
                }
                return vec(i, spec, rmField | (rexX << 4));
            case Spec.H:
                return vec(i, spec, vvvv | (evexVp << 4));
            case Spec.L: {
                int r = fetch();
                immCount++;
                return vec(i, spec, mode == 64 ? r >> 4 : (r >> 4) & 7);
            }
            case Spec.FIXVEC:
                regs[i] = ord(Reg.of(RegClass.XMM, Spec.fixed(spec)));
                kinds[i] = K_REG;
                return true;
            case Spec.P:
                regs[i] = ord(Reg.of(RegClass.MMX, (modrm >> 3) & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.Q:
                if (mod == 3) {
                    regs[i] = ord(Reg.of(RegClass.MMX, modrm & 7));
                    kinds[i] = K_REG;
                    return true;
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.N:
                if (mod != 3) {
                    return false;
                }
                regs[i] = ord(Reg.of(RegClass.MMX, modrm & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.ST0:
                regs[i] = ord(Reg.ST0);
                kinds[i] = K_REG;
                return true;
            case Spec.STI:
                regs[i] = ord(Reg.of(RegClass.ST, modrm & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.KR:
                regs[i] = ord(Reg.of(RegClass.MASK, (modrm >> 3) & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.KH:
                regs[i] = ord(Reg.of(RegClass.MASK, vvvv & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.KM:
            case Spec.KU:
                if (mod == 3) {
                    regs[i] = ord(Reg.of(RegClass.MASK, modrm & 7));
                    kinds[i] = K_REG;
                    return true;
                }
                if (Spec.method(spec) == Spec.KU) {
                    return false;
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.VSIB: {
                if (mod == 3 || !hasIndexField) {
                    return false; // gathers need a SIB byte (SDM Vol. 2 §2.3.12)
                }
                int idxBytes = Spec.size(spec) == Spec.SZ_X ? vl : Spec.size(spec) == Spec.SZ_XH ? Math.max(16, vl / 2) : 16;
                index = ord(Reg.vec(idxBytes, sibIndex | (evexVp << 4)));
                scale = sibScale;
                kinds[i] = K_MEM;
                sizes[i] = vexW ? 8 : 4;
                return true;
            }
            default:
                return false;
        }
    }

    private boolean gpr(int i, int size, int num) {
        regs[i] = ord(Reg.gpr(size, num, rex != 0));
        kinds[i] = K_REG;
        return true;
    }

    private boolean vec(int i, int spec, int num) {
        int width;
        switch (Spec.size(spec)) {
            case Spec.SZ_X: width = vl == 0 ? 16 : vl; break;
            case Spec.SZ_XH: width = Math.max(16, vlOr16() / 2); break;
            case Spec.SZ_XQ: width = Math.max(16, vlOr16() / 4); break;
            case Spec.SZ_QQ: width = 32; break;
            case Spec.SZ_DQQ: width = 64; break;
            default: width = 16; break;
        }
        if (encoding != EVEX) {
            num &= 15;
        }
        regs[i] = ord(Reg.vec(width, num));
        kinds[i] = K_REG;
        sizes[i] = width;
        return true;
    }

    private int vlOr16() {
        return vl == 0 ? 16 : vl;
    }

    private void immediate(int i, int size, boolean signed) {
        long v;
        switch (size) {
            case 1: v = signed ? (byte) fetch() : fetch(); break;
            case 2: v = signed ? (short) (fetch() | fetch() << 8) : (fetch() | fetch() << 8); break;
            case 4: v = fetch() | fetch() << 8 | fetch() << 16 | fetch() << 24; break;
            default: {
                long lo = (fetch() | fetch() << 8 | fetch() << 16 | (long) fetch() << 24);
                long hi = (fetch() | fetch() << 8 | fetch() << 16 | (long) fetch() << 24);
                v = lo | hi << 32;
                break;
            }
        }
        kinds[i] = K_IMM;
        setImm(v);
    }

    private void setImm(long v) {
        if (immCount++ == 0) {
            imm = v;
        } else {
            imm2 = v;
        }
    }

    private int sizeOf(int code) {
        switch (code) {
            case Spec.SZ_B: return 1;
            case Spec.SZ_W: return 2;
            case Spec.SZ_D: return 4;
            case Spec.SZ_Q: return 8;
            case Spec.SZ_V: return osize;
            case Spec.SZ_Z: return osize == 2 ? 2 : 4;
            case Spec.SZ_Y: return osize == 8 ? 8 : 4;
            case Spec.SZ_DQ: return 16;
            case Spec.SZ_QQ: return 32;
            case Spec.SZ_X: return vlOr16();
            case Spec.SZ_XH: return vlOr16() / 2;
            case Spec.SZ_XQ: return vlOr16() / 4;
            case Spec.SZ_XO: return vlOr16() / 8;
            case Spec.SZ_T: return 10;
            case Spec.SZ_P: return osize == 2 ? 4 : osize == 4 ? 6 : 10;
            case Spec.SZ_S: return mode == 64 ? 10 : 6;
            case Spec.SZ_A: return osize * 2;
            case Spec.SZ_DQQ: return 64;
            case Spec.SZ_DV: return mode == 64 ? 8 : 4;
            case Spec.SZ_E: return vexW ? 8 : 4;
            case Spec.SZ_EW: return 2;
            case Spec.SZ_ASZ: return asize;
            default: return 0;
        }
    }

    private Instruction finish(Status st) {
        int s = st.ordinal();
        int end = Math.max(pos, peekEnd);
        if (end > lim && lim < MAX_LENGTH) {
            s = Status.TRUNCATED.ordinal();
            length = lim;
        } else if (pos > MAX_LENGTH) {
            s = Status.TOO_LONG.ordinal();
            length = MAX_LENGTH;
        } else {
            length = pos;
        }
        status = s;
        if (s != OK) {
            op = 0;
            nops = 0;
        }
        return new Instruction(this);
    }
}
