/*
 * Memory latency: a linked list of 64-byte nodes (one cache line each) over a large
 * buffer, walked once in address order (prefetchers help) and once in a random order
 * (every step a cache and TLB miss). value = both walks; seq_ms and rand_ms apart.
 */
#include "bench.h"

struct node {
    struct node *next;
    uint64_t pad[7];
};

static struct node *link_order(struct node *nodes, size_t *order, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        nodes[order[i]].next = &nodes[order[i + 1]];
    }
    nodes[order[n - 1]].next = NULL;
    return &nodes[order[0]];
}

static double walk(struct node *head, int passes, size_t n, int *ok)
{
    double t0 = bench_now_ms();
    for (int p = 0; p < passes; p++) {
        size_t count = 0;
        for (struct node *x = head; x != NULL; x = x->next) {
            count++;
        }
        if (count != n) {
            *ok = 0;
        }
    }
    return bench_now_ms() - t0;
}

int main(int argc, char **argv)
{
    int quick = bench_quick(argc, argv);
    size_t n = (quick ? (8u << 20) : (64u << 20)) / sizeof(struct node);
    int passes = 2;
    struct node *nodes = aligned_alloc(64, n * sizeof(struct node));
    size_t *order = malloc(n * sizeof(size_t));
    if (nodes == NULL || order == NULL) {
        bench_status("rambench", "failed", "alloc");
        return 1;
    }
    memset(nodes, 0, n * sizeof(struct node));
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
    }
    int ok = 1;
    double seq = walk(link_order(nodes, order, n), passes, n, &ok);
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (size_t i = n - 1; i > 0; i--) { /* Fisher-Yates */
        size_t j = bench_rand(&seed) % (i + 1);
        size_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    double rnd = walk(link_order(nodes, order, n), passes, n, &ok);
    if (!ok) {
        bench_status("rambench", "failed", "list-length");
        return 1;
    }
    char extra[128];
    snprintf(extra, sizeof extra, " seq_ms=%.3f rand_ms=%.3f rand_ns_per_node=%.2f", seq, rnd, rnd * 1e6 / (passes * (double) n));
    bench_result("rambench", "ms", seq + rnd, (long) (2 * passes * n), extra);
    return 0;
}
