/*
 * tvmm difftest native harness: runs x86-64 code snippets on the host CPU from a given
 * register, flag and memory state and reports the final state (or the exception raised).
 *
 * Built by tvmm at first use (gcc -O2) and run as a child process; cases arrive on stdin
 * and results leave on stdout, both as little-endian binary records (see DifftestProtocol
 * in Java). A faulting snippet is caught by a signal handler on an alternate stack, which
 * reads the exception vector, error code and fault address from the kernel's signal frame
 * (ucontext REG_TRAPNO/REG_ERR, si_addr) and the registers at the faulting instruction.
 *
 * Layout (fixed so that tvmm can mirror it): code page at CODE_BASE (read+execute), the
 * data page and the stack page at DATA_BASE (read+write). Everything else is unmapped
 * as far as snippets are concerned.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

#define CODE_BASE 0x10000000UL
#define DATA_BASE 0x10010000UL
#define DATA_SIZE 0x2000UL
#define MAX_CODE 256
#define TRAMPOLINE 0xF00 /* 64-bit code in the code page that a 32-bit snippet's exit jumps to */
#define MAGIC 0x54444946u /* "FIDT" */

/* Register image shared with the assembly stubs: rax..r15 in encoding order, then rflags. */
struct regs { uint64_t r[16]; uint64_t rflags; };
struct regs in_regs, out_regs;
uint64_t host_rsp;
uint64_t code_entry = CODE_BASE;
/* Far pointer for entering a 32-bit snippet: compatibility mode through Linux's 32-bit user code segment. */
struct __attribute__((packed)) { uint32_t offset; uint16_t selector; } compat_entry = {CODE_BASE, 0x23};
uint64_t entry_vector = CODE_BASE;
/* Snippets run with FS.base = DATA_BASE and GS.base = DATA_BASE + 0x1000 (set with WRFSBASE,
 * Linux enables FSGSBASE); the host's own bases are put back before any C code runs. */
uint64_t host_fsbase, host_gsbase;
uint64_t snippet_fsbase = DATA_BASE, snippet_gsbase = DATA_BASE + 0x1000;
extern void compat_enter(void);
uint64_t scratch_stack[64] __attribute__((aligned(16)));
/* x87/MMX/SSE cases: the snippet's FXSAVE64 image in and out, and the harness's own state
 * around it (restored before any C code runs again). use_fx is 0 for integer cases. */
uint8_t in_fx[512] __attribute__((aligned(16)));
uint8_t out_fx[512] __attribute__((aligned(16)));
uint8_t host_fx[512] __attribute__((aligned(16)));
uint8_t use_fx;

extern void run_snippet(void);
extern void exit_stub(void);

__asm__(
    ".text\n"
    ".globl run_snippet\n"
    "run_snippet:\n"
    "  push %rbx\n push %rbp\n push %r12\n push %r13\n push %r14\n push %r15\n"
    "  mov %rsp, host_rsp(%rip)\n"
    "  rdfsbase %rax\n"
    "  mov %rax, host_fsbase(%rip)\n"
    "  rdgsbase %rax\n"
    "  mov %rax, host_gsbase(%rip)\n"
    "  mov snippet_fsbase(%rip), %rax\n"
    "  wrfsbase %rax\n"
    "  mov snippet_gsbase(%rip), %rax\n"
    "  wrgsbase %rax\n"
    /* 64-bit processes run with null DS/ES; compatibility-mode snippets need flat ones. */
    "  mov $0x2b, %eax\n"
    "  mov %eax, %ds\n"
    "  mov %eax, %es\n"
    "  cmpb $0, use_fx(%rip)\n"
    "  je 1f\n"
    "  fxsave64 host_fx(%rip)\n"
    "  fxrstor64 in_fx(%rip)\n"
    "1:\n"
    "  pushq in_regs+128(%rip)\n"
    "  popfq\n"
    "  mov in_regs+0(%rip), %rax\n"
    "  mov in_regs+8(%rip), %rcx\n"
    "  mov in_regs+16(%rip), %rdx\n"
    "  mov in_regs+24(%rip), %rbx\n"
    "  mov in_regs+40(%rip), %rbp\n"
    "  mov in_regs+48(%rip), %rsi\n"
    "  mov in_regs+56(%rip), %rdi\n"
    "  mov in_regs+64(%rip), %r8\n"
    "  mov in_regs+72(%rip), %r9\n"
    "  mov in_regs+80(%rip), %r10\n"
    "  mov in_regs+88(%rip), %r11\n"
    "  mov in_regs+96(%rip), %r12\n"
    "  mov in_regs+104(%rip), %r13\n"
    "  mov in_regs+112(%rip), %r14\n"
    "  mov in_regs+120(%rip), %r15\n"
    "  mov in_regs+32(%rip), %rsp\n"
    "  jmp *entry_vector(%rip)\n" /* CODE_BASE, or compat_enter for 32-bit snippets */
    ".globl compat_enter\n"
    "compat_enter:\n"
    "  ljmpl *compat_entry(%rip)\n"
    ".globl exit_stub\n"
    "exit_stub:\n"
    "  mov %rsp, out_regs+32(%rip)\n"
    "  lea scratch_stack+256(%rip), %rsp\n"
    "  pushfq\n"
    "  popq out_regs+128(%rip)\n"
    "  cmpb $0, use_fx(%rip)\n"
    "  je 2f\n"
    "  fxsave64 out_fx(%rip)\n"
    "  fxrstor64 host_fx(%rip)\n"
    "2:\n"
    "  mov %rax, out_regs+0(%rip)\n"
    "  mov %rcx, out_regs+8(%rip)\n"
    "  mov %rdx, out_regs+16(%rip)\n"
    "  mov %rbx, out_regs+24(%rip)\n"
    "  mov %rbp, out_regs+40(%rip)\n"
    "  mov %rsi, out_regs+48(%rip)\n"
    "  mov %rdi, out_regs+56(%rip)\n"
    "  mov %r8, out_regs+64(%rip)\n"
    "  mov %r9, out_regs+72(%rip)\n"
    "  mov %r10, out_regs+80(%rip)\n"
    "  mov %r11, out_regs+88(%rip)\n"
    "  mov %r12, out_regs+96(%rip)\n"
    "  mov %r13, out_regs+104(%rip)\n"
    "  mov %r14, out_regs+112(%rip)\n"
    "  mov %r15, out_regs+120(%rip)\n"
    "  mov host_fsbase(%rip), %rax\n"
    "  wrfsbase %rax\n"
    "  mov host_gsbase(%rip), %rax\n"
    "  wrgsbase %rax\n"
    "  cld\n"
    "  mov host_rsp(%rip), %rsp\n"
    "  pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rbp\n pop %rbx\n"
    "  ret\n");

