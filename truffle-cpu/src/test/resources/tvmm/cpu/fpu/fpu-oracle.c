/*
 * Host-CPU oracle for tvmm's x87/SSE semantics. Reads one request per line on stdin and runs
 * the real instruction (inline asm), printing the result state. All numbers are hex.
 *
 *   X <op> <fcw> <a.sig> <a.se> <b.sig> <b.se> <mem.lo> <mem.hi>
 *       ST0=a ST1=b, memory operand = mem; prints: sw tw st0.sig st0.se st1.sig st1.se mem.lo mem.hi eflags
 *   S <op> <imm> <mxcsr> <x0.lo> <x0.hi> <x1.lo> <x1.hi> <rax> <rdx>
 *       xmm0, xmm1, rax, rdx as given; prints: x0.lo x0.hi rax rcx eflags mxcsr
 * x87 exceptions are always masked (FCW low 6 bits forced) so the oracle never traps; SSE
 * requests with unmasked exceptions are rejected for the same reason.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

typedef struct { uint64_t lo, hi; } u128;
static unsigned short cw;
static unsigned char ta[16], tb[16], r0[16], r1[16];
static u128 mem;
static unsigned char env[28];
static uint64_t fl;

#define X87(NAME, INSN) static void x_##NAME(void) { \
    asm volatile("fninit\n fldcw %[cw]\n fldt %[b]\n fldt %[a]\n" INSN "\n pushfq\n popq %[fl]\n fnstenv %[env]\n fstpt %[r0]\n fstpt %[r1]\n" \
        : [env] "=m"(env), [fl] "=r"(fl), [m] "+m"(mem), [r0] "=m"(r0), [r1] "=m"(r1) \
        : [cw] "m"(cw), [a] "m"(ta), [b] "m"(tb) : "memory", "cc"); }

X87(fadd, "fadd %%st(1), %%st")
X87(fsub, "fsub %%st(1), %%st")
X87(fsubr, "fsubr %%st(1), %%st")
X87(fmul, "fmul %%st(1), %%st")
X87(fdiv, "fdiv %%st(1), %%st")
X87(fdivr, "fdivr %%st(1), %%st")
X87(fsqrt, "fsqrt")
X87(frndint, "frndint")
X87(fxtract, "fxtract")
X87(fscale, "fscale")
X87(fprem, "fprem")
X87(fprem1, "fprem1")
X87(fsin, "fsin")
X87(fcos, "fcos")
X87(fsincos, "fsincos")
X87(fptan, "fptan")
X87(fpatan, "fpatan")
X87(f2xm1, "f2xm1")
X87(fyl2x, "fyl2x")
X87(fyl2xp1, "fyl2xp1")
X87(fcom, "fcom %%st(1)")
X87(fucom, "fucom %%st(1)")
X87(fcomi, "fcomi %%st(1), %%st")
X87(fucomi, "fucomi %%st(1), %%st")
X87(fxam, "fxam")
X87(fadd32, "fadds %[m]")
X87(fadd64, "faddl %[m]")
X87(fst32, "fsts %[m]")
X87(fst64, "fstl %[m]")
X87(fld32, "flds %[m]")
X87(fld64, "fldl %[m]")
X87(fist16, "fists %[m]")
X87(fist32, "fistl %[m]")
X87(fist64, "fistpll %[m]")
X87(fisttp16, "fisttps %[m]")
X87(fisttp32, "fisttpl %[m]")
X87(fisttp64, "fisttpll %[m]")
X87(fild64, "fildll %[m]")
X87(fbstp, "fbstp %[m]")
X87(fbld, "fbld %[m]")
X87(fincstp_pop, "fstp %%st(0)\n fstp %%st(0)\n fstp %%st(0)")
X87(fld1, "fld1")
X87(fldl2t, "fldl2t")
X87(fldl2e, "fldl2e")
X87(fldpi, "fldpi")
X87(fldlg2, "fldlg2")
X87(fldln2, "fldln2")
X87(fxch, "fxch %%st(1)")
X87(fchs, "fchs")
X87(fabs, "fabs")
X87(ftst, "ftst")
X87(faddp, "faddp %%st, %%st(1)\n fld1")
X87(fiadd32, "fiaddl %[m]")
X87(fisub16, "fisubs %[m]")
X87(fcom32, "fcoms %[m]")
X87(fucomp_pp, "fucompp")
X87(ficom16, "ficoms %[m]")
X87(fsubr64, "fsubrl %[m]")
X87(fdivr32, "fdivrs %[m]")
X87(fcmovb, "fcmovb %%st(1), %%st")
X87(fdivp, "fdivrp %%st, %%st(1)")
X87(push9, "fld1\n fld1\n fld1\n fld1\n fld1\n fld1\n fld1")

typedef struct { const char *name; void (*fn)(void); } xop;
static const xop xops[] = {
#define E(n) { #n, x_##n },
    E(fadd) E(fsub) E(fsubr) E(fmul) E(fdiv) E(fdivr) E(fsqrt) E(frndint) E(fxtract) E(fscale)
    E(fprem) E(fprem1) E(fsin) E(fcos) E(fsincos) E(fptan) E(fpatan) E(f2xm1) E(fyl2x) E(fyl2xp1)
    E(fcom) E(fucom) E(fcomi) E(fucomi) E(fxam) E(fadd32) E(fadd64) E(fst32) E(fst64) E(fld32) E(fld64)
    E(fist16) E(fist32) E(fist64) E(fisttp16) E(fisttp32) E(fisttp64) E(fild64) E(fbstp) E(fbld)
    E(fincstp_pop) E(push9) E(fld1) E(fldl2t) E(fldl2e) E(fldpi) E(fldlg2) E(fldln2) E(fxch) E(fchs) E(fabs) E(ftst) E(faddp) E(fiadd32) E(fisub16) E(fcom32) E(fucomp_pp) E(ficom16) E(fsubr64) E(fdivr32) E(fcmovb) E(fdivp)
#undef E
};

/* ---- SSE ---- */
static u128 x0, x1;
static uint64_t rax, rdx, rcx;
static uint32_t mxcsr;

