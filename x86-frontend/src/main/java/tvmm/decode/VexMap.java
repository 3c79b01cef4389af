package tvmm.decode;

/**
 * VEX-encoded opcodes (AVX, AVX2, FMA, F16C, BMI1/2; SDM Vol. 2 §2.3 and the instruction
 * pages). Prefix selectors mean VEX.pp, W0/W1 VEX.W, L0/L1 VEX.L; H is VEX.vvvv, L an
 * is4 register. VEX forms of SSE operations use the SSE constant.
 */
final class VexMap {
    private VexMap() {
    }

    static void build(Entry[][] maps) {
        TableBuilder.addAll(maps[1], MAP_0F);
        TableBuilder.addAll(maps[2], MAP_0F38);
        TableBuilder.addAll(maps[3], MAP_0F3A);
    }

    private static final String MAP_0F = """
        10 NP MOVUPS Vx,Wx
        10 66 MOVUPD Vx,Wx
        10 F3 mem MOVSS Vdq,Md
        10 F3 reg MOVSS Vdq,Hdq,Udq
        10 F2 mem MOVSD Vdq,Mq
        10 F2 reg MOVSD Vdq,Hdq,Udq
        11 NP MOVUPS Wx,Vx
        11 66 MOVUPD Wx,Vx
        11 F3 mem MOVSS Md,Vdq
        11 F3 reg MOVSS Udq,Hdq,Vdq
        11 F2 mem MOVSD Mq,Vdq
        11 F2 reg MOVSD Udq,Hdq,Vdq
        12 L0 NP mem MOVLPS Vdq,Hdq,Mq
        12 L0 NP reg MOVHLPS Vdq,Hdq,Udq
        12 L0 66 mem MOVLPD Vdq,Hdq,Mq
        12 F3 MOVSLDUP Vx,Wx
        12 F2 MOVDDUP Vx,Wx
        12 F2 L0 MOVDDUP Vx,Wq
        13 L0 NP mem MOVLPS Mq,Vdq
        13 L0 66 mem MOVLPD Mq,Vdq
        16 L0 NP mem MOVHPS Vdq,Hdq,Mq
        16 L0 NP reg MOVLHPS Vdq,Hdq,Udq
        16 L0 66 mem MOVHPD Vdq,Hdq,Mq
        16 F3 MOVSHDUP Vx,Wx
        17 L0 NP mem MOVHPS Mq,Vdq
        17 L0 66 mem MOVHPD Mq,Vdq
        28 NP MOVAPS Vx,Wx
        28 66 MOVAPD Vx,Wx
        29 NP MOVAPS Wx,Vx
        29 66 MOVAPD Wx,Vx
        2A F3 CVTSI2SS Vdq,Hdq,Ey
        2A F2 CVTSI2SD Vdq,Hdq,Ey
        2B NP mem MOVNTPS Mx,Vx
        2B 66 mem MOVNTPD Mx,Vx
        2C F3 CVTTSS2SI Gy,Wss
        2C F2 CVTTSD2SI Gy,Wsd
        2D F3 CVTSS2SI Gy,Wss
        2D F2 CVTSD2SI Gy,Wsd
        2E NP UCOMISS Vdq,Wss
        2E 66 UCOMISD Vdq,Wsd
        2F NP COMISS Vdq,Wss
        2F 66 COMISD Vdq,Wsd
        50 NP reg MOVMSKPS Gy,Ux
        50 66 reg MOVMSKPD Gy,Ux
        51 NP SQRTPS Vx,Wx
        51 66 SQRTPD Vx,Wx
        51 F3 SQRTSS Vdq,Hdq,Wss
        51 F2 SQRTSD Vdq,Hdq,Wsd
        52 NP RSQRTPS Vx,Wx
        52 F3 RSQRTSS Vdq,Hdq,Wss
        53 NP RCPPS Vx,Wx
        53 F3 RCPSS Vdq,Hdq,Wss
        54 NP ANDPS Vx,Hx,Wx
        54 66 ANDPD Vx,Hx,Wx
        55 NP ANDNPS Vx,Hx,Wx
        55 66 ANDNPD Vx,Hx,Wx
        56 NP ORPS Vx,Hx,Wx
        56 66 ORPD Vx,Hx,Wx
        57 NP XORPS Vx,Hx,Wx
        57 66 XORPD Vx,Hx,Wx
        14 NP UNPCKLPS Vx,Hx,Wx
        14 66 UNPCKLPD Vx,Hx,Wx
        15 NP UNPCKHPS Vx,Hx,Wx
        15 66 UNPCKHPD Vx,Hx,Wx
        58 NP ADDPS Vx,Hx,Wx
        58 66 ADDPD Vx,Hx,Wx
        58 F3 ADDSS Vdq,Hdq,Wss
        58 F2 ADDSD Vdq,Hdq,Wsd
        59 NP MULPS Vx,Hx,Wx
        59 66 MULPD Vx,Hx,Wx
        59 F3 MULSS Vdq,Hdq,Wss
        59 F2 MULSD Vdq,Hdq,Wsd
        5C NP SUBPS Vx,Hx,Wx
        5C 66 SUBPD Vx,Hx,Wx
        5C F3 SUBSS Vdq,Hdq,Wss
        5C F2 SUBSD Vdq,Hdq,Wsd
        5D NP MINPS Vx,Hx,Wx
        5D 66 MINPD Vx,Hx,Wx
        5D F3 MINSS Vdq,Hdq,Wss
        5D F2 MINSD Vdq,Hdq,Wsd
        5E NP DIVPS Vx,Hx,Wx
        5E 66 DIVPD Vx,Hx,Wx
        5E F3 DIVSS Vdq,Hdq,Wss
        5E F2 DIVSD Vdq,Hdq,Wsd
        5F NP MAXPS Vx,Hx,Wx
        5F 66 MAXPD Vx,Hx,Wx
        5F F3 MAXSS Vdq,Hdq,Wss
        5F F2 MAXSD Vdq,Hdq,Wsd
        5A NP CVTPS2PD Vx,Wxh
        5A 66 CVTPD2PS Vdq,Wx
        5A F3 CVTSS2SD Vdq,Hdq,Wss
        5A F2 CVTSD2SS Vdq,Hdq,Wsd
        5B NP CVTDQ2PS Vx,Wx
        5B 66 CVTPS2DQ Vx,Wx
        5B F3 CVTTPS2DQ Vx,Wx
        60 66 PUNPCKLBW Vx,Hx,Wx
        61 66 PUNPCKLWD Vx,Hx,Wx
        62 66 PUNPCKLDQ Vx,Hx,Wx
        63 66 PACKSSWB Vx,Hx,Wx
        64 66 PCMPGTB Vx,Hx,Wx
        65 66 PCMPGTW Vx,Hx,Wx
        66 66 PCMPGTD Vx,Hx,Wx
        67 66 PACKUSWB Vx,Hx,Wx
        68 66 PUNPCKHBW Vx,Hx,Wx
        69 66 PUNPCKHWD Vx,Hx,Wx
        6A 66 PUNPCKHDQ Vx,Hx,Wx
        6B 66 PACKSSDW Vx,Hx,Wx
        6C 66 PUNPCKLQDQ Vx,Hx,Wx
        6D 66 PUNPCKHQDQ Vx,Hx,Wx
        6E L0 66 W0 MOVD Vdq,Ed
        6E L0 66 W1 MOVQ Vdq,Eq
        6F 66 MOVDQA Vx,Wx
        6F F3 MOVDQU Vx,Wx
        70 66 PSHUFD Vx,Wx,uIb
        70 F3 PSHUFHW Vx,Wx,uIb
        70 F2 PSHUFLW Vx,Wx,uIb
        71 /2 reg 66 PSRLW Hx,Ux,uIb
        71 /4 reg 66 PSRAW Hx,Ux,uIb
        71 /6 reg 66 PSLLW Hx,Ux,uIb
        72 /2 reg 66 PSRLD Hx,Ux,uIb
        72 /4 reg 66 PSRAD Hx,Ux,uIb
        72 /6 reg 66 PSLLD Hx,Ux,uIb
        73 /2 reg 66 PSRLQ Hx,Ux,uIb
        73 /3 reg 66 PSRLDQ Hx,Ux,uIb
        73 /6 reg 66 PSLLQ Hx,Ux,uIb
        73 /7 reg 66 PSLLDQ Hx,Ux,uIb
        74 66 PCMPEQB Vx,Hx,Wx
        75 66 PCMPEQW Vx,Hx,Wx
        76 66 PCMPEQD Vx,Hx,Wx
        77 NP L0 VZEROUPPER
        77 NP L1 VZEROALL
        7C 66 HADDPD Vx,Hx,Wx
        7C F2 HADDPS Vx,Hx,Wx
        7D 66 HSUBPD Vx,Hx,Wx
        7D F2 HSUBPS Vx,Hx,Wx
        7E L0 66 W0 MOVD Ed,Vdq
        7E L0 66 W1 MOVQ Eq,Vdq
        7E L0 F3 MOVQ Vdq,Wq
        7F 66 MOVDQA Wx,Vx
        7F F3 MOVDQU Wx,Vx
        AE L0 /2 mem NP VLDMXCSR Md
        AE L0 /3 mem NP VSTMXCSR Md
        C2 NP CMPPS Vx,Hx,Wx,uIb
        C2 66 CMPPD Vx,Hx,Wx,uIb
        C2 F3 CMPSS Vdq,Hdq,Wss,uIb
        C2 F2 CMPSD Vdq,Hdq,Wsd,uIb
        C4 L0 66 mem PINSRW Vdq,Hdq,Mw,uIb
        C4 L0 66 reg PINSRW Vdq,Hdq,Rd,uIb
        C5 L0 66 reg PEXTRW Gd,Udq,uIb
        C6 NP SHUFPS Vx,Hx,Wx,uIb
        C6 66 SHUFPD Vx,Hx,Wx,uIb
        D0 66 ADDSUBPD Vx,Hx,Wx
        D0 F2 ADDSUBPS Vx,Hx,Wx
        D6 L0 66 MOVQ Wq,Vdq
        D7 66 reg PMOVMSKB Gd,Ux
        E6 66 CVTTPD2DQ Vdq,Wx
        E6 F3 CVTDQ2PD Vx,Wxh
        E6 F2 CVTPD2DQ Vdq,Wx
        E7 66 mem MOVNTDQ Mx,Vx
        F0 F2 mem LDDQU Vx,Mx
        F7 L0 66 reg MASKMOVDQU Vdq,Udq
        D1 66 PSRLW Vx,Hx,Wdq
        D2 66 PSRLD Vx,Hx,Wdq
        D3 66 PSRLQ Vx,Hx,Wdq
        D4 66 PADDQ Vx,Hx,Wx
        D5 66 PMULLW Vx,Hx,Wx
        D8 66 PSUBUSB Vx,Hx,Wx
        D9 66 PSUBUSW Vx,Hx,Wx
        DA 66 PMINUB Vx,Hx,Wx
        DB 66 PAND Vx,Hx,Wx
        DC 66 PADDUSB Vx,Hx,Wx
        DD 66 PADDUSW Vx,Hx,Wx
        DE 66 PMAXUB Vx,Hx,Wx
        DF 66 PANDN Vx,Hx,Wx
        E0 66 PAVGB Vx,Hx,Wx
        E1 66 PSRAW Vx,Hx,Wdq
        E2 66 PSRAD Vx,Hx,Wdq
        E3 66 PAVGW Vx,Hx,Wx
        E4 66 PMULHUW Vx,Hx,Wx
        E5 66 PMULHW Vx,Hx,Wx
        E8 66 PSUBSB Vx,Hx,Wx
        E9 66 PSUBSW Vx,Hx,Wx
        EA 66 PMINSW Vx,Hx,Wx
        EB 66 POR Vx,Hx,Wx
        EC 66 PADDSB Vx,Hx,Wx
        ED 66 PADDSW Vx,Hx,Wx
        EE 66 PMAXSW Vx,Hx,Wx
        EF 66 PXOR Vx,Hx,Wx
        F1 66 PSLLW Vx,Hx,Wdq
        F2 66 PSLLD Vx,Hx,Wdq
        F3 66 PSLLQ Vx,Hx,Wdq
        F4 66 PMULUDQ Vx,Hx,Wx
        F5 66 PMADDWD Vx,Hx,Wx
        F6 66 PSADBW Vx,Hx,Wx
        F8 66 PSUBB Vx,Hx,Wx
        F9 66 PSUBW Vx,Hx,Wx
        FA 66 PSUBD Vx,Hx,Wx
        FB 66 PSUBQ Vx,Hx,Wx
        FC 66 PADDB Vx,Hx,Wx
        FD 66 PADDW Vx,Hx,Wx
        FE 66 PADDD Vx,Hx,Wx
        """;

