package tvmm.decode;

/** The opcode tables, built once from the map texts, and small per-operation facts. */
final class Tables {
    private Tables() {
    }

    static final Entry[] MAP_ONE = new Entry[256];
    static final Entry[] MAP_0F = new Entry[256];
    static final Entry[] MAP_0F38 = new Entry[256];
    static final Entry[] MAP_0F3A = new Entry[256];
    /** VEX maps by VEX.mmmmm (1 = 0F, 2 = 0F38, 3 = 0F3A). */
    static final Entry[][] VEX = new Entry[4][256];
    /** EVEX maps by EVEX.mm. */
    static final Entry[][] EVEX = new Entry[4][256];

    private static final boolean[][] MODRM = new boolean[4][256];
    /** {@link #hasModrm} of the one-byte (0-255) and 0F (256-511) maps in one array, for FastPath. */
    static final boolean[] LEGACY_MODRM = new boolean[512];
    private static final boolean[][] VEX_MODRM = new boolean[4][256];
    private static final boolean[][] EVEX_MODRM = new boolean[4][256];
    private static final int[] CONDITION = new int[Op.values().length];

    // Filled before any table is built: each form keeps its condition (Entry.condition).
    static {
        java.util.Arrays.fill(CONDITION, -1);
        Op[] jcc = {Op.JO, Op.JNO, Op.JB, Op.JAE, Op.JE, Op.JNE, Op.JBE, Op.JA,
            Op.JS, Op.JNS, Op.JP, Op.JNP, Op.JL, Op.JGE, Op.JLE, Op.JG};
        Op[] setcc = {Op.SETO, Op.SETNO, Op.SETB, Op.SETAE, Op.SETE, Op.SETNE, Op.SETBE, Op.SETA,
            Op.SETS, Op.SETNS, Op.SETP, Op.SETNP, Op.SETL, Op.SETGE, Op.SETLE, Op.SETG};
        Op[] cmov = {Op.CMOVO, Op.CMOVNO, Op.CMOVB, Op.CMOVAE, Op.CMOVE, Op.CMOVNE, Op.CMOVBE, Op.CMOVA,
            Op.CMOVS, Op.CMOVNS, Op.CMOVP, Op.CMOVNP, Op.CMOVL, Op.CMOVGE, Op.CMOVLE, Op.CMOVG};
        for (int c = 0; c < 16; c++) {
            CONDITION[jcc[c].ordinal()] = c;
            CONDITION[setcc[c].ordinal()] = c;
            CONDITION[cmov[c].ordinal()] = c;
        }
        // FCMOVcc tests CF, ZF, CF|ZF, PF (SDM Vol. 2 FCMOVcc).
        CONDITION[Op.FCMOVB.ordinal()] = 2;
        CONDITION[Op.FCMOVNB.ordinal()] = 3;
        CONDITION[Op.FCMOVE.ordinal()] = 4;
        CONDITION[Op.FCMOVNE.ordinal()] = 5;
        CONDITION[Op.FCMOVBE.ordinal()] = 6;
        CONDITION[Op.FCMOVNBE.ordinal()] = 7;
        CONDITION[Op.FCMOVU.ordinal()] = 10;
        CONDITION[Op.FCMOVNU.ordinal()] = 11;
    }

    /** 90 with REX.B: XCHG r8, rAX (SDM Vol. 2 XCHG, NOP). */
    static final Entry XCHG_R8 = new Entry(Op.XCHG, new int[] {Spec.parse("rAX"), Spec.parse("Zv")}, 0, 0);
    /** F3 90: PAUSE. */
    static final Entry PAUSE = new Entry(Op.PAUSE, new int[0], 0, 0);

    static {
        TableBuilder.addAll(MAP_ONE, OneByteMap.TEXT);
        TableBuilder.addAll(MAP_ONE, X87Map.TEXT);
        TableBuilder.addAll(MAP_0F, TwoByteMap.TEXT);
        TableBuilder.addAll(MAP_0F, SseMap.TEXT);
        TableBuilder.addAll(MAP_0F38, ThreeByteMaps.TEXT_0F38);
        TableBuilder.addAll(MAP_0F3A, ThreeByteMaps.TEXT_0F3A);
        Entry[][] legacy = {MAP_ONE, MAP_0F, MAP_0F38, MAP_0F3A};
        VexMap.build(VEX);
        EvexMap.build(EVEX);
        OpmaskMap.build(VEX);
        for (int m = 0; m < 4; m++) {
            for (int b = 0; b < 256; b++) {
                TableBuilder.wIgnoredWhereUnpaired(VEX[m][b]);
                TableBuilder.wIgnoredWhereUnpaired(EVEX[m][b]);
                MODRM[m][b] = TableBuilder.hasModrm(legacy[m][b]);
                if (m < 2) {
                    LEGACY_MODRM[m << 8 | b] = MODRM[m][b];
                }
                VEX_MODRM[m][b] = TableBuilder.hasModrm(VEX[m][b]);
                EVEX_MODRM[m][b] = TableBuilder.hasModrm(EVEX[m][b]);
            }
        }
    }

    static boolean hasModrm(int map, int opcode) {
        return MODRM[map][opcode];
    }

    static boolean vexHasModrm(int map, int opcode, boolean evex) {
        return evex ? EVEX_MODRM[map][opcode] : VEX_MODRM[map][opcode];
    }

    /** Operations with an implicit DS-relative memory operand not listed among the operands. */
    static boolean implicitMemory(Op op) {
        return op == Op.XLATB || op == Op.MONITOR || op == Op.MONITORX || op == Op.MASKMOVQ || op == Op.MASKMOVDQU;
    }

    /** The base register number of an {@link #implicitMemory} operation: rBX for XLAT, rDI for MASKMOV, else rAX. */
    static int implicitBase(Op op) {
        return op == Op.XLATB ? 3 : op == Op.MASKMOVQ || op == Op.MASKMOVDQU ? 7 : 0;
    }

    static int condition(Op op) {
        return CONDITION[op.ordinal()];
    }
}
