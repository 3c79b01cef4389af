package tvmm.decode;

/**
 * EVEX-encoded opcodes (AVX-512 F/BW/DQ/CD/VL; SDM Vol. 2 §2.7 and the instruction pages),
 * and the VEX-encoded opmask instructions (KMOV, KAND, ... ; SDM Vol. 2 "Kxxx"). Selectors as
 * in {@link VexMap} (L0/L1/L2 = EVEX.L'L). Flags: b4/b8 = embedded broadcast of 4/8-byte
 * elements, t=N = disp8*N tuple size (negative: vector length / N), er/sae = EVEX.b on
 * registers selects rounding / suppress-all-exceptions.
 */
final class EvexMap {
    private EvexMap() {
    }

    static void build(Entry[][] maps) {
        TableBuilder.addAll(maps[1], MAP_0F);
        TableBuilder.addAll(maps[2], MAP_0F38);
        TableBuilder.addAll(maps[3], MAP_0F3A);
    }

    /** Opmask instructions: VEX map 0F and 0F3A (added to {@link Tables#VEX}). */
    static void buildMaskOps(Entry[][] vex) {
        TableBuilder.addAll(vex[1], MASK_0F);
        TableBuilder.addAll(vex[3], MASK_0F3A);
    }

    private static final String MAP_0F = """
        7B F3 VCVTUSI2SS Vdq,Hdq,Ey er
        7B F2 VCVTUSI2SD Vdq,Hdq,Ey er
        79 F3 W0 VCVTSS2USI Gy,Wss t=4 er
        79 F2 W0 VCVTSD2USI Gy,Wsd t=8 er
        78 F3 W0 VCVTTSS2USI Gy,Wss t=4 sae
        78 F2 W0 VCVTTSD2USI Gy,Wsd t=8 sae
        79 NP W0 VCVTPS2UDQ Vx,Wx b4 er
        79 NP W1 VCVTPD2UDQ Vxh,Wx b8 er
        78 NP W0 VCVTTPS2UDQ Vx,Wx b4 sae
        78 NP W1 VCVTTPD2UDQ Vxh,Wx b8 sae
        7A F3 W0 VCVTUDQ2PD Vx,Wxh b4 t=-2
        7A F2 W0 VCVTUDQ2PS Vx,Wx b4 er
        7A F3 W1 VCVTUQQ2PD Vx,Wx b8 er
        7A F2 W1 VCVTUQQ2PS Vxh,Wx b8 er
        7B 66 W0 VCVTPS2QQ Vx,Wxh b4 t=-2 er
        7B 66 W1 VCVTPD2QQ Vx,Wx b8 er
        7A 66 W0 VCVTTPS2QQ Vx,Wxh b4 t=-2 sae
        7A 66 W1 VCVTTPD2QQ Vx,Wx b8 sae
        79 66 W0 VCVTPS2UQQ Vx,Wxh b4 t=-2 er
        79 66 W1 VCVTPD2UQQ Vx,Wx b8 er
        78 66 W0 VCVTTPS2UQQ Vx,Wxh b4 t=-2 sae
        78 66 W1 VCVTTPD2UQQ Vx,Wx b8 sae
        E6 F3 W1 VCVTQQ2PD Vx,Wx b8 er
        5B NP W1 VCVTQQ2PS Vxh,Wx b8 er
        E6 66 W1 CVTTPD2DQ Vxh,Wx b8 sae
        E6 F2 W1 CVTPD2DQ Vxh,Wx b8 er
        E6 F3 W0 CVTDQ2PD Vx,Wxh b4 t=-2
        2A F3 CVTSI2SS Vdq,Hdq,Ey er
        2A F2 CVTSI2SD Vdq,Hdq,Ey er
        2C F3 W0 CVTTSS2SI Gy,Wss t=4 sae
        2C F2 W0 CVTTSD2SI Gy,Wsd t=8 sae
        2D F3 W0 CVTSS2SI Gy,Wss t=4 er
        2D F2 W0 CVTSD2SI Gy,Wsd t=8 er
        12 F3 W0 MOVSLDUP Vx,Wx
        16 F3 W0 MOVSHDUP Vx,Wx
        12 F2 W1 MOVDDUP Vx,Wx
        12 F2 W1 L0 MOVDDUP Vx,Wq t=8
        12 NP W0 mem MOVLPS Vdq,Hdq,Mq t=8
        12 NP W0 reg MOVHLPS Vdq,Hdq,Udq
        12 66 W1 mem MOVLPD Vdq,Hdq,Mq t=8
        13 NP W0 mem MOVLPS Mq,Vdq t=8
        13 66 W1 mem MOVLPD Mq,Vdq t=8
        16 NP W0 mem MOVHPS Vdq,Hdq,Mq t=8
        16 NP W0 reg MOVLHPS Vdq,Hdq,Udq
        16 66 W1 mem MOVHPD Vdq,Hdq,Mq t=8
        17 NP W0 mem MOVHPS Mq,Vdq t=8
        17 66 W1 mem MOVHPD Mq,Vdq t=8
        C4 66 mem PINSRW Vdq,Hdq,Mw,uIb t=2
        C4 66 reg PINSRW Vdq,Hdq,Rd,uIb
        C5 66 reg PEXTRW Gd,Udq,uIb
        50 NP reg MOVMSKPS Gy,Ux
        58 NP W0 ADDPS Vx,Hx,Wx b4 er
        58 66 W1 ADDPD Vx,Hx,Wx b8 er
        58 F3 W0 ADDSS Vdq,Hdq,Wss t=4 er
        58 F2 W1 ADDSD Vdq,Hdq,Wsd t=8 er
        59 NP W0 MULPS Vx,Hx,Wx b4 er
        59 66 W1 MULPD Vx,Hx,Wx b8 er
        59 F3 W0 MULSS Vdq,Hdq,Wss t=4 er
        59 F2 W1 MULSD Vdq,Hdq,Wsd t=8 er
        5C NP W0 SUBPS Vx,Hx,Wx b4 er
        5C 66 W1 SUBPD Vx,Hx,Wx b8 er
        5C F3 W0 SUBSS Vdq,Hdq,Wss t=4 er
        5C F2 W1 SUBSD Vdq,Hdq,Wsd t=8 er
        5E NP W0 DIVPS Vx,Hx,Wx b4 er
        5E 66 W1 DIVPD Vx,Hx,Wx b8 er
        5E F3 W0 DIVSS Vdq,Hdq,Wss t=4 er
        5E F2 W1 DIVSD Vdq,Hdq,Wsd t=8 er
        5D NP W0 MINPS Vx,Hx,Wx b4 sae
        5D 66 W1 MINPD Vx,Hx,Wx b8 sae
        5D F3 W0 MINSS Vdq,Hdq,Wss t=4 sae
        5D F2 W1 MINSD Vdq,Hdq,Wsd t=8 sae
        5F NP W0 MAXPS Vx,Hx,Wx b4 sae
        5F 66 W1 MAXPD Vx,Hx,Wx b8 sae
        5F F3 W0 MAXSS Vdq,Hdq,Wss t=4 sae
        5F F2 W1 MAXSD Vdq,Hdq,Wsd t=8 sae
        51 NP W0 SQRTPS Vx,Wx b4 er
        51 66 W1 SQRTPD Vx,Wx b8 er
        51 F3 W0 SQRTSS Vdq,Hdq,Wss t=4 er
        51 F2 W1 SQRTSD Vdq,Hdq,Wsd t=8 er
        54 NP W0 ANDPS Vx,Hx,Wx b4
        54 66 W1 ANDPD Vx,Hx,Wx b8
        55 NP W0 ANDNPS Vx,Hx,Wx b4
        55 66 W1 ANDNPD Vx,Hx,Wx b8
        56 NP W0 ORPS Vx,Hx,Wx b4
        56 66 W1 ORPD Vx,Hx,Wx b8
        57 NP W0 XORPS Vx,Hx,Wx b4
        57 66 W1 XORPD Vx,Hx,Wx b8
        14 NP W0 UNPCKLPS Vx,Hx,Wx b4
        14 66 W1 UNPCKLPD Vx,Hx,Wx b8
        15 NP W0 UNPCKHPS Vx,Hx,Wx b4
        15 66 W1 UNPCKHPD Vx,Hx,Wx b8
        10 NP W0 MOVUPS Vx,Wx
        10 66 W1 MOVUPD Vx,Wx
        10 F3 W0 mem MOVSS Vdq,Md t=4
        10 F3 W0 reg MOVSS Vdq,Hdq,Udq
        10 F2 W1 mem MOVSD Vdq,Mq t=8
        10 F2 W1 reg MOVSD Vdq,Hdq,Udq
        11 NP W0 MOVUPS Wx,Vx
        11 66 W1 MOVUPD Wx,Vx
        11 F3 W0 mem MOVSS Md,Vdq t=4
        11 F3 W0 reg MOVSS Udq,Hdq,Vdq
        11 F2 W1 mem MOVSD Mq,Vdq t=8
        11 F2 W1 reg MOVSD Udq,Hdq,Vdq
        28 NP W0 MOVAPS Vx,Wx
        28 66 W1 MOVAPD Vx,Wx
        29 NP W0 MOVAPS Wx,Vx
        29 66 W1 MOVAPD Wx,Vx
        2B NP W0 mem MOVNTPS Mx,Vx
        2B 66 W1 mem MOVNTPD Mx,Vx
        2E NP W0 UCOMISS Vdq,Wss t=4 sae
        2E 66 W1 UCOMISD Vdq,Wsd t=8 sae
        2F NP W0 COMISS Vdq,Wss t=4 sae
        2F 66 W1 COMISD Vdq,Wsd t=8 sae
        5A NP W0 CVTPS2PD Vx,Wxh b4 t=-2 sae
        5A 66 W1 CVTPD2PS Vxh,Wx b8 er
        5A F3 W0 CVTSS2SD Vdq,Hdq,Wss t=4 sae
        5A F2 W1 CVTSD2SS Vdq,Hdq,Wsd t=8 er
        5B NP W0 CVTDQ2PS Vx,Wx b4 er
        5B 66 W0 CVTPS2DQ Vx,Wx b4 er
        5B F3 W0 CVTTPS2DQ Vx,Wx b4 sae
        6E 66 W0 MOVD Vdq,Ed t=4
        6E 66 W1 MOVQ Vdq,Eq t=8
        7E 66 W0 MOVD Ed,Vdq t=4
        7E 66 W1 MOVQ Eq,Vdq t=8
        7E F3 W1 MOVQ Vdq,Wq t=8
        D6 66 W1 MOVQ Wq,Vdq t=8
        6F 66 W0 VMOVDQA32 Vx,Wx
        6F 66 W1 VMOVDQA64 Vx,Wx
        6F F3 W0 VMOVDQU32 Vx,Wx
        6F F3 W1 VMOVDQU64 Vx,Wx
        6F F2 W0 VMOVDQU8 Vx,Wx
        6F F2 W1 VMOVDQU16 Vx,Wx
        7F 66 W0 VMOVDQA32 Wx,Vx
        7F 66 W1 VMOVDQA64 Wx,Vx
        7F F3 W0 VMOVDQU32 Wx,Vx
        7F F3 W1 VMOVDQU64 Wx,Vx
        7F F2 W0 VMOVDQU8 Wx,Vx
        7F F2 W1 VMOVDQU16 Wx,Vx
        70 66 W0 PSHUFD Vx,Wx,uIb b4
        70 F3 PSHUFHW Vx,Wx,uIb
        70 F2 PSHUFLW Vx,Wx,uIb
        E7 66 W0 mem MOVNTDQ Mx,Vx
        C2 NP W0 CMPPS KR,Hx,Wx,uIb b4 sae
        C2 66 W1 CMPPD KR,Hx,Wx,uIb b8 sae
        C2 F3 W0 CMPSS KR,Hdq,Wss,uIb t=4 sae
        C2 F2 W1 CMPSD KR,Hdq,Wsd,uIb t=8 sae
        C6 NP W0 SHUFPS Vx,Hx,Wx,uIb b4
        C6 66 W1 SHUFPD Vx,Hx,Wx,uIb b8
        DB 66 W0 VPANDD Vx,Hx,Wx b4
        DB 66 W1 VPANDQ Vx,Hx,Wx b8
        DF 66 W0 VPANDND Vx,Hx,Wx b4
        DF 66 W1 VPANDNQ Vx,Hx,Wx b8
        EB 66 W0 VPORD Vx,Hx,Wx b4
        EB 66 W1 VPORQ Vx,Hx,Wx b8
        EF 66 W0 VPXORD Vx,Hx,Wx b4
        EF 66 W1 VPXORQ Vx,Hx,Wx b8
        64 66 PCMPGTB KR,Hx,Wx
        65 66 PCMPGTW KR,Hx,Wx
        66 66 W0 PCMPGTD KR,Hx,Wx b4
        74 66 PCMPEQB KR,Hx,Wx
        75 66 PCMPEQW KR,Hx,Wx
        76 66 W0 PCMPEQD KR,Hx,Wx b4
        72 /0 66 W0 VPRORD Hx,Wx,uIb b4
        72 /0 66 W1 VPRORQ Hx,Wx,uIb b8
        72 /1 66 W0 VPROLD Hx,Wx,uIb b4
        72 /1 66 W1 VPROLQ Hx,Wx,uIb b8
        72 /2 66 W0 PSRLD Hx,Wx,uIb b4
        72 /4 66 W0 PSRAD Hx,Wx,uIb b4
        72 /4 66 W1 VPSRAQ Hx,Wx,uIb b8
        72 /6 66 W0 PSLLD Hx,Wx,uIb b4
        73 /2 66 W1 PSRLQ Hx,Wx,uIb b8
        73 /3 66 PSRLDQ Hx,Wx,uIb
        73 /6 66 W1 PSLLQ Hx,Wx,uIb b8
        73 /7 66 PSLLDQ Hx,Wx,uIb
        71 /2 66 PSRLW Hx,Wx,uIb
        71 /4 66 PSRAW Hx,Wx,uIb
        71 /6 66 PSLLW Hx,Wx,uIb
        60 66 PUNPCKLBW Vx,Hx,Wx
        61 66 PUNPCKLWD Vx,Hx,Wx
        63 66 PACKSSWB Vx,Hx,Wx
        67 66 PACKUSWB Vx,Hx,Wx
        68 66 PUNPCKHBW Vx,Hx,Wx
        69 66 PUNPCKHWD Vx,Hx,Wx
        D5 66 PMULLW Vx,Hx,Wx
        D8 66 PSUBUSB Vx,Hx,Wx
        D9 66 PSUBUSW Vx,Hx,Wx
        DA 66 PMINUB Vx,Hx,Wx
        DC 66 PADDUSB Vx,Hx,Wx
        DD 66 PADDUSW Vx,Hx,Wx
        DE 66 PMAXUB Vx,Hx,Wx
        E0 66 PAVGB Vx,Hx,Wx
        E3 66 PAVGW Vx,Hx,Wx
        E4 66 PMULHUW Vx,Hx,Wx
        E5 66 PMULHW Vx,Hx,Wx
        E8 66 PSUBSB Vx,Hx,Wx
        E9 66 PSUBSW Vx,Hx,Wx
        EA 66 PMINSW Vx,Hx,Wx
        EC 66 PADDSB Vx,Hx,Wx
        ED 66 PADDSW Vx,Hx,Wx
        EE 66 PMAXSW Vx,Hx,Wx
        F5 66 PMADDWD Vx,Hx,Wx
        F6 66 PSADBW Vx,Hx,Wx
        F8 66 PSUBB Vx,Hx,Wx
        F9 66 PSUBW Vx,Hx,Wx
        FC 66 PADDB Vx,Hx,Wx
        FD 66 PADDW Vx,Hx,Wx
        62 66 W0 PUNPCKLDQ Vx,Hx,Wx b4
        6A 66 W0 PUNPCKHDQ Vx,Hx,Wx b4
        6B 66 W0 PACKSSDW Vx,Hx,Wx b4
        6C 66 W1 PUNPCKLQDQ Vx,Hx,Wx b8
        6D 66 W1 PUNPCKHQDQ Vx,Hx,Wx b8
        D4 66 W1 PADDQ Vx,Hx,Wx b8
        F4 66 W1 PMULUDQ Vx,Hx,Wx b8
        FA 66 W0 PSUBD Vx,Hx,Wx b4
        FB 66 W1 PSUBQ Vx,Hx,Wx b8
        FE 66 W0 PADDD Vx,Hx,Wx b4
        D1 66 PSRLW Vx,Hx,Wdq t=16
        D2 66 W0 PSRLD Vx,Hx,Wdq t=16
        D3 66 W1 PSRLQ Vx,Hx,Wdq t=16
        E1 66 PSRAW Vx,Hx,Wdq t=16
        E2 66 W0 PSRAD Vx,Hx,Wdq t=16
        F1 66 PSLLW Vx,Hx,Wdq t=16
        F2 66 W0 PSLLD Vx,Hx,Wdq t=16
        F3 66 W1 PSLLQ Vx,Hx,Wdq t=16
        E2 66 W1 VPSRAQ Vx,Hx,Wdq t=16
        """;

