package tvmm.decode;

/**
 * Bit layout of an operand specification in the opcode tables: addressing method (SDM
 * Vol. 2 Appendix A.2.1) in bits 0-7, size code (A.2.2) in bits 8-15, a fixed register
 * number in bits 16-23. Parsed once from the table text; the decoder only switches on ints.
 */
final class Spec {
    private Spec() {
    }

    // Addressing methods.
    static final int E = 1;       // ModRM.rm: GPR or memory
    static final int M = 2;       // ModRM.rm: memory only
    static final int R = 3;       // ModRM.rm: GPR only
    static final int G = 4;       // ModRM.reg: GPR
    static final int I = 5;       // immediate, sign-extended
    static final int IU = 6;      // immediate, zero-extended (ports, vectors, ENTER, RET)
    static final int ONE = 7;     // the constant 1 (shift by one)
    static final int J = 8;       // relative branch target
    static final int A = 9;       // far pointer in the instruction
    static final int O = 10;      // moffs
    static final int Z = 11;      // GPR in opcode bits 2:0 (+ REX.B)
    static final int FIXED = 12;  // a fixed GPR (number in the fixed field)
    static final int SEGR = 13;   // ModRM.reg: segment register
    static final int FIXSEG = 14; // a fixed segment register
    static final int C = 15;      // ModRM.reg: control register
    static final int D = 16;      // ModRM.reg: debug register
    static final int X = 17;      // DS:rSI
    static final int Y = 18;      // ES:rDI
    static final int V = 19;      // ModRM.reg: vector register
    static final int W = 20;      // ModRM.rm: vector register or memory
    static final int U = 21;      // ModRM.rm: vector register only
    static final int H = 22;      // VEX.vvvv: vector register
    static final int L = 23;      // imm8[7:4]: vector register (VEX is4)
    static final int P = 24;      // ModRM.reg: MMX
    static final int Q = 25;      // ModRM.rm: MMX or memory
    static final int N = 26;      // ModRM.rm: MMX only
    static final int ST0 = 27;    // x87 ST(0)
    static final int STI = 28;    // x87 ST(i) from ModRM.rm
    static final int B = 29;      // VEX.vvvv: GPR (BMI)
    static final int FIXVEC = 30; // a fixed vector register (XMM0 of BLENDVPS)
    static final int KR = 31;     // ModRM.reg: opmask
    static final int KM = 32;     // ModRM.rm: opmask or memory
    static final int KH = 33;     // VEX.vvvv: opmask
    static final int KU = 34;     // ModRM.rm: opmask only
    static final int VSIB = 35;   // memory with a vector index (gathers)
    static final int GR = 36;     // ModRM.reg: GPR, 32/64 by mode only (MOV CR/DR)
    static final int RR = 37;     // ModRM.rm: GPR, 32/64 by mode only, mod ignored (MOV CR/DR)

    // Size codes.
    static final int SZ_NONE = 0;
    static final int SZ_B = 1;
    static final int SZ_W = 2;
    static final int SZ_D = 3;
    static final int SZ_Q = 4;
    static final int SZ_V = 5;    // operand size 2/4/8
    static final int SZ_Z = 6;    // 2 or 4 (4 when the operand size is 8)
    static final int SZ_Y = 7;    // 4 or 8 (8 only with 64-bit operand size)
    static final int SZ_DQ = 8;   // 16
    static final int SZ_QQ = 9;   // 32
    static final int SZ_X = 10;   // vector length
    static final int SZ_XH = 11;  // half the vector length
    static final int SZ_XQ = 12;  // a quarter
    static final int SZ_XO = 13;  // an eighth
    static final int SZ_T = 14;   // 10 (x87 extended, BCD)
    static final int SZ_P = 15;   // far pointer: 2 + operand size (z)
    static final int SZ_S = 16;   // descriptor table register: 6, or 10 in 64-bit mode
    static final int SZ_A = 17;   // BOUND: two operand-size words
    static final int SZ_DQQ = 18; // 64 (zmm)
    static final int SZ_DV = 19;  // 32/64 by mode (CR/DR moves)
    static final int SZ_E = 20;   // element of a vector (EVEX W: 4 or 8)
    static final int SZ_EW = 21;  // 2
    static final int SZ_FS = 22;  // x87 environment/state: sizes printed as none
    static final int SZ_ASZ = 23; // the address size (rAX of VMRUN, INVLPGA)

    static int method(int spec) {
        return spec & 0xff;
    }

    static int size(int spec) {
        return (spec >>> 8) & 0xff;
    }

