/*
 * Scheduler and IPC: G groups of S sender and S receiver processes; every sender writes
 * L messages of 100 bytes to every receiver of its group (after hackbench, rt-tests).
 * Run once over socketpairs, once over pipes; value = both, sockets_ms and pipes_ms apart.
 */
#include "bench.h"
#include <sys/socket.h>
#include <sys/wait.h>

enum { SENDERS = 10, RECEIVERS = 10, MSG = 100 };

static int full_write(int fd, const char *b, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, b, n);
        if (w <= 0) {
            return -1;
        }
        b += w;
        n -= (size_t) w;
    }
    return 0;
}

static pid_t spawn_receiver(int fd, long expect)
{
    pid_t p = fork();
    if (p != 0) {
        return p;
    }
    char buf[MSG];
    long got = 0;
    while (got < expect * MSG) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r <= 0) {
            _exit(1);
        }
        got += r;
    }
    _exit(0);
}

static pid_t spawn_sender(int *out, long loops)
{
    pid_t p = fork();
    if (p != 0) {
        return p;
    }
    char msg[MSG];
    memset(msg, 'x', sizeof msg);
    for (long l = 0; l < loops; l++) {
        for (int r = 0; r < RECEIVERS; r++) {
            if (full_write(out[r], msg, sizeof msg) != 0) {
                _exit(1);
            }
        }
    }
    _exit(0);
}

/* One group's processes; returns how many children it started (all must exit 0), -1 on error. */
static int start_group(int use_pipes, long loops)
{
    int in[RECEIVERS], out[RECEIVERS];
    int started = 0;
    for (int r = 0; r < RECEIVERS; r++) {
        int fds[2];
        if (use_pipes ? pipe(fds) : socketpair(AF_UNIX, SOCK_STREAM, 0, fds)) {
            return -1;
        }
        in[r] = fds[0];
        out[r] = fds[1];
    }
    for (int r = 0; r < RECEIVERS; r++) {
        if (spawn_receiver(in[r], loops * SENDERS) < 0) {
            return -1;
        }
        started++;
    }
    for (int s = 0; s < SENDERS; s++) {
        if (spawn_sender(out, loops) < 0) {
            return -1;
        }
        started++;
    }
    for (int r = 0; r < RECEIVERS; r++) {
        close(in[r]);
        close(out[r]);
    }
    return started;
}

static double run(int use_pipes, int groups, long loops, int *ok)
{
    double t0 = bench_now_ms();
    int children = 0;
    for (int g = 0; g < groups; g++) {
        int n = start_group(use_pipes, loops);
        if (n < 0) {
            *ok = 0;
            break;
        }
        children += n;
    }
    for (int c = 0; c < children; c++) {
        int st;
        if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            *ok = 0;
        }
    }
    return bench_now_ms() - t0;
}

int main(int argc, char **argv)
{
    int quick = bench_quick(argc, argv);
    int groups = 2;
    long loops = quick ? 50 : 500;
    int ok = 1;
    double sockets = run(0, groups, loops, &ok);
    double pipes = run(1, groups, loops, &ok);
    if (!ok) {
        bench_status("hackbench", "failed", "child");
        return 1;
    }
    char extra[128];
    snprintf(extra, sizeof extra, " sockets_ms=%.3f pipes_ms=%.3f groups=%d", sockets, pipes, groups);
    bench_result("hackbench", "ms", sockets + pipes, 2L * groups * SENDERS * RECEIVERS * loops, extra);
    return 0;
}