    private static final String MAP_0F38 = """
        4C 66 W0 VRCP14PS Vx,Wx b4
        4C 66 W1 VRCP14PD Vx,Wx b8
        4D 66 W0 VRCP14SS Vdq,Hdq,Wss t=4
        4D 66 W1 VRCP14SD Vdq,Hdq,Wsd t=8
        4E 66 W0 VRSQRT14PS Vx,Wx b4
        4E 66 W1 VRSQRT14PD Vx,Wx b8
        4F 66 W0 VRSQRT14SS Vdq,Hdq,Wss t=4
        4F 66 W1 VRSQRT14SD Vdq,Hdq,Wsd t=8
        C8 66 W0 VEXP2PS Vx,Wx b4 sae
        C8 66 W1 VEXP2PD Vx,Wx b8 sae
        CA 66 W0 VRCP28PS Vx,Wx b4 sae
        CA 66 W1 VRCP28PD Vx,Wx b8 sae
        CB 66 W0 VRCP28SS Vdq,Hdq,Wss t=4 sae
        CB 66 W1 VRCP28SD Vdq,Hdq,Wsd t=8 sae
        CC 66 W0 VRSQRT28PS Vx,Wx b4 sae
        CC 66 W1 VRSQRT28PD Vx,Wx b8 sae
        CD 66 W0 VRSQRT28SS Vdq,Hdq,Wss t=4 sae
        CD 66 W1 VRSQRT28SD Vdq,Hdq,Wsd t=8 sae
        42 66 W0 VGETEXPPS Vx,Wx b4 sae
        42 66 W1 VGETEXPPD Vx,Wx b8 sae
        43 66 W0 VGETEXPSS Vdq,Hdq,Wss t=4 sae
        43 66 W1 VGETEXPSD Vdq,Hdq,Wsd t=8 sae
        2C 66 W0 VSCALEFPS Vx,Hx,Wx b4 er
        2C 66 W1 VSCALEFPD Vx,Hx,Wx b8 er
        2D 66 W0 VSCALEFSS Vdq,Hdq,Wss t=4 er
        2D 66 W1 VSCALEFSD Vdq,Hdq,Wsd t=8 er
        10 F3 W0 VPMOVUSWB Wxh,Vx t=-2
        11 F3 W0 VPMOVUSDB Wxq,Vx t=-4
        12 F3 W0 VPMOVUSQB Wxo,Vx t=-8
        13 F3 W0 VPMOVUSDW Wxh,Vx t=-2
        14 F3 W0 VPMOVUSQW Wxq,Vx t=-4
        15 F3 W0 VPMOVUSQD Wxh,Vx t=-2
        20 F3 W0 VPMOVSWB Wxh,Vx t=-2
        21 F3 W0 VPMOVSDB Wxq,Vx t=-4
        22 F3 W0 VPMOVSQB Wxo,Vx t=-8
        23 F3 W0 VPMOVSDW Wxh,Vx t=-2
        24 F3 W0 VPMOVSQW Wxq,Vx t=-4
        25 F3 W0 VPMOVSQD Wxh,Vx t=-2
        30 F3 W0 VPMOVWB Wxh,Vx t=-2
        31 F3 W0 VPMOVDB Wxq,Vx t=-4
        32 F3 W0 VPMOVQB Wxo,Vx t=-8
        33 F3 W0 VPMOVDW Wxh,Vx t=-2
        34 F3 W0 VPMOVQW Wxq,Vx t=-4
        35 F3 W0 VPMOVQD Wxh,Vx t=-2
        00 66 PSHUFB Vx,Hx,Wx
        04 66 PMADDUBSW Vx,Hx,Wx
        0B 66 PMULHRSW Vx,Hx,Wx
        1C 66 PABSB Vx,Wx
        1D 66 PABSW Vx,Wx
        1E 66 W0 PABSD Vx,Wx b4
        1F 66 W1 VPABSQ Vx,Wx b8
        20 66 PMOVSXBW Vx,Wxh t=-2
        21 66 PMOVSXBD Vx,Wxq t=-4
        22 66 PMOVSXBQ Vx,Wxo t=-8
        23 66 PMOVSXWD Vx,Wxh t=-2
        24 66 PMOVSXWQ Vx,Wxq t=-4
        25 66 PMOVSXDQ Vx,Wxh t=-2
        30 66 PMOVZXBW Vx,Wxh t=-2
        31 66 PMOVZXBD Vx,Wxq t=-4
        32 66 PMOVZXBQ Vx,Wxo t=-8
        33 66 PMOVZXWD Vx,Wxh t=-2
        34 66 PMOVZXWQ Vx,Wxq t=-4
        35 66 PMOVZXDQ Vx,Wxh t=-2
        10 66 W1 VPSRLVW Vx,Hx,Wx
        11 66 W1 VPSRAVW Vx,Hx,Wx
        12 66 W1 VPSLLVW Vx,Hx,Wx
        16 66 W0 VPERMPS Vx,Hx,Wx b4
        16 66 W1 VPERMPD Vx,Hx,Wx b8
        18 66 W0 VBROADCASTSS Vx,Wd t=4
        19 66 W1 VBROADCASTSD Vx,Wq t=8
        19 66 W0 VBROADCASTF32X2 Vx,Wq t=8
        1A 66 W0 mem VBROADCASTF32X4 Vx,Mdq t=16
        1A 66 W1 mem VBROADCASTF64X2 Vx,Mdq t=16
        1B 66 W0 mem VBROADCASTF32X8 Vx,Mqq t=32
        1B 66 W1 mem VBROADCASTF64X4 Vx,Mqq t=32
        26 66 W0 VPTESTMB KR,Hx,Wx
        26 66 W1 VPTESTMW KR,Hx,Wx
        26 F3 W0 VPTESTNMB KR,Hx,Wx
        26 F3 W1 VPTESTNMW KR,Hx,Wx
        27 66 W0 VPTESTMD KR,Hx,Wx b4
        27 66 W1 VPTESTMQ KR,Hx,Wx b8
        27 F3 W0 VPTESTNMD KR,Hx,Wx b4
        27 F3 W1 VPTESTNMQ KR,Hx,Wx b8
        28 66 W1 PMULDQ Vx,Hx,Wx b8
        28 F3 reg W0 VPMOVM2B Vx,KU
        28 F3 reg W1 VPMOVM2W Vx,KU
        29 66 W1 PCMPEQQ KR,Hx,Wx b8
        29 F3 reg W0 VPMOVB2M KR,Ux
        29 F3 reg W1 VPMOVW2M KR,Ux
        2B 66 W0 PACKUSDW Vx,Hx,Wx b4
        36 66 W0 VPERMD Vx,Hx,Wx b4
        36 66 W1 VPERMQ Vx,Hx,Wx b8
        37 66 W1 PCMPGTQ KR,Hx,Wx b8
        38 66 PMINSB Vx,Hx,Wx
        38 F3 reg W0 VPMOVM2D Vx,KU
        38 F3 reg W1 VPMOVM2Q Vx,KU
        39 66 W0 PMINSD Vx,Hx,Wx b4
        39 66 W1 VPMINSQ Vx,Hx,Wx b8
        39 F3 reg W0 VPMOVD2M KR,Ux
        39 F3 reg W1 VPMOVQ2M KR,Ux
        3A 66 PMINUW Vx,Hx,Wx
        3B 66 W0 PMINUD Vx,Hx,Wx b4
        3B 66 W1 VPMINUQ Vx,Hx,Wx b8
        3C 66 PMAXSB Vx,Hx,Wx
        3D 66 W0 PMAXSD Vx,Hx,Wx b4
        3D 66 W1 VPMAXSQ Vx,Hx,Wx b8
        3E 66 PMAXUW Vx,Hx,Wx
        3F 66 W0 PMAXUD Vx,Hx,Wx b4
        3F 66 W1 VPMAXUQ Vx,Hx,Wx b8
        40 66 W0 PMULLD Vx,Hx,Wx b4
        40 66 W1 VPMULLQ Vx,Hx,Wx b8
        44 66 W0 VPLZCNTD Vx,Wx b4
        44 66 W1 VPLZCNTQ Vx,Wx b8
        45 66 W0 VPSRLVD Vx,Hx,Wx b4
        45 66 W1 VPSRLVQ Vx,Hx,Wx b8
        46 66 W0 VPSRAVD Vx,Hx,Wx b4
        46 66 W1 VPSRAVQ Vx,Hx,Wx b8
        47 66 W0 VPSLLVD Vx,Hx,Wx b4
        47 66 W1 VPSLLVQ Vx,Hx,Wx b8
        58 66 W0 VPBROADCASTD Vx,Wd t=4
        59 66 W1 VPBROADCASTQ Vx,Wq t=8
        59 66 W0 VBROADCASTI32X2 Vx,Wq t=8
        5A 66 W0 mem VBROADCASTI32X4 Vx,Mdq t=16
        5A 66 W1 mem VBROADCASTI64X2 Vx,Mdq t=16
        5B 66 W0 mem VBROADCASTI32X8 Vx,Mqq t=32
        5B 66 W1 mem VBROADCASTI64X4 Vx,Mqq t=32
        64 66 W0 VPBLENDMD Vx,Hx,Wx b4
        64 66 W1 VPBLENDMQ Vx,Hx,Wx b8
        65 66 W0 VBLENDMPS Vx,Hx,Wx b4
        65 66 W1 VBLENDMPD Vx,Hx,Wx b8
        66 66 W0 VPBLENDMB Vx,Hx,Wx
        66 66 W1 VPBLENDMW Vx,Hx,Wx
        75 66 W0 VPERMI2B Vx,Hx,Wx
        75 66 W1 VPERMI2W Vx,Hx,Wx
        76 66 W0 VPERMI2D Vx,Hx,Wx b4
        76 66 W1 VPERMI2Q Vx,Hx,Wx b8
        77 66 W0 VPERMI2PS Vx,Hx,Wx b4
        77 66 W1 VPERMI2PD Vx,Hx,Wx b8
        78 66 W0 VPBROADCASTB Vx,Wb t=1
        79 66 W0 VPBROADCASTW Vx,Ww t=2
        7A 66 W0 reg VPBROADCASTB Vx,Rd
        7B 66 W0 reg VPBROADCASTW Vx,Rd
        7C 66 W0 reg VPBROADCASTD Vx,Rd
        7C 66 W1 reg VPBROADCASTQ Vx,Rq
        7D 66 W0 VPERMT2B Vx,Hx,Wx
        7D 66 W1 VPERMT2W Vx,Hx,Wx
        7E 66 W0 VPERMT2D Vx,Hx,Wx b4
        7E 66 W1 VPERMT2Q Vx,Hx,Wx b8
        7F 66 W0 VPERMT2PS Vx,Hx,Wx b4
        7F 66 W1 VPERMT2PD Vx,Hx,Wx b8
        88 66 W0 VEXPANDPS Vx,Wx t=4
        88 66 W1 VEXPANDPD Vx,Wx t=8
        89 66 W0 VPEXPANDD Vx,Wx t=4
        89 66 W1 VPEXPANDQ Vx,Wx t=8
        8A 66 W0 VCOMPRESSPS Wx,Vx t=4
        8A 66 W1 VCOMPRESSPD Wx,Vx t=8
        8B 66 W0 VPCOMPRESSD Wx,Vx t=4
        8B 66 W1 VPCOMPRESSQ Wx,Vx t=8
        8D 66 W0 VPERMB Vx,Hx,Wx
        8D 66 W1 VPERMW Vx,Hx,Wx
        C4 66 W0 VPCONFLICTD Vx,Wx b4
        C4 66 W1 VPCONFLICTQ Vx,Wx b8
        96 66 W0 VFMADDSUB132PS Vx,Hx,Wx b4 er
        96 66 W1 VFMADDSUB132PD Vx,Hx,Wx b8 er
        97 66 W0 VFMSUBADD132PS Vx,Hx,Wx b4 er
        97 66 W1 VFMSUBADD132PD Vx,Hx,Wx b8 er
        98 66 W0 VFMADD132PS Vx,Hx,Wx b4 er
        98 66 W1 VFMADD132PD Vx,Hx,Wx b8 er
        99 66 W0 VFMADD132SS Vdq,Hdq,Wss t=4 er
        99 66 W1 VFMADD132SD Vdq,Hdq,Wsd t=8 er
        9A 66 W0 VFMSUB132PS Vx,Hx,Wx b4 er
        9A 66 W1 VFMSUB132PD Vx,Hx,Wx b8 er
        9B 66 W0 VFMSUB132SS Vdq,Hdq,Wss t=4 er
        9B 66 W1 VFMSUB132SD Vdq,Hdq,Wsd t=8 er
        9C 66 W0 VFNMADD132PS Vx,Hx,Wx b4 er
        9C 66 W1 VFNMADD132PD Vx,Hx,Wx b8 er
        9D 66 W0 VFNMADD132SS Vdq,Hdq,Wss t=4 er
        9D 66 W1 VFNMADD132SD Vdq,Hdq,Wsd t=8 er
        9E 66 W0 VFNMSUB132PS Vx,Hx,Wx b4 er
        9E 66 W1 VFNMSUB132PD Vx,Hx,Wx b8 er
        9F 66 W0 VFNMSUB132SS Vdq,Hdq,Wss t=4 er
        9F 66 W1 VFNMSUB132SD Vdq,Hdq,Wsd t=8 er
        A6 66 W0 VFMADDSUB213PS Vx,Hx,Wx b4 er
        A6 66 W1 VFMADDSUB213PD Vx,Hx,Wx b8 er
        A7 66 W0 VFMSUBADD213PS Vx,Hx,Wx b4 er
        A7 66 W1 VFMSUBADD213PD Vx,Hx,Wx b8 er
        A8 66 W0 VFMADD213PS Vx,Hx,Wx b4 er
        A8 66 W1 VFMADD213PD Vx,Hx,Wx b8 er
        A9 66 W0 VFMADD213SS Vdq,Hdq,Wss t=4 er
        A9 66 W1 VFMADD213SD Vdq,Hdq,Wsd t=8 er
        AA 66 W0 VFMSUB213PS Vx,Hx,Wx b4 er
        AA 66 W1 VFMSUB213PD Vx,Hx,Wx b8 er
        AB 66 W0 VFMSUB213SS Vdq,Hdq,Wss t=4 er
        AB 66 W1 VFMSUB213SD Vdq,Hdq,Wsd t=8 er
        AC 66 W0 VFNMADD213PS Vx,Hx,Wx b4 er
        AC 66 W1 VFNMADD213PD Vx,Hx,Wx b8 er
        AD 66 W0 VFNMADD213SS Vdq,Hdq,Wss t=4 er
        AD 66 W1 VFNMADD213SD Vdq,Hdq,Wsd t=8 er
        AE 66 W0 VFNMSUB213PS Vx,Hx,Wx b4 er
        AE 66 W1 VFNMSUB213PD Vx,Hx,Wx b8 er
        AF 66 W0 VFNMSUB213SS Vdq,Hdq,Wss t=4 er
        AF 66 W1 VFNMSUB213SD Vdq,Hdq,Wsd t=8 er
        B6 66 W0 VFMADDSUB231PS Vx,Hx,Wx b4 er
        B6 66 W1 VFMADDSUB231PD Vx,Hx,Wx b8 er
        B7 66 W0 VFMSUBADD231PS Vx,Hx,Wx b4 er
        B7 66 W1 VFMSUBADD231PD Vx,Hx,Wx b8 er
        B8 66 W0 VFMADD231PS Vx,Hx,Wx b4 er
        B8 66 W1 VFMADD231PD Vx,Hx,Wx b8 er
        B9 66 W0 VFMADD231SS Vdq,Hdq,Wss t=4 er
        B9 66 W1 VFMADD231SD Vdq,Hdq,Wsd t=8 er
        BA 66 W0 VFMSUB231PS Vx,Hx,Wx b4 er
        BA 66 W1 VFMSUB231PD Vx,Hx,Wx b8 er
        BB 66 W0 VFMSUB231SS Vdq,Hdq,Wss t=4 er
        BB 66 W1 VFMSUB231SD Vdq,Hdq,Wsd t=8 er
        BC 66 W0 VFNMADD231PS Vx,Hx,Wx b4 er
        BC 66 W1 VFNMADD231PD Vx,Hx,Wx b8 er
        BD 66 W0 VFNMADD231SS Vdq,Hdq,Wss t=4 er
        BD 66 W1 VFNMADD231SD Vdq,Hdq,Wsd t=8 er
        BE 66 W0 VFNMSUB231PS Vx,Hx,Wx b4 er
        BE 66 W1 VFNMSUB231PD Vx,Hx,Wx b8 er
        BF 66 W0 VFNMSUB231SS Vdq,Hdq,Wss t=4 er
        BF 66 W1 VFNMSUB231SD Vdq,Hdq,Wsd t=8 er
        """;

