/* System call round trip: getpid through syscall(2), so no libc cache can answer it. */
#include "bench.h"
#include <sys/syscall.h>

int main(int argc, char **argv)
{
    long n = bench_quick(argc, argv) ? 40000 : 400000;
    long sum = 0;
    double t0 = bench_now_ms();
    for (long i = 0; i < n; i++) {
        sum += syscall(SYS_getpid);
    }
    double t1 = bench_now_ms();
    if (sum != n * (long) getpid()) {
        bench_status("syscall", "failed", "getpid-mismatch");
        return 1;
    }
    bench_result("syscall", "ms", t1 - t0, n, "");
    return 0;
}
