package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.simd.SimdInt;
import tvmm.decode.Instruction;
import tvmm.decode.OperandKind;
import tvmm.decode.RegClass;

/** Decoded MMX instruction (and the SSE/SSSE3 forms on MMX registers) → {@link MmxOp}. */
final class MmxTranslate {
    private MmxTranslate() {
    }

    static Insn create(Instruction d, long a) {
        int lane = LaneOps.selector(d.op);
        if (lane >= 0) {
            return lanes(d, a, lane);
        }
        switch (d.op) {
            case EMMS: return new MmxOp(a, d.length, MmxOp.EMMS, 0, 0, 0, 0, null);
            case PSRLW: return shift(d, a, SimdInt.SRL, 16);
            case PSRLD: return shift(d, a, SimdInt.SRL, 32);
            case PSRLQ: return shift(d, a, SimdInt.SRL, 64);
            case PSRAW: return shift(d, a, SimdInt.SRA, 16);
            case PSRAD: return shift(d, a, SimdInt.SRA, 32);
            case PSLLW: return shift(d, a, SimdInt.SLL, 16);
            case PSLLD: return shift(d, a, SimdInt.SLL, 32);
            case PSLLQ: return shift(d, a, SimdInt.SLL, 64);
            case PACKSSDW: return rm(d, a, MmxOp.PACK, 0, 0);
            case PACKSSWB: return rm(d, a, MmxOp.PACK, 1, 0);
            case PACKUSWB: return rm(d, a, MmxOp.PACK, 3, 0);
            case PUNPCKLBW: return rm(d, a, MmxOp.UNPACK, 1, 0);
            case PUNPCKLWD: return rm(d, a, MmxOp.UNPACK, 2, 0);
            case PUNPCKLDQ: return rm(d, a, MmxOp.UNPACK, 4, 0);
            case PUNPCKHBW: return rm(d, a, MmxOp.UNPACK, 0x11, 0);
            case PUNPCKHWD: return rm(d, a, MmxOp.UNPACK, 0x12, 0);
            case PUNPCKHDQ: return rm(d, a, MmxOp.UNPACK, 0x14, 0);
            case PSHUFW: return rm(d, a, MmxOp.PSHUFW, 0, imm(d));
            case PSHUFB: return rm(d, a, MmxOp.PSHUFB, 0, 0);
            case PALIGNR: return rm(d, a, MmxOp.PALIGNR, 0, imm(d));
            case PHADDW: return rm(d, a, MmxOp.HORIZ, 16, 0);
            case PHADDD: return rm(d, a, MmxOp.HORIZ, 32, 0);
            case PHADDSW: return rm(d, a, MmxOp.HORIZ, 16 | 0x200, 0);
            case PHSUBW: return rm(d, a, MmxOp.HORIZ, 16 | 0x100, 0);
            case PHSUBD: return rm(d, a, MmxOp.HORIZ, 32 | 0x100, 0);
            case PHSUBSW: return rm(d, a, MmxOp.HORIZ, 16 | 0x300, 0);
            case MOVD: case MOVQ:
                if (d.opcode == 0x6e) {
                    return new MmxOp(a, d.length, MmxOp.FROM_GPR, 0, 0, d.reg(0).num, 0, Operands.of(d, 1, a));
                }
                if (d.opcode == 0x7e) {
                    return new MmxOp(a, d.length, MmxOp.TO_GPR, 0, 0, d.reg(1).num, 0, Operands.of(d, 0, a));
                }
                if (d.opcode == 0x7f) {
                    return Operands.isMem(d, 0) ? new MmxOp(a, d.length, MmxOp.STORE, 0, 0, d.reg(1).num, 0, Operands.of(d, 0, a))
                            : new MmxOp(a, d.length, MmxOp.MOV, 0, 0, d.reg(0).num, d.reg(1).num, null);
                }
                return rm(d, a, MmxOp.MOV, 0, 0); // 0F 6F
            case MOVNTQ:
                return new MmxOp(a, d.length, MmxOp.STORE, 0, 0, d.reg(1).num, 0, Operands.of(d, 0, a));
            case PMOVMSKB:
                return new MmxOp(a, d.length, MmxOp.PMOVMSKB, 0, 0, d.reg(0).num, d.reg(1).num, null);
            case PEXTRW:
                return new MmxOp(a, d.length, MmxOp.PEXTRW, 0, imm(d), d.reg(0).num, d.reg(1).num, null);
            case PINSRW:
                return new MmxOp(a, d.length, MmxOp.PINSRW, 0, imm(d), d.reg(0).num, 0,
                        Operands.isMem(d, 1) ? Operands.mem(d, 2, a) : Operands.of(d, 1, a));
            case MASKMOVQ:
                return new MmxOp(a, d.length, MmxOp.MASKMOVQ, 0, 0, d.reg(0).num, d.reg(1).num, SseTranslate.maskMoveTarget(d, 8));
            case MOVQ2DQ:
                return new MmxOp(a, d.length, MmxOp.MOVQ2DQ, 0, 0, d.reg(0).num, d.reg(1).num, null);
            case MOVDQ2Q:
                return new MmxOp(a, d.length, MmxOp.MOVDQ2Q, 0, 0, d.reg(0).num, d.reg(1).num, null);
            case CVTPI2PS: return rm(d, a, MmxOp.CVTPI2PS, 0, 0);
            case CVTPI2PD: return rm(d, a, MmxOp.CVTPI2PD, 0, 0);
            case CVTPS2PI: return rm(d, a, MmxOp.CVTPS2PI, 0, 0);
            case CVTTPS2PI: return rm(d, a, MmxOp.CVTPS2PI, 1, 0);
            case CVTPD2PI: return rm(d, a, MmxOp.CVTPD2PI, 0, 0);
            case CVTTPD2PI: return rm(d, a, MmxOp.CVTPD2PI, 1, 0);
            default:
                return null;
        }
    }

    private static int imm(Instruction d) {
        return (int) d.imm & 0xff;
    }

    /** dst = operand 0 (MMX or XMM register), source = operand 1: a register or memory. */
    private static Insn rm(Instruction d, long a, int kind, int op, int imm) {
        int dst = d.reg(0).num;
        if (Operands.isMem(d, 1)) {
            Operand m = Operands.mem(d, d.size(1), a);
            return new MmxOp(a, d.length, kind, op, imm, dst, 0, m);
        }
        return new MmxOp(a, d.length, kind, op, imm, dst, d.reg(1).num, null);
    }

    private static Insn lanes(Instruction d, long a, int op) {
        return rm(d, a, MmxOp.LANES, op, 0);
    }

    private static Insn shift(Instruction d, long a, int kind, int width) {
        if (d.kind(1) == OperandKind.IMM) {
            return new MmxOp(a, d.length, MmxOp.SHIFT_IMM, kind << 8 | width, imm(d), d.reg(0).num, 0, null);
        }
        return rm(d, a, MmxOp.SHIFT, kind << 8 | width, 0);
    }

    static boolean isMmx(Instruction d, int i) {
        return d.kind(i) == OperandKind.REG && d.reg(i).cls == RegClass.MMX;
    }
}
