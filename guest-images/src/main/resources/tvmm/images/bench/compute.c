/*
 * A CPU-bound mix in the spirit of CoreMark (EEMBC): linked-list find/reverse/sort,
 * integer matrix arithmetic, a number-parsing state machine, all folded into a CRC-16.
 * Validation: every iteration starts from the same data, so every iteration must give
 * the same CRC; the harness also compares the printed checksum across systems (the host
 * CPU running the same binary is the oracle).
 */
#include "bench.h"

enum { LIST = 200, MAT = 24, TEXT = 512 };

struct item {
    struct item *next;
    int32_t key, data;
};

static uint16_t crc16(uint16_t crc, uint32_t v)
{
    for (int i = 0; i < 32; i++) {
        uint16_t bit = (uint16_t) ((crc ^ (v >> i)) & 1);
        crc >>= 1;
        if (bit) {
            crc ^= 0xA001;
        }
    }
    return crc;
}

static struct item *reverse(struct item *l)
{
    struct item *r = NULL;
    while (l != NULL) {
        struct item *n = l->next;
        l->next = r;
        r = l;
        l = n;
    }
    return r;
}

/* Merge sort by key (CoreMark sorts its list the same way). */
static struct item *sort(struct item *l)
{
    if (l == NULL || l->next == NULL) {
        return l;
    }
    struct item *slow = l, *fast = l->next;
    while (fast != NULL && fast->next != NULL) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct item *b = slow->next;
    slow->next = NULL;
    struct item *a = sort(l);
    b = sort(b);
    struct item head, *t = &head;
    while (a != NULL && b != NULL) {
        if (a->key <= b->key) {
            t->next = a;
            a = a->next;
        } else {
            t->next = b;
            b = b->next;
        }
        t = t->next;
    }
    t->next = a != NULL ? a : b;
    return head.next;
}

static uint16_t list_work(struct item *pool, uint64_t seed, uint16_t crc)
{
    struct item *l = NULL;
    for (int i = 0; i < LIST; i++) {
        pool[i].key = (int32_t) (bench_rand(&seed) % 1000);
        pool[i].data = i;
        pool[i].next = l;
        l = &pool[i];
    }
    l = reverse(sort(l));
    for (int k = 0; k < 1000; k += 97) { /* finds */
        int pos = 0;
        struct item *x = l;
        while (x != NULL && x->key != k) {
            x = x->next;
            pos++;
        }
        crc = crc16(crc, x != NULL ? (uint32_t) pos : 0xFFFFu);
    }
    for (struct item *x = l; x != NULL; x = x->next) {
        crc = crc16(crc, (uint32_t) (x->key * 31 + x->data));
    }
    return crc;
}

static uint16_t matrix_work(int32_t a[MAT][MAT], int32_t b[MAT][MAT], int32_t c[MAT][MAT], uint16_t crc)
{
    for (int i = 0; i < MAT; i++) {
        for (int j = 0; j < MAT; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT; k++) {
                s += a[i][k] * b[k][j];
            }
            c[i][j] = s + (a[i][j] >> 2);
        }
    }
    int32_t acc = 0;
    for (int i = 0; i < MAT; i++) {
        for (int j = 0; j < MAT; j++) {
            acc += c[i][j] > 1000 ? c[i][j] & 0xFF : c[i][j] * 3;
        }
    }
    return crc16(crc, (uint32_t) acc);
}

/* States of a scanner for integers, decimals and exponents in a text (CoreMark's core_state). */
static uint16_t state_work(const char *text, uint16_t crc)
{
    enum { START, INT, FRAC, EXP, EXPNUM, BAD } s = START;
    uint32_t counts[6] = {0};
    for (const char *p = text; *p; p++) {
        char ch = *p;
        if (ch == ',') {
            counts[s]++;
            s = START;
            continue;
        }
        switch (s) {
        case START: s = (ch >= '0' && ch <= '9') || ch == '-' ? INT : BAD; break;
        case INT: s = ch == '.' ? FRAC : (ch >= '0' && ch <= '9') ? INT : BAD; break;
        case FRAC: s = ch == 'e' ? EXP : (ch >= '0' && ch <= '9') ? FRAC : BAD; break;
        case EXP: s = ch == '-' || (ch >= '0' && ch <= '9') ? EXPNUM : BAD; break;
        case EXPNUM: s = (ch >= '0' && ch <= '9') ? EXPNUM : BAD; break;
        case BAD: break;
        }
    }
    for (int i = 0; i < 6; i++) {
        crc = crc16(crc, counts[i]);
    }
    return crc;
}

int main(int argc, char **argv)
{
    long iterations = bench_quick(argc, argv) ? 500 : 6000;
    static struct item pool[LIST];
    static int32_t a[MAT][MAT], b[MAT][MAT], c[MAT][MAT];
    static char text[TEXT + 1];
    static const char *tokens[] = {"12", "-7", "3.25", "1.5e-3", "x9", "42.0", "6e", "100", "-0.5e12", "7..1"};
    uint64_t seed = 0x2545F4914F6CDD1Dull;
    for (int i = 0; i < MAT; i++) {
        for (int j = 0; j < MAT; j++) {
            a[i][j] = (int32_t) (bench_rand(&seed) % 200) - 100;
            b[i][j] = (int32_t) (bench_rand(&seed) % 200) - 100;
        }
    }
    size_t len = 0;
    while (len < TEXT - 12) {
        const char *t = tokens[bench_rand(&seed) % 10];
        len += (size_t) snprintf(text + len, TEXT + 1 - len, "%s,", t);
    }
    uint16_t first = 0;
    double t0 = bench_now_ms();
    for (long it = 0; it < iterations; it++) {
        uint16_t crc = list_work(pool, 0x1234567ull, 0);
        crc = matrix_work(a, b, c, crc);
        crc = state_work(text, crc);
        if (it == 0) {
            first = crc;
        } else if (crc != first) {
            bench_status("compute", "failed", "checksum-mismatch");
            return 1;
        }
    }
    double t1 = bench_now_ms();
    char extra[64];
    snprintf(extra, sizeof extra, " checksum=0x%04x", first);
    bench_result("compute", "ms", t1 - t0, iterations, extra);
    return 0;
}
