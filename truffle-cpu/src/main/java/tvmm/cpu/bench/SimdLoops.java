package tvmm.cpu.bench;

import java.io.ByteArrayOutputStream;
import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.mem.PhysicalMemory;

/**
 * SSE2 string loops against their integer versions, as glibc's memcpy and strlen use them: a
 * 64-bit guest (one vCPU, identity-mapped, no paging) copies N bytes 64 at a time with MOVDQA,
 * MOVDQU or 8-byte MOVs, and measures a string of N-1 bytes with PCMPEQB/PMOVMSKB 16 at a time
 * or with a byte loop. Prints MB/s of guest data per round, so warm-up (interpreter, then
 * compiled code) is visible; the last round is the steady state. The rate is per second of the
 * running thread's CPU time (so that other load on the host does not count), wall time beside it.
 *
 * <p>Usage: {@code SimdLoops [bytes] [repetitions per round] [rounds]}.
 */
public final class SimdLoops {
    /** Guest layout: code, then the source/string buffer, then the destination. */
    public static final long CODE = 0x10000, SRC = 0x100000, DST = 0x900000;
    public static final int MEMORY = 0x1100000;

    private SimdLoops() {
    }

    public enum Kind {
        COPY_MOVDQA("memcpy MOVDQA"), COPY_MOVDQU("memcpy MOVDQU"), COPY_MOV64("memcpy 8-byte MOV"),
        STRLEN_SSE2("strlen PCMPEQB/PMOVMSKB"), STRLEN_BYTES("strlen byte loop");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    /** A little emitter with backward rel8 jumps. */
    private static final class Code {
        final ByteArrayOutputStream b = new ByteArrayOutputStream();

        Code op(int... v) {
            for (int x : v) {
                b.write(x);
            }
            return this;
        }

        Code imm32(int v) {
            return op(v, v >>> 8, v >>> 16, v >>> 24);
        }

        int here() {
            return b.size();
        }

        /** A short conditional or unconditional jump (opcode 7x or EB) back to {@code target}. */
        Code jumpBack(int opcode, int target) {
            int rel = target - (here() + 2);
            if (rel < -128) {
                throw new IllegalStateException("loop body too long for rel8");
            }
            return op(opcode, rel & 0xff);
        }
    }

