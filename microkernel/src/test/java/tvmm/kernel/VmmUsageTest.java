package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The kernel used the way svm-vmm will: one PD for the VMM, one platform EC per vCPU with an
 * event window of exit portals, a console service component that signals a vCPU's semaphore,
 * and a fault of that component while the vCPUs keep taking exits.
 */
class VmmUsageTest {
    static final int EXIT_BASE = 0x800;
    static final int EXIT_CPUID = 0x72;
    static final int EXIT_HLT = 0x78;
    static final int EXIT_IOIO = 0x7b;
    static final int SEL_KICK = 0x10; // + vCPU number
    static final int SEL_CONSOLE_KICK = 5;

    /** The per-vCPU message over a stand-in VMCB: copies only the groups the portal declared. */
    static final class VcpuUtcb extends Utcb {
        final long[] vmcb = new long[4]; // rax, rip, nextRip, exitinfo1
        long rax;
        long rip;
        long exitInfo1;

        @Override
        protected void arrive(int mtd) {
            if (Mtd.has(mtd, Mtd.GPR_ACDB)) {
                rax = vmcb[0];
            }
            if (Mtd.has(mtd, Mtd.RIP_LEN)) {
                rip = vmcb[1];
            }
            if (Mtd.has(mtd, Mtd.QUAL)) {
                exitInfo1 = vmcb[3];
            }
        }

        @Override
        protected void depart(int mtd) {
            if (Mtd.has(mtd, Mtd.GPR_ACDB)) {
                vmcb[0] = rax;
            }
            if (Mtd.has(mtd, Mtd.RIP_LEN)) {
                vmcb[1] = rip;
            }
        }
    }

    @Test
    void vcpusTakeExitsThroughPortalsWhileAServiceRestarts() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Kernel kernel = Kernel.boot(log::add);
        PdCap vmm = Pd.create(kernel.root(), 1, "vmm").orThrow();
        Map2 handledOn = new Map2();

        // Exit handlers, one portal per exit reason, each declaring the state it needs.
        Portal.create(vmm, EXIT_BASE + EXIT_CPUID, "cpuid", Mtd.GPR_ACDB | Mtd.RIP_LEN, EXIT_CPUID, (id, u) -> {
            VcpuUtcb v = (VcpuUtcb) u;
            handledOn.add(id);
            v.rax = 0x8000_0008L;
            v.rip = v.vmcb[2]; // skip the instruction
            u.mtd(Mtd.GPR_ACDB | Mtd.RIP_LEN);
        }).orThrow();
        Portal.create(vmm, EXIT_BASE + EXIT_IOIO, "ioio", Mtd.GPR_ACDB | Mtd.RIP_LEN | Mtd.QUAL, EXIT_IOIO,
                (id, u) -> {
                    VcpuUtcb v = (VcpuUtcb) u;
                    handledOn.add(id);
                    v.rax = v.exitInfo1 >>> 16; // "read" the port number back
                    v.rip = v.vmcb[2];
                    u.mtd(Mtd.GPR_ACDB | Mtd.RIP_LEN);
                }).orThrow();
        AtomicInteger wakeups = new AtomicInteger();
        Portal.create(vmm, EXIT_BASE + EXIT_HLT, "hlt", 0, EXIT_HLT, (id, u) -> {
            handledOn.add(id);
            // HLT parks the vCPU until an event: its own kick semaphore, found through its EC.
            SemaphoreCap kick = vmm.lookup(SEL_KICK + (int) u.mr[0], SemaphoreCap.class, Perm.SM_DOWN).orThrow();
            if (kick.downAll(TimeUnit.SECONDS.toNanos(5)).ok()) {
                wakeups.incrementAndGet();
            }
            u.mtd(0);
        }).orThrow();