#define SSE_ASM(INSN, IMM) asm volatile( \
    "ldmxcsr %[mx]\n movdqu %[x0], %%xmm0\n movdqu %[x1], %%xmm1\n mov %[ra], %%rax\n mov %[rd], %%rdx\n xor %%ecx, %%ecx\n" \
    INSN "\n pushfq\n popq %[fl]\n movdqu %%xmm0, %[x0]\n mov %%rax, %[ra]\n mov %%rcx, %[rc]\n stmxcsr %[mx]\n" \
    : [x0] "+m"(x0), [ra] "+m"(rax), [rc] "=m"(rcx), [fl] "=r"(fl), [mx] "+m"(mxcsr) \
    : [x1] "m"(x1), [rd] "m"(rdx), [imm] "i"(IMM) : "rax", "rcx", "rdx", "xmm0", "xmm1", "memory", "cc")
#define SSE(NAME, INSN) static void s_##NAME(int imm) { (void) imm; SSE_ASM(INSN, 0); }
#define CASE(NAME, INSN, i) case (i): SSE_ASM(INSN, (i)); break;
#define R4(N, I, b) CASE(N, I, b) CASE(N, I, b + 1) CASE(N, I, b + 2) CASE(N, I, b + 3)
#define R16(N, I, b) R4(N, I, b) R4(N, I, b + 4) R4(N, I, b + 8) R4(N, I, b + 12)
#define R64(N, I, b) R16(N, I, b) R16(N, I, b + 16) R16(N, I, b + 32) R16(N, I, b + 48)
#define SSEI(NAME, INSN) static void s_##NAME(int imm) { switch (imm & 255) { R64(NAME, INSN, 0) R64(NAME, INSN, 64) R64(NAME, INSN, 128) R64(NAME, INSN, 192) } }
#define SSEI8(NAME, INSN) static void s_##NAME(int imm) { switch (imm & 7) { R4(NAME, INSN, 0) R4(NAME, INSN, 4) } }
#define SSEI16(NAME, INSN) static void s_##NAME(int imm) { switch (imm & 15) { R16(NAME, INSN, 0) } }