    private static final String MAP_0F3A = """
        08 66 W0 VRNDSCALEPS Vx,Wx,uIb b4 sae
        09 66 W1 VRNDSCALEPD Vx,Wx,uIb b8 sae
        0A 66 W0 VRNDSCALESS Vdq,Hdq,Wss,uIb t=4 sae
        0B 66 W1 VRNDSCALESD Vdq,Hdq,Wsd,uIb t=8 sae
        26 66 W0 VGETMANTPS Vx,Wx,uIb b4 sae
        26 66 W1 VGETMANTPD Vx,Wx,uIb b8 sae
        27 66 W0 VGETMANTSS Vdq,Hdq,Wss,uIb t=4 sae
        27 66 W1 VGETMANTSD Vdq,Hdq,Wsd,uIb t=8 sae
        14 66 mem PEXTRB Mb,Vdq,uIb t=1
        14 66 reg PEXTRB Rd,Vdq,uIb
        15 66 mem PEXTRW Mw,Vdq,uIb t=2
        15 66 reg PEXTRW Rd,Vdq,uIb
        16 66 W0 PEXTRD Ed,Vdq,uIb t=4
        16 66 W1 PEXTRQ Eq,Vdq,uIb t=8
        17 66 EXTRACTPS Ed,Vdq,uIb t=4
        20 66 mem PINSRB Vdq,Hdq,Mb,uIb t=1
        20 66 reg PINSRB Vdq,Hdq,Rd,uIb
        21 66 W0 INSERTPS Vdq,Hdq,Wd,uIb t=4
        22 66 W0 PINSRD Vdq,Hdq,Ed,uIb t=4
        22 66 W1 PINSRQ Vdq,Hdq,Eq,uIb t=8
        00 66 W1 VPERMQ Vx,Wx,uIb b8
        01 66 W1 VPERMPD Vx,Wx,uIb b8
        03 66 W0 VALIGND Vx,Hx,Wx,uIb b4
        03 66 W1 VALIGNQ Vx,Hx,Wx,uIb b8
        04 66 W0 VPERMILPS Vx,Wx,uIb b4
        05 66 W1 VPERMILPD Vx,Wx,uIb b8
        0F 66 PALIGNR Vx,Hx,Wx,uIb
        18 66 W0 VINSERTF32X4 Vx,Hx,Wdq,uIb t=16
        18 66 W1 VINSERTF64X2 Vx,Hx,Wdq,uIb t=16
        19 66 W0 VEXTRACTF32X4 Wdq,Vx,uIb t=16
        19 66 W1 VEXTRACTF64X2 Wdq,Vx,uIb t=16
        1A 66 W0 VINSERTF32X8 Vx,Hx,Wqq,uIb t=32
        1A 66 W1 VINSERTF64X4 Vx,Hx,Wqq,uIb t=32
        1B 66 W0 VEXTRACTF32X8 Wqq,Vx,uIb t=32
        1B 66 W1 VEXTRACTF64X4 Wqq,Vx,uIb t=32
        1E 66 W0 VPCMPUD KR,Hx,Wx,uIb b4
        1E 66 W1 VPCMPUQ KR,Hx,Wx,uIb b8
        1F 66 W0 VPCMPD KR,Hx,Wx,uIb b4
        1F 66 W1 VPCMPQ KR,Hx,Wx,uIb b8
        23 66 W0 VSHUFF32X4 Vx,Hx,Wx,uIb b4
        23 66 W1 VSHUFF64X2 Vx,Hx,Wx,uIb b8
        25 66 W0 VPTERNLOGD Vx,Hx,Wx,uIb b4
        25 66 W1 VPTERNLOGQ Vx,Hx,Wx,uIb b8
        38 66 W0 VINSERTI32X4 Vx,Hx,Wdq,uIb t=16
        38 66 W1 VINSERTI64X2 Vx,Hx,Wdq,uIb t=16
        39 66 W0 VEXTRACTI32X4 Wdq,Vx,uIb t=16
        39 66 W1 VEXTRACTI64X2 Wdq,Vx,uIb t=16
        3A 66 W0 VINSERTI32X8 Vx,Hx,Wqq,uIb t=32
        3A 66 W1 VINSERTI64X4 Vx,Hx,Wqq,uIb t=32
        3B 66 W0 VEXTRACTI32X8 Wqq,Vx,uIb t=32
        3B 66 W1 VEXTRACTI64X4 Wqq,Vx,uIb t=32
        3E 66 W0 VPCMPUB KR,Hx,Wx,uIb
        3E 66 W1 VPCMPUW KR,Hx,Wx,uIb
        3F 66 W0 VPCMPB KR,Hx,Wx,uIb
        3F 66 W1 VPCMPW KR,Hx,Wx,uIb
        43 66 W0 VSHUFI32X4 Vx,Hx,Wx,uIb b4
        43 66 W1 VSHUFI64X2 Vx,Hx,Wx,uIb b8
        """;

