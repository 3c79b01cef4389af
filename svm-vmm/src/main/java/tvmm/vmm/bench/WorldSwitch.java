package tvmm.vmm.bench;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tvmm.cpu.svm.ExitCode;
import tvmm.devices.bus.IoDevice;
import tvmm.vmm.boot.InitialCpuState;
import tvmm.vmm.boot.SegmentState;
import tvmm.vmm.machine.Machine;
import tvmm.vmm.machine.MachineConfig;
import tvmm.vmm.svm.ExitIndex;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.svm.VirtualCpu;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.Flags;

/**
 * The world-switch benchmark (issue 05; Humbel measured 4572 cycles for his VMM and 2165 for
 * KVM on 2013 hardware): a guest loop whose every iteration exits to the VMM and back.
 *
 * <ul>
 *   <li>{@link Kind#VMMCALL}: the full round trip: the CPU leaves {@code vmrun}, the exit is a
 *       portal call on the vCPU thread, the handler runs the null hypercall, {@code vmrun}
 *       re-enters the guest (injection check, unit lookup).</li>
 *   <li>{@link Kind#IOIO}: {@code out 0x80, al}, the exit taken inside the instruction (port
 *       bus dispatch, no leave of the CPU loop).</li>
 *   <li>{@link Kind#NPF}: a store to an MMIO page: nested page fault to a device.</li>
 * </ul>
 *
 * The guest (32-bit, flat, hand-assembled so no assembler is needed) times each round with
 * the MARK hypercall; the report gives ns and host cycles per round trip for every round, so
 * warm-up (interpreter, then compiled units) is visible.
 */
public final class WorldSwitch {
    public enum Kind { VMMCALL, IOIO, NPF }

    /** A page on the MMIO bus with a device that ignores writes (only for {@link Kind#NPF}). */
    static final long BENCH_MMIO = 0xFEB0_0000L;
    static final long CODE = 0x10_0000L;

    /** Per-round result. */
    public record Round(int index, long iterations, long nanos) {
        public double nsPerTrip() {
            return (double) nanos / iterations;
        }
    }

    /** All rounds and the exits taken. */
    public record Result(Kind kind, List<Round> rounds, long vmmcallExits, long ioExits, long npfExits,
            double hostHz, long totalNanos, long cpuNanos) {
        /** Share of the whole run spent outside the CPU's run loop (the VMM side of a full exit). */
        public double vmmShare() {
            return totalNanos == 0 ? 0 : 1.0 - (double) cpuNanos / totalNanos;
        }

        /** The median of the second half of the rounds (warmed up). */
        public double medianNs() {
            List<Round> warm = rounds.subList(rounds.size() / 2, rounds.size());
            double[] ns = warm.stream().mapToDouble(Round::nsPerTrip).sorted().toArray();
            return ns.length == 0 ? Double.NaN : ns[ns.length / 2];
        }
    }

    private WorldSwitch() {
    }

