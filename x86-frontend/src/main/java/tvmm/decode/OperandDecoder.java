package tvmm.decode;

/**
 * Operand decoding: the ModRM/SIB memory form and each operand spec of a form (SDM Vol. 2
 * §2.1.5 and Appendix A.2) turned into kinds, sizes, registers and immediates.
 */
abstract class OperandDecoder extends DecoderState {

    /** ModRM/SIB/displacement memory form (SDM Vol. 2 §2.1.5, Tables 2-1..2-3). */
    void decodeMemory() {
        memDecoded = true;
        int rm = modrm & 7;
        int segDefault = 3;
        Reg b = null;
        Reg x = null;
        if (asize == 2) {
            switch (rm) {
                case 0: b = Reg.BX; x = Reg.SI; break;
                case 1: b = Reg.BX; x = Reg.DI; break;
                case 2: b = Reg.BP; x = Reg.SI; segDefault = 2; break;
                case 3: b = Reg.BP; x = Reg.DI; segDefault = 2; break;
                case 4: b = Reg.SI; break;
                case 5: b = Reg.DI; break;
                case 6: if (mod != 0) { b = Reg.BP; segDefault = 2; } break;
                default: b = Reg.BX; break;
            }
            if (mod == 0 && rm == 6) {
                disp = (short) (fetch() | fetch() << 8);
            } else if (mod == 1) {
                disp = (byte) fetch();
                disp8 = true;
            } else if (mod == 2) {
                disp = (short) (fetch() | fetch() << 8);
            }
        } else {
            boolean noBase = false;
            if (rm == 4) {
                int sib = fetch();
                int sb = sib & 7;
                int idx = ((sib >> 3) & 7) | (rexX << 3);
                sibIndex = idx;
                sibScale = 1 << (sib >> 6);
                hasIndexField = true;
                if (idx != 4) {
                    x = Reg.gpr(asize, idx, true);
                    scale = 1 << (sib >> 6);
                }
                if (sb == 5 && mod == 0) {
                    noBase = true;
                } else {
                    b = Reg.gpr(asize, sb | (rexB << 3), true);
                }
            } else {
                hasIndexField = false;
                if (rm == 5 && mod == 0) {
                    noBase = true;
                    if (mode == 64) {
                        b = asize == 8 ? Reg.RIP : Reg.EIP;
                    }
                } else {
                    b = Reg.gpr(asize, rm | (rexB << 3), true);
                }
            }
            if (b != null && (b.num == 4 || b.num == 5) && b.cls != RegClass.IP) {
                segDefault = 2;
            }
            if (noBase || mod == 2) {
                disp = fetch() | fetch() << 8 | fetch() << 16 | fetch() << 24;
            } else if (mod == 1) {
                disp = (byte) fetch();
                disp8 = true;
            }
        }
        base = ord(b);
        index = ord(x);
        segment = effectiveSegment(segDefault);
    }

    static int ord(Reg r) {
        return r == null ? NO_REG : r.ordinal();
    }

    /**
     * The ordinal of the effective segment register. Outside 64-bit mode the last override
     * wins. In 64-bit mode ES/CS/SS/DS overrides are ignored altogether (AMD APM Vol. 3
     * §1.2.4; SDM Vol. 1 §3.7.4.1), so they neither apply nor cancel an earlier FS/GS:
     * `64 3E 8A 03` reads FS:[rbx] on the host (AMD EPYC), and the last FS/GS prefix wins.
     */
    int effectiveSegment(int segDefault) {
        int s = mode == 64 ? fsGsOverride : segOverride;
        return SEG_ORD[s < 0 ? segDefault : s];
    }

    static final int[] SEG_ORD = {Reg.ES.ordinal(), Reg.CS.ordinal(), Reg.SS.ordinal(), Reg.DS.ordinal(),
        Reg.FS.ordinal(), Reg.GS.ordinal()};

