package tvmm.cpu.instr;

import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.simd.SseApprox;
import tvmm.cpu.simd.SseConvert;
import tvmm.cpu.simd.SseInt;
import tvmm.cpu.simd.SsePacked;
import tvmm.cpu.simd.SseState;
import tvmm.cpu.simd.SseString;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * An SSE instruction whose destination is an XMM register and whose source is an XMM register
 * or memory (loaded into TMP first): arithmetic, logic, compares, conversions, shuffles, integer
 * SIMD and the register-destination moves. {@code kind} and {@code op} are constants of the node,
 * so the dispatch below folds away under partial evaluation.
 */
final class SseOp extends SseNode {
    static final int INT = 0, PS = 1, SS = 2, PD = 3, SD = 4, CMPPS = 5, CMPSS = 6, CMPPD = 7, CMPSD = 8, COMIS = 9,
            SHIFT = 10, SHIFT_IMM = 11, SHIFT_BYTES = 12, PSHUFD = 13, PSHUFW = 14, SHUFPS = 15, SHUFPD = 16,
            UNPACK = 17, PACK = 18, MOV = 19, MOVSS = 20, MOVSD = 21, MOVQ = 22, MOVLO = 23, MOVHI = 24, MOVHLPS = 25,
            MOVLHPS = 26, CVT = 27, APPROX = 28, DUP = 29, ADDSUB = 30, HADD = 31, PSHUFB = 32, PALIGNR = 33,
            HINT = 34, BLEND = 35, BLENDV = 36, PMOVX = 37, PTEST = 38, PHMINPOS = 39, MPSADBW = 40, INSERTPS = 41,
            ROUND = 42, DP = 43, PCMPSTR = 44;

    // CVT sub-ops.
    static final int SS2SD = 0, SD2SS = 1, PS2PD = 2, PD2PS = 3, DQ2PS = 4, PS2DQ = 5, TPS2DQ = 6, DQ2PD = 7,
            PD2DQ = 8, TPD2DQ = 9;

    private final int kind;
    private final int op;
    private final int imm;
    private final int dst;
    private final int src;
    private final MemOperand mem;
    private final boolean aligned;

    /** src is an XMM register number, ignored when {@code mem} is not null. */
    SseOp(long address, int length, int kind, int op, int imm, int dst, int src, MemOperand mem, boolean aligned) {
        super(address, length);
        this.kind = kind;
        this.op = op;
        this.imm = imm;
        this.dst = dst;
        this.src = src;
        this.mem = mem;
        this.aligned = aligned;
    }

