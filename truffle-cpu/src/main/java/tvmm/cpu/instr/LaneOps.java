package tvmm.cpu.instr;

import tvmm.cpu.simd.SimdInt;
import tvmm.cpu.simd.SseInt;
import tvmm.decode.Op;

/**
 * The integer lane operations MMX and SSE share: the {@link SseInt} selector (lane width |
 * {@link SimdInt} operation) of each, the same for 64-bit MMX and 128-bit XMM registers. The
 * bitwise ANDPS/ORPS/… forms are the same lane operation on all 128 bits.
 */
final class LaneOps {
    private LaneOps() {
    }

    /** The selector of {@code op}, or -1 if it is not a lane operation. */
    static int selector(Op op) {
        switch (op) {
            case PADDB: return SseInt.PADDB;
            case PADDW: return SseInt.PADDW;
            case PADDD: return SseInt.PADDD;
            case PADDQ: return SseInt.PADDQ;
            case PSUBB: return SseInt.PSUBB;
            case PSUBW: return SseInt.PSUBW;
            case PSUBD: return SseInt.PSUBD;
            case PSUBQ: return SseInt.PSUBQ;
            case PCMPEQB: return SseInt.PCMPEQB;
            case PCMPEQW: return SseInt.W | SimdInt.CMPEQ;
            case PCMPEQD: return SseInt.D | SimdInt.CMPEQ;
            case PCMPEQQ: return SseInt.PCMPEQQ;
            case PCMPGTB: return SseInt.B | SimdInt.CMPGT;
            case PCMPGTW: return SseInt.W | SimdInt.CMPGT;
            case PCMPGTD: return SseInt.D | SimdInt.CMPGT;
            case PCMPGTQ: return SseInt.PCMPGTQ;
            case PAND: case ANDPS: case ANDPD: return SseInt.PAND;
            case PANDN: case ANDNPS: case ANDNPD: return SseInt.PANDN;
            case POR: case ORPS: case ORPD: return SseInt.POR;
            case PXOR: case XORPS: case XORPD: return SseInt.PXOR;
            case PADDSB: return SseInt.B | SimdInt.ADDS;
            case PADDSW: return SseInt.W | SimdInt.ADDS;
            case PADDUSB: return SseInt.B | SimdInt.ADDUS;
            case PADDUSW: return SseInt.W | SimdInt.ADDUS;
            case PSUBSB: return SseInt.B | SimdInt.SUBS;
            case PSUBSW: return SseInt.W | SimdInt.SUBS;
            case PSUBUSB: return SseInt.B | SimdInt.SUBUS;
            case PSUBUSW: return SseInt.W | SimdInt.SUBUS;
            case PMINUB: return SseInt.B | SimdInt.MINU;
            case PMAXUB: return SseInt.B | SimdInt.MAXU;
            case PMINSB: return SseInt.B | SimdInt.MINS;
            case PMAXSB: return SseInt.B | SimdInt.MAXS;
            case PMINSW: return SseInt.W | SimdInt.MINS;
            case PMAXSW: return SseInt.W | SimdInt.MAXS;
            case PMINUW: return SseInt.W | SimdInt.MINU;
            case PMAXUW: return SseInt.W | SimdInt.MAXU;
            case PMINUD: return SseInt.D | SimdInt.MINU;
            case PMAXUD: return SseInt.D | SimdInt.MAXU;
            case PMINSD: return SseInt.D | SimdInt.MINS;
            case PMAXSD: return SseInt.D | SimdInt.MAXS;
            case PAVGB: return SseInt.B | SimdInt.AVG;
            case PAVGW: return SseInt.W | SimdInt.AVG;
            case PMULLW: return SseInt.W | SimdInt.MULLO;
            case PMULLD: return SseInt.D | SimdInt.MULLO;
            case PMULHW: return SseInt.W | SimdInt.MULHI;
            case PMULHUW: return SseInt.W | SimdInt.MULHU;
            case PMULHRSW: return SseInt.W | SimdInt.MULHRS;
            case PMADDWD: return SseInt.PMADDWD;
            case PMADDUBSW: return SseInt.PMADDUBSW;
            case PSADBW: return SseInt.PSADBW;
            case PMULUDQ: return SseInt.PMULUDQ;
            case PMULDQ: return SseInt.PMULDQ;
            case PABSB: return SseInt.B | SimdInt.ABS;
            case PABSW: return SseInt.W | SimdInt.ABS;
            case PABSD: return SseInt.D | SimdInt.ABS;
            case PSIGNB: return SseInt.B | SimdInt.SIGN;
            case PSIGNW: return SseInt.W | SimdInt.SIGN;
            case PSIGND: return SseInt.D | SimdInt.SIGN;
            default: return -1;
        }
    }
}
