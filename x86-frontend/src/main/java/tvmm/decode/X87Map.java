package tvmm.decode;

/**
 * The x87 escape opcodes D8-DF (SDM Vol. 2 Appendix A.4, Tables A-7..A-22): memory forms by
 * ModRM.reg, register forms by ModRM.reg and ModRM.rm. Aliases that hardware accepts (DC D0+i
 * FCOM, DD C8+i FXCH, DF D0+i FSTP, ...) are decoded as the operation they perform.
 */
final class X87Map {
    private X87Map() {
    }

    static final String TEXT = """
        D8 /0 mem FADD Md
        D8 /1 mem FMUL Md
        D8 /2 mem FCOM Md
        D8 /3 mem FCOMP Md
        D8 /4 mem FSUB Md
        D8 /5 mem FSUBR Md
        D8 /6 mem FDIV Md
        D8 /7 mem FDIVR Md
        DA /0 mem FIADD Md
        DA /1 mem FIMUL Md
        DA /2 mem FICOM Md
        DA /3 mem FICOMP Md
        DA /4 mem FISUB Md
        DA /5 mem FISUBR Md
        DA /6 mem FIDIV Md
        DA /7 mem FIDIVR Md
        DC /0 mem FADD Mq
        DC /1 mem FMUL Mq
        DC /2 mem FCOM Mq
        DC /3 mem FCOMP Mq
        DC /4 mem FSUB Mq
        DC /5 mem FSUBR Mq
        DC /6 mem FDIV Mq
        DC /7 mem FDIVR Mq
        DE /0 mem FIADD Mw
        DE /1 mem FIMUL Mw
        DE /2 mem FICOM Mw
        DE /3 mem FICOMP Mw
        DE /4 mem FISUB Mw
        DE /5 mem FISUBR Mw
        DE /6 mem FIDIV Mw
        DE /7 mem FIDIVR Mw
        D9 /0 mem FLD Md
        D9 /2 mem FST Md
        D9 /3 mem FSTP Md
        D9 /4 mem FLDENV M
        D9 /5 mem FLDCW Mw
        D9 /6 mem FNSTENV M
        D9 /7 mem FNSTCW Mw
        DB /0 mem FILD Md
        DB /1 mem FISTTP Md
        DB /2 mem FIST Md
        DB /3 mem FISTP Md
        DB /5 mem FLD Mt
        DB /7 mem FSTP Mt
        DD /0 mem FLD Mq
        DD /1 mem FISTTP Mq
        DD /2 mem FST Mq
        DD /3 mem FSTP Mq
        DD /4 mem FRSTOR M
        DD /6 mem FNSAVE M
        DD /7 mem FNSTSW Mw
        DF /0 mem FILD Mw
        DF /1 mem FISTTP Mw
        DF /2 mem FIST Mw
        DF /3 mem FISTP Mw
        DF /4 mem FBLD Mt
        DF /5 mem FILD Mq
        DF /6 mem FBSTP Mt
        DF /7 mem FISTP Mq
        D8 /0 reg FADD ST0,STi
        D8 /1 reg FMUL ST0,STi
        D8 /2 reg FCOM STi
        D8 /3 reg FCOMP STi
        D8 /4 reg FSUB ST0,STi
        D8 /5 reg FSUBR ST0,STi
        D8 /6 reg FDIV ST0,STi
        D8 /7 reg FDIVR ST0,STi
        D9 /0 reg FLD STi
        D9 /1 reg FXCH STi
        D9 /2 rm0 FNOP
        D9 /3 reg FSTPNCE STi,ST0
        D9 /4 rm0 FCHS
        D9 /4 rm1 FABS
        D9 /4 rm4 FTST
        D9 /4 rm5 FXAM
        D9 /5 rm0 FLD1
        D9 /5 rm1 FLDL2T
        D9 /5 rm2 FLDL2E
        D9 /5 rm3 FLDPI
        D9 /5 rm4 FLDLG2
        D9 /5 rm5 FLDLN2
        D9 /5 rm6 FLDZ
        D9 /6 rm0 F2XM1
        D9 /6 rm1 FYL2X
        D9 /6 rm2 FPTAN
        D9 /6 rm3 FPATAN
        D9 /6 rm4 FXTRACT
        D9 /6 rm5 FPREM1
        D9 /6 rm6 FDECSTP
        D9 /6 rm7 FINCSTP
        D9 /7 rm0 FPREM
        D9 /7 rm1 FYL2XP1
        D9 /7 rm2 FSQRT
        D9 /7 rm3 FSINCOS
        D9 /7 rm4 FRNDINT
        D9 /7 rm5 FSCALE
        D9 /7 rm6 FSIN
        D9 /7 rm7 FCOS
        DA /0 reg FCMOVB ST0,STi
        DA /1 reg FCMOVE ST0,STi
        DA /2 reg FCMOVBE ST0,STi
        DA /3 reg FCMOVU ST0,STi
        DA /5 rm1 FUCOMPP
        DB /0 reg FCMOVNB ST0,STi
        DB /1 reg FCMOVNE ST0,STi
        DB /2 reg FCMOVNBE ST0,STi
        DB /3 reg FCMOVNU ST0,STi
        DB /4 rm0 FENI8087_NOP
        DB /4 rm1 FDISI8087_NOP
        DB /4 rm2 FNCLEX
        DB /4 rm3 FNINIT
        DB /4 rm4 FSETPM
        DB /5 reg FUCOMI ST0,STi
        DB /6 reg FCOMI ST0,STi
        DC /0 reg FADD STi,ST0
        DC /1 reg FMUL STi,ST0
        DC /2 reg FCOM ST0,STi
        DC /3 reg FCOMP ST0,STi
        DC /4 reg FSUBR STi,ST0
        DC /5 reg FSUB STi,ST0
        DC /6 reg FDIVR STi,ST0
        DC /7 reg FDIV STi,ST0
        DD /0 reg FFREE STi
        DD /1 reg FXCH ST0,STi
        DD /2 reg FST STi
        DD /3 reg FSTP STi
        DD /4 reg FUCOM STi
        DD /5 reg FUCOMP STi
        DE /0 reg FADDP STi,ST0
        DE /1 reg FMULP STi,ST0
        DE /2 reg FCOMP ST0,STi
        DE /4 reg FSUBRP STi,ST0
        DE /5 reg FSUBP STi,ST0
        DE /6 reg FDIVRP STi,ST0
        DE /7 reg FDIVP STi,ST0
        DE /3 rm1 FCOMPP
        DF /0 reg FFREEP STi
        DF /1 reg FXCH ST0,STi
        DF /2 reg FSTP STi,ST0
        DF /3 reg FSTP STi,ST0
        DF /4 rm0 FNSTSW AX
        DF /5 reg FUCOMIP ST0,STi
        DF /6 reg FCOMIP ST0,STi
        """;
}