#define SSE_LIST(X) \
 X(addss) X(subss) X(mulss) X(divss) X(sqrtss) X(minss) X(maxss) \
 X(addsd) X(subsd) X(mulsd) X(divsd) X(sqrtsd) X(minsd) X(maxsd) \
 X(addps) X(subps) X(mulps) X(divps) X(sqrtps) X(minps) X(maxps) \
 X(addpd) X(subpd) X(mulpd) X(divpd) X(sqrtpd) X(minpd) X(maxpd) \
 X(cvtss2sd) X(cvtsd2ss) X(cvtdq2ps) X(cvtps2dq) X(cvttps2dq) X(cvtdq2pd) X(cvtpd2dq) X(cvttpd2dq) \
 X(cvtps2pd) X(cvtpd2ps) X(addsubps) X(addsubpd) X(haddps) X(haddpd) X(hsubps) X(hsubpd) \
 X(movddup) X(movshdup) X(movsldup) X(rcpps) X(rsqrtps) \
 X(paddb) X(paddw) X(paddd) X(paddq) X(paddsb) X(paddsw) X(paddusb) X(paddusw) \
 X(psubb) X(psubw) X(psubd) X(psubq) X(psubsb) X(psubsw) X(psubusb) X(psubusw) \
 X(pmullw) X(pmulhw) X(pmulhuw) X(pmuludq) X(pmaddwd) X(psadbw) X(pavgb) X(pavgw) \
 X(psllw) X(pslld) X(psllq) X(psrlw) X(psrld) X(psrlq) X(psraw) X(psrad) \
 X(packsswb) X(packssdw) X(packuswb) X(punpcklbw) X(punpcklwd) X(punpckldq) X(punpcklqdq) \
 X(punpckhbw) X(punpckhwd) X(punpckhdq) X(punpckhqdq) X(pcmpeqb) X(pcmpeqw) X(pcmpeqd) \
 X(pcmpgtb) X(pcmpgtw) X(pcmpgtd) X(pminub) X(pmaxub) X(pminsw) X(pmaxsw) X(pand) X(pandn) X(por) X(pxor) \
 X(pshufb) X(pabsb) X(pabsw) X(pabsd) X(psignb) X(psignw) X(psignd) X(phaddw) X(phaddd) X(phaddsw) \
 X(phsubw) X(phsubd) X(phsubsw) X(pmulhrsw) X(pmaddubsw) X(ptest) X(pmovsxbw) X(pmovsxbd) X(pmovsxbq) \
 X(pmovsxwd) X(pmovsxwq) X(pmovsxdq) X(pmovzxbw) X(pmovzxbd) X(pmovzxbq) X(pmovzxwd) X(pmovzxwq) X(pmovzxdq) \
 X(packusdw) X(pcmpeqq) X(pcmpgtq) X(pminsb) X(pminsd) X(pminuw) X(pminud) X(pmaxsb) X(pmaxsd) X(pmaxuw) X(pmaxud) \
 X(pmulld) X(pmuldq) X(phminposuw) X(unpcklps) X(unpckhps) X(unpcklpd) X(unpckhpd) \
 X(comiss) X(ucomiss) X(comisd) X(ucomisd)

