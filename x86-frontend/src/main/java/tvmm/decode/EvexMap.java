package tvmm.decode;

/**
 * EVEX-encoded opcodes of maps 0F and 0F3A (AVX-512 F/BW/DQ/CD/VL/ER; SDM Vol. 2 §2.7 and
 * the instruction pages; map 0F38 is in {@link EvexMap0F38}). Selectors as
 * in {@link VexMap} (L0/L1/L2 = EVEX.L'L). Flags: b4/b8 = embedded broadcast of 4/8-byte
 * elements, t=N = disp8*N tuple size (negative: vector length / N), er/sae = EVEX.b on
 * registers selects rounding / suppress-all-exceptions.
 */
final class EvexMap {
    private EvexMap() {
    }

    static void build(Entry[][] maps) {
        TableBuilder.addAll(maps[1], MAP_0F);
        TableBuilder.addAll(maps[2], EvexMap0F38.TEXT);
        TableBuilder.addAll(maps[3], MAP_0F3A);
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

}
