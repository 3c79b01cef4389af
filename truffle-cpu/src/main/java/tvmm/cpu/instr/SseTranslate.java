package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.simd.SimdInt;
import tvmm.cpu.simd.SsePacked;
import tvmm.cpu.state.CpuState;
import tvmm.decode.Encoding;
import tvmm.decode.Instruction;
import tvmm.decode.Op;
import tvmm.decode.RegClass;

/**
 * Decoded SSE..SSE4.2 instruction (legacy encoding, XMM operands) → node. MMX forms go to
 * {@link MmxTranslate}; FXSAVE/FXRSTOR to {@link FxImage}. VEX/EVEX forms are not handled
 * (AVX is not advertised) and raise #UD.
 */
final class SseTranslate {
    private SseTranslate() {
    }

    static Insn create(Instruction d, long a) {
        if (d.encoding != Encoding.LEGACY) {
            return null;
        }
        for (int i = 0; i < d.operandCount; i++) {
            if (d.kind(i) == tvmm.decode.OperandKind.REG && d.reg(i).cls == RegClass.MMX) {
                return MmxTranslate.create(d, a);
            }
        }
        int len = d.length;
        int lane = LaneOps.selector(d.op);
        if (lane >= 0) {
            return lanes(d, a, lane);
        }
        switch (d.op) {
            // ---- shifts ----
            case PSRLW: return shift(d, a, SimdInt.SRL, 16);
            case PSRLD: return shift(d, a, SimdInt.SRL, 32);
            case PSRLQ: return shift(d, a, SimdInt.SRL, 64);
            case PSRAW: return shift(d, a, SimdInt.SRA, 16);
            case PSRAD: return shift(d, a, SimdInt.SRA, 32);
            case PSLLW: return shift(d, a, SimdInt.SLL, 16);
            case PSLLD: return shift(d, a, SimdInt.SLL, 32);
            case PSLLQ: return shift(d, a, SimdInt.SLL, 64);
            case PSRLDQ: return new SseOp(a, len, SseOp.SHIFT_BYTES, 0, imm(d), d.reg(0).num, 0, null, false);
            case PSLLDQ: return new SseOp(a, len, SseOp.SHIFT_BYTES, 1, imm(d), d.reg(0).num, 0, null, false);

            // ---- floating point ----
            case ADDPS: return rm(d, a, SseOp.PS, SsePacked.ADD);
            case SUBPS: return rm(d, a, SseOp.PS, SsePacked.SUB);
            case MULPS: return rm(d, a, SseOp.PS, SsePacked.MUL);
            case DIVPS: return rm(d, a, SseOp.PS, SsePacked.DIV);
            case MINPS: return rm(d, a, SseOp.PS, SsePacked.MIN);
            case MAXPS: return rm(d, a, SseOp.PS, SsePacked.MAX);
            case SQRTPS: return rm(d, a, SseOp.PS, SsePacked.SQRT);
            case ADDSS: return rm(d, a, SseOp.SS, SsePacked.ADD);
            case SUBSS: return rm(d, a, SseOp.SS, SsePacked.SUB);
            case MULSS: return rm(d, a, SseOp.SS, SsePacked.MUL);
            case DIVSS: return rm(d, a, SseOp.SS, SsePacked.DIV);
            case MINSS: return rm(d, a, SseOp.SS, SsePacked.MIN);
            case MAXSS: return rm(d, a, SseOp.SS, SsePacked.MAX);
            case SQRTSS: return rm(d, a, SseOp.SS, SsePacked.SQRT);
            case ADDPD: return rm(d, a, SseOp.PD, SsePacked.ADD);
            case SUBPD: return rm(d, a, SseOp.PD, SsePacked.SUB);
            case MULPD: return rm(d, a, SseOp.PD, SsePacked.MUL);
            case DIVPD: return rm(d, a, SseOp.PD, SsePacked.DIV);
            case MINPD: return rm(d, a, SseOp.PD, SsePacked.MIN);
            case MAXPD: return rm(d, a, SseOp.PD, SsePacked.MAX);
            case SQRTPD: return rm(d, a, SseOp.PD, SsePacked.SQRT);
            case ADDSD: return rm(d, a, SseOp.SD, SsePacked.ADD);
            case SUBSD: return rm(d, a, SseOp.SD, SsePacked.SUB);
            case MULSD: return rm(d, a, SseOp.SD, SsePacked.MUL);
            case DIVSD: return rm(d, a, SseOp.SD, SsePacked.DIV);
            case MINSD: return rm(d, a, SseOp.SD, SsePacked.MIN);
            case MAXSD: return rm(d, a, SseOp.SD, SsePacked.MAX);
            case SQRTSD: return rm(d, a, SseOp.SD, SsePacked.SQRT);
            case CMPPS: return rmi(d, a, SseOp.CMPPS, 0, imm(d) & 7);
            case CMPSS: return rmi(d, a, SseOp.CMPSS, 0, imm(d) & 7);
            case CMPPD: return rmi(d, a, SseOp.CMPPD, 0, imm(d) & 7);
            case CMPSD: return rmi(d, a, SseOp.CMPSD, 0, imm(d) & 7);
            case UCOMISS: return rm(d, a, SseOp.COMIS, 0);
            case UCOMISD: return rm(d, a, SseOp.COMIS, 1);
            case COMISS: return rm(d, a, SseOp.COMIS, 2);
            case COMISD: return rm(d, a, SseOp.COMIS, 3);
            case RCPPS: return rm(d, a, SseOp.APPROX, 0);
            case RSQRTPS: return rm(d, a, SseOp.APPROX, 1);
            case RCPSS: return rm(d, a, SseOp.APPROX, 2);
            case RSQRTSS: return rm(d, a, SseOp.APPROX, 3);
            case ADDSUBPS: return rm(d, a, SseOp.ADDSUB, 0);
            case ADDSUBPD: return rm(d, a, SseOp.ADDSUB, 1);
            case HADDPS: return rm(d, a, SseOp.HADD, 0);
            case HADDPD: return rm(d, a, SseOp.HADD, 1);
            case HSUBPS: return rm(d, a, SseOp.HADD, 2);
            case HSUBPD: return rm(d, a, SseOp.HADD, 3);
            case CVTSS2SD: return rm(d, a, SseOp.CVT, SseOp.SS2SD);
            case CVTSD2SS: return rm(d, a, SseOp.CVT, SseOp.SD2SS);
            case CVTPS2PD: return rm(d, a, SseOp.CVT, SseOp.PS2PD);
            case CVTPD2PS: return rm(d, a, SseOp.CVT, SseOp.PD2PS);
            case CVTDQ2PS: return rm(d, a, SseOp.CVT, SseOp.DQ2PS);
            case CVTPS2DQ: return rm(d, a, SseOp.CVT, SseOp.PS2DQ);
            case CVTTPS2DQ: return rm(d, a, SseOp.CVT, SseOp.TPS2DQ);
            case CVTDQ2PD: return rm(d, a, SseOp.CVT, SseOp.DQ2PD);
            case CVTPD2DQ: return rm(d, a, SseOp.CVT, SseOp.PD2DQ);
            case CVTTPD2DQ: return rm(d, a, SseOp.CVT, SseOp.TPD2DQ);
            case CVTSI2SS: case CVTSI2SD:
                return new SseXfer(a, len, SseXfer.CVTSI, d.op == Op.CVTSI2SS ? 0 : 1, 0, d.reg(0).num,
                        Operands.of(d, 1, a), null, false);
            case CVTSS2SI: case CVTTSS2SI: case CVTSD2SI: case CVTTSD2SI: {
                int op = (d.op == Op.CVTSD2SI || d.op == Op.CVTTSD2SI ? 1 : 0)
                        | (d.op == Op.CVTTSS2SI || d.op == Op.CVTTSD2SI ? 2 : 0);
                boolean m = Operands.isMem(d, 1);
                return new SseXfer(a, len, SseXfer.CVT2SI, op, d.size(0) * 8, m ? 0 : d.reg(1).num, Operands.of(d, 0, a),
                        m ? Operands.mem(d, d.size(1), a) : null, false);
            }

            // ---- shuffles, unpacks, packs ----
            case PSHUFD: return rmi(d, a, SseOp.PSHUFD, 0, imm(d));
            case PSHUFLW: return rmi(d, a, SseOp.PSHUFW, 0, imm(d));
            case PSHUFHW: return rmi(d, a, SseOp.PSHUFW, 1, imm(d));
            case SHUFPS: return rmi(d, a, SseOp.SHUFPS, 0, imm(d));
            case SHUFPD: return rmi(d, a, SseOp.SHUFPD, 0, imm(d));
            case PUNPCKLBW: return rm(d, a, SseOp.UNPACK, 1);
            case PUNPCKLWD: return rm(d, a, SseOp.UNPACK, 2);
            case PUNPCKLDQ: case UNPCKLPS: return rm(d, a, SseOp.UNPACK, 4);
            case PUNPCKLQDQ: case UNPCKLPD: return rm(d, a, SseOp.UNPACK, 8);
            case PUNPCKHBW: return rm(d, a, SseOp.UNPACK, 0x11);
            case PUNPCKHWD: return rm(d, a, SseOp.UNPACK, 0x12);
            case PUNPCKHDQ: case UNPCKHPS: return rm(d, a, SseOp.UNPACK, 0x14);
            case PUNPCKHQDQ: case UNPCKHPD: return rm(d, a, SseOp.UNPACK, 0x18);
            case PACKSSDW: return rm(d, a, SseOp.PACK, 0);
            case PACKSSWB: return rm(d, a, SseOp.PACK, 1);
            case PACKUSDW: return rm(d, a, SseOp.PACK, 2);
            case PACKUSWB: return rm(d, a, SseOp.PACK, 3);
            case PSHUFB: return rm(d, a, SseOp.PSHUFB, 0);
            case PALIGNR: return rmi(d, a, SseOp.PALIGNR, 0, imm(d));
            case PHADDW: return rm(d, a, SseOp.HINT, 16);
            case PHADDD: return rm(d, a, SseOp.HINT, 32);
            case PHADDSW: return rm(d, a, SseOp.HINT, 16 | 0x200);
            case PHSUBW: return rm(d, a, SseOp.HINT, 16 | 0x100);
            case PHSUBD: return rm(d, a, SseOp.HINT, 32 | 0x100);
            case PHSUBSW: return rm(d, a, SseOp.HINT, 16 | 0x300);

            // ---- SSE4.1 ----
            case BLENDPS: return rmi(d, a, SseOp.BLEND, 4, imm(d));
            case BLENDPD: return rmi(d, a, SseOp.BLEND, 8, imm(d));
            case PBLENDW: return rmi(d, a, SseOp.BLEND, 2, imm(d));
            case BLENDVPS: return rm(d, a, SseOp.BLENDV, 4);
            case BLENDVPD: return rm(d, a, SseOp.BLENDV, 8);
            case PBLENDVB: return rm(d, a, SseOp.BLENDV, 1);
            case PMOVSXBW: return rm(d, a, SseOp.PMOVX, 0x121);
            case PMOVSXBD: return rm(d, a, SseOp.PMOVX, 0x141);
            case PMOVSXBQ: return rm(d, a, SseOp.PMOVX, 0x181);
            case PMOVSXWD: return rm(d, a, SseOp.PMOVX, 0x142);
            case PMOVSXWQ: return rm(d, a, SseOp.PMOVX, 0x182);
            case PMOVSXDQ: return rm(d, a, SseOp.PMOVX, 0x184);
            case PMOVZXBW: return rm(d, a, SseOp.PMOVX, 0x21);
            case PMOVZXBD: return rm(d, a, SseOp.PMOVX, 0x41);
            case PMOVZXBQ: return rm(d, a, SseOp.PMOVX, 0x81);
            case PMOVZXWD: return rm(d, a, SseOp.PMOVX, 0x42);
            case PMOVZXWQ: return rm(d, a, SseOp.PMOVX, 0x82);
            case PMOVZXDQ: return rm(d, a, SseOp.PMOVX, 0x84);
            case PTEST: return rm(d, a, SseOp.PTEST, 0);
            case PHMINPOSUW: return rm(d, a, SseOp.PHMINPOS, 0);
            case MPSADBW: return rmi(d, a, SseOp.MPSADBW, 0, imm(d));
            case INSERTPS: return rmi(d, a, SseOp.INSERTPS, 0, imm(d));
            case ROUNDPS: return rmi(d, a, SseOp.ROUND, 0, imm(d));
            case ROUNDSS: return rmi(d, a, SseOp.ROUND, 1, imm(d));
            case ROUNDPD: return rmi(d, a, SseOp.ROUND, 2, imm(d));
            case ROUNDSD: return rmi(d, a, SseOp.ROUND, 3, imm(d));
            case DPPS: return rmi(d, a, SseOp.DP, 0, imm(d));
            case DPPD: return rmi(d, a, SseOp.DP, 1, imm(d));
            case MOVNTDQA: return rm(d, a, SseOp.MOV, 0);
            case PEXTRB: return pextr(d, a, 1);
            case PEXTRW: return pextr(d, a, 2);
            case PEXTRD: case PEXTRQ: return pextr(d, a, d.size(0) == 8 ? 8 : 4);
            case EXTRACTPS: return pextr(d, a, 4);
            case PINSRB: return pinsr(d, a, 1);
            case PINSRW: return pinsr(d, a, 2);
            case PINSRD: case PINSRQ: return pinsr(d, a, d.op == Op.PINSRQ ? 8 : 4);

            // ---- SSE4.2 ----
            case PCMPESTRI: return rmi(d, a, SseOp.PCMPSTR, rexW(d) ? 4 : 0, imm(d));
            case PCMPESTRM: return rmi(d, a, SseOp.PCMPSTR, 2 | (rexW(d) ? 4 : 0), imm(d));
            case PCMPISTRI: return rmi(d, a, SseOp.PCMPSTR, 1, imm(d));
            case PCMPISTRM: return rmi(d, a, SseOp.PCMPSTR, 3, imm(d));

            default:
                return SseMoves.create(d, a);
        }
    }

