package tvmm.decode;

/**
 * The two-byte map 0F xx without the MMX/SSE rows (those are in {@link SseMap}): system
 * instructions and groups 6-9, 15, 16 (SDM Vol. 2 Tables; AMD APM Vol. 3 for SVM).
 */
final class TwoByteMap {
    private TwoByteMap() {
    }

    static final String TEXT = """
        00 /0 mem SLDT Mw
        00 /0 reg SLDT Rv
        00 /1 mem STR Mw
        00 /1 reg STR Rv
        00 /2 LLDT Ew
        00 /3 LTR Ew
        00 /4 VERR Ew
        00 /5 VERW Ew
        01 /0 mem SGDT Ms
        01 /1 mem SIDT Ms
        01 /2 mem LGDT Ms
        01 /3 mem LIDT Ms
        01 /4 mem SMSW Mw
        01 /4 reg SMSW Rv
        01 /6 LMSW Ew
        01 /7 mem INVLPG Mb
        # Register forms of group 7: VMX, MONITOR/MWAIT, SMAP, XCR, TSX, SVM, SWAPGS, RDTSCP.
        01 /0 rm0 ENCLV
        01 /0 rm1 VMCALL
        01 /0 rm2 VMLAUNCH
        01 /0 rm3 VMRESUME
        01 /0 rm4 VMXOFF
        01 /1 rm0 MONITOR
        01 /1 rm1 MWAIT
        01 /1 rm2 CLAC
        01 /1 rm3 STAC
        01 /1 rm7 ENCLS
        01 /2 rm0 XGETBV
        01 /2 rm1 XSETBV
        01 /2 rm4 VMFUNC
        01 /2 rm5 XEND
        01 /2 rm6 XTEST
        01 /2 rm7 ENCLU
        # AMD SVM (APM Vol. 3 §4, 0F 01 D8-DF): VMRUN/VMLOAD/VMSAVE take rAX implicitly.
        01 /3 rm0 VMRUN aAX
        01 /3 rm1 VMMCALL
        01 /3 rm2 VMLOAD aAX
        01 /3 rm3 VMSAVE aAX
        01 /3 rm4 STGI
        01 /3 rm5 CLGI
        01 /3 rm6 SKINIT
        01 /3 rm7 INVLPGA aAX,ECX
        01 /5 rm6 RDPKRU
        01 /5 rm7 WRPKRU
        01 /7 rm0 SWAPGS o64
        01 /7 rm1 RDTSCP
        01 /7 rm2 MONITORX
        01 /7 rm3 MWAITX
        02 LAR Gv,Ew
        02 reg LAR Gv,Rv
        03 LSL Gv,Ew
        03 reg LSL Gv,Rv
        05 SYSCALL
        06 CLTS
        07 SYSRET
        08 INVD
        09 WBINVD
        0B UD2
        0D mem PREFETCH Mb
        0D /1 mem PREFETCHW Mb
        0D /2 mem PREFETCHWT1 Mb
        18 NOP Ev
        18 /0 mem PREFETCHNTA Mb
        18 /1 mem PREFETCHT0 Mb
        18 /2 mem PREFETCHT1 Mb
        18 /3 mem PREFETCHT2 Mb
        19 NOP Ev
        1A NOP Ev
        1B NOP Ev
        1C NOP Ev
        1D NOP Ev
        1E NOP Ev
        1E F3 /7 rm2 ENDBR64
        1E F3 /7 rm3 ENDBR32
        1F NOP Ev
        20 MOV Rr,Cy
        21 MOV Rr,Dy
        22 MOV Cy,Rr
        23 MOV Dy,Rr
        30 WRMSR
        31 RDTSC
        32 RDMSR
        33 RDPMC
        34 SYSENTER
        35 SYSEXIT
        37 GETSEC
        40 CMOVO Gv,Ev
        41 CMOVNO Gv,Ev
        42 CMOVB Gv,Ev
        43 CMOVAE Gv,Ev
        44 CMOVE Gv,Ev
        45 CMOVNE Gv,Ev
        46 CMOVBE Gv,Ev
        47 CMOVA Gv,Ev
        48 CMOVS Gv,Ev
        49 CMOVNS Gv,Ev
        4A CMOVP Gv,Ev
        4B CMOVNP Gv,Ev
        4C CMOVL Gv,Ev
        4D CMOVGE Gv,Ev
        4E CMOVLE Gv,Ev
        4F CMOVG Gv,Ev
        80 JO Jz d64
        81 JNO Jz d64
        82 JB Jz d64
        83 JAE Jz d64
        84 JE Jz d64
        85 JNE Jz d64
        86 JBE Jz d64
        87 JA Jz d64
        88 JS Jz d64
        89 JNS Jz d64
        8A JP Jz d64
        8B JNP Jz d64
        8C JL Jz d64
        8D JGE Jz d64
        8E JLE Jz d64
        8F JG Jz d64
        90 SETO Eb
        91 SETNO Eb
        92 SETB Eb
        93 SETAE Eb
        94 SETE Eb
        95 SETNE Eb
        96 SETBE Eb
        97 SETA Eb
        98 SETS Eb
        99 SETNS Eb
        9A SETP Eb
        9B SETNP Eb
        9C SETL Eb
        9D SETGE Eb
        9E SETLE Eb
        9F SETG Eb
        A0 PUSH FS d64
        A1 POP FS d64
        A2 CPUID
        A3 BT Ev,Gv
        A4 SHLD Ev,Gv,uIb
        A5 SHLD Ev,Gv,CL
        A8 PUSH GS d64
        A9 POP GS d64
        AA RSM
        AB BTS Ev,Gv lock
        AC SHRD Ev,Gv,uIb
        AD SHRD Ev,Gv,CL
        # Group 15 (SDM Table A-6): state save/restore, fences, FSGSBASE.
        AE /0 mem FXSAVE M
        AE /0 mem W1 FXSAVE64 M
        AE /1 mem FXRSTOR M
        AE /1 mem W1 FXRSTOR64 M
        AE /2 mem LDMXCSR Md
        AE /3 mem STMXCSR Md
        AE /4 mem XSAVE M
        AE /4 mem W1 XSAVE64 M
        AE /5 mem XRSTOR M
        AE /5 mem W1 XRSTOR64 M
        AE /6 mem XSAVEOPT M
        AE /6 mem W1 XSAVEOPT64 M
        AE /7 mem CLFLUSH Mb
        AE /7 mem 66 CLFLUSHOPT Mb
        AE /6 mem 66 CLWB Mb
        AE /5 reg LFENCE
        AE /6 reg MFENCE
        AE /7 reg SFENCE
        AE /0 reg F3 RDFSBASE Ry o64
        AE /1 reg F3 RDGSBASE Ry o64
        AE /2 reg F3 WRFSBASE Ry o64
        AE /3 reg F3 WRGSBASE Ry o64
        AF IMUL Gv,Ev
        B0 CMPXCHG Eb,Gb lock
        B1 CMPXCHG Ev,Gv lock
        B2 LSS Gv,Mp
        B3 BTR Ev,Gv lock
        B4 LFS Gv,Mp
        B5 LGS Gv,Mp
        B6 MOVZX Gv,Eb
        B7 MOVZX Gv,Ew
        B8 F3 POPCNT Gv,Ev
        B9 UD1 Gv,Ev
        BA /4 BT Ev,uIb
        BA /5 BTS Ev,uIb lock
        BA /6 BTR Ev,uIb lock
        BA /7 BTC Ev,uIb lock
        BB BTC Ev,Gv lock
        BC BSF Gv,Ev
        BC F3 TZCNT Gv,Ev
        BD BSR Gv,Ev
        BD F3 LZCNT Gv,Ev
        BE MOVSX Gv,Eb
        BF MOVSX Gv,Ew
        C0 XADD Eb,Gb lock
        C1 XADD Ev,Gv lock
        # Group 9: CMPXCHG8B/16B, VMX pointers, RDRAND/RDSEED/RDPID, XSAVES family.
        C7 /1 mem CMPXCHG8B Mq lock
        C7 /1 mem W1 CMPXCHG16B Mdq lock
        C7 /3 mem XRSTORS M
        C7 /3 mem W1 XRSTORS64 M
        C7 /4 mem XSAVEC M
        C7 /4 mem W1 XSAVEC64 M
        C7 /5 mem XSAVES M
        C7 /5 mem W1 XSAVES64 M
        C7 /6 mem NP VMPTRLD Mq
        C7 /6 mem 66 VMCLEAR Mq
        C7 /6 mem F3 VMXON Mq
        C7 /7 mem NP VMPTRST Mq
        C7 /6 reg RDRAND Rv
        C7 /7 reg RDSEED Rv
        C7 /7 reg F3 RDPID Ry
        C8 BSWAP Zy
        C9 BSWAP Zy
        CA BSWAP Zy
        CB BSWAP Zy
        CC BSWAP Zy
        CD BSWAP Zy
        CE BSWAP Zy
        CF BSWAP Zy
        FF UD0 Gv,Ev
        """;
}