#define DEF2(n) SSE(n, #n " %%xmm1, %%xmm0")
SSE_LIST(DEF2)
SSE(pmovmskb, "pmovmskb %%xmm1, %%eax")
SSE(movmskps, "movmskps %%xmm1, %%eax")
SSE(movmskpd, "movmskpd %%xmm1, %%eax")
SSE(cvtsd2si64, "cvtsd2si %%xmm1, %%rax")
SSE(cvtsd2si32, "cvtsd2si %%xmm1, %%eax")
SSE(cvttsd2si64, "cvttsd2si %%xmm1, %%rax")
SSE(cvttsd2si32, "cvttsd2si %%xmm1, %%eax")
SSE(cvtss2si64, "cvtss2si %%xmm1, %%rax")
SSE(cvtss2si32, "cvtss2si %%xmm1, %%eax")
SSE(cvttss2si64, "cvttss2si %%xmm1, %%rax")
SSE(cvttss2si32, "cvttss2si %%xmm1, %%eax")
SSE(cvtsi2sd64, "cvtsi2sdq %%rdx, %%xmm0")
SSE(cvtsi2sd32, "cvtsi2sdl %%edx, %%xmm0")
SSE(cvtsi2ss64, "cvtsi2ssq %%rdx, %%xmm0")
SSE(cvtsi2ss32, "cvtsi2ssl %%edx, %%xmm0")
SSE(crc32b, "crc32b %%dl, %%eax")
SSE(crc32w, "crc32w %%dx, %%eax")
SSE(crc32l, "crc32l %%edx, %%eax")
SSE(crc32q, "crc32q %%rdx, %%rax")
SSE(popcnt16, "popcntw %%dx, %%ax")
SSE(popcnt32, "popcntl %%edx, %%eax")
SSE(popcnt64, "popcntq %%rdx, %%rax")
SSEI8(cmpss, "cmpss %[imm], %%xmm1, %%xmm0")
SSEI8(cmpsd, "cmpsd %[imm], %%xmm1, %%xmm0")
SSEI8(cmpps, "cmpps %[imm], %%xmm1, %%xmm0")
SSEI8(cmppd, "cmppd %[imm], %%xmm1, %%xmm0")
SSEI16(roundss, "roundss %[imm], %%xmm1, %%xmm0")
SSEI16(roundsd, "roundsd %[imm], %%xmm1, %%xmm0")
SSEI16(roundps, "roundps %[imm], %%xmm1, %%xmm0")
SSEI16(roundpd, "roundpd %[imm], %%xmm1, %%xmm0")
SSEI(dpps, "dpps %[imm], %%xmm1, %%xmm0")
SSEI(dppd, "dppd %[imm], %%xmm1, %%xmm0")
SSEI(insertps, "insertps %[imm], %%xmm1, %%xmm0")
SSEI(extractps, "extractps %[imm], %%xmm1, %%eax")
SSEI(pextrb, "pextrb %[imm], %%xmm1, %%eax")
SSEI(pextrw, "pextrw %[imm], %%xmm1, %%eax")
SSEI(pextrd, "pextrd %[imm], %%xmm1, %%eax")
SSEI(pextrq, "pextrq %[imm], %%xmm1, %%rax")
SSEI(pinsrb, "pinsrb %[imm], %%edx, %%xmm0")
SSEI(pinsrw, "pinsrw %[imm], %%edx, %%xmm0")
SSEI(pinsrd, "pinsrd %[imm], %%edx, %%xmm0")
SSEI(pinsrq, "pinsrq %[imm], %%rdx, %%xmm0")
SSEI(pshufd, "pshufd %[imm], %%xmm1, %%xmm0")
SSEI(pshufhw, "pshufhw %[imm], %%xmm1, %%xmm0")
SSEI(pshuflw, "pshuflw %[imm], %%xmm1, %%xmm0")
SSEI(shufps, "shufps %[imm], %%xmm1, %%xmm0")
SSEI(shufpd, "shufpd %[imm], %%xmm1, %%xmm0")
SSEI(palignr, "palignr %[imm], %%xmm1, %%xmm0")
SSEI(pblendw, "pblendw %[imm], %%xmm1, %%xmm0")
SSEI(blendps, "blendps %[imm], %%xmm1, %%xmm0")
SSEI(blendpd, "blendpd %[imm], %%xmm1, %%xmm0")
SSEI(mpsadbw, "mpsadbw %[imm], %%xmm1, %%xmm0")
SSEI(psllwi, "psllw %[imm], %%xmm0")
SSEI(pslldi, "pslld %[imm], %%xmm0")
SSEI(psllqi, "psllq %[imm], %%xmm0")
SSEI(psrlwi, "psrlw %[imm], %%xmm0")
SSEI(psrldi, "psrld %[imm], %%xmm0")
SSEI(psrlqi, "psrlq %[imm], %%xmm0")
SSEI(psrawi, "psraw %[imm], %%xmm0")
SSEI(psradi, "psrad %[imm], %%xmm0")
SSEI(pslldq, "pslldq %[imm], %%xmm0")
SSEI(psrldq, "psrldq %[imm], %%xmm0")
SSEI(pcmpistri, "pcmpistri %[imm], %%xmm1, %%xmm0")
SSEI(pcmpistrm, "pcmpistrm %[imm], %%xmm1, %%xmm0")
SSEI(pcmpestri, "pcmpestri %[imm], %%xmm1, %%xmm0")
SSEI(pcmpestrm, "pcmpestrm %[imm], %%xmm1, %%xmm0")
/* MMX: mm0 = rax, mm1 = rdx; the result mm0 comes back in rax (EMMS afterwards). */
#define MMX_ASM(INSN, IMM) asm volatile( \
    "ldmxcsr %[mx]\n mov %[ra], %%rax\n mov %[rd], %%rdx\n movq %%rax, %%mm0\n movq %%rdx, %%mm1\n xor %%ecx, %%ecx\n" \
    INSN "\n pushfq\n popq %[fl]\n movq %%mm0, %%rax\n mov %%rax, %[ra]\n mov %%rcx, %[rc]\n emms\n stmxcsr %[mx]\n" \
    : [x0] "+m"(x0), [ra] "+m"(rax), [rc] "=m"(rcx), [fl] "=r"(fl), [mx] "+m"(mxcsr) \
    : [x1] "m"(x1), [rd] "m"(rdx), [imm] "i"(IMM) : "rax", "rcx", "rdx", "mm0", "mm1", "memory", "cc")