    static boolean rexW(Instruction d) {
        return (d.rex & 8) != 0;
    }

    static int imm(Instruction d) {
        return (int) d.imm & 0xff;
    }

    /** Forms whose 16-byte memory operand need not be aligned (SDM Vol. 2 Table 2-18 exceptions). */
    private static boolean unalignedOk(Op op) {
        switch (op) {
            case MOVUPS: case MOVUPD: case MOVDQU: case LDDQU:
            case PCMPESTRI: case PCMPESTRM: case PCMPISTRI: case PCMPISTRM:
                return true;
            default:
                return false;
        }
    }

    static Insn rmi(Instruction d, long a, int kind, int op, int imm) {
        int dst = d.reg(0).num;
        if (Operands.isMem(d, 1)) {
            MemOperand m = Operands.mem(d, d.size(1), a);
            return new SseOp(a, d.length, kind, op, imm, dst, 0, m, m.size == 16 && !unalignedOk(d.op));
        }
        return new SseOp(a, d.length, kind, op, imm, dst, d.reg(1).num, null, false);
    }

    static Insn rm(Instruction d, long a, int kind, int op) {
        return rmi(d, a, kind, op, 0);
    }

    private static Insn lanes(Instruction d, long a, int op) {
        return rm(d, a, SseOp.INT, op);
    }