    /** Fills operand {@code i} from its spec; false for an invalid encoding. */
    boolean operand(int i, int spec, Entry e) {
        int size = sizeOf(Spec.size(spec));
        sizes[i] = size;
        switch (Spec.method(spec)) {
            case Spec.E:
                if (mod == 3) {
                    return gpr(i, size, rmField);
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.M:
                if (mod == 3) {
                    return false;
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.R:
                if (mod != 3) {
                    return false;
                }
                return gpr(i, size, rmField);
            case Spec.G:
                return gpr(i, size, regField & 15);
            case Spec.GR:
                return gpr(i, size, regField & 15);
            case Spec.RR:
                return gpr(i, size, rmField);
            case Spec.Z:
                return gpr(i, size, (opcode & 7) | (rexB << 3));
            case Spec.FIXED:
                return gpr(i, size, Spec.fixed(spec));
            case Spec.B:
                regs[i] = ord(Reg.gpr(size, vvvv & 15, true));
                kinds[i] = K_REG;
                return true;
            case Spec.I:
            case Spec.IU:
                immediate(i, size, Spec.method(spec) == Spec.I);
                return true;
            case Spec.ONE:
                kinds[i] = K_IMM;
                setImm(1);
                return true;
            case Spec.J: {
                long rel = size == 1 ? (byte) fetch() : size == 2 ? (short) (fetch() | fetch() << 8)
                        : fetch() | fetch() << 8 | fetch() << 16 | fetch() << 24; // an int: sign-extends
                kinds[i] = K_REL;
                imm = rel;
                return true;
            }
            case Spec.A: {
                long offset = osize == 2 ? (fetch() | fetch() << 8)
                        : (fetch() | fetch() << 8 | fetch() << 16 | (long) fetch() << 24);
                imm = offset;
                imm2 = fetch() | fetch() << 8;
                kinds[i] = K_FAR;
                sizes[i] = osize == 2 ? 4 : 6;
                return true;
            }
            case Spec.O: {
                long a = 0;
                for (int k = 0; k < asize; k++) {
                    a |= (long) fetch() << (8 * k);
                }
                disp = a;
                segment = effectiveSegment(3);
                kinds[i] = K_MOFFS;
                return true;
            }
            case Spec.SEGR: {
                // REX.R extends ModRM.reg only for GPR, vector, control and debug registers and
                // is ignored for segment registers (SDM Vol. 2A §2.2.1.2; the host runs 44 8C D0
                // as mov eax, ss). Sreg 6 and 7 do not exist: #UD. CS cannot be loaded: MOV CS, r/m
                // (8E /1, the only form with a segment register destination) is #UD (SDM Vol. 2B "MOV").
                int s = (modrm >> 3) & 7;
                if (s > 5 || s == 1 && i == 0) {
                    return false;
                }
                regs[i] = ord(Reg.of(RegClass.SEG, s));
                kinds[i] = K_REG;
                sizes[i] = 2;
                return true;
            }
            case Spec.FIXSEG:
                regs[i] = ord(Reg.of(RegClass.SEG, Spec.fixed(spec)));
                kinds[i] = K_REG;
                return true;
            case Spec.C: {
                int c = regField & 15;
                if (c != 0 && c != 2 && c != 3 && c != 4 && c != 8) {
                    return false; // #UD for undefined control registers (SDM Vol. 3 §2.5)
                }
                regs[i] = ord(Reg.of(RegClass.CR, c));
                kinds[i] = K_REG;
                return true;
            }
            case Spec.D: {
                int dr = regField & 15;
                if (dr > 7) {
                    return false;
                }
                regs[i] = ord(Reg.of(RegClass.DR, dr));
                kinds[i] = K_REG;
                return true;
            }
            case Spec.X:
                kinds[i] = K_STR_SRC;
                segment = effectiveSegment(3);
                return true;
            case Spec.Y:
                kinds[i] = K_STR_DST;
                if (segment < 0) {
                    segment = ord(Reg.ES);
                }
                return true;
            case Spec.V:
                return vec(i, spec, regField);
            case Spec.W:
                if (mod == 3) {
                    return vec(i, spec, rmField | (rexX << 4));
                }
                kinds[i] = K_MEM;
                if (broadcast) {
                    sizes[i] = (e.flags & Entry.F_BCST8) != 0 ? 8 : 4;
                }
                return true;
            case Spec.U:
                if (mod != 3) {
                    return false;
                }
                return vec(i, spec, rmField | (rexX << 4));
            case Spec.H:
                return vec(i, spec, vvvv | (evexVp << 4));
            case Spec.L: {
                int r = fetch();
                immCount++;
                return vec(i, spec, mode == 64 ? r >> 4 : (r >> 4) & 7);
            }
            case Spec.FIXVEC:
                regs[i] = ord(Reg.of(RegClass.XMM, Spec.fixed(spec)));
                kinds[i] = K_REG;
                return true;
            case Spec.P:
                regs[i] = ord(Reg.of(RegClass.MMX, (modrm >> 3) & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.Q:
                if (mod == 3) {
                    regs[i] = ord(Reg.of(RegClass.MMX, modrm & 7));
                    kinds[i] = K_REG;
                    return true;
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.N:
                if (mod != 3) {
                    return false;
                }
                regs[i] = ord(Reg.of(RegClass.MMX, modrm & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.ST0:
                regs[i] = ord(Reg.ST0);
                kinds[i] = K_REG;
                return true;
            case Spec.STI:
                regs[i] = ord(Reg.of(RegClass.ST, modrm & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.KR:
                regs[i] = ord(Reg.of(RegClass.MASK, (modrm >> 3) & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.KH:
                regs[i] = ord(Reg.of(RegClass.MASK, vvvv & 7));
                kinds[i] = K_REG;
                return true;
            case Spec.KM:
            case Spec.KU:
                if (mod == 3) {
                    regs[i] = ord(Reg.of(RegClass.MASK, modrm & 7));
                    kinds[i] = K_REG;
                    return true;
                }
                if (Spec.method(spec) == Spec.KU) {
                    return false;
                }
                kinds[i] = K_MEM;
                return true;
            case Spec.VSIB: {
                if (mod == 3 || !hasIndexField) {
                    return false; // gathers need a SIB byte (SDM Vol. 2 §2.3.12)
                }
                int idxBytes = Spec.size(spec) == Spec.SZ_X ? vl : Spec.size(spec) == Spec.SZ_XH ? Math.max(16, vl / 2) : 16;
                index = ord(Reg.vec(idxBytes, sibIndex | (evexVp << 4)));
                scale = sibScale;
                kinds[i] = K_MEM;
                sizes[i] = vexW ? 8 : 4;
                return true;
            }
            default:
                return false;
        }
    }

    boolean gpr(int i, int size, int num) {
        // GPR_ORD is indexed by size (1, 2, 4, 8), REX present, and the register number.
        regs[i] = GPR_ORD[(size << 5) | (rex != 0 ? 16 : 0) | (num & 15)];
        kinds[i] = K_REG;
        return true;
    }

    /** Reg ordinals of the general registers by (size << 5 | rex << 4 | number). */
    private static final int[] GPR_ORD = new int[9 << 5];

    static {
        for (int size : new int[] {1, 2, 4, 8}) {
            for (int r = 0; r < 2; r++) {
                for (int n = 0; n < 16; n++) {
                    GPR_ORD[(size << 5) | (r << 4) | n] = Reg.gpr(size, n, r == 1).ordinal();
                }
            }
        }
    }

    boolean vec(int i, int spec, int num) {
        int width;
        switch (Spec.size(spec)) {
            case Spec.SZ_X: width = vl == 0 ? 16 : vl; break;
            case Spec.SZ_XH: width = Math.max(16, vlOr16() / 2); break;
            case Spec.SZ_XQ: width = Math.max(16, vlOr16() / 4); break;
            case Spec.SZ_QQ: width = 32; break;
            case Spec.SZ_DQQ: width = 64; break;
            default: width = 16; break;
        }
        if (encoding != EVEX) {
            num &= 15;
        }
        regs[i] = ord(Reg.vec(width, num));
        kinds[i] = K_REG;
        sizes[i] = width;
        return true;
    }

    int vlOr16() {
        return vl == 0 ? 16 : vl;
    }

    void immediate(int i, int size, boolean signed) {
        long v;
        switch (size) {
            case 1: v = signed ? (byte) fetch() : fetch(); break;
            case 2: v = signed ? (short) (fetch() | fetch() << 8) : (fetch() | fetch() << 8); break;
            case 4: v = fetch() | fetch() << 8 | fetch() << 16 | fetch() << 24; break;
            default: {
                long lo = (fetch() | fetch() << 8 | fetch() << 16 | (long) fetch() << 24);
                long hi = (fetch() | fetch() << 8 | fetch() << 16 | (long) fetch() << 24);
                v = lo | hi << 32;
                break;
            }
        }
        kinds[i] = K_IMM;
        setImm(v);
    }

    void setImm(long v) {
        if (immCount++ == 0) {
            imm = v;
        } else {
            imm2 = v;
        }
    }

    int sizeOf(int code) {
        switch (code) {
            case Spec.SZ_B: return 1;
            case Spec.SZ_W: return 2;
            case Spec.SZ_D: return 4;
            case Spec.SZ_Q: return 8;
            case Spec.SZ_V: return osize;
            case Spec.SZ_Z: return osize == 2 ? 2 : 4;
            case Spec.SZ_Y: return osize == 8 ? 8 : 4;
            case Spec.SZ_DQ: return 16;
            case Spec.SZ_QQ: return 32;
            case Spec.SZ_X: return vlOr16();
            case Spec.SZ_XH: return vlOr16() / 2;
            case Spec.SZ_XQ: return vlOr16() / 4;
            case Spec.SZ_XO: return vlOr16() / 8;
            case Spec.SZ_T: return 10;
            case Spec.SZ_P: return osize == 2 ? 4 : osize == 4 ? 6 : 10;
            case Spec.SZ_S: return mode == 64 ? 10 : 6;
            case Spec.SZ_A: return osize * 2;
            case Spec.SZ_DQQ: return 64;
            case Spec.SZ_DV: return mode == 64 ? 8 : 4;
            case Spec.SZ_E: return vexW ? 8 : 4;
            case Spec.SZ_EW: return 2;
            case Spec.SZ_ASZ: return asize;
            default: return 0;
        }
    }

}