    /**
     * The program for {@code kind}: {@code reps} passes over {@code n} bytes (a multiple of
     * 64). Copies leave RAX = 0; strlen leaves R9 = the sum of the lengths (reps * (n - 1)).
     */
    public static byte[] program(Kind kind, int n, int reps) {
        Code c = new Code();
        c.op(0x41, 0xb8).imm32(reps); // mov r8d, reps
        c.op(0x45, 0x31, 0xc9); // xor r9d, r9d
        int outer = c.here();
        c.op(0xbe).imm32((int) SRC); // mov esi, SRC
        switch (kind) {
            case COPY_MOVDQA, COPY_MOVDQU -> {
                int p = kind == Kind.COPY_MOVDQA ? 0x66 : 0xf3;
                c.op(0xbf).imm32((int) DST); // mov edi, DST
                c.op(0xb9).imm32(n / 64); // mov ecx, n/64
                int top = c.here();
                for (int k = 0; k < 4; k++) {
                    c.op(p, 0x0f, 0x6f, 0x46 | k << 3, 16 * k); // movdq? xmm_k, [rsi+16k]
                }
                for (int k = 0; k < 4; k++) {
                    c.op(p, 0x0f, 0x7f, 0x47 | k << 3, 16 * k); // movdq? [rdi+16k], xmm_k
                }
                c.op(0x48, 0x83, 0xc6, 64).op(0x48, 0x83, 0xc7, 64); // add rsi, 64; add rdi, 64
                c.op(0x48, 0xff, 0xc9).jumpBack(0x75, top); // dec rcx; jnz top
                c.op(0x31, 0xc0); // xor eax, eax
            }
            case COPY_MOV64 -> {
                c.op(0xbf).imm32((int) DST);
                c.op(0xb9).imm32(n / 64);
                int top = c.here();
                for (int k = 0; k < 8; k++) {
                    c.op(0x48, 0x8b, 0x46, 8 * k); // mov rax, [rsi+8k]
                    c.op(0x48, 0x89, 0x47, 8 * k); // mov [rdi+8k], rax
                }
                c.op(0x48, 0x83, 0xc6, 64).op(0x48, 0x83, 0xc7, 64);
                c.op(0x48, 0xff, 0xc9).jumpBack(0x75, top);
                c.op(0x31, 0xc0);
            }
            case STRLEN_SSE2 -> {
                c.op(0x66, 0x0f, 0xef, 0xc0); // pxor xmm0, xmm0
                c.op(0x48, 0x89, 0xf0); // mov rax, rsi
                int top = c.here();
                c.op(0x66, 0x0f, 0x6f, 0x08); // movdqa xmm1, [rax]
                c.op(0x66, 0x0f, 0x74, 0xc8); // pcmpeqb xmm1, xmm0
                c.op(0x66, 0x0f, 0xd7, 0xd1); // pmovmskb edx, xmm1
                c.op(0x48, 0x83, 0xc0, 0x10); // add rax, 16
                c.op(0x85, 0xd2).jumpBack(0x74, top); // test edx, edx; jz top
                c.op(0x0f, 0xbc, 0xd2); // bsf edx, edx
                c.op(0x48, 0x8d, 0x44, 0x10, 0xf0); // lea rax, [rax+rdx-16]
                c.op(0x48, 0x29, 0xf0); // sub rax, rsi
                c.op(0x49, 0x01, 0xc1); // add r9, rax
            }
            case STRLEN_BYTES -> {
                c.op(0x48, 0x89, 0xf0); // mov rax, rsi
                int top = c.here();
                c.op(0x0f, 0xb6, 0x10); // movzx edx, byte [rax]
                c.op(0x48, 0xff, 0xc0); // inc rax
                c.op(0x85, 0xd2).jumpBack(0x75, top); // test edx, edx; jnz top
                c.op(0x48, 0x29, 0xf0); // sub rax, rsi
                c.op(0x48, 0xff, 0xc8); // dec rax
                c.op(0x49, 0x01, 0xc1); // add r9, rax
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
        c.op(0x49, 0xff, 0xc8).jumpBack(0x75, outer); // dec r8; jnz outer
        return c.b.toByteArray();
    }

    /** The source: bytes 1..255 repeating (no NUL), with a NUL at n-1 for strlen. */
    public static byte[] data(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n - 1; i++) {
            d[i] = (byte) (1 + i % 255);
        }
        return d;
    }

    /** A machine with the program and data loaded. */
    public static Vcpu machine(PhysicalMemory phys, Kind kind, int n, int reps) {
        phys.load(CODE, program(kind, n, reps));
        phys.load(SRC, data(n));
        Vcpu vcpu = new Vcpu(null, phys, ExitPort.NONE);
        vcpu.state.setFlat64User();
        return vcpu;
    }

    /** Runs the program once; returns R9 (strlen: total length) or throws if it did not finish. */
    public static long run(Vcpu vcpu, Kind kind, int n, int reps) {
        vcpu.state.gpr[4] = 0x80000;
        vcpu.state.rip = CODE;
        vcpu.setStopAt(CODE + program(kind, n, reps).length);
        RunResult r = vcpu.run();
        if (!r.stopped()) {
            throw new IllegalStateException(kind + " ended with " + r);
        }
        return vcpu.state.gpr[9];
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 64 * 1024;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        if (n % 64 != 0 || n <= 64 || n > DST - SRC) {
            throw new IllegalArgumentException("bytes: a multiple of 64, at most " + (DST - SRC));
        }
        System.out.printf("%d bytes x %d repetitions per round%n", n, reps);
        for (Kind kind : Kind.values()) {
            try (PhysicalMemory phys = new PhysicalMemory(MEMORY)) {
                Vcpu vcpu = machine(phys, kind, n, reps);
                double last = 0;
                double lastWall = 0;
                StringBuilder rs = new StringBuilder();
                java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int i = 0; i < rounds; i++) {
                    long w0 = System.nanoTime();
                    long t0 = cpu.getCurrentThreadCpuTime();
                    long got = run(vcpu, kind, n, reps);
                    long dt = cpu.getCurrentThreadCpuTime() - t0;
                    lastWall = (double) n * reps / (System.nanoTime() - w0) * 1e9 / 1e6;
                    boolean strlen = kind == Kind.STRLEN_SSE2 || kind == Kind.STRLEN_BYTES;
                    if (strlen && got != (long) reps * (n - 1)) {
                        throw new IllegalStateException(kind + " measured " + got);
                    }
                    last = (double) n * reps / dt * 1e9 / 1e6;
                    rs.append(String.format(" %.0f", last));
                }
                System.out.printf("%-26s %8.0f MB/s per CPU second (%.0f per wall second; rounds:%s)%n", kind.title, last,
                        lastWall, rs);
            }
        }
    }
}
