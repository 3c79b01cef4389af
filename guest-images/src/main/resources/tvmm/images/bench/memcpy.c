/*
 * Memory bandwidth with SSE2: 16-byte aligned loads and stores (MOVDQA) by intrinsics,
 * so every system runs the same instructions (glibc's memcpy would pick AVX or ERMS by CPU).
 */
#include "bench.h"
#include <emmintrin.h>

static void copy_sse2(void *dst, const void *src, size_t n)
{
    __m128i *d = dst;
    const __m128i *s = src;
    for (size_t i = 0; i < n / 16; i += 4) {
        __m128i a = _mm_load_si128(s + i), b = _mm_load_si128(s + i + 1);
        __m128i c = _mm_load_si128(s + i + 2), e = _mm_load_si128(s + i + 3);
        _mm_store_si128(d + i, a);
        _mm_store_si128(d + i + 1, b);
        _mm_store_si128(d + i + 2, c);
        _mm_store_si128(d + i + 3, e);
    }
}

int main(int argc, char **argv)
{
    int quick = bench_quick(argc, argv);
    size_t bytes = 16u << 20;
    int rounds = quick ? 10 : 100;
    uint64_t *a = aligned_alloc(64, bytes), *b = aligned_alloc(64, bytes);
    if (a == NULL || b == NULL) {
        bench_status("memcpy", "failed", "alloc");
        return 1;
    }
    uint64_t seed = 88172645463325252ull;
    for (size_t i = 0; i < bytes / 8; i++) {
        a[i] = bench_rand(&seed);
    }
    memset(b, 0, bytes);
    double t0 = bench_now_ms();
    for (int r = 0; r < rounds; r++) {
        copy_sse2(r & 1 ? a : b, r & 1 ? b : a, bytes);
    }
    double t1 = bench_now_ms();
    if (memcmp(a, b, bytes) != 0) {
        bench_status("memcpy", "failed", "copy-mismatch");
        return 1;
    }
    char extra[64];
    snprintf(extra, sizeof extra, " mib_per_s=%.1f", rounds * (bytes / 1048576.0) / ((t1 - t0) / 1e3));
    bench_result("memcpy", "ms", t1 - t0, rounds, extra);
    return 0;
}
