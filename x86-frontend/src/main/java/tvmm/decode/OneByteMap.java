package tvmm.decode;

/** The one-byte opcode map (SDM Vol. 2 Appendix A.3, Table A-2) and its groups (Table A-6). */
final class OneByteMap {
    private OneByteMap() {
    }

    static final String TEXT = """
        00 ADD Eb,Gb lock
        01 ADD Ev,Gv lock
        02 ADD Gb,Eb
        03 ADD Gv,Ev
        04 ADD AL,Ib
        05 ADD rAX,Iz
        06 PUSH ES i64
        07 POP ES i64
        08 OR Eb,Gb lock
        09 OR Ev,Gv lock
        0A OR Gb,Eb
        0B OR Gv,Ev
        0C OR AL,Ib
        0D OR rAX,Iz
        0E PUSH CS i64
        10 ADC Eb,Gb lock
        11 ADC Ev,Gv lock
        12 ADC Gb,Eb
        13 ADC Gv,Ev
        14 ADC AL,Ib
        15 ADC rAX,Iz
        16 PUSH SS i64
        17 POP SS i64
        18 SBB Eb,Gb lock
        19 SBB Ev,Gv lock
        1A SBB Gb,Eb
        1B SBB Gv,Ev
        1C SBB AL,Ib
        1D SBB rAX,Iz
        1E PUSH DS i64
        1F POP DS i64
        20 AND Eb,Gb lock
        21 AND Ev,Gv lock
        22 AND Gb,Eb
        23 AND Gv,Ev
        24 AND AL,Ib
        25 AND rAX,Iz
        27 DAA i64
        28 SUB Eb,Gb lock
        29 SUB Ev,Gv lock
        2A SUB Gb,Eb
        2B SUB Gv,Ev
        2C SUB AL,Ib
        2D SUB rAX,Iz
        2F DAS i64
        30 XOR Eb,Gb lock
        31 XOR Ev,Gv lock
        32 XOR Gb,Eb
        33 XOR Gv,Ev
        34 XOR AL,Ib
        35 XOR rAX,Iz
        37 AAA i64
        38 CMP Eb,Gb
        39 CMP Ev,Gv
        3A CMP Gb,Eb
        3B CMP Gv,Ev
        3C CMP AL,Ib
        3D CMP rAX,Iz
        3F AAS i64
        40 INC Zv i64
        41 INC Zv i64
        42 INC Zv i64
        43 INC Zv i64
        44 INC Zv i64
        45 INC Zv i64
        46 INC Zv i64
        47 INC Zv i64
        48 DEC Zv i64
        49 DEC Zv i64
        4A DEC Zv i64
        4B DEC Zv i64
        4C DEC Zv i64
        4D DEC Zv i64
        4E DEC Zv i64
        4F DEC Zv i64
        50 PUSH Zv d64
        51 PUSH Zv d64
        52 PUSH Zv d64
        53 PUSH Zv d64
        54 PUSH Zv d64
        55 PUSH Zv d64
        56 PUSH Zv d64
        57 PUSH Zv d64
        58 POP Zv d64
        59 POP Zv d64
        5A POP Zv d64
        5B POP Zv d64
        5C POP Zv d64
        5D POP Zv d64
        5E POP Zv d64
        5F POP Zv d64
        60 o16 PUSHA i64
        60 o32 PUSHAD i64
        61 o16 POPA i64
        61 o32 POPAD i64
        62 BOUND Gv,Ma i64
        63 n64 ARPL Ew,Gw
        63 x64 MOVSXD Gv,Ed
        68 PUSH Iz d64
        69 IMUL Gv,Ev,Iz
        6A PUSH sIb d64
        6B IMUL Gv,Ev,sIb
        6C INS_B Yb,DX rep
        6D o16 INS_W Yw,DX rep
        6D INS_D Yd,DX rep
        6E OUTS_B DX,Xb rep
        6F o16 OUTS_W DX,Xw rep
        6F OUTS_D DX,Xd rep
        70 JO Jb d64
        71 JNO Jb d64
        72 JB Jb d64
        73 JAE Jb d64
        74 JE Jb d64
        75 JNE Jb d64
        76 JBE Jb d64
        77 JA Jb d64
        78 JS Jb d64
        79 JNS Jb d64
        7A JP Jb d64
        7B JNP Jb d64
        7C JL Jb d64
        7D JGE Jb d64
        7E JLE Jb d64
        7F JG Jb d64
        80 /0 ADD Eb,Ib lock
        80 /1 OR Eb,Ib lock
        80 /2 ADC Eb,Ib lock
        80 /3 SBB Eb,Ib lock
        80 /4 AND Eb,Ib lock
        80 /5 SUB Eb,Ib lock
        80 /6 XOR Eb,Ib lock
        80 /7 CMP Eb,Ib
        81 /0 ADD Ev,Iz lock
        81 /1 OR Ev,Iz lock
        81 /2 ADC Ev,Iz lock
        81 /3 SBB Ev,Iz lock
        81 /4 AND Ev,Iz lock
        81 /5 SUB Ev,Iz lock
        81 /6 XOR Ev,Iz lock
        81 /7 CMP Ev,Iz
        82 /0 ADD Eb,Ib lock i64
        82 /1 OR Eb,Ib lock i64
        82 /2 ADC Eb,Ib lock i64
        82 /3 SBB Eb,Ib lock i64
        82 /4 AND Eb,Ib lock i64
        82 /5 SUB Eb,Ib lock i64
        82 /6 XOR Eb,Ib lock i64
        82 /7 CMP Eb,Ib i64
        83 /0 ADD Ev,sIb lock
        83 /1 OR Ev,sIb lock
        83 /2 ADC Ev,sIb lock
        83 /3 SBB Ev,sIb lock
        83 /4 AND Ev,sIb lock
        83 /5 SUB Ev,sIb lock
        83 /6 XOR Ev,sIb lock
        83 /7 CMP Ev,sIb
        84 TEST Eb,Gb
        85 TEST Ev,Gv
        86 XCHG Eb,Gb lock
        87 XCHG Ev,Gv lock
        88 MOV Eb,Gb
        89 MOV Ev,Gv
        8A MOV Gb,Eb
        8B MOV Gv,Ev
        8C MOV Ev,Sw
        8C mem MOV Ew,Sw
        8D mem LEA Gv,M
        8E MOV Sw,Ew
        8E reg MOV Sw,Rv
        8F /0 POP Ev d64
        91 XCHG rAX,Zv
        92 XCHG rAX,Zv
        93 XCHG rAX,Zv
        94 XCHG rAX,Zv
        95 XCHG rAX,Zv
        96 XCHG rAX,Zv
        97 XCHG rAX,Zv
        90 NOP
        98 o16 CBW
        98 o32 CWDE
        98 o64 CDQE
        99 o16 CWD
        99 o32 CDQ
        99 o64 CQO
        9A CALL_FAR Ap i64
        9B WAIT
        9C o16 PUSHF d64
        9C o32 PUSHFD d64
        9C x64 PUSHFQ d64
        9C x64 o16 PUSHF d64
        9D o16 POPF d64
        9D o32 POPFD d64
        9D x64 POPFQ d64
        9D x64 o16 POPF d64
        9E SAHF
        9F LAHF
        A0 MOV AL,Ob
        A1 MOV rAX,Ov
        A2 MOV Ob,AL
        A3 MOV Ov,rAX
        A4 MOVS_B Yb,Xb rep
        A5 o16 MOVS_W Yw,Xw rep
        A5 o32 MOVS_D Yd,Xd rep
        A5 o64 MOVS_Q Yq,Xq rep
        A6 CMPS_B Xb,Yb rep
        A7 o16 CMPS_W Xw,Yw rep
        A7 o32 CMPS_D Xd,Yd rep
        A7 o64 CMPS_Q Xq,Yq rep
        A8 TEST AL,Ib
        A9 TEST rAX,Iz
        AA STOS_B Yb,AL rep
        AB o16 STOS_W Yw,rAX rep
        AB o32 STOS_D Yd,rAX rep
        AB o64 STOS_Q Yq,rAX rep
        AC LODS_B AL,Xb rep
        AD o16 LODS_W rAX,Xw rep
        AD o32 LODS_D rAX,Xd rep
        AD o64 LODS_Q rAX,Xq rep
        AE SCAS_B AL,Yb rep
        AF o16 SCAS_W rAX,Yw rep
        AF o32 SCAS_D rAX,Yd rep
        AF o64 SCAS_Q rAX,Yq rep
        B0 MOV Zb,Ib
        B1 MOV Zb,Ib
        B2 MOV Zb,Ib
        B3 MOV Zb,Ib
        B4 MOV Zb,Ib
        B5 MOV Zb,Ib
        B6 MOV Zb,Ib
        B7 MOV Zb,Ib
        B8 MOV Zv,Iv
        B9 MOV Zv,Iv
        BA MOV Zv,Iv
        BB MOV Zv,Iv
        BC MOV Zv,Iv
        BD MOV Zv,Iv
        BE MOV Zv,Iv
        BF MOV Zv,Iv
        C0 /0 ROL Eb,uIb
        C0 /1 ROR Eb,uIb
        C0 /2 RCL Eb,uIb
        C0 /3 RCR Eb,uIb
        C0 /4 SHL Eb,uIb
        C0 /5 SHR Eb,uIb
        C0 /6 SAL Eb,uIb
        C0 /7 SAR Eb,uIb
        C1 /0 ROL Ev,uIb
        C1 /1 ROR Ev,uIb
        C1 /2 RCL Ev,uIb
        C1 /3 RCR Ev,uIb
        C1 /4 SHL Ev,uIb
        C1 /5 SHR Ev,uIb
        C1 /6 SAL Ev,uIb
        C1 /7 SAR Ev,uIb
        C2 RET uIw f64
        C3 RET f64
        C4 LES Gz,Mp i64
        C5 LDS Gz,Mp i64
        C6 /0 MOV Eb,Ib
        C6 /7 rm0 XABORT Ib
        C7 /0 MOV Ev,Iz
        C7 /7 rm0 XBEGIN Jz d64
        C8 ENTER uIw,uIb d64
        C9 LEAVE d64
        CA RET_FAR uIw
        CB RET_FAR
        CC INT3
        CD INT uIb
        CE INTO i64
        CF o16 IRET
        CF o32 IRETD
        CF o64 IRETQ
        D0 /0 ROL Eb,1
        D0 /1 ROR Eb,1
        D0 /2 RCL Eb,1
        D0 /3 RCR Eb,1
        D0 /4 SHL Eb,1
        D0 /5 SHR Eb,1
        D0 /6 SAL Eb,1
        D0 /7 SAR Eb,1
        D1 /0 ROL Ev,1
        D1 /1 ROR Ev,1
        D1 /2 RCL Ev,1
        D1 /3 RCR Ev,1
        D1 /4 SHL Ev,1
        D1 /5 SHR Ev,1
        D1 /6 SAL Ev,1
        D1 /7 SAR Ev,1
        D2 /0 ROL Eb,CL
        D2 /1 ROR Eb,CL
        D2 /2 RCL Eb,CL
        D2 /3 RCR Eb,CL
        D2 /4 SHL Eb,CL
        D2 /5 SHR Eb,CL
        D2 /6 SAL Eb,CL
        D2 /7 SAR Eb,CL
        D3 /0 ROL Ev,CL
        D3 /1 ROR Ev,CL
        D3 /2 RCL Ev,CL
        D3 /3 RCR Ev,CL
        D3 /4 SHL Ev,CL
        D3 /5 SHR Ev,CL
        D3 /6 SAL Ev,CL
        D3 /7 SAR Ev,CL
        D4 AAM uIb i64
        D5 AAD uIb i64
        D6 SALC i64
        D7 XLATB
        E0 LOOPNE Jb d64
        E1 LOOPE Jb d64
        E2 LOOP Jb d64
        E3 a16 JCXZ Jb d64
        E3 a32 JECXZ Jb d64
        E3 a64 JRCXZ Jb d64
        E4 IN AL,uIb
        E5 IN eAX,uIb
        E6 OUT uIb,AL
        E7 OUT uIb,eAX
        E8 CALL Jz d64
        E9 JMP Jz d64
        EA JMP_FAR Ap i64
        EB JMP Jb d64
        EC IN AL,DX
        ED IN eAX,DX
        EE OUT DX,AL
        EF OUT DX,eAX
        F1 INT1
        F4 HLT
        F5 CMC
        F6 /0 TEST Eb,Ib
        F6 /1 TEST Eb,Ib
        F6 /2 NOT Eb lock
        F6 /3 NEG Eb lock
        F6 /4 MUL Eb
        F6 /5 IMUL Eb
        F6 /6 DIV Eb
        F6 /7 IDIV Eb
        F7 /0 TEST Ev,Iz
        F7 /1 TEST Ev,Iz
        F7 /2 NOT Ev lock
        F7 /3 NEG Ev lock
        F7 /4 MUL Ev
        F7 /5 IMUL Ev
        F7 /6 DIV Ev
        F7 /7 IDIV Ev
        F8 CLC
        F9 STC
        FA CLI
        FB STI
        FC CLD
        FD STD
        FE /0 INC Eb lock
        FE /1 DEC Eb lock
        FF /0 INC Ev lock
        FF /1 DEC Ev lock
        FF /2 CALL Ev f64
        FF /3 mem CALL_FAR Mp
        FF /4 JMP Ev f64
        FF /5 mem JMP_FAR Mp
        FF /6 PUSH Ev d64
        """;
}
