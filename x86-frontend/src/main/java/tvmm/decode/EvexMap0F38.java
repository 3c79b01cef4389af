package tvmm.decode;

/** EVEX-encoded opcodes of map 0F38 (AVX-512; notation as in {@link EvexMap}). */
final class EvexMap0F38 {
    private EvexMap0F38() {
    }

    static final String TEXT = """
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
}
