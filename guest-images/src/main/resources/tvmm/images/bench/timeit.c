/*
 * Times one command for the busybox workloads (shloop, gzip, md5sum):
 *   .timeit NAME PROGRAM [ARGS...]
 * The command's output goes to /dev/null; the result line is ours, "failed" when the
 * command does not exit with status 0.
 */
#include "bench.h"
#include <fcntl.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: timeit NAME PROGRAM [ARGS...]\n");
        return 2;
    }
    double t0 = bench_now_ms();
    pid_t p = fork();
    if (p == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
        }
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    int st = 0;
    if (p < 0 || waitpid(p, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        bench_status(argv[1], "failed", "command-status");
        return 1;
    }
    bench_result(argv[1], "ms", bench_now_ms() - t0, 1, "");
    return 0;
}
