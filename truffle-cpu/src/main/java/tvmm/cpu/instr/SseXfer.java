package tvmm.cpu.instr;

import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.simd.SseConvert;
import tvmm.cpu.simd.SseInt;
import tvmm.cpu.simd.SseState;
import tvmm.cpu.state.CpuState;

/**
 * SSE instructions that move data between an XMM register and memory or a general register:
 * stores (MOVAPS/MOVUPS/MOVDQA/MOVDQU/MOVNT* m128, MOVSS/MOVSD/MOVLPS/MOVHPS/MOVQ m32/m64),
 * MOVD/MOVQ in both directions, CVTSI2SS/SD, CVT(T)SS2SI/SD2SI, MOVMSKPS/PD, PMOVMSKB,
 * PEXTRx/PINSRx, LDMXCSR/STMXCSR and MASKMOVDQU.
 */
final class SseXfer extends SseNode {
    static final int STORE = 0, TO_GPR = 1, FROM_GPR = 2, CVTSI = 3, CVT2SI = 4, MOVMSK = 5, PEXTR = 6, PINSR = 7,
            LDMXCSR = 8, STMXCSR = 9, MASKMOV = 10;

    private final int kind;
    private final int op;
    private final int imm;
    /** The XMM register (destination or source). */
    private final int xr;
    /** The general-register-or-memory side (TO_GPR, FROM_GPR, CVTSI, PEXTR, PINSR, LDMXCSR/STMXCSR). */
    private final Operand g;
    /** A memory operand on the XMM side (STORE, or the source of CVT2SI); null for a register. */
    private final MemOperand m;
    private final boolean aligned;

    SseXfer(long address, int length, int kind, int op, int imm, int xr, Operand g, MemOperand m, boolean aligned) {
        super(address, length);
        this.kind = kind;
        this.op = op;
        this.imm = imm;
        this.xr = xr;
        this.g = g;
        this.m = m;
        this.aligned = aligned;
    }

    @Override
    public byte kind() {
        boolean stores = kind == STORE || kind == MASKMOV || kind == STMXCSR
                || (kind == TO_GPR || kind == PEXTR) && g.isMemory();
        return stores ? Insn.STORE : Insn.SEQ;
    }

    @Override
    public void execute(CpuState s) {
        SseState x = enter(s);
        switch (kind) {
            case STORE: {
                // op: 0 = low bytes, 1 = the high quadword (MOVHPS/MOVHPD)
                long loc = locate(s, m, aligned);
                if (op == 1) {
                    s.mem.write(loc, 8, x.hi(xr));
                } else {
                    store(s, loc, m.size, x.lo(xr), x.hi(xr));
                }
                return;
            }
            case TO_GPR: {
                long loc = g.locate(s);
                g.write(s, loc, g.size == 8 ? x.lo(xr) : x.lo(xr) & 0xffffffffL);
                return;
            }
            case FROM_GPR: {
                long v = g.get(s);
                x.set(xr, g.size == 8 ? v : v & 0xffffffffL, 0);
                return;
            }
            case CVTSI: {
                long v = g.get(s);
                if (g.size == 4) {
                    v = (int) v;
                }
                boolean ok = op == 0 ? SseConvert.cvtsi2ss(x, xr, v) : SseConvert.cvtsi2sd(x, xr, v);
                if (!ok) {
                    throw simdFault(s);
                }
                return;
            }
            case CVT2SI: {
                // op bit 0: double source, bit 1: truncate; imm = the GPR width (32/64); g = destination register
                int b = xr;
                if (m != null) {
                    load(s, x, SseState.TMP, m.locate(s), m.size);
                    b = SseState.TMP;
                }
                boolean trunc = (op & 2) != 0;
                long r = (op & 1) != 0 ? SseConvert.cvtsd2si(x, b, imm, trunc) : SseConvert.cvtss2si(x, b, imm, trunc);
                if (!x.commitFlags()) {
                    throw simdFault(s);
                }
                g.write(s, 0, imm == 32 ? r & 0xffffffffL : r);
                return;
            }
            case MOVMSK: {
                int r = op == 0 ? SseInt.movmskps(x, xr) : op == 1 ? SseInt.movmskpd(x, xr) : SseInt.pmovmskb(x, xr);
                g.write(s, 0, r & 0xffffffffL);
                return;
            }
            case PEXTR: {
                // op = element bytes; a register destination gets the element zero-extended
                long loc = g.locate(s);
                long v = SseInt.extract(x, xr, op, imm);
                g.write(s, loc, v);
                return;
            }
            case PINSR: {
                long v = g.get(s);
                SseInt.insert(x, xr, v, op, imm);
                return;
            }
            case LDMXCSR: {
                long v = g.get(s);
                if (!x.setMxcsr((int) v)) {
                    throw GuestFault.gp(0);
                }
                return;
            }
            case STMXCSR: {
                long loc = g.locate(s);
                g.write(s, loc, x.mxcsr & 0xffffffffL);
                return;
            }
            default: {
                // MASKMOVDQU xr (source), mask register = op: bytes whose mask bit 7 is set go to DS:[rDI]
                long lo = x.lo(xr);
                long hi = x.hi(xr);
                long ml = x.lo(op);
                long mh = x.hi(op);
                long base = m.locate(s);
                for (int i = 0; i < 16; i++) {
                    long mk = i < 8 ? ml >>> (8 * i) : mh >>> (8 * (i - 8));
                    if ((mk & 0x80) != 0) {
                        long v = i < 8 ? lo >>> (8 * i) : hi >>> (8 * (i - 8));
                        s.mem.write(base + i, 1, v & 0xff);
                    }
                }
                return;
            }
        }
    }
}
