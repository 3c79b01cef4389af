/*
 * Host oracle for XsaveHostTest: per input line "A0 A m1 m2 kind rexw" (A0 and A are
 * 576-byte XSAVE areas in hex, m1/m2 the EDX:EAX masks, kind 0 = XSAVE, 1 = XSAVEOPT,
 * rexw 1 = the REX.W forms) it runs, with no C code in between,
 *   XRSTOR A0 (mask 3); XRSTOR A (mask m1); XSAVE/XSAVEOPT B (mask m2)
 * on a B prefilled with 0xA5, and prints B in hex, or "GP" when XRSTOR A faulted.
 * Masks stay within x87|SSE, so the host's larger XCR0 does not matter.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t a0[576] __attribute__((aligned(64)));
static uint8_t a[576] __attribute__((aligned(64)));
static uint8_t b[576] __attribute__((aligned(64)));
static sigjmp_buf env;

static void on_segv(int sig) {
    (void)sig;
    siglongjmp(env, 1);
}

static int hex(const char *s, uint8_t *out, int n) {
    for (int i = 0; i < n; i++) {
        unsigned v;
        if (sscanf(s + 2 * i, "%2x", &v) != 1) return 0;
        out[i] = (uint8_t)v;
    }
    return 1;
}

#define RUN(RST, SAVE)                                                                       \
    __asm__ volatile("mov $3, %%eax\n xor %%edx, %%edx\n " RST " %[a0]\n"                 \
                     "mov %[m1], %%eax\n " RST " %[a]\n"                                   \
                     "mov %[m2], %%eax\n " SAVE " %[b]\n"                                  \
                     : [b] "=m"(b)                                                          \
                     : [a0] "m"(a0), [a] "m"(a), [m1] "r"(m1), [m2] "r"(m2)                 \
                     : "rax", "rdx", "memory", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)", \
                       "st(6)", "st(7)", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", \
                       "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15")

int main(void) {
    static char line[8192];
    signal(SIGSEGV, on_segv);
    while (fgets(line, sizeof line, stdin)) {
        char h0[1200], h1[1200];
        unsigned m1, m2, kind, rexw;
        if (sscanf(line, "%1199s %1199s %x %x %u %u", h0, h1, &m1, &m2, &kind, &rexw) != 6 || !hex(h0, a0, 576)
            || !hex(h1, a, 576)) {
            printf("BAD\n");
            continue;
        }
        memset(b, 0xa5, sizeof b);
        if (sigsetjmp(env, 1) == 0) {
            if (rexw) {
                if (kind) RUN("xrstor64", "xsaveopt64"); else RUN("xrstor64", "xsave64");
            } else {
                if (kind) RUN("xrstor", "xsaveopt"); else RUN("xrstor", "xsave");
            }
            for (int i = 0; i < 576; i++) printf("%02x", b[i]);
            printf("\n");
        } else {
            printf("GP\n");
        }
        fflush(stdout);
    }
    return 0;
}
