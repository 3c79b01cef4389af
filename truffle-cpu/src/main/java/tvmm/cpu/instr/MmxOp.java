package tvmm.cpu.instr;

import tvmm.cpu.fpu.X87State;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.simd.Mmx;
import tvmm.cpu.simd.MmxOps;
import tvmm.cpu.simd.SseConvert;
import tvmm.cpu.simd.SseState;
import tvmm.cpu.state.CpuState;

/**
 * An MMX instruction (SDM Vol. 1 ch. 9, Vol. 2): #UD when CR0.EM is set, #NM when CR0.TS is set,
 * #MF for a pending x87 exception; then TOP = 0 and all tags valid (EMMS: all empty). The source
 * is an MMX register, memory (m64/m32), a general register or an XMM register by kind.
 */
final class MmxOp extends Insn {
    static final int LANES = 0, SHIFT = 1, SHIFT_IMM = 2, PACK = 3, UNPACK = 4, PSHUFW = 5, PSHUFB = 6, PALIGNR = 7,
            HORIZ = 8, MOV = 9, STORE = 10, FROM_GPR = 11, TO_GPR = 12, PMOVMSKB = 13, PEXTRW = 14, PINSRW = 15,
            EMMS = 16, MASKMOVQ = 17, MOVQ2DQ = 18, MOVDQ2Q = 19, CVTPI2PS = 20, CVTPI2PD = 21, CVTPS2PI = 22,
            CVTPD2PI = 23;

    private final int kind;
    private final int op;
    private final int imm;
    /** MMX register (destination, or source for stores), or XMM register for the conversions into XMM. */
    private final int r;
    /** Source register (MMX or XMM by kind) when {@code src} is null. */
    private final int sr;
    /** A memory or general-register operand, or null. */
    private final Operand src;

    MmxOp(long address, int length, int kind, int op, int imm, int r, int sr, Operand src) {
        super(address, length);
        this.kind = kind;
        this.op = op;
        this.imm = imm;
        this.r = r;
        this.sr = sr;
        this.src = src;
    }

    @Override
    public byte kind() {
        return kind == STORE || kind == MASKMOVQ || kind == TO_GPR && src.isMemory() ? Insn.STORE : Insn.SEQ;
    }

    private boolean usesXmm() {
        return kind >= MOVQ2DQ;
    }