static sigjmp_buf fault_jmp;
static volatile int fault_vector, fault_signal;
static volatile uint64_t fault_error, fault_addr, fault_rip;
static uint8_t initial_data[DATA_SIZE];

/* The kernel's register order in ucontext differs from the encoding order. */
static const int greg_of[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15};

__attribute__((no_stack_protector)) static void on_fault(int sig, siginfo_t *si, void *ctx) {
    /* First the host's FS/GS bases: libc (siglongjmp's pointer guard) lives behind FS. */
    __asm__ volatile("wrfsbase %0\n wrgsbase %1" : : "r"(host_fsbase), "r"(host_gsbase));
    ucontext_t *uc = (ucontext_t *)ctx;
    greg_t *g = uc->uc_mcontext.gregs;
    for (int i = 0; i < 16; i++) out_regs.r[i] = (uint64_t)g[greg_of[i]];
    out_regs.rflags = (uint64_t)g[REG_EFL];
    fault_rip = (uint64_t)g[REG_RIP];
    fault_vector = sig == SIGALRM ? 255 : (int)g[REG_TRAPNO];
    fault_error = (uint64_t)g[REG_ERR];
    fault_addr = (uint64_t)si->si_addr;
    fault_signal = sig;
    /* The snippet's FPU state at the fault, from the signal frame (legacy FXSAVE layout). A
     * component the kernel's XSAVE found in its initial configuration (XSTATE_BV bit clear)
     * is written as that configuration (SDM Vol. 1 §13.6). */
    if (use_fx && uc->uc_mcontext.fpregs) {
        uint8_t *f = (uint8_t *)uc->uc_mcontext.fpregs;
        memcpy(out_fx, f, 512);
        uint32_t magic1;
        memcpy(&magic1, f + 464, 4);
        if (magic1 == 0x46505853u) { /* FP_XSTATE_MAGIC1: an XSAVE header follows at 512 */
            uint64_t bv;
            memcpy(&bv, f + 512, 8);
            if (!(bv & 1)) {
                memset(out_fx, 0, 24);
                memset(out_fx + 32, 0, 128);
                out_fx[0] = 0x7f; out_fx[1] = 0x03;
            }
            if (!(bv & 2)) memset(out_fx + 160, 0, 256);
        }
    }
    siglongjmp(fault_jmp, 1);
}

/* splitmix64: the same generator fills guest memory in tvmm (DifftestCase.fillMemory). */
static uint64_t splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int read_full(void *buf, size_t n) {
    return fread(buf, 1, n, stdin) == n;
}