    static int fixed(int spec) {
        return (spec >>> 16) & 0xff;
    }

    static int make(int method, int size, int fixed) {
        return method | (size << 8) | (fixed << 16);
    }

    /** Parses an operand token such as "Ev", "Ib", "rAX", "Vx", "ST0"; throws on typos (table bug). */
    static int parse(String t) {
        switch (t) {
            case "1": return make(ONE, SZ_B, 0);
            case "AL": return make(FIXED, SZ_B, 0);
            case "CL": return make(FIXED, SZ_B, 1);
            case "DX": return make(FIXED, SZ_W, 2);
            case "AX": return make(FIXED, SZ_W, 0);
            case "EAX": return make(FIXED, SZ_D, 0);
            case "ECX": return make(FIXED, SZ_D, 1);
            case "EDX": return make(FIXED, SZ_D, 2);
            case "rAX": return make(FIXED, SZ_V, 0);
            case "rCX": return make(FIXED, SZ_V, 1);
            case "rDX": return make(FIXED, SZ_V, 2);
            case "eAX": return make(FIXED, SZ_Z, 0);
            case "RAX": return make(FIXED, SZ_Q, 0);
            case "aAX": return make(FIXED, SZ_ASZ, 0);
            case "ES": return make(FIXSEG, SZ_W, 0);
            case "CS": return make(FIXSEG, SZ_W, 1);
            case "SS": return make(FIXSEG, SZ_W, 2);
            case "DS": return make(FIXSEG, SZ_W, 3);
            case "FS": return make(FIXSEG, SZ_W, 4);
            case "GS": return make(FIXSEG, SZ_W, 5);
            case "ST0": return make(ST0, SZ_T, 0);
            case "STi": return make(STI, SZ_T, 0);
            case "XMM0": return make(FIXVEC, SZ_DQ, 0);
            case "sIb": return make(I, SZ_B, 1);
            case "uIb": return make(IU, SZ_B, 0);
            case "uIw": return make(IU, SZ_W, 0);
            case "Cy": return make(C, SZ_DV, 0);
            case "Dy": return make(D, SZ_DV, 0);
            case "Gr": return make(GR, SZ_DV, 0);
            case "Rr": return make(RR, SZ_DV, 0);
            default: break;
        }
        int m;
        int rest;
        if (t.startsWith("KR")) {
            m = KR; rest = 2;
        } else if (t.startsWith("KM")) {
            m = KM; rest = 2;
        } else if (t.startsWith("KH")) {
            m = KH; rest = 2;
        } else if (t.startsWith("KU")) {
            m = KU; rest = 2;
        } else if (t.startsWith("VS")) {
            m = VSIB; rest = 2;
        } else {
            rest = 1;
            switch (t.charAt(0)) {
                case 'E': m = E; break;
                case 'M': m = M; break;
                case 'R': m = R; break;
                case 'G': m = G; break;
                case 'I': m = I; break;
                case 'J': m = J; break;
                case 'A': m = A; break;
                case 'O': m = O; break;
                case 'Z': m = Z; break;
                case 'S': m = SEGR; break;
                case 'X': m = X; break;
                case 'Y': m = Y; break;
                case 'V': m = V; break;
                case 'W': m = W; break;
                case 'U': m = U; break;
                case 'H': m = H; break;
                case 'L': m = L; break;
                case 'P': m = P; break;
                case 'Q': m = Q; break;
                case 'N': m = N; break;
                case 'B': m = B; break;
                default: throw new IllegalArgumentException("operand " + t);
            }
        }
        return make(m, parseSize(t.substring(rest), t), 0);
    }

    private static int parseSize(String s, String t) {
        switch (s) {
            case "": return SZ_NONE;
            case "b": return SZ_B;
            case "w": return SZ_W;
            case "d": case "ss": return SZ_D;
            case "q": case "sd": return SZ_Q;
            case "v": return SZ_V;
            case "z": return SZ_Z;
            case "y": return SZ_Y;
            case "dq": return SZ_DQ;
            case "qq": return SZ_QQ;
            case "x": return SZ_X;
            case "xh": return SZ_XH;
            case "xq": return SZ_XQ;
            case "xo": return SZ_XO;
            case "t": return SZ_T;
            case "p": return SZ_P;
            case "s": return SZ_S;
            case "a": return SZ_A;
            case "zq": return SZ_DQQ;
            case "e": return SZ_E;
            case "sh": return SZ_EW;
            case "f": return SZ_FS;
            default: throw new IllegalArgumentException("operand size " + t);
        }
    }
}
