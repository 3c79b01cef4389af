package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Execution contexts: thread kinds, placement, current EC, event delivery, recall, faults. */
class EcTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Kernel kernel = Kernel.boot(log::add);
    private final PdCap root = kernel.root();
    private final ScCap free = Sc.create(root, 1, "free", Sc.Policy.FREE, -1, 5).orThrow();

    @Test
    void platformAndVirtualEcsRunOnTheMatchingThreads() {
        AtomicReference<Boolean> virtualSeen = new AtomicReference<>();
        AtomicReference<Ec> currentSeen = new AtomicReference<>();
        EcCap svc = Ec.create(root, 2, "svc", Ec.Kind.VIRTUAL, free, -1, self -> {
            virtualSeen.set(Thread.currentThread().isVirtual());
            currentSeen.set(Ec.current());
        }).orThrow();
        assertEquals(Status.SUCCESS, svc.start());
        assertEquals(Status.BUSY, svc.start());
        assertEquals(Status.SUCCESS, svc.join(Duration.ofSeconds(5)));
        assertTrue(virtualSeen.get());
        assertSame(svc.ec(), currentSeen.get());
        assertNull(Ec.current());

        EcCap vcpu = Ec.create(root, 3, "vcpu0", Ec.Kind.PLATFORM, free, -1,
                self -> virtualSeen.set(Thread.currentThread().isVirtual())).orThrow();
        vcpu.start();
        vcpu.join(Duration.ofSeconds(5));
        assertFalse(virtualSeen.get());
        assertEquals(Ec.Kind.PLATFORM, vcpu.kind());
    }

    @Test
    void aVirtualEcCannotBePlaced() {
        ScCap pinned = Sc.create(root, 5, "p", Sc.Policy.PINNED, kernel.hostCores()[0], 5).orThrow();
        assertEquals(Status.BAD_PAR, Ec.create(root, 2, "v", Ec.Kind.VIRTUAL, pinned, -1, self -> { }).status());
        assertEquals(Status.BAD_PAR, Ec.create(root, 2, "v", Ec.Kind.PLATFORM, free, -2, self -> { }).status());
        assertEquals(Status.BUSY, Ec.create(root, 1, "v", Ec.Kind.PLATFORM, free, -1, self -> { }).status());
    }

    @Test
    void aPinnedVcpuRunsOnlyOnItsCoreAsTheHostReportsIt() throws Exception {
        Path status = Path.of("/proc/thread-self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(status), "needs Linux /proc");
        int[] cores = kernel.hostCores();
        int core = cores[cores.length - 1];
        ScCap sc = Sc.create(root, 5, "vcpu0", Sc.Policy.PINNED, core, 5).orThrow();
        AtomicReference<String> seen = new AtomicReference<>();
        EcCap vcpu = Ec.create(root, 2, "vcpu0", Ec.Kind.PLATFORM, sc, -1, self -> {
            // Oracle: the Linux kernel's view of this thread, read independently of Affinity.
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    seen.set(line.split(":")[1].trim());
                }
            }
        }).orThrow();
        vcpu.start();
        assertEquals(Status.SUCCESS, vcpu.join(Duration.ofSeconds(5)));
        assertEquals(core, vcpu.requestedCore());
        assertEquals(Status.SUCCESS, vcpu.placement(), "sched_setaffinity through FFM failed");
        assertEquals(Integer.toString(core), seen.get());
        assertEquals(seen.get(), vcpu.allowedCores());
    }

    @Test
    void exitsAreDeliveredToThePortalAtTheEventBase() throws Exception {
        int base = 0x100;
        PdCap vmm = Pd.create(root, 10, "vmm").orThrow();
        ScCap sc = Sc.create(vmm, 1, "sc", Sc.Policy.FREE, -1, 5).orThrow();
        List<String> handled = new CopyOnWriteArrayList<>();
        Portal.create(vmm, base + 3, "exit3", Mtd.QUAL, 3,
                (id, u) -> handled.add(Thread.currentThread().getName() + ":" + id)).orThrow();
        Semaphore.create(vmm, base + 4, "not-a-portal", 0).orThrow();
        AtomicReference<List<Status>> results = new AtomicReference<>();
        EcCap vcpu = Ec.create(vmm, 2, "vcpu0", Ec.Kind.PLATFORM, sc, base, self -> {
            Utcb u = new Utcb();
            Status first = self.deliver(3, u);
            // The VMM withdraws the handler: the next exit of that kind finds no portal.
            vmm.revoke(base + 3, true);
            results.set(List.of(first, self.deliver(3, u), self.deliver(5, u), self.deliver(4, u),
                    self.deliver(-1, u), self.deliver(CapSpace.DEFAULT_SLOTS, u)));
        }).orThrow();
        vcpu.start();
        vcpu.join(Duration.ofSeconds(5));
        assertEquals(List.of(Status.SUCCESS, Status.BAD_CAP, Status.BAD_CAP, Status.BAD_TYPE, Status.BAD_PAR,
                Status.BAD_PAR),
                results.get());
        assertEquals(List.of("vcpu0:3"), handled);
    }

    @Test
    void onlyTheEcsOwnThreadDeliversItsExits() throws Exception {
        AtomicReference<Ec> self = new AtomicReference<>();
        EcCap vcpu = Ec.create(root, 2, "vcpu0", Ec.Kind.PLATFORM, free, 0x100, self::set).orThrow();
        vcpu.start();
        vcpu.join(Duration.ofSeconds(5));
        // Surefire runs with assertions enabled; the launcher need not.
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> self.get().deliver(0, new Utcb()));
    }

    @Test
    void recallRunsTheHookAndStopInterruptsABlockedEc() throws Exception {
        SemaphoreCap kick = Semaphore.create(root, 7, "kick", 0).orThrow();
        AtomicReference<Status> first = new AtomicReference<>();
        AtomicReference<Status> second = new AtomicReference<>();
        EcCap vcpu = Ec.create(root, 2, "vcpu0", Ec.Kind.PLATFORM, free, -1, self -> {
            first.set(kick.down());
            second.set(kick.down());
        }).orThrow();
        assertEquals(Status.BAD_PAR, vcpu.recall());
        assertEquals(Status.SUCCESS, vcpu.onRecall(kick::up));
        vcpu.start();
        assertEquals(Status.SUCCESS, vcpu.recall());
        while (kick.count() != -1) {
            Thread.sleep(1);
        }
        assertEquals(Status.SUCCESS, vcpu.stop());
        assertEquals(Status.SUCCESS, vcpu.join(Duration.ofSeconds(5)));
        assertEquals(Status.SUCCESS, first.get());
        assertEquals(Status.ABORTED, second.get());
        assertFalse(vcpu.alive());
    }

    @Test
    void anExceptionEscapingAnEcIsContainedAndLoggedOnce() {
        EcCap ec = Ec.create(root, 2, "worker", Ec.Kind.VIRTUAL, free, -1, self -> {
            throw new java.io.IOException("host pipe closed");
        }).orThrow();
        ec.start();
        assertEquals(Status.SUCCESS, ec.join(Duration.ofSeconds(5)));
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("ec worker") && log.get(0).contains("IOException: host pipe closed"),
                log.get(0));
    }

    @Test
    void controlNeedsTheRight() {
        Ec.create(root, 2, "e", Ec.Kind.VIRTUAL, free, -1, self -> { }).orThrow();
        root.delegate(2, root, 3, 0);
        EcCap weak = root.lookup(3, EcCap.class, 0).orThrow();
        assertEquals(Status.BAD_PERM, weak.start());
        assertEquals(Status.BAD_PERM, weak.recall());
        assertEquals(Status.BAD_PERM, weak.stop());
        assertEquals(Status.BAD_PERM, weak.onRecall(() -> { }));
    }
}
