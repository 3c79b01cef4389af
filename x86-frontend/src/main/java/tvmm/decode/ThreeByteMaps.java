package tvmm.decode;

/** The three-byte maps 0F 38 and 0F 3A (SDM Vol. 2 Tables ): SSSE3..SSE4.2, AES, SHA, MOVBE, CRC32, ADX. */
final class ThreeByteMaps {
    private ThreeByteMaps() {
    }

    static final String TEXT_0F38 = """
        00 NP PSHUFB Pq,Qq
        00 66 PSHUFB Vx,Wx
        01 NP PHADDW Pq,Qq
        01 66 PHADDW Vx,Wx
        02 NP PHADDD Pq,Qq
        02 66 PHADDD Vx,Wx
        03 NP PHADDSW Pq,Qq
        03 66 PHADDSW Vx,Wx
        04 NP PMADDUBSW Pq,Qq
        04 66 PMADDUBSW Vx,Wx
        05 NP PHSUBW Pq,Qq
        05 66 PHSUBW Vx,Wx
        06 NP PHSUBD Pq,Qq
        06 66 PHSUBD Vx,Wx
        07 NP PHSUBSW Pq,Qq
        07 66 PHSUBSW Vx,Wx
        08 NP PSIGNB Pq,Qq
        08 66 PSIGNB Vx,Wx
        09 NP PSIGNW Pq,Qq
        09 66 PSIGNW Vx,Wx
        0A NP PSIGND Pq,Qq
        0A 66 PSIGND Vx,Wx
        0B NP PMULHRSW Pq,Qq
        0B 66 PMULHRSW Vx,Wx
        1C NP PABSB Pq,Qq
        1C 66 PABSB Vx,Wx
        1D NP PABSW Pq,Qq
        1D 66 PABSW Vx,Wx
        1E NP PABSD Pq,Qq
        1E 66 PABSD Vx,Wx
        10 66 PBLENDVB Vdq,Wdq,XMM0
        14 66 BLENDVPS Vdq,Wdq,XMM0
        15 66 BLENDVPD Vdq,Wdq,XMM0
        17 66 PTEST Vdq,Wdq
        20 66 PMOVSXBW Vdq,Wq
        21 66 PMOVSXBD Vdq,Wd
        22 66 PMOVSXBQ Vdq,Ww
        23 66 PMOVSXWD Vdq,Wq
        24 66 PMOVSXWQ Vdq,Wd
        25 66 PMOVSXDQ Vdq,Wq
        30 66 PMOVZXBW Vdq,Wq
        31 66 PMOVZXBD Vdq,Wd
        32 66 PMOVZXBQ Vdq,Ww
        33 66 PMOVZXWD Vdq,Wq
        34 66 PMOVZXWQ Vdq,Wd
        35 66 PMOVZXDQ Vdq,Wq
        28 66 PMULDQ Vdq,Wdq
        29 66 PCMPEQQ Vdq,Wdq
        2B 66 PACKUSDW Vdq,Wdq
        37 66 PCMPGTQ Vdq,Wdq
        38 66 PMINSB Vdq,Wdq
        39 66 PMINSD Vdq,Wdq
        3A 66 PMINUW Vdq,Wdq
        3B 66 PMINUD Vdq,Wdq
        3C 66 PMAXSB Vdq,Wdq
        3D 66 PMAXSD Vdq,Wdq
        3E 66 PMAXUW Vdq,Wdq
        3F 66 PMAXUD Vdq,Wdq
        40 66 PMULLD Vdq,Wdq
        41 66 PHMINPOSUW Vdq,Wdq
        DB 66 AESIMC Vdq,Wdq
        DC 66 AESENC Vdq,Wdq
        DD 66 AESENCLAST Vdq,Wdq
        DE 66 AESDEC Vdq,Wdq
        DF 66 AESDECLAST Vdq,Wdq
        2A 66 mem MOVNTDQA Vdq,Mdq
        80 66 mem x64 INVEPT Gq,Mdq
        80 66 mem n64 INVEPT Gd,Mdq
        81 66 mem x64 INVVPID Gq,Mdq
        81 66 mem n64 INVVPID Gd,Mdq
        82 66 mem x64 INVPCID Gq,Mdq
        82 66 mem n64 INVPCID Gd,Mdq
        C8 NP SHA1NEXTE Vdq,Wdq
        C9 NP SHA1MSG1 Vdq,Wdq
        CA NP SHA1MSG2 Vdq,Wdq
        CC NP SHA256MSG1 Vdq,Wdq
        CD NP SHA256MSG2 Vdq,Wdq
        CB NP SHA256RNDS2 Vdq,Wdq,XMM0
        F0 mem MOVBE Gv,Mv
        F0 F2 CRC32 Gy,Eb
        F0 F3 INVALID
        F1 mem MOVBE Mv,Gv
        F1 F2 CRC32 Gy,Ev
        F1 F3 INVALID
        F6 66 ADCX Gy,Ey
        F6 F3 ADOX Gy,Ey
        """;

    static final String TEXT_0F3A = """
        0F NP PALIGNR Pq,Qq,uIb
        0F 66 PALIGNR Vx,Wx,uIb
        08 66 ROUNDPS Vx,Wx,uIb
        09 66 ROUNDPD Vx,Wx,uIb
        0A 66 ROUNDSS Vss,Wss,uIb
        0B 66 ROUNDSD Vsd,Wsd,uIb
        0C 66 BLENDPS Vx,Wx,uIb
        0D 66 BLENDPD Vx,Wx,uIb
        0E 66 PBLENDW Vx,Wx,uIb
        21 66 INSERTPS Vdq,Wd,uIb
        40 66 DPPS Vx,Wx,uIb
        41 66 DPPD Vdq,Wdq,uIb
        42 66 MPSADBW Vx,Wx,uIb
        44 66 PCLMULQDQ Vdq,Wdq,uIb
        60 66 PCMPESTRM Vdq,Wdq,uIb
        61 66 PCMPESTRI Vdq,Wdq,uIb
        62 66 PCMPISTRM Vdq,Wdq,uIb
        63 66 PCMPISTRI Vdq,Wdq,uIb
        DF 66 AESKEYGENASSIST Vdq,Wdq,uIb
        14 66 mem PEXTRB Mb,Vdq,uIb
        14 66 reg PEXTRB Rd,Vdq,uIb
        15 66 mem PEXTRW Mw,Vdq,uIb
        15 66 reg PEXTRW Rd,Vdq,uIb
        16 66 W0 PEXTRD Ed,Vdq,uIb
        16 66 W1 PEXTRQ Eq,Vdq,uIb
        17 66 EXTRACTPS Ed,Vdq,uIb
        20 66 mem PINSRB Vdq,Mb,uIb
        20 66 reg PINSRB Vdq,Rd,uIb
        22 66 W0 PINSRD Vdq,Ed,uIb
        22 66 W1 PINSRQ Vdq,Eq,uIb
        CC NP SHA1RNDS4 Vdq,Wdq,uIb
        """;
}
