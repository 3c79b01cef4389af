/*
 * World switch: VMMCALL round trips (AMD64 APM vol. 3, VMMCALL), cycles by RDTSC.
 * Under a hypervisor that intercepts VMMCALL each one is a full exit and re-entry.
 * Without one (bare metal, QEMU TCG without SVM) VMMCALL raises #UD, which Linux
 * delivers as SIGILL: then the benchmark reports "unsupported" instead of a number.
 */
#include "bench.h"
#include <setjmp.h>
#include <signal.h>
#include <x86intrin.h>

static sigjmp_buf faulted;

static void on_sigill(int sig)
{
    (void) sig;
    siglongjmp(faulted, 1);
}

static inline void vmmcall(void)
{
    /* RAX = 0: no hypercall any hypervisor implements for user mode; KVM answers -EPERM at CPL 3. */
    uint64_t rax = 0;
    __asm__ volatile("vmmcall" : "+a"(rax) : : "rbx", "rcx", "rdx", "memory");
}

int main(int argc, char **argv)
{
    long n = bench_quick(argc, argv) ? 2000 : 50000;
    struct sigaction sa = {0};
    sa.sa_handler = on_sigill;
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(faulted, 1) != 0) {
        bench_status("vmmcall", "unsupported", "vmmcall-faults");
        return 0;
    }
    vmmcall(); /* probe: faults here when there is no hypervisor to take it */
    double t0 = bench_now_ms();
    uint64_t c0 = __rdtsc();
    for (long i = 0; i < n; i++) {
        vmmcall();
    }
    uint64_t c1 = __rdtsc();
    double t1 = bench_now_ms();
    char extra[96];
    snprintf(extra, sizeof extra, " ns_per_call=%.1f", (t1 - t0) * 1e6 / n);
    bench_result("vmmcall", "cycles", (double) (c1 - c0) / n, n, extra);
    return 0;
}
