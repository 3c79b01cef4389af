package tvmm.cpu.difftest;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import tvmm.cpu.state.Flags;
import tvmm.decode.Decoder;
import tvmm.decode.Instruction;
import tvmm.decode.Op;
import tvmm.decode.OperandKind;
import tvmm.decode.RegClass;
import tvmm.decode.Status;

/**
 * The "random" difftest class: random bytes (biased towards prefixes, REX and the integer
 * opcode maps) decoded by tvmm's decoder; kept when they form a user-mode integer
 * instruction whose outcome is a function of the state (no time, no randomness, no system
 * calls, no control transfer out of the snippet; FS/GS overrides use the bases the harness
 * sets).
 * Memory operands are aimed into the data pages by choosing the base register's value.
 */
final class RandomForms {
    private RandomForms() {
    }

    private static final Set<Op> ALLOWED = EnumSet.noneOf(Op.class);

    static {
        for (Op op : Op.values()) {
            String n = op.name();
            if (n.startsWith("CMOV") || n.startsWith("SET") && n.length() <= 5 || n.matches("(MOVS|CMPS|STOS|LODS|SCAS)_[BWDQ]")) {
                ALLOWED.add(op);
            }
        }
        ALLOWED.addAll(EnumSet.of(Op.ADD, Op.ADC, Op.SUB, Op.SBB, Op.AND, Op.OR, Op.XOR, Op.CMP, Op.TEST, Op.INC, Op.DEC,
                Op.NEG, Op.NOT, Op.MUL, Op.IMUL, Op.DIV, Op.IDIV, Op.ADCX, Op.ADOX, Op.ANDN, Op.XADD, Op.ROL, Op.ROR, Op.RCL,
                Op.RCR, Op.SHL, Op.SAL, Op.SHR, Op.SAR, Op.SHLD, Op.SHRD, Op.SARX, Op.SHLX, Op.SHRX, Op.RORX, Op.BT, Op.BTS,
                Op.BTR, Op.BTC, Op.BSF, Op.BSR, Op.BSWAP, Op.POPCNT, Op.LZCNT, Op.TZCNT, Op.BEXTR, Op.BLSI, Op.BLSMSK, Op.BLSR,
                Op.BZHI, Op.PDEP, Op.PEXT, Op.MULX, Op.MOV, Op.MOVSX, Op.MOVSXD, Op.MOVZX, Op.MOVBE, Op.MOVNTI, Op.LEA,
                Op.XCHG, Op.CMPXCHG, Op.CMPXCHG8B, Op.CMPXCHG16B, Op.XLATB, Op.CBW, Op.CWDE, Op.CDQE, Op.CWD, Op.CDQ, Op.CQO,
                Op.PUSH, Op.POP, Op.PUSHF, Op.PUSHFQ, Op.ENTER, Op.LEAVE, Op.CLC, Op.STC, Op.CMC, Op.CLD, Op.STD, Op.LAHF,
                Op.SAHF, Op.NOP, Op.PAUSE, Op.UD0, Op.UD1, Op.UD2, Op.INT3, Op.LFENCE, Op.MFENCE, Op.SFENCE, Op.ENDBR64,
                Op.PREFETCHNTA, Op.PREFETCHT0, Op.PREFETCHT1, Op.PREFETCHT2, Op.PREFETCHW, Op.PREFETCH, Op.HLT));
    }

    /** Valid only outside 64-bit mode. */
    private static final Set<Op> LEGACY = EnumSet.of(Op.AAA, Op.AAS, Op.AAD, Op.AAM, Op.DAA, Op.DAS, Op.PUSHA, Op.PUSHAD,
            Op.POPA, Op.POPAD, Op.INTO, Op.PUSHFD);

    private static final int[] PREFIXES = {0x66, 0x67, 0xf2, 0xf3, 0xf0, 0x2e, 0x3e};