    @Override
    public void execute(CpuState s) {
        if ((s.cr0 & ControlBits.CR0_EM) != 0 || usesXmm() && (s.cr4 & ControlBits.CR4_OSFXSR) == 0) {
            throw GuestFault.ud();
        }
        if ((s.cr0 & ControlBits.CR0_TS) != 0) {
            throw GuestFault.of(Vectors.NM, 0);
        }
        X87State x = s.x87;
        if (!((kind == CVTPI2PS || kind == CVTPI2PD) && src != null)) {
            X87Node.pending(s, x); // CVTPI2PS/PD m64 is an SSE instruction: no #MF (SDM Vol. 1 §11.6.7)
        }
        if (kind == EMMS) {
            Mmx.emms(x);
            return;
        }
        SseState xs = s.sse;
        // The second operand: memory/GPR, or a register of the kind's file.
        long b = 0;
        long loc = 0;
        int xsrc = sr;
        boolean fromXmm = kind == MOVDQ2Q || kind == CVTPS2PI || kind == CVTPD2PI;
        if (kind == STORE || kind == TO_GPR) {
            loc = src.locate(s);
        } else if (fromXmm && src != null) {
            MemOperand m = (MemOperand) src;
            SseNode.load(s, xs, SseState.TMP, SseNode.locate(s, m, m.size == 16), m.size);
            xsrc = SseState.TMP;
        } else if (src != null && kind != MASKMOVQ) {
            b = src.get(s);
        } else if (!fromXmm) {
            b = Mmx.read(x, sr);
        }
        // r names an XMM register or a GPR for these kinds, not an MMX register (it may be 8-15).
        boolean rIsMmx = kind != PMOVMSKB && kind != PEXTRW && kind != MOVQ2DQ && kind != CVTPI2PS && kind != CVTPI2PD;
        long a = rIsMmx ? Mmx.read(x, r) : 0;
        long res;
        switch (kind) {
            case LANES: res = MmxOps.lanes(op, a, b); break;
            case SHIFT: res = MmxOps.shift(op >> 8, op & 0xff, a, b); break;
            case SHIFT_IMM: res = MmxOps.shift(op >> 8, op & 0xff, a, imm); break;
            case PACK: res = MmxOps.pack(a, b, (op & 1) != 0, (op & 2) != 0); break;
            case UNPACK: res = MmxOps.unpack(a, b, op & 0xf, (op & 0x10) != 0); break;
            case PSHUFW: res = MmxOps.pshufw(b, imm); break;
            case PSHUFB: res = MmxOps.pshufb(a, b); break;
            case PALIGNR: res = MmxOps.palignr(a, b, imm); break;
            case HORIZ: res = MmxOps.horizontal(a, b, op & 0xff, (op & 0x100) != 0, (op & 0x200) != 0); break;
            case MOV: res = b; break;
            case FROM_GPR: res = src.size == 8 ? b : b & 0xffffffffL; break;
            case STORE: // a faulting store leaves the x87 state as it was (host-observed): write first
                src.write(s, loc, a);
                Mmx.enter(x);
                return;
            case TO_GPR:
                src.write(s, loc, src.size == 8 ? a : a & 0xffffffffL);
                Mmx.enter(x);
                return;
            case PMOVMSKB:
                Mmx.enter(x);
                s.gpr[r] = MmxOps.pmovmskb(b) & 0xffffffffL; // r is the GPR here
                return;
            case PEXTRW:
                Mmx.enter(x);
                s.gpr[r] = MmxOps.pextrw(b, imm); // r is the GPR here
                return;
            case PINSRW: res = MmxOps.pinsrw(a, (int) b, imm); break;
            case MASKMOVQ: { // r = data register, sr = mask register
                b = Mmx.read(x, sr);
                Mmx.enter(x);
                MemOperand m = (MemOperand) src;
                long base = m.locate(s);
                for (int i = 0; i < 8; i++) {
                    if (((b >>> (8 * i)) & 0x80) != 0) {
                        s.mem.write(base + i, 1, (a >>> (8 * i)) & 0xff);
                    }
                }
                return;
            }
            case MOVQ2DQ: // r = XMM destination, sr = MMX source
                Mmx.enter(x);
                xs.set(r, b, 0);
                return;
            case MOVDQ2Q: // r = MMX destination, sr = XMM source
                res = xs.lo(xsrc);
                break;
            case CVTPI2PS: case CVTPI2PD: {
                // r = XMM destination; b = the MMX register or m64 value
                if (src == null) {
                    Mmx.enter(x); // only the MMX-register form is an MMX instruction (SDM CVTPI2PS/PD)
                }
                boolean ok = kind == CVTPI2PS ? SseConvert.cvtpi2ps(xs, r, b) : SseConvert.cvtpi2pd(xs, r, b);
                if (!ok) {
                    throw SseNode.simdFault(s);
                }
                return;
            }
            default: { // CVT(T)PS2PI / CVT(T)PD2PI: r = MMX destination, sr = XMM source (TMP when from memory)
                res = kind == CVTPS2PI ? SseConvert.cvtps2pi(xs, xsrc, op != 0) : SseConvert.cvtpd2pi(xs, xsrc, op != 0);
                // The x87-to-MMX transition happens even when the conversion raises #XM (host-observed).
                Mmx.enter(x);
                if (!xs.commitFlags()) {
                    throw SseNode.simdFault(s);
                }
                break;
            }
        }
        Mmx.enter(x);
        Mmx.write(x, r, res);
    }
}