#define MMX(NAME, INSN) static void s_##NAME(int imm) { (void) imm; MMX_ASM(INSN, 0); }
#define MCASE(NAME, INSN, i) case (i): MMX_ASM(INSN, (i)); break;
#define M4(N, I, b) MCASE(N, I, b) MCASE(N, I, b + 1) MCASE(N, I, b + 2) MCASE(N, I, b + 3)
#define M16(N, I, b) M4(N, I, b) M4(N, I, b + 4) M4(N, I, b + 8) M4(N, I, b + 12)
#define M64(N, I, b) M16(N, I, b) M16(N, I, b + 16) M16(N, I, b + 32) M16(N, I, b + 48)
#define MMXI(NAME, INSN) static void s_##NAME(int imm) { switch (imm & 255) { M64(NAME, INSN, 0) M64(NAME, INSN, 64) M64(NAME, INSN, 128) M64(NAME, INSN, 192) } }
#define MMX_LIST(X) X(packsswb) X(packssdw) X(packuswb) X(punpcklbw) X(punpcklwd) X(punpckldq) X(punpckhbw) \
 X(punpckhwd) X(punpckhdq) X(phaddw) X(phaddd) X(phaddsw) X(phsubw) X(phsubd) X(phsubsw) X(pshufb) X(pmaddubsw) \
 X(pmulhrsw) X(psadbw) X(pmaddwd) X(pmuludq) X(paddsb) X(psubusw) X(pcmpeqb) X(pcmpgtw) X(pmullw) X(pavgb) \
 X(psllw) X(psrad) X(psrlq) X(pabsb) X(psignw)
#define MDEF(n) MMX(mmx_##n, #n " %%mm1, %%mm0")
MMX_LIST(MDEF)
MMXI(mmx_pshufw, "pshufw %[imm], %%mm1, %%mm0")
MMXI(mmx_palignr, "palignr %[imm], %%mm1, %%mm0")
MMXI(mmx_pextrw, "pextrw %[imm], %%mm1, %%ecx")
MMXI(mmx_pinsrw, "pinsrw %[imm], %%edx, %%mm0")
MMX(mmx_pmovmskb, "pmovmskb %%mm1, %%ecx")
/* BLENDV uses xmm0 as the implicit mask: mask = rax:rdx moved into xmm0 after loading xmm2. */
static void s_pblendvb(int imm) { (void) imm; SSE_ASM("movdqa %%xmm0, %%xmm2\n movq %%rax, %%xmm0\n movq %%rdx, %%xmm3\n punpcklqdq %%xmm3, %%xmm0\n pblendvb %%xmm0, %%xmm1, %%xmm2\n movdqa %%xmm2, %%xmm0", 0); }
static void s_blendvps(int imm) { (void) imm; SSE_ASM("movdqa %%xmm0, %%xmm2\n movq %%rax, %%xmm0\n movq %%rdx, %%xmm3\n punpcklqdq %%xmm3, %%xmm0\n blendvps %%xmm0, %%xmm1, %%xmm2\n movdqa %%xmm2, %%xmm0", 0); }
static void s_blendvpd(int imm) { (void) imm; SSE_ASM("movdqa %%xmm0, %%xmm2\n movq %%rax, %%xmm0\n movq %%rdx, %%xmm3\n punpcklqdq %%xmm3, %%xmm0\n blendvpd %%xmm0, %%xmm1, %%xmm2\n movdqa %%xmm2, %%xmm0", 0); }

