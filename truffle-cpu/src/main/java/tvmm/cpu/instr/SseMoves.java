package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.decode.Instruction;
import tvmm.decode.Op;
import tvmm.decode.Prefix;

/**
 * Decoded SSE data movement → node (SDM Vol. 2): the full-width, scalar, half and MOVD/MOVQ
 * moves in both directions, non-temporal stores, MASKMOVDQU, MOVMSK*, the duplicating loads,
 * LDMXCSR/STMXCSR, FXSAVE/FXRSTOR, XSAVE/XSAVEOPT/XRSTOR/XGETBV/XSETBV, and CRC32 (SSE4.2, a
 * general-register instruction).
 */
final class SseMoves {
    private SseMoves() {
    }

    static Insn create(Instruction d, long a) {
        int len = d.length;
        switch (d.op) {
            case MOVAPS: case MOVAPD: case MOVDQA:
                return full(d, a, true);
            case MOVUPS: case MOVUPD: case MOVDQU: case LDDQU:
                return full(d, a, false);
            case MOVNTPS: case MOVNTPD: case MOVNTDQ:
                return store(d, a, 0, true);
            case MOVSS:
                return Operands.isMem(d, 0) ? store(d, a, 0, false) : SseTranslate.rm(d, a, SseOp.MOVSS, 0);
            case MOVSD:
                return Operands.isMem(d, 0) ? store(d, a, 0, false) : SseTranslate.rm(d, a, SseOp.MOVSD, 0);
            case MOVLPS: case MOVLPD:
                return Operands.isMem(d, 0) ? store(d, a, 0, false) : SseTranslate.rm(d, a, SseOp.MOVLO, 0);
            case MOVHPS: case MOVHPD:
                return Operands.isMem(d, 0) ? store(d, a, 1, false) : SseTranslate.rm(d, a, SseOp.MOVHI, 0);
            case MOVHLPS:
                return SseTranslate.rm(d, a, SseOp.MOVHLPS, 0);
            case MOVLHPS:
                return SseTranslate.rm(d, a, SseOp.MOVLHPS, 0);
            case MOVDDUP:
                return SseTranslate.rm(d, a, SseOp.DUP, 0);
            case MOVSLDUP:
                return SseTranslate.rm(d, a, SseOp.DUP, 1);
            case MOVSHDUP:
                return SseTranslate.rm(d, a, SseOp.DUP, 2);
            case MOVD: case MOVQ:
                return movdq(d, a);
            case MASKMOVDQU:
                return new SseXfer(a, len, SseXfer.MASKMOV, d.reg(1).num, 0, d.reg(0).num, null,
                        SseTranslate.maskMoveTarget(d, 16), false);
            case MOVMSKPS:
                return new SseXfer(a, len, SseXfer.MOVMSK, 0, 0, d.reg(1).num, Operands.of(d, 0, a), null, false);
            case MOVMSKPD:
                return new SseXfer(a, len, SseXfer.MOVMSK, 1, 0, d.reg(1).num, Operands.of(d, 0, a), null, false);
            case PMOVMSKB:
                return new SseXfer(a, len, SseXfer.MOVMSK, 2, 0, d.reg(1).num, Operands.of(d, 0, a), null, false);
            case LDMXCSR:
                return new SseXfer(a, len, SseXfer.LDMXCSR, 0, 0, 0, Operands.mem(d, 4, a), null, false);
            case STMXCSR:
                return new SseXfer(a, len, SseXfer.STMXCSR, 0, 0, 0, Operands.mem(d, 4, a, true), null, false);
            case FXSAVE: case FXSAVE64: case FXRSTOR: case FXRSTOR64: {
                boolean save = d.op == Op.FXSAVE || d.op == Op.FXSAVE64;
                return new FxImage(a, len, save, d.op == Op.FXSAVE64 || d.op == Op.FXRSTOR64, d.mode == 64,
                        Operands.mem(d, 512, a, save));
            }
            case XSAVE: case XSAVE64:
                return new XsaveImage(a, len, XsaveImage.SAVE, d.op == Op.XSAVE64, d.mode == 64,
                        Operands.mem(d, XsaveImage.SIZE, a, true));
            case XSAVEOPT: case XSAVEOPT64:
                return new XsaveImage(a, len, XsaveImage.SAVEOPT, d.op == Op.XSAVEOPT64, d.mode == 64,
                        Operands.mem(d, XsaveImage.SIZE, a, true));
            case XRSTOR: case XRSTOR64:
                return new XsaveImage(a, len, XsaveImage.RESTORE, d.op == Op.XRSTOR64, d.mode == 64,
                        Operands.mem(d, XsaveImage.SIZE, a));
            case XGETBV:
                return new Xcr(a, len, false);
            case XSETBV:
                return new Xcr(a, len, true);
            case EMMS: case CVTPI2PS: case CVTPI2PD:
                return MmxTranslate.create(d, a); // (CVTPI2Px xmm, m64 names no MMX register)
            case CRC32:
                if (d.hasPrefix(Prefix.OPSIZE) && d.size(1) != 2) {
                    return null;
                }
                return new Crc32(a, len, SseTranslate.gpr(d, 0), Operands.of(d, 1, a));
            default:
                return null;
        }
    }

    /** MOVAPS-style: register ← register/memory, or memory ← register. */
    private static Insn full(Instruction d, long a, boolean aligned) {
        if (Operands.isMem(d, 0)) {
            return store(d, a, 0, aligned);
        }
        if (Operands.isMem(d, 1)) {
            MemOperand m = Operands.mem(d, 16, a);
            return new SseOp(a, d.length, SseOp.MOV, 0, 0, d.reg(0).num, 0, m, aligned);
        }
        return new SseOp(a, d.length, SseOp.MOV, 0, 0, d.reg(0).num, d.reg(1).num, null, false);
    }

    /** XMM → memory; half = 1 stores the high quadword (MOVHPS/MOVHPD). */
    private static Insn store(Instruction d, long a, int half, boolean aligned) {
        MemOperand m = Operands.mem(d, half == 1 ? 8 : d.size(0), a, true);
        return new SseXfer(a, d.length, SseXfer.STORE, half, 0, d.reg(1).num, null, m, aligned);
    }

    /** MOVD/MOVQ with XMM operands (66 0F 6E/7E, F3 0F 7E, 66 0F D6). */
    private static Insn movdq(Instruction d, long a) {
        int oc = d.opcode;
        if (oc == 0x6e) {
            return new SseXfer(a, d.length, SseXfer.FROM_GPR, 0, 0, d.reg(0).num, Operands.of(d, 1, a), null, false);
        }
        if (oc == 0x7e && d.hasPrefix(Prefix.OPSIZE) && !d.hasPrefix(Prefix.REP)) {
            return new SseXfer(a, d.length, SseXfer.TO_GPR, 0, 0, d.reg(1).num, Operands.of(d, 0, a), null, false);
        }
        if (oc == 0xd6 && Operands.isMem(d, 0)) {
            return store(d, a, 0, false);
        }
        // F3 0F 7E MOVQ xmm, xmm/m64 and 66 0F D6 MOVQ xmm, xmm: the upper quadword is zeroed.
        return SseTranslate.rm(d, a, SseOp.MOVQ, 0);
    }
}