    private static final String MAP_0F38 = """
        00 66 PSHUFB Vx,Hx,Wx
        01 66 PHADDW Vx,Hx,Wx
        02 66 PHADDD Vx,Hx,Wx
        03 66 PHADDSW Vx,Hx,Wx
        04 66 PMADDUBSW Vx,Hx,Wx
        05 66 PHSUBW Vx,Hx,Wx
        06 66 PHSUBD Vx,Hx,Wx
        07 66 PHSUBSW Vx,Hx,Wx
        08 66 PSIGNB Vx,Hx,Wx
        09 66 PSIGNW Vx,Hx,Wx
        0A 66 PSIGND Vx,Hx,Wx
        0B 66 PMULHRSW Vx,Hx,Wx
        0C 66 W0 VPERMILPS Vx,Hx,Wx
        0D 66 W0 VPERMILPD Vx,Hx,Wx
        0E 66 W0 VTESTPS Vx,Wx
        0F 66 W0 VTESTPD Vx,Wx
        13 66 W0 VCVTPH2PS Vx,Wxh
        16 66 L1 W0 VPERMPS Vqq,Hqq,Wqq
        17 66 PTEST Vx,Wx
        18 66 W0 VBROADCASTSS Vx,Wd
        19 66 L1 W0 VBROADCASTSD Vqq,Wq
        1A 66 L1 W0 mem VBROADCASTF128 Vqq,Mdq
        1C 66 PABSB Vx,Wx
        1D 66 PABSW Vx,Wx
        1E 66 PABSD Vx,Wx
        20 66 PMOVSXBW Vx,Wxh
        21 66 PMOVSXBD Vx,Wxq
        22 66 PMOVSXBQ Vx,Wxo
        23 66 PMOVSXWD Vx,Wxh
        24 66 PMOVSXWQ Vx,Wxq
        25 66 PMOVSXDQ Vx,Wxh
        30 66 PMOVZXBW Vx,Wxh
        31 66 PMOVZXBD Vx,Wxq
        32 66 PMOVZXBQ Vx,Wxo
        33 66 PMOVZXWD Vx,Wxh
        34 66 PMOVZXWQ Vx,Wxq
        35 66 PMOVZXDQ Vx,Wxh
        28 66 PMULDQ Vx,Hx,Wx
        29 66 PCMPEQQ Vx,Hx,Wx
        2B 66 PACKUSDW Vx,Hx,Wx
        37 66 PCMPGTQ Vx,Hx,Wx
        38 66 PMINSB Vx,Hx,Wx
        39 66 PMINSD Vx,Hx,Wx
        3A 66 PMINUW Vx,Hx,Wx
        3B 66 PMINUD Vx,Hx,Wx
        3C 66 PMAXSB Vx,Hx,Wx
        3D 66 PMAXSD Vx,Hx,Wx
        3E 66 PMAXUW Vx,Hx,Wx
        3F 66 PMAXUD Vx,Hx,Wx
        40 66 PMULLD Vx,Hx,Wx
        2A 66 mem MOVNTDQA Vx,Mx
        2C 66 W0 mem VMASKMOVPS Vx,Hx,Mx
        2D 66 W0 mem VMASKMOVPD Vx,Hx,Mx
        2E 66 W0 mem VMASKMOVPS Mx,Hx,Vx
        2F 66 W0 mem VMASKMOVPD Mx,Hx,Vx
        36 66 L1 W0 VPERMD Vqq,Hqq,Wqq
        41 66 L0 PHMINPOSUW Vdq,Wdq
        45 66 W0 VPSRLVD Vx,Hx,Wx
        45 66 W1 VPSRLVQ Vx,Hx,Wx
        46 66 W0 VPSRAVD Vx,Hx,Wx
        47 66 W0 VPSLLVD Vx,Hx,Wx
        47 66 W1 VPSLLVQ Vx,Hx,Wx
        58 66 W0 VPBROADCASTD Vx,Wd
        59 66 W0 VPBROADCASTQ Vx,Wq
        5A 66 L1 W0 mem VBROADCASTI128 Vqq,Mdq
        78 66 W0 VPBROADCASTB Vx,Wb
        79 66 W0 VPBROADCASTW Vx,Ww
        8C 66 W0 mem VPMASKMOVD Vx,Hx,Mx
        8C 66 W1 mem VPMASKMOVQ Vx,Hx,Mx
        8E 66 W0 mem VPMASKMOVD Mx,Hx,Vx
        8E 66 W1 mem VPMASKMOVQ Mx,Hx,Vx
        90 66 W0 VPGATHERDD Vx,VSx,Hx
        90 66 W1 VPGATHERDQ Vx,VSxh,Hx
        91 66 W0 VPGATHERQD Vdq,VSx,Hdq
        91 66 W1 VPGATHERQQ Vx,VSx,Hx
        92 66 W0 VGATHERDPS Vx,VSx,Hx
        92 66 W1 VGATHERDPD Vx,VSxh,Hx
        93 66 W0 VGATHERQPS Vdq,VSx,Hdq
        93 66 W1 VGATHERQPD Vx,VSx,Hx
        DB 66 L0 AESIMC Vdq,Wdq
        DC 66 L0 AESENC Vdq,Hdq,Wdq
        DD 66 L0 AESENCLAST Vdq,Hdq,Wdq
        DE 66 L0 AESDEC Vdq,Hdq,Wdq
        DF 66 L0 AESDECLAST Vdq,Hdq,Wdq
        F2 NP L0 ANDN Gy,By,Ey
        F3 /1 NP L0 BLSR By,Ey
        F3 /2 NP L0 BLSMSK By,Ey
        F3 /3 NP L0 BLSI By,Ey
        F5 NP L0 BZHI Gy,Ey,By
        F5 F3 L0 PEXT Gy,By,Ey
        F5 F2 L0 PDEP Gy,By,Ey
        F6 F2 L0 MULX Gy,By,Ey
        F7 NP L0 BEXTR Gy,Ey,By
        F7 66 L0 SHLX Gy,Ey,By
        F7 F3 L0 SARX Gy,Ey,By
        F7 F2 L0 SHRX Gy,Ey,By
        96 66 W0 VFMADDSUB132PS Vx,Hx,Wx
        96 66 W1 VFMADDSUB132PD Vx,Hx,Wx
        97 66 W0 VFMSUBADD132PS Vx,Hx,Wx
        97 66 W1 VFMSUBADD132PD Vx,Hx,Wx
        98 66 W0 VFMADD132PS Vx,Hx,Wx
        98 66 W1 VFMADD132PD Vx,Hx,Wx
        99 66 W0 VFMADD132SS Vdq,Hdq,Wss
        99 66 W1 VFMADD132SD Vdq,Hdq,Wsd
        9A 66 W0 VFMSUB132PS Vx,Hx,Wx
        9A 66 W1 VFMSUB132PD Vx,Hx,Wx
        9B 66 W0 VFMSUB132SS Vdq,Hdq,Wss
        9B 66 W1 VFMSUB132SD Vdq,Hdq,Wsd
        9C 66 W0 VFNMADD132PS Vx,Hx,Wx
        9C 66 W1 VFNMADD132PD Vx,Hx,Wx
        9D 66 W0 VFNMADD132SS Vdq,Hdq,Wss
        9D 66 W1 VFNMADD132SD Vdq,Hdq,Wsd
        9E 66 W0 VFNMSUB132PS Vx,Hx,Wx
        9E 66 W1 VFNMSUB132PD Vx,Hx,Wx
        9F 66 W0 VFNMSUB132SS Vdq,Hdq,Wss
        9F 66 W1 VFNMSUB132SD Vdq,Hdq,Wsd
        A6 66 W0 VFMADDSUB213PS Vx,Hx,Wx
        A6 66 W1 VFMADDSUB213PD Vx,Hx,Wx
        A7 66 W0 VFMSUBADD213PS Vx,Hx,Wx
        A7 66 W1 VFMSUBADD213PD Vx,Hx,Wx
        A8 66 W0 VFMADD213PS Vx,Hx,Wx
        A8 66 W1 VFMADD213PD Vx,Hx,Wx
        A9 66 W0 VFMADD213SS Vdq,Hdq,Wss
        A9 66 W1 VFMADD213SD Vdq,Hdq,Wsd
        AA 66 W0 VFMSUB213PS Vx,Hx,Wx
        AA 66 W1 VFMSUB213PD Vx,Hx,Wx
        AB 66 W0 VFMSUB213SS Vdq,Hdq,Wss
        AB 66 W1 VFMSUB213SD Vdq,Hdq,Wsd
        AC 66 W0 VFNMADD213PS Vx,Hx,Wx
        AC 66 W1 VFNMADD213PD Vx,Hx,Wx
        AD 66 W0 VFNMADD213SS Vdq,Hdq,Wss
        AD 66 W1 VFNMADD213SD Vdq,Hdq,Wsd
        AE 66 W0 VFNMSUB213PS Vx,Hx,Wx
        AE 66 W1 VFNMSUB213PD Vx,Hx,Wx
        AF 66 W0 VFNMSUB213SS Vdq,Hdq,Wss
        AF 66 W1 VFNMSUB213SD Vdq,Hdq,Wsd
        B6 66 W0 VFMADDSUB231PS Vx,Hx,Wx
        B6 66 W1 VFMADDSUB231PD Vx,Hx,Wx
        B7 66 W0 VFMSUBADD231PS Vx,Hx,Wx
        B7 66 W1 VFMSUBADD231PD Vx,Hx,Wx
        B8 66 W0 VFMADD231PS Vx,Hx,Wx
        B8 66 W1 VFMADD231PD Vx,Hx,Wx
        B9 66 W0 VFMADD231SS Vdq,Hdq,Wss
        B9 66 W1 VFMADD231SD Vdq,Hdq,Wsd
        BA 66 W0 VFMSUB231PS Vx,Hx,Wx
        BA 66 W1 VFMSUB231PD Vx,Hx,Wx
        BB 66 W0 VFMSUB231SS Vdq,Hdq,Wss
        BB 66 W1 VFMSUB231SD Vdq,Hdq,Wsd
        BC 66 W0 VFNMADD231PS Vx,Hx,Wx
        BC 66 W1 VFNMADD231PD Vx,Hx,Wx
        BD 66 W0 VFNMADD231SS Vdq,Hdq,Wss
        BD 66 W1 VFNMADD231SD Vdq,Hdq,Wsd
        BE 66 W0 VFNMSUB231PS Vx,Hx,Wx
        BE 66 W1 VFNMSUB231PD Vx,Hx,Wx
        BF 66 W0 VFNMSUB231SS Vdq,Hdq,Wss
        BF 66 W1 VFNMSUB231SD Vdq,Hdq,Wsd
        """;

