/*
 * Shared by tvmm's guest benchmarks (guest-images, tvmm.images.bench). Each program
 * prints exactly one result line that tvmm's harness (svm-vmm, tvmm.vmm.benchmark) parses:
 *   tvmm-bench name=NAME unit=UNIT value=V iterations=N [key=value ...]
 *   tvmm-bench name=NAME status=unsupported reason=WORD
 *   tvmm-bench name=NAME status=failed reason=WORD
 * Size: argv[1] is "quick" or "full"; without it, "tvmm.quick" on the kernel command line
 * (/proc/cmdline, read only when PID 1's init ran us: the guest) selects the quick size.
 */
#ifndef TVMM_BENCH_H
#define TVMM_BENCH_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static inline double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static inline int bench_quick(int argc, char **argv)
{
    if (argc > 1) {
        return strcmp(argv[1], "quick") == 0;
    }
    FILE *f = fopen("/proc/cmdline", "r");
    char line[4096] = {0};
    if (f != NULL) {
        if (fgets(line, sizeof line, f) == NULL) {
            line[0] = 0;
        }
        fclose(f);
    }
    return strstr(line, "tvmm.quick") != NULL;
}

/* The result line; extra is "" or " key=value ...". */
static inline void bench_result(const char *name, const char *unit, double value, long iterations, const char *extra)
{
    printf("tvmm-bench name=%s unit=%s value=%.4f iterations=%ld%s\n", name, unit, value, iterations, extra);
    fflush(stdout);
}

static inline void bench_status(const char *name, const char *status, const char *reason)
{
    printf("tvmm-bench name=%s status=%s reason=%s\n", name, status, reason);
    fflush(stdout);
}

/* xorshift64: the same pseudo-random sequence on every system, no libc rand state. */
static inline uint64_t bench_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

#endif
