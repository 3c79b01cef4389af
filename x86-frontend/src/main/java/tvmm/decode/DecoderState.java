package tvmm.decode;

/**
 * The decoder's mutable state: the result fields the {@link Instruction} constructor copies,
 * the scratch fields of one decode, byte fetching and the final status. Results are kept as
 * ordinals (not references) so that decoding stores no references into this long-lived
 * object, which would each cost a garbage-collector write barrier.
 */
abstract class DecoderState {
    /** The architectural maximum instruction length (SDM Vol. 2 §2.3.11). */
    static final int MAX_LENGTH = 15;


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
    /** Operands as the Instruction stores them (kinds/sizes one byte each, reg ordinal + 1 per short); 0 = none. */
    int packedKinds;
    int packedSizes;
    long packedRegs;
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

    static final byte K_NONE = (byte) OperandKind.NONE.ordinal();
    static final byte K_REG = (byte) OperandKind.REG.ordinal();
    static final byte K_MEM = (byte) OperandKind.MEM.ordinal();
    static final byte K_IMM = (byte) OperandKind.IMM.ordinal();
    static final byte K_REL = (byte) OperandKind.REL.ordinal();
    static final byte K_FAR = (byte) OperandKind.FAR.ordinal();
    static final byte K_MOFFS = (byte) OperandKind.MOFFS.ordinal();
    static final byte K_STR_SRC = (byte) OperandKind.STR_SRC.ordinal();
    static final byte K_STR_DST = (byte) OperandKind.STR_DST.ordinal();
    static final int LEGACY = 0;
    static final int VEX = 1;
    static final int EVEX = 2;
    static final int OK = 0;

    // Prefix classes of a byte (SDM Vol. 2 §2.1.1): one table lookup per prefix byte.
    static final int P_NONE = 0;
    static final int P_REX = 1;
    static final int P_LOCK = 2;
    static final int P_REP = 3;
    static final int P_OPSIZE = 4;
    static final int P_ADDRSIZE = 5;
    static final int P_SEG0 = 8; // + ES..GS (0-5)
    static final byte[] PREFIX_KIND = new byte[256];

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
    static final int NO_REG = -1;

    // ---- Scratch state. ----
    byte[] buf;
    int off;
    int lim;
    /** Absolute index of the next byte in buf, and of the end of the available bytes. */
    int cur;
    int end;
    int peekEnd;
    final byte[] scratch = new byte[FastPath.WINDOW];
    int segOverride;
    /** The last FS/GS override (4/5), or -1: the only overrides 64-bit mode honours. */
    int fsGsOverride;
    int lastRep;
    boolean has66;
    boolean has67;
    int mod;
    int regField;
    int rmField;
    int sibIndex;
    int sibScale;
    boolean hasIndexField;
    boolean disp8;
    boolean memDecoded;
    int immCount;
    // VEX/EVEX fields (in their un-inverted sense).
    int vvvv;
    boolean vexW;
    int vexL;
    boolean evex;
    boolean evexB;
    int evexAaa;
    int rexR;
    int rexX;
    int rexB;
    int evexRp;
    int evexVp;
    /** Set when REX/VEX/EVEX wrote the fields above, so the next reset clears them. */
    boolean extended = true;


    /** The next byte, or 0 past the available ones (finish() then reports TRUNCATED). Kept tiny so it inlines. */
    final int fetch() {
        int p = cur++;
        return p < end ? buf[p] & 0xff : 0;
    }

    /** Bytes consumed so far. */
    final int pos() {
        return cur - off;
    }

    int peek(int p) {
        if (p + 1 > peekEnd) {
            peekEnd = p + 1;
        }
        return p < lim ? buf[off + p] & 0xff : 0;
    }

    void reset(int bits) {
        mode = bits == 16 || bits == 32 ? bits : 64;
        cur = off;
        end = off + lim;
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
        packedKinds = 0;
        packedSizes = 0;
        packedRegs = 0;
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
        fsGsOverride = -1;
        lastRep = 0;
        has66 = false;
        has67 = false;
        memDecoded = false;
        immCount = 0;
        disp8 = false;
        if (extended) {
            // Only REX, VEX and EVEX set these; most instructions leave them untouched.
            extended = false;
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
        }
    }


    /** Packs the nops operand slots into the Instruction's private layout (only on the OK path). */
    final void packOperands() {
        int n = nops;
        int k = 0;
        int z = 0;
        long r = 0;
        for (int i = 0; i < n; i++) {
            k |= kinds[i] << (8 * i);
            z |= sizes[i] << (8 * i);
            r |= (long) (regs[i] + 1) << (16 * i);
        }
        packedKinds = k;
        packedSizes = z;
        packedRegs = r;
    }

    Instruction finish(Status st) {
        int s = st.ordinal();
        int pos = cur - off;
        int need = Math.max(pos, peekEnd);
        if (need > lim && lim < MAX_LENGTH) {
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
            // Only length and mode describe a failed decode: drop what was decoded before the failure.
            segment = NO_REG;
            segmentOverride = NO_REG;
            base = NO_REG;
            index = NO_REG;
            scale = 1;
            disp = 0;
            imm = 0;
            imm2 = 0;
            mask = NO_REG;
            op = 0;
            nops = 0;
            packedKinds = 0;
            packedSizes = 0;
            packedRegs = 0;
        }
        return new Instruction(this);
    }
}