    /**
     * Tries to make a case from random bytes; returns the undefined-flag mask, or -1 when
     * these bytes are not a usable instruction (the caller draws again).
     */
    static long build(SplittableRandom r, Decoder decoder, long[] regs, byte[][] codeOut, int mode) {
        byte[] b = new byte[15];
        int n = 0;
        while (n < 3 && r.nextInt(3) == 0) {
            b[n++] = (byte) PREFIXES[r.nextInt(PREFIXES.length)];
        }
        if (mode == 64 && r.nextBoolean()) {
            b[n++] = (byte) (0x40 | r.nextInt(16));
        }
        int map = r.nextInt(10);
        if (map >= 6) {
            b[n++] = 0x0f;
            if (map == 9) {
                b[n++] = 0x38;
            }
        }
        while (n < 15) {
            b[n++] = (byte) r.nextInt(256);
        }
        Instruction d = decoder.decode(b, 0, 15, mode);
        if (d.status == Status.TRUNCATED || d.status == Status.TOO_LONG) {
            return -1;
        }
        byte[] code = java.util.Arrays.copyOf(b, Math.max(1, d.length));
        if (d.status != Status.OK) {
            // Undefined encodings are covered by the misc class: the host CPU implements
            // extensions tvmm neither decodes nor advertises (GFNI, ...) and vendor-specific
            // treatment of reserved ModRM forms, so random ones do not compare.
            return -1;
        }
        if (!(ALLOWED.contains(d.op) || mode == 32 && LEGACY.contains(d.op)) || d.encoding == tvmm.decode.Encoding.EVEX) {
            return -1;
        }
        for (int i = 0; i < d.operandCount; i++) {
            if (d.kind(i) == OperandKind.REG && !d.reg(i).isGpr()) {
                return -1; // segment/control/vector registers
            }
        }
        if ((d.op == Op.BSWAP && d.operandSize == 2)) {
            return -1; // undefined result
        }
        regs[1] = r.nextInt(40); // rCX: short REP counts
        aimMemory(r, d, regs);
        long undefined = Undefined.of(d, regs);
        if (undefined < 0) {
            return -1;
        }
        codeOut[0] = code;
        return undefined;
    }

    /**
     * A sequence of 2-4 random instructions (same filters as {@link #build}) whose flag
     * dependencies are all on defined flags; returns the flags undefined at any point, or -1.
     */
    static long buildSequence(SplittableRandom r, Decoder decoder, long[] regs, byte[][] codeOut, int mode) {
        int count = r.nextInt(2, 5);
        java.io.ByteArrayOutputStream code = new java.io.ByteArrayOutputStream();
        long undefined = 0;
        long everUndefined = 0;
        byte[][] one = new byte[1][];
        for (int k = 0; k < count; k++) {
            long u = -1;
            Instruction d = null;
            for (int tries = 0; tries < 200 && u < 0; tries++) {
                u = build(r, decoder, regs, one, mode);
                if (u >= 0) {
                    d = decoder.decode(one[0], 0, one[0].length, mode);
                    boolean wordDoubleShiftByCl = FlagUse.countInRegister(d) && d.operandSize == 2
                            && (d.op == tvmm.decode.Op.SHLD || d.op == tvmm.decode.Op.SHRD); // CL > 16: undefined result
                    if ((FlagUse.reads(d) & undefined) != 0 || wordDoubleShiftByCl) {
                        u = -1;
                    }
                }
            }
            if (u < 0) {
                return -1;
            }
            if (FlagUse.countInRegister(d)) {
                u |= Flags.OF | Flags.AF | Flags.CF; // CL may have changed: assume the worst
            }
            undefined = (undefined & ~FlagUse.alwaysWrites(d)) | u;
            everUndefined |= undefined;
            code.writeBytes(one[0]);
        }
        codeOut[0] = code.toByteArray();
        // An exception may stop the sequence after any instruction: mask what was undefined at any point.
        return everUndefined;
    }

    /** Points the memory operand into the data pages by choosing its base register's value. */
    private static void aimMemory(SplittableRandom r, Instruction d, long[] regs) {
        if (d.op.name().contains("_") && r.nextInt(8) != 0) {
            regs[6] = Layout.DATA_BASE + r.nextInt(0, Layout.DATA_SIZE); // string source and destination
            regs[7] = Layout.DATA_BASE + r.nextInt(0, Layout.DATA_SIZE);
        }
        boolean hasMem = false;
        for (int i = 0; i < d.operandCount; i++) {
            hasMem |= d.kind(i) == OperandKind.MEM;
        }
        if (!hasMem || d.base == null || d.base.cls == RegClass.IP || d.base.num == 4 || r.nextInt(8) == 0) {
            return;
        }
        long index = 0;
        if (d.index != null && d.index.isGpr()) {
            if (d.index.num != 4 && d.index.num != d.base.num) {
                regs[d.index.num] = r.nextInt(-8, 8);
            }
            index = regs[d.index.num] * d.scale;
        }
        long target = Layout.DATA_BASE + r.nextInt(0, Layout.DATA_SIZE - 32);
        long segBase = 0;
        if (d.mode == 64 && d.segment != null) {
            segBase = d.segment.num == 4 ? Layout.FS_BASE : d.segment.num == 5 ? Layout.GS_BASE : 0;
        }
        long value = target - segBase - d.disp - index;
        if (d.addressSize == 4) {
            value &= 0xffffffffL;
        } else if (d.addressSize == 2) {
            return; // 16-bit addressing cannot reach the data pages: it faults alike on both sides
        }
        regs[d.base.num] = value;
        if (d.index != null && d.index.num == d.base.num) {
            regs[d.base.num] = 0; // [r + r*s]: leave it, it faults consistently
        }
    }
}
