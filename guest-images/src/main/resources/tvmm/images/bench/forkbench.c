/* Process creation: N rounds of M children that exit at once, each round waited for (Humbel ch. 7). */
#include "bench.h"
#include <sys/wait.h>

int main(int argc, char **argv)
{
    int quick = bench_quick(argc, argv);
    int rounds = quick ? 20 : 200, width = 10;
    double t0 = bench_now_ms();
    for (int r = 0; r < rounds; r++) {
        for (int c = 0; c < width; c++) {
            pid_t p = fork();
            if (p == 0) {
                _exit(0);
            }
            if (p < 0) {
                bench_status("forkbench", "failed", "fork");
                return 1;
            }
        }
        for (int c = 0; c < width; c++) {
            int st;
            if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                bench_status("forkbench", "failed", "wait");
                return 1;
            }
        }
    }
    double t1 = bench_now_ms();
    char extra[64];
    snprintf(extra, sizeof extra, " rounds=%d width=%d", rounds, width);
    bench_result("forkbench", "ms", t1 - t0, (long) rounds * width, extra);
    return 0;
}
