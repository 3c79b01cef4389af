package tvmm.decode;

/**
 * MMX and SSE..SSE3 rows of the 0F map, selected by the mandatory prefix (none, 66, F3, F2;
 * SDM Vol. 2 §2.1.2 and Table A-3). MMX forms take P/Q (mm registers), 66 forms V/W (xmm).
 */
final class SseMap {
    private SseMap() {
    }

    static final String TEXT = """
        60 NP PUNPCKLBW Pq,Qq
        60 66 PUNPCKLBW Vx,Wx
        61 NP PUNPCKLWD Pq,Qq
        61 66 PUNPCKLWD Vx,Wx
        62 NP PUNPCKLDQ Pq,Qq
        62 66 PUNPCKLDQ Vx,Wx
        63 NP PACKSSWB Pq,Qq
        63 66 PACKSSWB Vx,Wx
        64 NP PCMPGTB Pq,Qq
        64 66 PCMPGTB Vx,Wx
        65 NP PCMPGTW Pq,Qq
        65 66 PCMPGTW Vx,Wx
        66 NP PCMPGTD Pq,Qq
        66 66 PCMPGTD Vx,Wx
        67 NP PACKUSWB Pq,Qq
        67 66 PACKUSWB Vx,Wx
        68 NP PUNPCKHBW Pq,Qq
        68 66 PUNPCKHBW Vx,Wx
        69 NP PUNPCKHWD Pq,Qq
        69 66 PUNPCKHWD Vx,Wx
        6A NP PUNPCKHDQ Pq,Qq
        6A 66 PUNPCKHDQ Vx,Wx
        6B NP PACKSSDW Pq,Qq
        6B 66 PACKSSDW Vx,Wx
        74 NP PCMPEQB Pq,Qq
        74 66 PCMPEQB Vx,Wx
        75 NP PCMPEQW Pq,Qq
        75 66 PCMPEQW Vx,Wx
        76 NP PCMPEQD Pq,Qq
        76 66 PCMPEQD Vx,Wx
        D1 NP PSRLW Pq,Qq
        D1 66 PSRLW Vx,Wx
        D2 NP PSRLD Pq,Qq
        D2 66 PSRLD Vx,Wx
        D3 NP PSRLQ Pq,Qq
        D3 66 PSRLQ Vx,Wx
        D4 NP PADDQ Pq,Qq
        D4 66 PADDQ Vx,Wx
        D5 NP PMULLW Pq,Qq
        D5 66 PMULLW Vx,Wx
        D8 NP PSUBUSB Pq,Qq
        D8 66 PSUBUSB Vx,Wx
        D9 NP PSUBUSW Pq,Qq
        D9 66 PSUBUSW Vx,Wx
        DA NP PMINUB Pq,Qq
        DA 66 PMINUB Vx,Wx
        DB NP PAND Pq,Qq
        DB 66 PAND Vx,Wx
        DC NP PADDUSB Pq,Qq
        DC 66 PADDUSB Vx,Wx
        DD NP PADDUSW Pq,Qq
        DD 66 PADDUSW Vx,Wx
        DE NP PMAXUB Pq,Qq
        DE 66 PMAXUB Vx,Wx
        DF NP PANDN Pq,Qq
        DF 66 PANDN Vx,Wx
        E0 NP PAVGB Pq,Qq
        E0 66 PAVGB Vx,Wx
        E1 NP PSRAW Pq,Qq
        E1 66 PSRAW Vx,Wx
        E2 NP PSRAD Pq,Qq
        E2 66 PSRAD Vx,Wx
        E3 NP PAVGW Pq,Qq
        E3 66 PAVGW Vx,Wx
        E4 NP PMULHUW Pq,Qq
        E4 66 PMULHUW Vx,Wx
        E5 NP PMULHW Pq,Qq
        E5 66 PMULHW Vx,Wx
        E8 NP PSUBSB Pq,Qq
        E8 66 PSUBSB Vx,Wx
        E9 NP PSUBSW Pq,Qq
        E9 66 PSUBSW Vx,Wx
        EA NP PMINSW Pq,Qq
        EA 66 PMINSW Vx,Wx
        EB NP POR Pq,Qq
        EB 66 POR Vx,Wx
        EC NP PADDSB Pq,Qq
        EC 66 PADDSB Vx,Wx
        ED NP PADDSW Pq,Qq
        ED 66 PADDSW Vx,Wx
        EE NP PMAXSW Pq,Qq
        EE 66 PMAXSW Vx,Wx
        EF NP PXOR Pq,Qq
        EF 66 PXOR Vx,Wx
        F1 NP PSLLW Pq,Qq
        F1 66 PSLLW Vx,Wx
        F2 NP PSLLD Pq,Qq
        F2 66 PSLLD Vx,Wx
        F3 NP PSLLQ Pq,Qq
        F3 66 PSLLQ Vx,Wx
        F4 NP PMULUDQ Pq,Qq
        F4 66 PMULUDQ Vx,Wx
        F5 NP PMADDWD Pq,Qq
        F5 66 PMADDWD Vx,Wx
        F6 NP PSADBW Pq,Qq
        F6 66 PSADBW Vx,Wx
        F8 NP PSUBB Pq,Qq
        F8 66 PSUBB Vx,Wx
        F9 NP PSUBW Pq,Qq
        F9 66 PSUBW Vx,Wx
        FA NP PSUBD Pq,Qq
        FA 66 PSUBD Vx,Wx
        FB NP PSUBQ Pq,Qq
        FB 66 PSUBQ Vx,Wx
        FC NP PADDB Pq,Qq
        FC 66 PADDB Vx,Wx
        FD NP PADDW Pq,Qq
        FD 66 PADDW Vx,Wx
        FE NP PADDD Pq,Qq
        FE 66 PADDD Vx,Wx
        6C 66 PUNPCKLQDQ Vx,Wx
        6D 66 PUNPCKHQDQ Vx,Wx
        51 NP SQRTPS Vx,Wx
        51 66 SQRTPD Vx,Wx
        51 F3 SQRTSS Vss,Wss
        51 F2 SQRTSD Vsd,Wsd
        58 NP ADDPS Vx,Wx
        58 66 ADDPD Vx,Wx
        58 F3 ADDSS Vss,Wss
        58 F2 ADDSD Vsd,Wsd
        59 NP MULPS Vx,Wx
        59 66 MULPD Vx,Wx
        59 F3 MULSS Vss,Wss
        59 F2 MULSD Vsd,Wsd
        5C NP SUBPS Vx,Wx
        5C 66 SUBPD Vx,Wx
        5C F3 SUBSS Vss,Wss
        5C F2 SUBSD Vsd,Wsd
        5D NP MINPS Vx,Wx
        5D 66 MINPD Vx,Wx
        5D F3 MINSS Vss,Wss
        5D F2 MINSD Vsd,Wsd
        5E NP DIVPS Vx,Wx
        5E 66 DIVPD Vx,Wx
        5E F3 DIVSS Vss,Wss
        5E F2 DIVSD Vsd,Wsd
        5F NP MAXPS Vx,Wx
        5F 66 MAXPD Vx,Wx
        5F F3 MAXSS Vss,Wss
        5F F2 MAXSD Vsd,Wsd
        54 NP ANDPS Vx,Wx
        54 66 ANDPD Vx,Wx
        55 NP ANDNPS Vx,Wx
        55 66 ANDNPD Vx,Wx
        56 NP ORPS Vx,Wx
        56 66 ORPD Vx,Wx
        57 NP XORPS Vx,Wx
        57 66 XORPD Vx,Wx
        14 NP UNPCKLPS Vx,Wx
        14 66 UNPCKLPD Vx,Wx
        15 NP UNPCKHPS Vx,Wx
        15 66 UNPCKHPD Vx,Wx
        10 NP MOVUPS Vx,Wx
        10 66 MOVUPD Vx,Wx
        10 F3 MOVSS Vss,Wss
        10 F2 MOVSD Vsd,Wsd
        11 NP MOVUPS Wx,Vx
        11 66 MOVUPD Wx,Vx
        11 F3 MOVSS Wss,Vss
        11 F2 MOVSD Wsd,Vsd
        12 NP mem MOVLPS Vq,Mq
        12 NP reg MOVHLPS Vdq,Udq
        12 66 mem MOVLPD Vq,Mq
        12 F3 MOVSLDUP Vx,Wx
        12 F2 MOVDDUP Vx,Wsd
        13 NP mem MOVLPS Mq,Vq
        13 66 mem MOVLPD Mq,Vq
        16 NP mem MOVHPS Vq,Mq
        16 NP reg MOVLHPS Vdq,Udq
        16 66 mem MOVHPD Vq,Mq
        16 F3 MOVSHDUP Vx,Wx
        17 NP mem MOVHPS Mq,Vq
        17 66 mem MOVHPD Mq,Vq
        28 NP MOVAPS Vx,Wx
        28 66 MOVAPD Vx,Wx
        29 NP MOVAPS Wx,Vx
        29 66 MOVAPD Wx,Vx
        2A NP CVTPI2PS Vdq,Qq
        2A 66 CVTPI2PD Vdq,Qq
        2A F3 CVTSI2SS Vdq,Ey
        2A F2 CVTSI2SD Vdq,Ey
        2B NP mem MOVNTPS Mx,Vx
        2B 66 mem MOVNTPD Mx,Vx
        2B F3 mem MOVNTSS Md,Vdq
        2B F2 mem MOVNTSD Mq,Vdq
        2C NP CVTTPS2PI Pq,Wq
        2C 66 CVTTPD2PI Pq,Wx
        2C F3 CVTTSS2SI Gy,Wss
        2C F2 CVTTSD2SI Gy,Wsd
        2D NP CVTPS2PI Pq,Wq
        2D 66 CVTPD2PI Pq,Wx
        2D F3 CVTSS2SI Gy,Wss
        2D F2 CVTSD2SI Gy,Wsd
        2E NP UCOMISS Vss,Wss
        2E 66 UCOMISD Vsd,Wsd
        2F NP COMISS Vss,Wss
        2F 66 COMISD Vsd,Wsd
        50 NP reg MOVMSKPS Gy,Ux
        50 66 reg MOVMSKPD Gy,Ux
        52 NP RSQRTPS Vx,Wx
        52 F3 RSQRTSS Vss,Wss
        53 NP RCPPS Vx,Wx
        53 F3 RCPSS Vss,Wss
        5A NP CVTPS2PD Vx,Wq
        5A 66 CVTPD2PS Vx,Wx
        5A F3 CVTSS2SD Vsd,Wss
        5A F2 CVTSD2SS Vss,Wsd
        5B NP CVTDQ2PS Vx,Wx
        5B 66 CVTPS2DQ Vx,Wx
        5B F3 CVTTPS2DQ Vx,Wx
        6E NP W0 MOVD Pq,Ed
        6E NP W1 MOVQ Pq,Eq
        6E 66 W0 MOVD Vdq,Ed
        6E 66 W1 MOVQ Vdq,Eq
        6F NP MOVQ Pq,Qq
        6F 66 MOVDQA Vx,Wx
        6F F3 MOVDQU Vx,Wx
        70 NP PSHUFW Pq,Qq,uIb
        70 66 PSHUFD Vx,Wx,uIb
        70 F3 PSHUFHW Vx,Wx,uIb
        70 F2 PSHUFLW Vx,Wx,uIb
        71 /2 reg NP PSRLW Nq,uIb
        71 /2 reg 66 PSRLW Ux,uIb
        71 /4 reg NP PSRAW Nq,uIb
        71 /4 reg 66 PSRAW Ux,uIb
        71 /6 reg NP PSLLW Nq,uIb
        71 /6 reg 66 PSLLW Ux,uIb
        72 /2 reg NP PSRLD Nq,uIb
        72 /2 reg 66 PSRLD Ux,uIb
        72 /4 reg NP PSRAD Nq,uIb
        72 /4 reg 66 PSRAD Ux,uIb
        72 /6 reg NP PSLLD Nq,uIb
        72 /6 reg 66 PSLLD Ux,uIb
        73 /2 reg NP PSRLQ Nq,uIb
        73 /2 reg 66 PSRLQ Ux,uIb
        73 /3 reg 66 PSRLDQ Ux,uIb
        73 /6 reg NP PSLLQ Nq,uIb
        73 /6 reg 66 PSLLQ Ux,uIb
        73 /7 reg 66 PSLLDQ Ux,uIb
        77 NP EMMS
        78 NP VMREAD Ey,Gy f64
        78 66 /0 reg EXTRQ Udq,uIb,uIb
        78 F2 reg INSERTQ Vdq,Udq,uIb,uIb
        79 NP VMWRITE Gy,Ey f64
        79 66 reg EXTRQ Vdq,Udq
        79 F2 reg INSERTQ Vdq,Udq
        7C 66 HADDPD Vx,Wx
        7C F2 HADDPS Vx,Wx
        7D 66 HSUBPD Vx,Wx
        7D F2 HSUBPS Vx,Wx
        7E NP W0 MOVD Ed,Pq
        7E NP W1 MOVQ Eq,Pq
        7E 66 W0 MOVD Ed,Vdq
        7E 66 W1 MOVQ Eq,Vdq
        7E F3 MOVQ Vdq,Wq
        7F NP MOVQ Qq,Pq
        7F 66 MOVDQA Wx,Vx
        7F F3 MOVDQU Wx,Vx
        C2 NP CMPPS Vx,Wx,uIb
        C2 66 CMPPD Vx,Wx,uIb
        C2 F3 CMPSS Vss,Wss,uIb
        C2 F2 CMPSD Vsd,Wsd,uIb
        C3 NP mem MOVNTI My,Gy
        C4 NP mem PINSRW Pq,Mw,uIb
        C4 NP reg PINSRW Pq,Rd,uIb
        C4 66 mem PINSRW Vdq,Mw,uIb
        C4 66 reg PINSRW Vdq,Rd,uIb
        C5 NP reg PEXTRW Gd,Nq,uIb
        C5 66 reg PEXTRW Gd,Udq,uIb
        C6 NP SHUFPS Vx,Wx,uIb
        C6 66 SHUFPD Vx,Wx,uIb
        D0 66 ADDSUBPD Vx,Wx
        D0 F2 ADDSUBPS Vx,Wx
        D6 66 MOVQ Wq,Vdq
        D6 F3 reg MOVQ2DQ Vdq,Nq
        D6 F2 reg MOVDQ2Q Pq,Udq
        D7 NP reg PMOVMSKB Gd,Nq
        D7 66 reg PMOVMSKB Gd,Ux
        E6 66 CVTTPD2DQ Vx,Wx
        E6 F3 CVTDQ2PD Vx,Wq
        E6 F2 CVTPD2DQ Vx,Wx
        E7 NP mem MOVNTQ Mq,Pq
        E7 66 mem MOVNTDQ Mx,Vx
        F0 F2 mem LDDQU Vx,Mx
        F7 NP reg MASKMOVQ Pq,Nq
        F7 66 reg MASKMOVDQU Vdq,Udq
        """;
}