    /** PSxx xmm, xmm/m128 (count from the source's low quadword) or PSxx xmm, imm8. */
    private static Insn shift(Instruction d, long a, int kind, int width) {
        if (d.kind(1) == tvmm.decode.OperandKind.IMM) {
            return new SseOp(a, d.length, SseOp.SHIFT_IMM, kind << 8 | width, imm(d), d.reg(0).num, 0, null, false);
        }
        return rm(d, a, SseOp.SHIFT, kind << 8 | width);
    }

    private static Insn pextr(Instruction d, long a, int bytes) {
        return new SseXfer(a, d.length, SseXfer.PEXTR, bytes, imm(d), d.reg(1).num, Operands.of(d, 0, a), null, false);
    }

    private static Insn pinsr(Instruction d, long a, int bytes) {
        return new SseXfer(a, d.length, SseXfer.PINSR, bytes, imm(d), d.reg(0).num,
                Operands.isMem(d, 1) ? Operands.mem(d, bytes, a) : Operands.of(d, 1, a), null, false);
    }

    static RegOperand gpr(Instruction d, int i) {
        return (RegOperand) Operands.of(d, i, 0);
    }

    static MemOperand maskMoveTarget(Instruction d, int size) {
        int seg = d.segment != null ? d.segment.num : CpuState.DS;
        return new MemOperand(size, seg, CpuState.RDI, -1, 1, 0, d.addressSize, false, 0, d.mode == 64, true);
    }
}
