package tvmm.cpu.bench;

import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.mem.PhysicalMemory;

/**
 * Guest MIPS on a compute loop: a 64-bit loop of ALU, multiply, shift, load/store and a
 * conditional branch, run by the engine on one vCPU (identity-mapped, no paging). Prints
 * the instructions executed per second of wall time for successive rounds, so warm-up
 * (interpreter, then OSR-compiled code) is visible.
 *
 * <p>Usage: {@code ComputeLoop [iterations per round] [rounds] [call]}; "call" selects the
 * call-heavy loop that measures the cost of leaving a unit.
 */
public final class ComputeLoop {
    /** The loop body executes this many instructions per iteration (see {@link #program}). */
    public static final int INSNS_PER_ITERATION = 9;

    private ComputeLoop() {
    }

    /**
     * mov ecx, n; xor eax, eax; lea rsi, [rip+data]
     * top: add rax, rcx; imul rdx, rax, 3; xor rdx, rcx; shr rdx, 1; add rax, rdx;
     *      mov [rsi], rax; add rax, [rsi]; dec rcx; jnz top
     */
    public static byte[] program(int n) {
        return new byte[] {
            (byte) 0xb9, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24), // mov ecx, n
            0x31, (byte) 0xc0, // xor eax, eax
            0x48, (byte) 0x8d, 0x35, 0x00, 0x10, 0x00, 0x00, // lea rsi, [rip+0x1000]
            // top:
            0x48, 0x01, (byte) 0xc8, // add rax, rcx
            0x48, 0x6b, (byte) 0xd0, 0x03, // imul rdx, rax, 3
            0x48, 0x31, (byte) 0xca, // xor rdx, rcx
            0x48, (byte) 0xd1, (byte) 0xea, // shr rdx, 1
            0x48, 0x01, (byte) 0xd0, // add rax, rdx
            0x48, (byte) 0x89, 0x06, // mov [rsi], rax
            0x48, 0x03, 0x06, // add rax, [rsi]
            0x48, (byte) 0xff, (byte) 0xc9, // dec rcx
            0x75, (byte) 0xe5, // jnz top (-27)
        };
    }

    /** Instructions per iteration of {@link #callProgram}. */
    public static final int CALL_INSNS_PER_ITERATION = 5;

    /**
     * A call-heavy loop: every iteration calls a two-instruction function, so control
     * leaves the unit twice per iteration (CALL and RET go through the outer dispatch loop).
     * mov ecx, n; xor eax, eax; top: call f; dec ecx; jnz top; jmp end; f: add rax, rcx; ret; end:
     */
    public static byte[] callProgram(int n) {
        return new byte[] {
            (byte) 0xb9, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24), // mov ecx, n
            0x31, (byte) 0xc0, // xor eax, eax
            // top (7):
            (byte) 0xe8, 0x06, 0x00, 0x00, 0x00, // call f (12 + 6 = 18)
            (byte) 0xff, (byte) 0xc9, // dec ecx
            0x75, (byte) 0xf7, // jnz top (16 - 9 = 7)
            (byte) 0xeb, 0x04, // jmp end (18 + 4 = 22)
            // f (18):
            0x48, 0x01, (byte) 0xc8, // add rax, rcx
            (byte) 0xc3, // ret
        };
    }

    /** The same computation in Java, to check the guest's result. */
    public static long expected(int n) {
        long rax = 0;
        for (long rcx = n & 0xffffffffL; rcx != 0; rcx--) {
            rax += rcx;
            long rdx = rax * 3;
            rdx ^= rcx;
            rdx >>>= 1;
            rax += rdx;
            rax += rax;
        }
        return rax;
    }

    /** Runs one round of {@code n} iterations; returns RAX. */
    public static long run(Vcpu vcpu, byte[] code, long base) {
        vcpu.state.rip = base;
        vcpu.setStopAt(base + code.length);
        RunResult r = vcpu.run();
        if (!r.stopped()) {
            throw new IllegalStateException("compute loop ended with " + r);
        }
        return vcpu.state.gpr[0];
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean calls = args.length > 2 && args[2].equals("call");
        long base = 0x10000;
        byte[] code = calls ? callProgram(n) : program(n);
        try (PhysicalMemory phys = new PhysicalMemory(1 << 20)) {
            phys.load(base, code);
            Vcpu vcpu = new Vcpu(null, phys, ExitPort.NONE);
            vcpu.state.setFlat64User();
            long want = calls ? (long) n * (n + 1) / 2 : expected(n);
            double insns = calls ? 4.0 + (double) n * CALL_INSNS_PER_ITERATION : 3.0 + (double) n * INSNS_PER_ITERATION;
            for (int i = 0; i < rounds; i++) {
                vcpu.state.gpr[4] = 0x80000;
                long t0 = System.nanoTime();
                long got = run(vcpu, code, base);
                long dt = System.nanoTime() - t0;
                System.out.printf("round %d: %.1f guest MIPS (%.3f s)%s%n", i, insns / dt * 1e3, dt / 1e9,
                        got == want ? "" : " WRONG RESULT " + Long.toHexString(got));
            }
        }
    }
}