    private static final String MASK_0F = """
        41 L1 NP W0 KANDW KR,KH,KU
        41 L1 NP W1 KANDQ KR,KH,KU
        41 L1 66 W0 KANDB KR,KH,KU
        41 L1 66 W1 KANDD KR,KH,KU
        42 L1 NP W0 KANDNW KR,KH,KU
        42 L1 NP W1 KANDNQ KR,KH,KU
        42 L1 66 W0 KANDNB KR,KH,KU
        42 L1 66 W1 KANDND KR,KH,KU
        45 L1 NP W0 KORW KR,KH,KU
        45 L1 NP W1 KORQ KR,KH,KU
        45 L1 66 W0 KORB KR,KH,KU
        45 L1 66 W1 KORD KR,KH,KU
        46 L1 NP W0 KXNORW KR,KH,KU
        46 L1 NP W1 KXNORQ KR,KH,KU
        46 L1 66 W0 KXNORB KR,KH,KU
        46 L1 66 W1 KXNORD KR,KH,KU
        47 L1 NP W0 KXORW KR,KH,KU
        47 L1 NP W1 KXORQ KR,KH,KU
        47 L1 66 W0 KXORB KR,KH,KU
        47 L1 66 W1 KXORD KR,KH,KU
        4A L1 NP W0 KADDW KR,KH,KU
        4A L1 NP W1 KADDQ KR,KH,KU
        4A L1 66 W0 KADDB KR,KH,KU
        4A L1 66 W1 KADDD KR,KH,KU
        44 L0 NP W0 KNOTW KR,KU
        44 L0 NP W1 KNOTQ KR,KU
        44 L0 66 W0 KNOTB KR,KU
        44 L0 66 W1 KNOTD KR,KU
        98 L0 NP W0 KORTESTW KR,KU
        98 L0 NP W1 KORTESTQ KR,KU
        98 L0 66 W0 KORTESTB KR,KU
        98 L0 66 W1 KORTESTD KR,KU
        99 L0 NP W0 KTESTW KR,KU
        99 L0 NP W1 KTESTQ KR,KU
        99 L0 66 W0 KTESTB KR,KU
        99 L0 66 W1 KTESTD KR,KU
        4B L1 66 W0 KUNPCKBW KR,KH,KU
        4B L1 NP W0 KUNPCKWD KR,KH,KU
        4B L1 NP W1 KUNPCKDQ KR,KH,KU
        90 L0 NP W0 KMOVW KR,KMw
        90 L0 NP W1 KMOVQ KR,KMq
        90 L0 66 W0 KMOVB KR,KMb
        90 L0 66 W1 KMOVD KR,KMd
        91 L0 mem NP W0 KMOVW Mw,KR
        91 L0 mem NP W1 KMOVQ Mq,KR
        91 L0 mem 66 W0 KMOVB Mb,KR
        91 L0 mem 66 W1 KMOVD Md,KR
        92 L0 reg NP W0 KMOVW KR,Rd
        92 L0 reg 66 W0 KMOVB KR,Rd
        92 L0 reg F2 W0 KMOVD KR,Rd
        92 L0 reg F2 W1 KMOVQ KR,Rq
        93 L0 reg NP W0 KMOVW Gd,KU
        93 L0 reg 66 W0 KMOVB Gd,KU
        93 L0 reg F2 W0 KMOVD Gd,KU
        93 L0 reg F2 W1 KMOVQ Gq,KU
        """;

    private static final String MASK_0F3A = """
        30 L0 66 W0 KSHIFTRB KR,KU,uIb
        30 L0 66 W1 KSHIFTRW KR,KU,uIb
        31 L0 66 W0 KSHIFTRD KR,KU,uIb
        31 L0 66 W1 KSHIFTRQ KR,KU,uIb
        32 L0 66 W0 KSHIFTLB KR,KU,uIb
        32 L0 66 W1 KSHIFTLW KR,KU,uIb
        33 L0 66 W0 KSHIFTLD KR,KU,uIb
        33 L0 66 W1 KSHIFTLQ KR,KU,uIb
        """;
}
