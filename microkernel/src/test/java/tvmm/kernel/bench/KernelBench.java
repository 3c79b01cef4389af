package tvmm.kernel.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tvmm.kernel.Ec;
import tvmm.kernel.EcCap;
import tvmm.kernel.Kernel;
import tvmm.kernel.Mtd;
import tvmm.kernel.Pd;
import tvmm.kernel.PdCap;
import tvmm.kernel.Portal;
import tvmm.kernel.PortalCap;
import tvmm.kernel.Sc;
import tvmm.kernel.ScCap;
import tvmm.kernel.Semaphore;
import tvmm.kernel.SemaphoreCap;
import tvmm.kernel.Status;
import tvmm.kernel.Utcb;

/**
 * Cost of the kernel's two hot operations: a portal call (the VM-exit path: capability check,
 * MTD transfer hooks, handler) and a semaphore signal answered by another thread (ping-pong).
 * Run: see microkernel/README.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class KernelBench {

    /** The VM-exit path: a portal called through its capability on the caller's thread. */
    @State(Scope.Thread)
    public static class Exit {
        PortalCap pt;
        Utcb utcb;
        Ec vcpu;

        @Setup
        public void setup() {
            Kernel k = Kernel.boot();
            PdCap vmm = Pd.create(k.root(), 1, "vmm").orThrow();
            pt = Portal.create(vmm, 0x800 + 0x81, "vmmcall", Mtd.GPR_ACDB | Mtd.RIP_LEN, 0x81, (id, u) -> {
                u.mr[0] += id;
                u.mtd(Mtd.GPR_ACDB | Mtd.RIP_LEN);
            }).orThrow();
            utcb = new Utcb();
        }
    }

    @Benchmark
    public Status portalCall(Exit s) {
        return s.pt.call(s.utcb);
    }

    /**
     * The VM-exit dispatch as svm-vmm does it: {@code Ec.deliver} looks up the portal at the
     * vCPU's event base + exit index, over eight portals with eight different handlers, so the
     * handler call site is megamorphic as it is with real exit handlers.
     */
    @State(Scope.Thread)
    public static class Dispatch {
        static final int BASE = 0x800;
        Ec vcpu;
        Utcb utcb = new Utcb();
        int next;

        @Setup
        public void setup() throws Exception {
            Kernel k = Kernel.boot();
            PdCap vmm = Pd.create(k.root(), 1, "vmm").orThrow();
            for (int i = 0; i < 8; i++) {
                int shift = i;
                Portal.create(vmm, BASE + i, "exit" + i, Mtd.QUAL, i, switch (i) {
                    case 0 -> (id, u) -> u.mr[0]++;
                    case 1 -> (id, u) -> u.mr[1] += id;
                    case 2 -> (id, u) -> u.mr[2] ^= id;
                    case 3 -> (id, u) -> u.mr[3] = u.mr[0] + id;
                    case 4 -> (id, u) -> u.mtd(Mtd.GPR_ACDB);
                    case 5 -> (id, u) -> u.mr[5] -= id;
                    case 6 -> (id, u) -> u.mr[6] = id << shift;
                    default -> (id, u) -> u.mr[7] = u.mtd();
                }).orThrow();
            }
            ScCap sc = Sc.create(vmm, 2, "sc", Sc.Policy.FREE, -1, 5).orThrow();
            Ec[] self = new Ec[1];
            EcCap ec = Ec.create(vmm, 3, "vcpu0", Ec.Kind.PLATFORM, sc, BASE, e -> self[0] = e).orThrow();
            ec.start();
            ec.join(java.time.Duration.ofSeconds(5));
            vcpu = self[0];
        }
    }

    @Benchmark
    public Status exitDispatch(Dispatch s) {
        return s.vcpu.deliver(s.next++ & 7, s.utcb);
    }

    /** Baseline for portalCall: the same handler invoked as a plain lambda, no kernel. */
    @State(Scope.Thread)
    public static class Plain {
        Portal.Handler handler = (id, u) -> {
            u.mr[0] += id;
            u.mtd(Mtd.GPR_ACDB | Mtd.RIP_LEN);
        };
        Utcb utcb = new Utcb();
    }

    @Benchmark
    public long plainCall(Plain s) throws Exception {
        s.handler.handle(0x81, s.utcb);
        return s.utcb.mr[0];
    }

    /** Ping-pong: this thread ups "ping" and downs "pong"; an echo EC does the opposite. */
    @State(Scope.Benchmark)
    public static class PingPong {
        /** Polls before blocking: 0 is NOVA's scheme; 1000 trades CPU for wake-up latency. */
        @Param({"0", "1000"})
        public int spin;
        SemaphoreCap ping;
        SemaphoreCap pong;
        EcCap echo;

        @Setup(Level.Trial)
        public void setup() {
            Kernel k = Kernel.boot();
            PdCap root = k.root();
            ping = Semaphore.create(root, 1, "ping", 0, spin).orThrow();
            pong = Semaphore.create(root, 2, "pong", 0, spin).orThrow();
            ScCap sc = Sc.create(root, 3, "echo", Sc.Policy.FREE, -1, 5).orThrow();
            echo = Ec.create(root, 4, "echo", Ec.Kind.PLATFORM, sc, -1, self -> {
                while (ping.down() == Status.SUCCESS) {
                    pong.up();
                }
            }).orThrow();
            echo.start();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            echo.stop();
            echo.join(java.time.Duration.ofSeconds(5));
        }
    }

    /** One round trip = two cross-thread signals. */
    @Benchmark
    public Status semaphoreRoundTrip(PingPong s) {
        s.ping.up();
        return s.pong.down();
    }
}