        // Two vCPUs in a gang, each with its kick semaphore; recall kicks it.
        ScCap gang = Sc.create(vmm, 2, "vm", Sc.Policy.GANG, kernel.hostCores()[0], Thread.MAX_PRIORITY).orThrow();
        int vcpus = 2;
        int loops = 200;
        List<EcCap> ecs = new CopyOnWriteArrayList<>();
        List<long[]> finalVmcbs = new CopyOnWriteArrayList<>();
        for (int n = 0; n < vcpus; n++) {
            SemaphoreCap kick = Semaphore.create(vmm, SEL_KICK + n, "kick" + n, 0).orThrow();
            int cpu = n;
            EcCap ec = Ec.create(vmm, 0x20 + n, "vcpu" + n, Ec.Kind.PLATFORM, gang, EXIT_BASE, self -> {
                VcpuUtcb u = new VcpuUtcb();
                u.mr[0] = cpu;
                for (int i = 0; i < loops; i++) {
                    // A stand-in for vmrun: the "guest" exits with CPUID, then an IN from port 0x3f8.
                    u.vmcb[2] = u.vmcb[1] + 2;
                    assertEquals(Status.SUCCESS, self.deliver(EXIT_CPUID, u));
                    u.vmcb[2] = u.vmcb[1] + 1;
                    u.vmcb[3] = 0x3f8L << 16;
                    assertEquals(Status.SUCCESS, self.deliver(EXIT_IOIO, u));
                }
                assertEquals(Status.SUCCESS, self.deliver(EXIT_HLT, u));
                finalVmcbs.add(u.vmcb.clone());
            }).orThrow();
            ec.onRecall(kick::up);
            ecs.add(ec);
        }

        // The console service may only signal vCPU 0; its first incarnation faults.
        AtomicInteger incarnations = new AtomicInteger();
        ScCap services = Sc.create(vmm, 3, "services", Sc.Policy.FREE, -1, 5).orThrow();
        Component console = Component.create(kernel.root(), 4, "console", Ec.Kind.VIRTUAL, services,
                RestartPolicy.bounded(3, Duration.ofSeconds(10)), () -> new Service() {
                    @Override
                    public void run(Component.Context ctx) throws Exception {
                        if (incarnations.incrementAndGet() == 1) {
                            throw new IllegalStateException("stdin closed");
                        }
                        SemaphoreCap k = ctx.pd().lookup(SEL_CONSOLE_KICK, SemaphoreCap.class, Perm.SM_UP).orThrow();
                        while (!ctx.stopping()) {
                            k.up(); // "a key was pressed"
                            Thread.sleep(5);
                        }
                    }
                }).orThrow();
        assertEquals(Status.SUCCESS, vmm.delegate(SEL_KICK, console.pd(), SEL_CONSOLE_KICK, Perm.SM_UP));
        assertEquals(Status.BAD_PERM, console.pd().lookup(SEL_CONSOLE_KICK, SemaphoreCap.class, Perm.SM_DOWN).status());

        console.start();
        ecs.forEach(EcCap::start);
        // vCPU 1 is woken by a recall (an IPI from the other vCPU, say), vCPU 0 by the console.
        while (vmm.lookup(SEL_KICK + 1, SemaphoreCap.class, 0).orThrow().count() >= 0) {
            Thread.sleep(1);
        }
        assertEquals(Status.SUCCESS, ecs.get(1).recall());
        for (EcCap ec : ecs) {
            assertEquals(Status.SUCCESS, ec.join(Duration.ofSeconds(10)));
        }
        console.stop();

        assertEquals(vcpus, wakeups.get());
        assertEquals(2, incarnations.get());
        assertEquals(vcpus, finalVmcbs.size());
        for (long[] vmcb : finalVmcbs) {
            assertEquals(0x3f8, vmcb[0], "IN result written back through the MTD");
            assertEquals(loops * 3L, vmcb[1], "RIP advanced by every handled exit");
        }
        assertEquals(vcpus * loops, handledOn.count(EXIT_CPUID));
        assertEquals(vcpus, handledOn.count(EXIT_HLT));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("component console: ec console#1 faulted"), log.get(0));
        assertTrue(ecs.get(0).requestedCore() != ecs.get(1).requestedCore() || kernel.hostCores().length == 1);
    }

    /** Counts handled exits per id, from several vCPU threads. */
    static final class Map2 {
        private final ConcurrentHashMap<Long, AtomicInteger> counts = new ConcurrentHashMap<>();

        void add(long id) {
            counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }

        int count(long id) {
            AtomicInteger c = counts.get(id);
            return c == null ? 0 : c.get();
        }
    }
}
