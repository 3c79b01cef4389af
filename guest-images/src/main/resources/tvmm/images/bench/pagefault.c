/* Demand paging: map fresh anonymous memory, touch one byte per 4 KiB page, unmap; repeat. */
#include "bench.h"
#include <sys/mman.h>

int main(int argc, char **argv)
{
    int quick = bench_quick(argc, argv);
    size_t bytes = 64u << 20;
    int rounds = quick ? 1 : 6;
    long pages = 0;
    double t0 = bench_now_ms();
    for (int r = 0; r < rounds; r++) {
        volatile char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            bench_status("pagefault", "failed", "mmap");
            return 1;
        }
        for (size_t off = 0; off < bytes; off += 4096) {
            p[off] = 1;
            pages++;
        }
        munmap((void *) p, bytes);
    }
    double t1 = bench_now_ms();
    bench_result("pagefault", "ms", t1 - t0, pages, "");
    return 0;
}