    /** The guest: ROUNDS × (MARK; N × (xor eax,eax; EXIT)); MARK. Returns code and the stop offset. */
    static byte[] guest(Kind kind, int rounds, int iterations) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xBB); // mov ebx, rounds
        le32(b, rounds);
        int round = b.size();
        b.write(0xB8); // mov eax, 1 (MARK)
        le32(b, 1);
        b.writeBytes(new byte[] {0x0F, 0x01, (byte) 0xD9}); // vmmcall
        b.write(0xB9); // mov ecx, iterations
        le32(b, iterations);
        int inner = b.size();
        b.writeBytes(new byte[] {0x31, (byte) 0xC0}); // xor eax, eax
        switch (kind) {
            case VMMCALL -> b.writeBytes(new byte[] {0x0F, 0x01, (byte) 0xD9});
            case IOIO -> b.writeBytes(new byte[] {(byte) 0xE6, (byte) 0x80}); // out 0x80, al
            case NPF -> {
                b.writeBytes(new byte[] {(byte) 0x89, 0x05}); // mov [BENCH_MMIO], eax
                le32(b, (int) BENCH_MMIO);
            }
        }
        b.write(0x49); // dec ecx
        b.write(0x75); // jnz inner
        b.write((byte) (inner - (b.size() + 1)));
        b.write(0x4B); // dec ebx
        b.write(0x75); // jnz round
        b.write((byte) (round - (b.size() + 1)));
        b.write(0xB8); // mov eax, 1
        le32(b, 1);
        b.writeBytes(new byte[] {0x0F, 0x01, (byte) 0xD9}); // vmmcall: the last MARK
        return b.toByteArray();
    }

    private static void le32(ByteArrayOutputStream b, int v) {
        for (int i = 0; i < 4; i++) {
            b.write(v >>> (8 * i));
        }
    }

    public static Result run(Kind kind, int rounds, int iterations) throws InterruptedException {
        byte[] code = guest(kind, rounds, iterations);
        List<Long> marks = new ArrayList<>();
        MachineConfig config = MachineConfig.forTest(16L << 20, 1, b -> { });
        try (Machine m = new Machine(config)) {
            m.memory().addMmio(BENCH_MMIO, 0x1000, new IoDevice() {
                @Override
                public long read(long offset, int size) {
                    return 0;
                }

                @Override
                public void write(long offset, int size, long value) {
                }

                @Override
                public String name() {
                    return "bench";
                }
            });
            m.memory().write(CODE, code);
            VirtualCpu cpu = m.vcpus().get(0);
            SegmentState data = SegmentState.data(0x10);
            cpu.enter(new InitialCpuState(CODE, 0x9_0000, 0, 0, 0, Flags.FIXED1,
                    ControlBits.CR0_PE | ControlBits.CR0_ET, 0, 0, 0, 0, 0, 0, 0, SegmentState.code32(0x08),
                    data, data, data, data, data, SegmentState.bootTaskRegister(), SegmentState.unusable()));
            cpu.cpu().setStopAt(CODE + code.length);
            m.vmm().onMark(marks::add);
            cpu.svm().setTiming(true);
            long start = System.nanoTime();
            Stop stop = m.run(Duration.ofMinutes(30));
            long total = System.nanoTime() - start;
            if (stop.kind() != Stop.Kind.HOST || marks.size() != rounds + 1) {
                throw new IllegalStateException("benchmark guest ended early: " + stop.reason() + " after "
                        + marks.size() + " marks");
            }
            List<Round> out = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                out.add(new Round(i, iterations, marks.get(i + 1) - marks.get(i)));
            }
            return new Result(kind, out, cpu.exitCount(ExitIndex.of(ExitCode.VMMCALL)), cpu.exitCount(ExitIndex.IOIO),
                    cpu.exitCount(ExitIndex.NPF), HostTsc.hz(), total, cpu.svm().guestNanos());
        }
    }

    /** The report lines. */
    public static String format(Result r) {
        StringBuilder sb = new StringBuilder();
        String hz = r.hostHz() > 0 ? String.format("%.0f MHz (%s)", r.hostHz() / 1e6, HostTsc.source()) : "unknown";
        sb.append(String.format("world switch, %s exit, host TSC %s%n", r.kind(), hz));
        for (Round round : r.rounds()) {
            sb.append(String.format("  round %2d: %8.1f ns%s per round trip (%d trips)%n", round.index(),
                    round.nsPerTrip(), cycles(round.nsPerTrip(), r.hostHz()), round.iterations()));
        }
        sb.append(String.format("median of the warm rounds: %.1f ns%s per round trip%n", r.medianNs(),
                cycles(r.medianNs(), r.hostHz())));
        if (r.kind() == Kind.VMMCALL) {
            sb.append(String.format("exits: VMMCALL %d%n", r.vmmcallExits()));
            sb.append(String.format("time outside the CPU's run loop (injection check, portal, handler): %.0f%%%n",
                    100 * r.vmmShare()));
        } else {
            sb.append(String.format("exits: IOIO %d, NPF %d%n", r.ioExits(), r.npfExits()));
        }
        return sb.toString();
    }

    private static String cycles(double ns, double hz) {
        return hz > 0 ? String.format(" = %7.0f cycles", ns * hz / 1e9) : "";
    }

    /** {@code WorldSwitch [vmmcall|ioio|npf] [rounds] [iterations]}. */
    public static void main(String[] args) throws InterruptedException {
        Kind kind = args.length > 0 ? Kind.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)) : Kind.VMMCALL;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        System.out.print(format(run(kind, rounds, iterations)));
    }
}