    @Override
    public void execute(CpuState s) {
        SseState x = enter(s);
        int b = src;
        if (mem != null) {
            long loc = locate(s, mem, aligned);
            load(s, x, SseState.TMP, loc, mem.size);
            b = SseState.TMP;
        }
        int d = dst;
        boolean ok = true;
        switch (kind) {
            case INT: SseInt.lanes(x, op, d, b); break;
            case PS: ok = SsePacked.ps(x, op, d, b); break;
            case SS: ok = SsePacked.ss(x, op, d, b); break;
            case PD: ok = SsePacked.pd(x, op, d, b); break;
            case SD: ok = SsePacked.sd(x, op, d, b); break;
            case CMPPS: ok = SsePacked.cmpps(x, imm, d, b); break;
            case CMPSS: ok = SsePacked.cmpss(x, imm, d, b); break;
            case CMPPD: ok = SsePacked.cmppd(x, imm, d, b); break;
            case CMPSD: ok = SsePacked.cmpsd(x, imm, d, b); break;
            case COMIS: {
                // op bit 0: double, bit 1: signaling (COMIS) rather than quiet (UCOMIS)
                int f = SsePacked.comis(x, d, b, (op & 1) != 0, (op & 2) != 0);
                if (f < 0) {
                    throw simdFault(s);
                }
                Flags.setArith(s, f);
                return;
            }
            case SHIFT: {
                long count = x.lo(b);
                SseInt.shift(x, op >> 8, op & 0xff, d, count);
                break;
            }
            case SHIFT_IMM: SseInt.shift(x, op >> 8, op & 0xff, d, imm); break;
            case SHIFT_BYTES: SseInt.shiftBytes(x, d, imm, op != 0); break;
            case PSHUFD: SseInt.pshufd(x, d, b, imm); break;
            case PSHUFW: SseInt.pshufw(x, d, b, imm, op != 0); break;
            case SHUFPS: SseInt.shufps(x, d, b, imm); break;
            case SHUFPD: SseInt.shufpd(x, d, b, imm); break;
            case UNPACK: SseInt.unpack(x, d, b, op & 0xf, (op & 0x10) != 0); break;
            case PACK: SseInt.pack(x, d, b, (op & 1) != 0, (op & 2) != 0); break;
            case MOV: x.set(d, x.lo(b), x.hi(b)); break;
            case MOVSS:
                // From memory the upper lanes are zeroed; register to register keeps them.
                x.set(d, mem != null ? x.lo(b) : (x.lo(d) & 0xffffffff00000000L) | (x.lo(b) & 0xffffffffL),
                        mem != null ? 0 : x.hi(d));
                break;
            case MOVSD: x.set(d, x.lo(b), mem != null ? 0 : x.hi(d)); break;
            case MOVQ: x.set(d, x.lo(b), 0); break;
            case MOVLO: x.set(d, x.lo(b), x.hi(d)); break;
            case MOVHI: x.set(d, x.lo(d), x.lo(b)); break;
            case MOVHLPS: x.set(d, x.hi(b), x.hi(d)); break;
            case MOVLHPS: x.set(d, x.lo(d), x.lo(b)); break;
            case CVT: ok = convert(x, d, b); break;
            case APPROX:
                switch (op) {
                    case 0: SseApprox.rcpps(x, d, b); break;
                    case 1: SseApprox.rsqrtps(x, d, b); break;
                    case 2: SseApprox.rcpss(x, d, b); break;
                    default: SseApprox.rsqrtss(x, d, b); break;
                }
                break;
            case DUP:
                if (op == 0) {
                    SseInt.movddup(x, d, b);
                } else {
                    SseInt.movsdup(x, d, b, op == 2);
                }
                break;
            case ADDSUB: ok = op == 0 ? SsePacked.addsubps(x, d, b) : SsePacked.addsubpd(x, d, b); break;
            case HADD:
                // op bit 0: double, bit 1: subtract
                ok = (op & 1) == 0 ? SsePacked.hps(x, d, b, (op & 2) != 0) : SsePacked.hpd(x, d, b, (op & 2) != 0);
                break;
            case PSHUFB: SseInt.pshufb(x, d, b); break;
            case PALIGNR: SseInt.palignr(x, d, b, imm); break;
            case HINT: SseInt.horizontal(x, d, b, op & 0xff, (op & 0x100) != 0, (op & 0x200) != 0); break;
            case BLEND: SseInt.blendImm(x, d, b, imm, op); break;
            case BLENDV: SseInt.blendVar(x, d, b, 0, op); break;
            case PMOVX: SseInt.pmovx(x, d, b, op & 0xf, (op >> 4) & 0xf, (op & 0x100) != 0); break;
            case PTEST: Flags.setArith(s, SseInt.ptest(x, d, b)); return;
            case PHMINPOS: SseInt.phminposuw(x, d, b); break;
            case MPSADBW: SseInt.mpsadbw(x, d, b, imm); break;
            case INSERTPS:
                if (mem != null) {
                    SseInt.insertpsValue(x, d, (int) x.lo(b), imm);
                } else {
                    SseInt.insertps(x, d, b, imm);
                }
                break;
            case ROUND:
                switch (op) {
                    case 0: ok = SsePacked.roundps(x, imm, d, b); break;
                    case 1: ok = SsePacked.roundss(x, imm, d, b); break;
                    case 2: ok = SsePacked.roundpd(x, imm, d, b); break;
                    default: ok = SsePacked.roundsd(x, imm, d, b); break;
                }
                break;
            case PCMPSTR: {
                // op bit 0: implicit lengths (PCMPISTRx), bit 1: mask result (xxxM), bit 2: REX.W (64-bit lengths)
                long la = s.gpr[CpuState.RAX];
                long ld = s.gpr[CpuState.RDX];
                if ((op & 4) == 0) {
                    la = (int) la;
                    ld = (int) ld;
                }
                int r = SseString.compare(x, d, b, imm, (op & 1) != 0, la, ld);
                if ((op & 2) != 0) {
                    SseString.mask(x, r, imm);
                } else {
                    s.gpr[CpuState.RCX] = SseString.index(r, imm);
                }
                Flags.setArith(s, SseString.flags(r));
                return;
            }
            default: // DP
                ok = op == 0 ? SsePacked.dpps(x, imm, d, b) : SsePacked.dppd(x, imm, d, b);
                break;
        }
        if (!ok) {
            throw simdFault(s);
        }
    }

    private boolean convert(SseState x, int d, int b) {
        switch (op) {
            case SS2SD: return SseConvert.cvtss2sd(x, d, b);
            case SD2SS: return SseConvert.cvtsd2ss(x, d, b);
            case PS2PD: return SseConvert.cvtps2pd(x, d, b);
            case PD2PS: return SseConvert.cvtpd2ps(x, d, b);
            case DQ2PS: return SseConvert.cvtdq2ps(x, d, b);
            case PS2DQ: return SseConvert.cvtps2dq(x, d, b, false);
            case TPS2DQ: return SseConvert.cvtps2dq(x, d, b, true);
            case DQ2PD: return SseConvert.cvtdq2pd(x, d, b);
            case PD2DQ: return SseConvert.cvtpd2dq(x, d, b, false);
            default: return SseConvert.cvtpd2dq(x, d, b, true);
        }
    }
}