    private static final String MAP_0F3A = """
        00 66 L1 W1 VPERMQ Vqq,Wqq,uIb
        01 66 L1 W1 VPERMPD Vqq,Wqq,uIb
        02 66 W0 VPBLENDD Vx,Hx,Wx,uIb
        04 66 W0 VPERMILPS Vx,Wx,uIb
        05 66 W0 VPERMILPD Vx,Wx,uIb
        06 66 L1 W0 VPERM2F128 Vqq,Hqq,Wqq,uIb
        08 66 ROUNDPS Vx,Wx,uIb
        09 66 ROUNDPD Vx,Wx,uIb
        0A 66 ROUNDSS Vdq,Hdq,Wss,uIb
        0B 66 ROUNDSD Vdq,Hdq,Wsd,uIb
        0C 66 BLENDPS Vx,Hx,Wx,uIb
        0D 66 BLENDPD Vx,Hx,Wx,uIb
        0E 66 PBLENDW Vx,Hx,Wx,uIb
        0F 66 PALIGNR Vx,Hx,Wx,uIb
        14 66 L0 mem PEXTRB Mb,Vdq,uIb
        14 66 L0 reg PEXTRB Rd,Vdq,uIb
        15 66 L0 mem PEXTRW Mw,Vdq,uIb
        15 66 L0 reg PEXTRW Rd,Vdq,uIb
        16 66 L0 W0 PEXTRD Ed,Vdq,uIb
        16 66 L0 W1 PEXTRQ Eq,Vdq,uIb
        17 66 L0 EXTRACTPS Ed,Vdq,uIb
        18 66 L1 W0 VINSERTF128 Vqq,Hqq,Wdq,uIb
        19 66 L1 W0 VEXTRACTF128 Wdq,Vqq,uIb
        1D 66 W0 VCVTPS2PH Wxh,Vx,uIb
        20 66 L0 mem PINSRB Vdq,Hdq,Mb,uIb
        20 66 L0 reg PINSRB Vdq,Hdq,Rd,uIb
        21 66 L0 INSERTPS Vdq,Hdq,Wd,uIb
        22 66 L0 W0 PINSRD Vdq,Hdq,Ed,uIb
        22 66 L0 W1 PINSRQ Vdq,Hdq,Eq,uIb
        38 66 L1 W0 VINSERTI128 Vqq,Hqq,Wdq,uIb
        39 66 L1 W0 VEXTRACTI128 Wdq,Vqq,uIb
        40 66 DPPS Vx,Hx,Wx,uIb
        41 66 L0 DPPD Vdq,Hdq,Wdq,uIb
        42 66 MPSADBW Vx,Hx,Wx,uIb
        44 66 L0 PCLMULQDQ Vdq,Hdq,Wdq,uIb
        46 66 L1 W0 VPERM2I128 Vqq,Hqq,Wqq,uIb
        4A 66 W0 BLENDVPS Vx,Hx,Wx,Lx
        4B 66 W0 BLENDVPD Vx,Hx,Wx,Lx
        4C 66 W0 PBLENDVB Vx,Hx,Wx,Lx
        60 66 L0 PCMPESTRM Vdq,Wdq,uIb
        61 66 L0 PCMPESTRI Vdq,Wdq,uIb
        62 66 L0 PCMPISTRM Vdq,Wdq,uIb
        63 66 L0 PCMPISTRI Vdq,Wdq,uIb
        DF 66 L0 AESKEYGENASSIST Vdq,Wdq,uIb
        F0 F2 L0 RORX Gy,Ey,uIb
        """;
}
