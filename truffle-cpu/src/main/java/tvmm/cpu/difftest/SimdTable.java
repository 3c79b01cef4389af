package tvmm.cpu.difftest;

/**
 * The MMX/SSE..SSE4.2 instruction forms difftest generates, from the opcode tables of SDM
 * Vol. 2 (Appendix A) — one line per form:
 * <pre>
 * name isa prefix opcode reg rm memBytes imm type [osize]
 * </pre>
 * reg: x xmm, m mmx, g general, /n the ModRM.reg digit; rm: x m g register only, X M R
 * register or memory, @ memory only; imm: - none, i any imm8, c a comparison predicate,
 * s a shift count; type: the values the operands hold (see {@link FpValues.Type});
 * osize 8 adds REX.W, 2 adds an operand-size prefix (general-register operands).
 */
final class SimdTable {
    private SimdTable() {
    }

    static final String FORMS = """
            # --- MMX (0F, no prefix) ---
            punpcklbw mmx - 0f60 m M 4 - b
            punpcklwd mmx - 0f61 m M 4 - w
            punpckldq mmx - 0f62 m M 4 - d
            packsswb mmx - 0f63 m M 8 - w
            pcmpgtb mmx - 0f64 m M 8 - b
            pcmpgtw mmx - 0f65 m M 8 - w
            pcmpgtd mmx - 0f66 m M 8 - d
            packuswb mmx - 0f67 m M 8 - w
            punpckhbw mmx - 0f68 m M 8 - b
            punpckhwd mmx - 0f69 m M 8 - w
            punpckhdq mmx - 0f6a m M 8 - d
            packssdw mmx - 0f6b m M 8 - d
            movd mmx - 0f6e m R 4 - d
            movq mmx - 0f6e m R 8 - q 8
            movq mmx - 0f6f m M 8 - q
            psrlw mmx - 0f71 /2 m 0 s w
            psraw mmx - 0f71 /4 m 0 s w
            psllw mmx - 0f71 /6 m 0 s w
            psrld mmx - 0f72 /2 m 0 s d
            psrad mmx - 0f72 /4 m 0 s d
            pslld mmx - 0f72 /6 m 0 s d
            psrlq mmx - 0f73 /2 m 0 s q
            psllq mmx - 0f73 /6 m 0 s q
            pcmpeqb mmx - 0f74 m M 8 - b
            pcmpeqw mmx - 0f75 m M 8 - w
            pcmpeqd mmx - 0f76 m M 8 - d
            movd mmx - 0f7e m R 4 - d
            movq mmx - 0f7e m R 8 - q 8
            movq mmx - 0f7f m M 8 - q
            psrlw mmx - 0fd1 m M 8 - q
            psrld mmx - 0fd2 m M 8 - q
            psrlq mmx - 0fd3 m M 8 - q
            pmullw mmx - 0fd5 m M 8 - w
            psubusb mmx - 0fd8 m M 8 - b
            psubusw mmx - 0fd9 m M 8 - w
            pand mmx - 0fdb m M 8 - q
            paddusb mmx - 0fdc m M 8 - b
            paddusw mmx - 0fdd m M 8 - w
            pandn mmx - 0fdf m M 8 - q
            psraw mmx - 0fe1 m M 8 - q
            psrad mmx - 0fe2 m M 8 - q
            pmulhw mmx - 0fe5 m M 8 - w
            psubsb mmx - 0fe8 m M 8 - b
            psubsw mmx - 0fe9 m M 8 - w
            por mmx - 0feb m M 8 - q
            paddsb mmx - 0fec m M 8 - b
            paddsw mmx - 0fed m M 8 - w
            pxor mmx - 0fef m M 8 - q
            psllw mmx - 0ff1 m M 8 - q
            pslld mmx - 0ff2 m M 8 - q
            psllq mmx - 0ff3 m M 8 - q
            pmaddwd mmx - 0ff5 m M 8 - w
            psubb mmx - 0ff8 m M 8 - b
            psubw mmx - 0ff9 m M 8 - w
            psubd mmx - 0ffa m M 8 - d
            paddb mmx - 0ffc m M 8 - b
            paddw mmx - 0ffd m M 8 - w
            paddd mmx - 0ffe m M 8 - d
            # --- SSE ---
            movups sse - 0f10 x X 16 - ps
            movss sse f3 0f10 x X 4 - ss
            movups sse - 0f11 x X 16 - ps
            movss sse f3 0f11 x X 4 - ss
            movlps sse - 0f12 x X 8 - ps
            movlps sse - 0f13 x @ 8 - ps
            unpcklps sse - 0f14 x X 16 - ps
            unpckhps sse - 0f15 x X 16 - ps
            movhps sse - 0f16 x X 8 - ps
            movhps sse - 0f17 x @ 8 - ps
            movaps sse - 0f28 x X 16 - ps
            movaps sse - 0f29 x X 16 - ps
            cvtpi2ps sse - 0f2a x M 8 - d
            cvtsi2ss sse f3 0f2a x R 4 - d
            cvtsi2ss sse f3 0f2a x R 8 - q 8
            movntps sse - 0f2b x @ 16 - ps
            cvttps2pi sse - 0f2c m X 8 - ps
            cvttss2si sse f3 0f2c g X 4 - ss
            cvttss2si sse f3 0f2c g X 4 - ss 8
            cvtps2pi sse - 0f2d m X 8 - ps
            cvtss2si sse f3 0f2d g X 4 - ss
            cvtss2si sse f3 0f2d g X 4 - ss 8
            ucomiss sse - 0f2e x X 4 - ss
            comiss sse - 0f2f x X 4 - ss
            movmskps sse - 0f50 g x 0 - ps
            sqrtps sse - 0f51 x X 16 - ps
            sqrtss sse f3 0f51 x X 4 - ss
            rsqrtps sse - 0f52 x X 16 - ps
            rsqrtss sse f3 0f52 x X 4 - ss
            rcpps sse - 0f53 x X 16 - ps
            rcpss sse f3 0f53 x X 4 - ss
            andps sse - 0f54 x X 16 - ps
            andnps sse - 0f55 x X 16 - ps
            orps sse - 0f56 x X 16 - ps
            xorps sse - 0f57 x X 16 - ps
            addps sse - 0f58 x X 16 - ps
            addss sse f3 0f58 x X 4 - ss
            mulps sse - 0f59 x X 16 - ps
            mulss sse f3 0f59 x X 4 - ss
            subps sse - 0f5c x X 16 - ps
            subss sse f3 0f5c x X 4 - ss
            minps sse - 0f5d x X 16 - ps
            minss sse f3 0f5d x X 4 - ss
            divps sse - 0f5e x X 16 - ps
            divss sse f3 0f5e x X 4 - ss
            maxps sse - 0f5f x X 16 - ps
            maxss sse f3 0f5f x X 4 - ss
            cmpps sse - 0fc2 x X 16 c ps
            cmpss sse f3 0fc2 x X 4 c ss
            shufps sse - 0fc6 x X 16 i ps
            ldmxcsr sse - 0fae /2 @ 4 - mx
            stmxcsr sse - 0fae /3 @ 4 - ps
            pavgb sse - 0fe0 m M 8 - b
            pavgw sse - 0fe3 m M 8 - w
            pmulhuw sse - 0fe4 m M 8 - w
            pminsw sse - 0fea m M 8 - w
            pmaxsw sse - 0fee m M 8 - w
            pminub sse - 0fda m M 8 - b
            pmaxub sse - 0fde m M 8 - b
            psadbw sse - 0ff6 m M 8 - b
            pextrw sse - 0fc5 g m 0 i w
            pinsrw sse - 0fc4 m R 2 i w
            pmovmskb sse - 0fd7 g m 0 - b
            pshufw sse - 0f70 m M 8 i w
            movntq sse - 0fe7 m @ 8 - q
            maskmovq sse - 0ff7 m m 0 - b
            # --- SSE2 ---
            movupd sse2 66 0f10 x X 16 - pd
            movsd sse2 f2 0f10 x X 8 - sd
            movupd sse2 66 0f11 x X 16 - pd
            movsd sse2 f2 0f11 x X 8 - sd
            movlpd sse2 66 0f12 x @ 8 - pd
            movlpd sse2 66 0f13 x @ 8 - pd
            unpcklpd sse2 66 0f14 x X 16 - pd
            unpckhpd sse2 66 0f15 x X 16 - pd
            movhpd sse2 66 0f16 x @ 8 - pd
            movhpd sse2 66 0f17 x @ 8 - pd
            movapd sse2 66 0f28 x X 16 - pd
            movapd sse2 66 0f29 x X 16 - pd
            cvtpi2pd sse2 66 0f2a x M 8 - d
            cvtsi2sd sse2 f2 0f2a x R 4 - d
            cvtsi2sd sse2 f2 0f2a x R 8 - q 8
            movntpd sse2 66 0f2b x @ 16 - pd
            cvttpd2pi sse2 66 0f2c m X 16 - pd
            cvttsd2si sse2 f2 0f2c g X 8 - sd
            cvttsd2si sse2 f2 0f2c g X 8 - sd 8
            cvtpd2pi sse2 66 0f2d m X 16 - pd
            cvtsd2si sse2 f2 0f2d g X 8 - sd
            cvtsd2si sse2 f2 0f2d g X 8 - sd 8
            ucomisd sse2 66 0f2e x X 8 - sd
            comisd sse2 66 0f2f x X 8 - sd
            movmskpd sse2 66 0f50 g x 0 - pd
            sqrtpd sse2 66 0f51 x X 16 - pd
            sqrtsd sse2 f2 0f51 x X 8 - sd
            andpd sse2 66 0f54 x X 16 - pd
            andnpd sse2 66 0f55 x X 16 - pd
            orpd sse2 66 0f56 x X 16 - pd
            xorpd sse2 66 0f57 x X 16 - pd
            addpd sse2 66 0f58 x X 16 - pd
            addsd sse2 f2 0f58 x X 8 - sd
            mulpd sse2 66 0f59 x X 16 - pd
            mulsd sse2 f2 0f59 x X 8 - sd
            subpd sse2 66 0f5c x X 16 - pd
            subsd sse2 f2 0f5c x X 8 - sd
            minpd sse2 66 0f5d x X 16 - pd
            minsd sse2 f2 0f5d x X 8 - sd
            divpd sse2 66 0f5e x X 16 - pd
            divsd sse2 f2 0f5e x X 8 - sd
            maxpd sse2 66 0f5f x X 16 - pd
            maxsd sse2 f2 0f5f x X 8 - sd
            cvtps2pd sse2 - 0f5a x X 8 - ps
            cvtpd2ps sse2 66 0f5a x X 16 - pd
            cvtss2sd sse2 f3 0f5a x X 4 - ss
            cvtsd2ss sse2 f2 0f5a x X 8 - sd
            cvtdq2ps sse2 - 0f5b x X 16 - d
            cvtps2dq sse2 66 0f5b x X 16 - ps
            cvttps2dq sse2 f3 0f5b x X 16 - ps
            cvttpd2dq sse2 66 0fe6 x X 16 - pd
            cvtpd2dq sse2 f2 0fe6 x X 16 - pd
            cvtdq2pd sse2 f3 0fe6 x X 8 - d
            cmppd sse2 66 0fc2 x X 16 c pd
            cmpsd sse2 f2 0fc2 x X 8 c sd
            shufpd sse2 66 0fc6 x X 16 i pd
            punpcklbw sse2 66 0f60 x X 16 - b
            punpcklwd sse2 66 0f61 x X 16 - w
            punpckldq sse2 66 0f62 x X 16 - d
            packsswb sse2 66 0f63 x X 16 - w
            pcmpgtb sse2 66 0f64 x X 16 - b
            pcmpgtw sse2 66 0f65 x X 16 - w
            pcmpgtd sse2 66 0f66 x X 16 - d
            packuswb sse2 66 0f67 x X 16 - w
            punpckhbw sse2 66 0f68 x X 16 - b
            punpckhwd sse2 66 0f69 x X 16 - w
            punpckhdq sse2 66 0f6a x X 16 - d
            packssdw sse2 66 0f6b x X 16 - d
            punpcklqdq sse2 66 0f6c x X 16 - q
            punpckhqdq sse2 66 0f6d x X 16 - q
            movd sse2 66 0f6e x R 4 - d
            movq sse2 66 0f6e x R 8 - q 8
            movdqa sse2 66 0f6f x X 16 - q
            movdqu sse2 f3 0f6f x X 16 - q
            pshufd sse2 66 0f70 x X 16 i d
            pshufhw sse2 f3 0f70 x X 16 i w
            pshuflw sse2 f2 0f70 x X 16 i w
            psrlw sse2 66 0f71 /2 x 0 s w
            psraw sse2 66 0f71 /4 x 0 s w
            psllw sse2 66 0f71 /6 x 0 s w
            psrld sse2 66 0f72 /2 x 0 s d
            psrad sse2 66 0f72 /4 x 0 s d
            pslld sse2 66 0f72 /6 x 0 s d
            psrlq sse2 66 0f73 /2 x 0 s q
            psrldq sse2 66 0f73 /3 x 0 s q
            psllq sse2 66 0f73 /6 x 0 s q
            pslldq sse2 66 0f73 /7 x 0 s q
            pcmpeqb sse2 66 0f74 x X 16 - b
            pcmpeqw sse2 66 0f75 x X 16 - w
            pcmpeqd sse2 66 0f76 x X 16 - d
            movd sse2 66 0f7e x R 4 - d
            movq sse2 66 0f7e x R 8 - q 8
            movq sse2 f3 0f7e x X 8 - q
            movdqa sse2 66 0f7f x X 16 - q
            movdqu sse2 f3 0f7f x X 16 - q
            movq sse2 66 0fd6 x X 8 - q
            movq2dq sse2 f3 0fd6 x m 0 - q
            movdq2q sse2 f2 0fd6 m x 0 - q
            psrlw sse2 66 0fd1 x X 16 - q
            psrld sse2 66 0fd2 x X 16 - q
            psrlq sse2 66 0fd3 x X 16 - q
            paddq sse2 66 0fd4 x X 16 - q
            paddq sse2 - 0fd4 m M 8 - q
            pmullw sse2 66 0fd5 x X 16 - w
            psubusb sse2 66 0fd8 x X 16 - b
            psubusw sse2 66 0fd9 x X 16 - w
            pminub sse2 66 0fda x X 16 - b
            pand sse2 66 0fdb x X 16 - q
            paddusb sse2 66 0fdc x X 16 - b
            paddusw sse2 66 0fdd x X 16 - w
            pmaxub sse2 66 0fde x X 16 - b
            pandn sse2 66 0fdf x X 16 - q
            pavgb sse2 66 0fe0 x X 16 - b
            psraw sse2 66 0fe1 x X 16 - q
            psrad sse2 66 0fe2 x X 16 - q
            pavgw sse2 66 0fe3 x X 16 - w
            pmulhuw sse2 66 0fe4 x X 16 - w
            pmulhw sse2 66 0fe5 x X 16 - w
            movntdq sse2 66 0fe7 x @ 16 - q
            psubsb sse2 66 0fe8 x X 16 - b
            psubsw sse2 66 0fe9 x X 16 - w
            pminsw sse2 66 0fea x X 16 - w
            por sse2 66 0feb x X 16 - q
            paddsb sse2 66 0fec x X 16 - b
            paddsw sse2 66 0fed x X 16 - w
            pmaxsw sse2 66 0fee x X 16 - w
            pxor sse2 66 0fef x X 16 - q
            psllw sse2 66 0ff1 x X 16 - q
            pslld sse2 66 0ff2 x X 16 - q
            psllq sse2 66 0ff3 x X 16 - q
            pmuludq sse2 66 0ff4 x X 16 - d
            pmuludq sse2 - 0ff4 m M 8 - d
            pmaddwd sse2 66 0ff5 x X 16 - w
            psadbw sse2 66 0ff6 x X 16 - b
            maskmovdqu sse2 66 0ff7 x x 0 - b
            psubb sse2 66 0ff8 x X 16 - b
            psubw sse2 66 0ff9 x X 16 - w
            psubd sse2 66 0ffa x X 16 - d
            psubq sse2 66 0ffb x X 16 - q
            psubq sse2 - 0ffb m M 8 - q
            paddb sse2 66 0ffc x X 16 - b
            paddw sse2 66 0ffd x X 16 - w
            paddd sse2 66 0ffe x X 16 - d
            pinsrw sse2 66 0fc4 x R 2 i w
            pextrw sse2 66 0fc5 g x 0 i w
            pmovmskb sse2 66 0fd7 g x 0 - b
            movnti sse2 - 0fc3 g @ 4 - d
            movnti sse2 - 0fc3 g @ 8 - q 8
            # --- SSE3 ---
            haddps sse3 f2 0f7c x X 16 - ps
            haddpd sse3 66 0f7c x X 16 - pd
            hsubps sse3 f2 0f7d x X 16 - ps
            hsubpd sse3 66 0f7d x X 16 - pd
            addsubps sse3 f2 0fd0 x X 16 - ps
            addsubpd sse3 66 0fd0 x X 16 - pd
            lddqu sse3 f2 0ff0 x @ 16 - q
            movsldup sse3 f3 0f12 x X 16 - ps
            movshdup sse3 f3 0f16 x X 16 - ps
            movddup sse3 f2 0f12 x X 8 - pd
            fisttp sse3 - df /1 @ 2 - pd
            fisttp sse3 - db /1 @ 4 - pd
            fisttp sse3 - dd /1 @ 8 - pd
            # --- SSSE3 (MMX and XMM forms) ---
            pshufb ssse3 * 0f3800 v V 16 - b
            phaddw ssse3 * 0f3801 v V 16 - w
            phaddd ssse3 * 0f3802 v V 16 - d
            phaddsw ssse3 * 0f3803 v V 16 - w
            pmaddubsw ssse3 * 0f3804 v V 16 - b
            phsubw ssse3 * 0f3805 v V 16 - w
            phsubd ssse3 * 0f3806 v V 16 - d
            phsubsw ssse3 * 0f3807 v V 16 - w
            psignb ssse3 * 0f3808 v V 16 - b
            psignw ssse3 * 0f3809 v V 16 - w
            psignd ssse3 * 0f380a v V 16 - d
            pmulhrsw ssse3 * 0f380b v V 16 - w
            pabsb ssse3 * 0f381c v V 16 - b
            pabsw ssse3 * 0f381d v V 16 - w
            pabsd ssse3 * 0f381e v V 16 - d
            palignr ssse3 * 0f3a0f v V 16 i b
            # --- SSE4.1 ---
            pblendvb sse41 66 0f3810 x X 16 - b
            blendvps sse41 66 0f3814 x X 16 - ps
            blendvpd sse41 66 0f3815 x X 16 - pd
            ptest sse41 66 0f3817 x X 16 - q
            pmovsxbw sse41 66 0f3820 x X 8 - b
            pmovsxbd sse41 66 0f3821 x X 4 - b
            pmovsxbq sse41 66 0f3822 x X 2 - b
            pmovsxwd sse41 66 0f3823 x X 8 - w
            pmovsxwq sse41 66 0f3824 x X 4 - w
            pmovsxdq sse41 66 0f3825 x X 8 - d
            pmuldq sse41 66 0f3828 x X 16 - d
            pcmpeqq sse41 66 0f3829 x X 16 - q
            movntdqa sse41 66 0f382a x @ 16 - q
            packusdw sse41 66 0f382b x X 16 - d
            pmovzxbw sse41 66 0f3830 x X 8 - b
            pmovzxbd sse41 66 0f3831 x X 4 - b
            pmovzxbq sse41 66 0f3832 x X 2 - b
            pmovzxwd sse41 66 0f3833 x X 8 - w
            pmovzxwq sse41 66 0f3834 x X 4 - w
            pmovzxdq sse41 66 0f3835 x X 8 - d
            pminsb sse41 66 0f3838 x X 16 - b
            pminsd sse41 66 0f3839 x X 16 - d
            pminuw sse41 66 0f383a x X 16 - w
            pminud sse41 66 0f383b x X 16 - d
            pmaxsb sse41 66 0f383c x X 16 - b
            pmaxsd sse41 66 0f383d x X 16 - d
            pmaxuw sse41 66 0f383e x X 16 - w
            pmaxud sse41 66 0f383f x X 16 - d
            pmulld sse41 66 0f3840 x X 16 - d
            phminposuw sse41 66 0f3841 x X 16 - w
            roundps sse41 66 0f3a08 x X 16 i ps
            roundpd sse41 66 0f3a09 x X 16 i pd
            roundss sse41 66 0f3a0a x X 4 i ss
            roundsd sse41 66 0f3a0b x X 8 i sd
            blendps sse41 66 0f3a0c x X 16 i ps
            blendpd sse41 66 0f3a0d x X 16 i pd
            pblendw sse41 66 0f3a0e x X 16 i w
            pextrb sse41 66 0f3a14 x R 1 i b
            pextrw sse41 66 0f3a15 x R 2 i w
            pextrd sse41 66 0f3a16 x R 4 i d
            pextrq sse41 66 0f3a16 x R 8 i q 8
            extractps sse41 66 0f3a17 x R 4 i ps
            pinsrb sse41 66 0f3a20 x R 1 i b
            insertps sse41 66 0f3a21 x X 4 i ps
            pinsrd sse41 66 0f3a22 x R 4 i d
            pinsrq sse41 66 0f3a22 x R 8 i q 8
            dpps sse41 66 0f3a40 x X 16 i ps
            dppd sse41 66 0f3a41 x X 16 i pd
            mpsadbw sse41 66 0f3a42 x X 16 i b
            # --- SSE4.2 ---
            pcmpestrm sse42 66 0f3a60 x X 16 i str
            pcmpestri sse42 66 0f3a61 x X 16 i str
            pcmpistrm sse42 66 0f3a62 x X 16 i str
            pcmpistri sse42 66 0f3a63 x X 16 i str
            pcmpestrm sse42 66 0f3a60 x X 16 i str 8
            pcmpestri sse42 66 0f3a61 x X 16 i str 8
            pcmpgtq sse42 66 0f3837 x X 16 - q
            crc32 sse42 f2 0f38f0 g R 1 - any
            crc32 sse42 f2 0f38f1 g R 4 - any
            crc32 sse42 f2 0f38f1 g R 2 - any 2
            crc32 sse42 f2 0f38f0 g R 1 - any 8
            crc32 sse42 f2 0f38f1 g R 8 - any 8
            popcnt sse42 f3 0fb8 g R 4 - any
            popcnt sse42 f3 0fb8 g R 2 - any 2
            popcnt sse42 f3 0fb8 g R 8 - any 8
            """;
}
