package tvmm.decode;

/**
 * A node of the opcode tables: either a form (operation + operand specs + flags) or a
 * selector that picks a child by a field of the encoding. Built once at class
 * initialization; decoding walks it with a switch, no virtual calls.
 */
final class Entry {
    // Selector kinds.
    static final int FORM = 0;
    static final int SEL_REG = 1;     // ModRM.reg: 8 children
    static final int SEL_MOD = 2;     // mod != 3 (0) / mod == 3 (1)
    static final int SEL_RM = 3;      // ModRM.rm when mod == 3: 8 children
    static final int SEL_PREFIX = 4;  // mandatory prefix: none, 66, F3, F2
    static final int SEL_W = 5;       // REX.W / VEX.W: 0, 1
    static final int SEL_OSIZE = 6;   // operand size 16, 32, 64
    static final int SEL_MODE = 7;    // 16/32-bit mode (0), 64-bit mode (1)
    static final int SEL_L = 8;       // VEX.L / EVEX.L'L: 0, 1, 2
    static final int SEL_ASIZE = 9;   // address size 16, 32, 64

    // Form flags.
    static final int F_LOCK = 1;        // LOCK allowed (with a memory destination)
    static final int F_D64 = 1 << 1;    // operand size defaults to 64 in 64-bit mode
    static final int F_F64 = 1 << 2;    // operand size forced to 64 in 64-bit mode
    static final int F_I64 = 1 << 3;    // invalid in 64-bit mode
    static final int F_O64 = 1 << 4;    // valid only in 64-bit mode
    static final int F_CC = 1 << 5;     // condition in opcode bits 3:0
    static final int F_MODRM = 1 << 6;  // has a ModRM byte
    static final int F_REP = 1 << 7;    // string instruction: F2/F3 are REP prefixes
    static final int F_NOVVVV = 1 << 9; // VEX.vvvv must be 1111
    static final int F_BCST4 = 1 << 10; // EVEX broadcast element 4 bytes
    static final int F_BCST8 = 1 << 11; // EVEX broadcast element 8 bytes
    static final int F_NOMASK = 1 << 12;
    static final int F_ER = 1 << 13;    // EVEX.b with registers: embedded rounding
    static final int F_SAE = 1 << 14;   // EVEX.b with registers: SAE only
    static final int F_CC87 = 1 << 15;  // FCMOVcc: condition from opcode and ModRM
    static final int F_LIG = 1 << 16;   // VEX.L ignored (scalar)
    static final int F_MODREG = 1 << 17; // ModRM.mod is ignored: rm is always a register (MOV CR/DR)
    static final int F_LOCKREG = 1 << 18; // never valid with LOCK even with memory (internal)

    final int kind;
    final Entry[] next;
    final Op op;
    /** {@code op.ordinal()}, kept beside the flags so the decoder reads one cache line. */
    final int opOrd;
    final int[] ops;
    /** The operand specs again as fields (no array to chase on the hot path) and their count. */
    final int nops;
    final int spec0;
    final int spec1;
    final int spec2;
    final int spec3;
    final int flags;
    /**
     * The operands precomputed for {@link FastPath} (a {@link FastForm}'s fields, copied here so
     * that the fast path reads one object); {@code fast} false leaves the form to the general path.
     */
    final boolean fast;
    final int fastKindsMem;
    final int fastKindsReg;
    final int fastSizesMem;
    final int fastSizesReg;
    final int fastVLanes;
    final int fastZLanes;
    final int fastYLanes;
    final int fastBadMod;
    final int fastRegOps;
    final int fastImmOps;
    final int fastByteOp;
    /** {@link Tables#condition} of the form's operation (-1 for none and for selectors). */
    final int condition;
    /** Tuple size N of EVEX disp8*N compression, 0 = full vector (computed). */
    final int tuple;

    Entry(int kind, int children) {
        this.kind = kind;
        this.next = new Entry[children];
        this.op = null;
        this.opOrd = 0;
        this.ops = null;
        this.nops = 0;
        this.spec0 = 0;
        this.spec1 = 0;
        this.spec2 = 0;
        this.spec3 = 0;
        this.flags = 0;
        this.condition = -1;
        this.fast = false;
        this.fastKindsMem = 0;
        this.fastKindsReg = 0;
        this.fastSizesMem = 0;
        this.fastSizesReg = 0;
        this.fastVLanes = 0;
        this.fastZLanes = 0;
        this.fastYLanes = 0;
        this.fastBadMod = 0;
        this.fastRegOps = 0;
        this.fastImmOps = 0;
        this.fastByteOp = 0;
        this.tuple = 0;
    }

    Entry(Op op, int[] ops, int flags, int tuple) {
        this.kind = FORM;
        this.next = null;
        this.op = op;
        this.opOrd = op.ordinal();
        this.ops = ops;
        this.nops = ops.length;
        this.spec0 = ops.length > 0 ? ops[0] : 0;
        this.spec1 = ops.length > 1 ? ops[1] : 0;
        this.spec2 = ops.length > 2 ? ops[2] : 0;
        this.spec3 = ops.length > 3 ? ops[3] : 0;
        this.flags = flags;
        this.condition = Tables.condition(op);
        FastForm f = FastForm.of(op, ops, flags);
        this.fast = f != null;
        this.fastKindsMem = f == null ? 0 : f.kindsMem;
        this.fastKindsReg = f == null ? 0 : f.kindsReg;
        this.fastSizesMem = f == null ? 0 : f.sizesMem;
        this.fastSizesReg = f == null ? 0 : f.sizesReg;
        this.fastVLanes = f == null ? 0 : f.vLanes;
        this.fastZLanes = f == null ? 0 : f.zLanes;
        this.fastYLanes = f == null ? 0 : f.yLanes;
        this.fastBadMod = f == null ? 0 : f.badMod;
        this.fastRegOps = f == null ? 0 : f.regOps;
        this.fastImmOps = f == null ? 0 : f.immOps;
        this.fastByteOp = f == null ? 0 : f.byteOp;
        this.tuple = tuple;
    }

    static int children(int kind) {
        switch (kind) {
            case SEL_REG: case SEL_RM: return 8;
            case SEL_PREFIX: return 4;
            case SEL_OSIZE: case SEL_L: case SEL_ASIZE: return 3;
            default: return 2;
        }
    }
}