int main(void) {
    if (!(getauxval(AT_HWCAP2) & 2)) { /* HWCAP2_FSGSBASE */
        fprintf(stderr, "harness: the host kernel does not enable FSGSBASE (Linux 5.9 or newer on an x86-64 CPU with it is needed)\n");
        return 2;
    }
    uint8_t *code = mmap((void *)CODE_BASE, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    uint8_t *data = mmap((void *)DATA_BASE, DATA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (code != (void *)CODE_BASE || data != (void *)DATA_BASE) {
        fprintf(stderr, "harness: cannot map the snippet pages\n");
        return 2;
    }
    static uint8_t altstack[65536];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGALRM};
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);

    for (;;) {
        uint32_t hdr[2];
        if (!read_full(hdr, sizeof hdr)) return 0; /* tvmm closed the pipe */
        int mode32 = (hdr[1] >> 16) == 32;
        hdr[1] &= 0xffff;
        if (hdr[0] != MAGIC || hdr[1] > MAX_CODE) {
            fprintf(stderr, "harness: bad request\n");
            return 3;
        }
        uint8_t snippet[MAX_CODE];
        uint64_t seed;
        if (!read_full(snippet, hdr[1]) || !read_full(in_regs.r, 16 * 8) || !read_full(&in_regs.rflags, 8)
            || !read_full(&seed, 8))
            return 4;
        /* Extension: flags (bit 0: an FXSAVE image follows), a memory patch, the image. */
        uint32_t ext;
        uint16_t patch[2];
        static uint8_t patch_bytes[DATA_SIZE];
        if (!read_full(&ext, 4) || !read_full(patch, 4) || patch[0] + (unsigned)patch[1] > DATA_SIZE
            || !read_full(patch_bytes, patch[1]))
            return 4;
        use_fx = ext & 1;
        if (use_fx && !read_full(in_fx, 512)) return 4;

        /* Code page: snippet, then an absolute jump to the exit stub, the rest INT3. */
        mprotect(code, 4096, PROT_READ | PROT_WRITE);
        memset(code, 0xCC, 4096);
        memcpy(code, snippet, hdr[1]);
        /* The snippet's end jumps to a trampoline at TRAMPOLINE (64-bit code) that jumps to the
         * exit stub. The bytes after the snippet are the same in tvmm (Layout.tail), so a
         * snippet that reads its own code page sees the same bytes on both sides; only the
         * stub's address inside the trampoline differs. */
        uint8_t *j = code + hdr[1];
        uint64_t stub = (uint64_t)exit_stub;
        if (mode32) {
            uint32_t tramp = (uint32_t)(CODE_BASE + TRAMPOLINE);
            j[0] = 0xEA; memcpy(j + 1, &tramp, 4); j[5] = 0x33; j[6] = 0x00; /* jmp far 0x33:trampoline */
            entry_vector = (uint64_t)compat_enter;
        } else {
            int32_t rel = (int32_t)(TRAMPOLINE - (hdr[1] + 5));
            j[0] = 0xE9; memcpy(j + 1, &rel, 4); /* jmp trampoline */
            entry_vector = CODE_BASE;
        }
        uint8_t *tr = code + TRAMPOLINE;
        tr[0] = 0xFF; tr[1] = 0x25; memset(tr + 2, 0, 4);
        memcpy(tr + 6, &stub, 8);
        mprotect(code, 4096, PROT_READ | PROT_EXEC);
        uint64_t x = seed;
        for (unsigned i = 0; i < DATA_SIZE; i += 8) {
            uint64_t v = splitmix(&x);
            memcpy(data + i, &v, 8);
        }
        memcpy(data + patch[0], patch_bytes, patch[1]);
        memcpy(initial_data, data, DATA_SIZE);

        fault_vector = -1;
        fault_error = fault_addr = 0;
        fault_rip = CODE_BASE + hdr[1];
        struct itimerval watchdog = {{0, 0}, {1, 0}};
        setitimer(ITIMER_REAL, &watchdog, NULL);
        if (sigsetjmp(fault_jmp, 1) == 0) {
            run_snippet();
        }
        struct itimerval off = {{0, 0}, {0, 0}};
        setitimer(ITIMER_REAL, &off, NULL);

        /* Result: vector, error, address, rip, 16 regs, rflags, changed bytes. */
        int32_t vec = fault_vector;
        uint64_t words[4] = {(uint64_t)(int64_t)vec, fault_error, fault_addr, fault_rip};
        fwrite(words, 8, 4, stdout);
        fwrite(out_regs.r, 8, 16, stdout);
        fwrite(&out_regs.rflags, 8, 1, stdout);
        uint16_t changed = 0;
        for (unsigned i = 0; i < DATA_SIZE; i++) changed += data[i] != initial_data[i];
        fwrite(&changed, 2, 1, stdout);
        for (unsigned i = 0; i < DATA_SIZE; i++) {
            if (data[i] != initial_data[i]) {
                uint16_t off16 = (uint16_t)i;
                fwrite(&off16, 2, 1, stdout);
                fwrite(&data[i], 1, 1, stdout);
            }
        }
        if (use_fx) fwrite(out_fx, 1, 512, stdout);
        fflush(stdout);
    }
}