typedef struct { const char *name; void (*fn)(int); } sop;
#define ENT(n) { #n, s_##n },
static const sop sops[] = {
    SSE_LIST(ENT)
    ENT(pmovmskb) ENT(movmskps) ENT(movmskpd) ENT(cvtsd2si64) ENT(cvtsd2si32) ENT(cvttsd2si64) ENT(cvttsd2si32)
    ENT(cvtss2si64) ENT(cvtss2si32) ENT(cvttss2si64) ENT(cvttss2si32) ENT(cvtsi2sd64) ENT(cvtsi2sd32)
    ENT(cvtsi2ss64) ENT(cvtsi2ss32) ENT(crc32b) ENT(crc32w) ENT(crc32l) ENT(crc32q) ENT(popcnt16) ENT(popcnt32) ENT(popcnt64)
    ENT(cmpss) ENT(cmpsd) ENT(cmpps) ENT(cmppd) ENT(roundss) ENT(roundsd) ENT(roundps) ENT(roundpd)
    ENT(dpps) ENT(dppd) ENT(insertps) ENT(extractps) ENT(pextrb) ENT(pextrw) ENT(pextrd) ENT(pextrq)
    ENT(pinsrb) ENT(pinsrw) ENT(pinsrd) ENT(pinsrq) ENT(pshufd) ENT(pshufhw) ENT(pshuflw) ENT(shufps) ENT(shufpd)
    ENT(palignr) ENT(pblendw) ENT(blendps) ENT(blendpd) ENT(mpsadbw) ENT(psllwi) ENT(pslldi) ENT(psllqi)
    ENT(psrlwi) ENT(psrldi) ENT(psrlqi) ENT(psrawi) ENT(psradi) ENT(pslldq) ENT(psrldq)
    ENT(pcmpistri) ENT(pcmpistrm) ENT(pcmpestri) ENT(pcmpestrm) ENT(pblendvb) ENT(blendvps) ENT(blendvpd)
#define MENT(n) ENT(mmx_##n)
    MMX_LIST(MENT) ENT(mmx_pshufw) ENT(mmx_palignr) ENT(mmx_pextrw) ENT(mmx_pinsrw) ENT(mmx_pmovmskb)
};

static void put80(unsigned char *t, uint64_t sig, unsigned se) { memcpy(t, &sig, 8); t[8] = se & 255; t[9] = se >> 8; }
static uint64_t sig80(const unsigned char *t) { uint64_t s; memcpy(&s, t, 8); return s; }
static unsigned se80(const unsigned char *t) { return t[8] | (t[9] << 8); }

int main(void) {
    char line[512], kind[8], op[32];
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    while (fgets(line, sizeof line, stdin)) {
        if (sscanf(line, "%7s %31s", kind, op) != 2) { printf("ERR\n"); continue; }
        if (kind[0] == 'X') {
            unsigned fcw, ase, bse; unsigned long long as, bs, mlo, mhi;
            if (sscanf(line, "%*s %*s %x %llx %x %llx %x %llx %llx", &fcw, &as, &ase, &bs, &bse, &mlo, &mhi) != 7) { printf("ERR\n"); continue; }
            const xop *f = NULL;
            for (size_t i = 0; i < sizeof xops / sizeof *xops; i++) if (!strcmp(xops[i].name, op)) f = &xops[i];
            if (!f) { printf("ERR\n"); continue; }
            cw = (fcw | 0x3f) & 0xffff; put80(ta, as, ase); put80(tb, bs, bse); mem.lo = mlo; mem.hi = mhi;
            f->fn();
            unsigned sw = env[4] | (env[5] << 8), tw = env[8] | (env[9] << 8);
            printf("%x %x %llx %x %llx %x %llx %llx %llx\n", sw, tw, (unsigned long long) sig80(r0), se80(r0),
                   (unsigned long long) sig80(r1), se80(r1), (unsigned long long) mem.lo, (unsigned long long) mem.hi, (unsigned long long) fl & 0x8d5);
        } else {
            unsigned imm, mx; unsigned long long a, b, c, d, ra, rd;
            if (sscanf(line, "%*s %*s %x %x %llx %llx %llx %llx %llx %llx", &imm, &mx, &a, &b, &c, &d, &ra, &rd) != 8) { printf("ERR\n"); continue; }
            const sop *f = NULL;
            for (size_t i = 0; i < sizeof sops / sizeof *sops; i++) if (!strcmp(sops[i].name, op)) f = &sops[i];
            if (!f || (mx & 0x1f80) != 0x1f80) { printf("ERR\n"); continue; }
            mxcsr = mx; x0.lo = a; x0.hi = b; x1.lo = c; x1.hi = d; rax = ra; rdx = rd;
            f->fn(imm);
            printf("%llx %llx %llx %llx %llx %x\n", (unsigned long long) x0.lo, (unsigned long long) x0.hi,
                   (unsigned long long) rax, (unsigned long long) rcx, (unsigned long long) fl & 0x8d5, mxcsr);
        }
    }
    return 0;
}
