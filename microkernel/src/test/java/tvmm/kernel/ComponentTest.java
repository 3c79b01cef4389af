package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Components: a fault is contained, logged in one line, restarted per policy; others keep running. */
class ComponentTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Kernel kernel = Kernel.boot(log::add);
    private final PdCap root = kernel.root();
    private final PdCap vmm = Pd.create(root, 1, "vmm").orThrow();
    private final ScCap free = Sc.create(root, 2, "services", Sc.Policy.FREE, -1, 5).orThrow();

    /** A timer-like service: signals the semaphore it was given at SEL_TICK every millisecond. */
    static final int SEL_TICK = 10;

    static final class Ticker implements Service {
        @Override
        public void run(Component.Context ctx) throws Exception {
            SemaphoreCap tick = ctx.pd().lookup(SEL_TICK, SemaphoreCap.class, Perm.SM_UP).orThrow();
            while (!ctx.stopping()) {
                tick.up();
                Thread.sleep(1);
            }
        }
    }

    /** A console-like service whose EC faults after a few keys, and whose portal faults on request. */
    static final class Console implements Service {
        static final long WRITE = 1;
        final AtomicInteger written = new AtomicInteger();
        final int faultAfter;

        Console(int faultAfter) {
            this.faultAfter = faultAfter;
        }

        @Override
        public void run(Component.Context ctx) throws Exception {
            SemaphoreCap key = ctx.pd().lookup(SEL_TICK, SemaphoreCap.class, Perm.SM_UP).orThrow();
            for (int i = 0; !ctx.stopping(); i++) {
                if (i == faultAfter) {
                    throw new IllegalStateException("host terminal gone");
                }
                key.up();
                Thread.sleep(1);
            }
        }

        @Override
        public void call(long id, Utcb u) {
            if (u.mr[0] < 0) {
                throw new IllegalArgumentException("negative byte " + u.mr[0]);
            }
            u.mr[1] = written.incrementAndGet(); // counts per incarnation: fresh state after restart
        }
    }

    private Component component(int sel, String name, RestartPolicy policy, java.util.function.Supplier<Service> f) {
        return Component.create(root, sel, name, Ec.Kind.VIRTUAL, free, policy, f).orThrow();
    }

    /** Gives the component an up-only copy of {@code smSel} (in root) at SEL_TICK. */
    private void giveSemaphore(Component c, int smSel) {
        assertEquals(Status.SUCCESS, root.delegate(smSel, c.pd(), SEL_TICK, Perm.SM_UP));
    }

    @Test
    void aThrowingServiceIsRestartedAndTheOthersKeepWorking() throws Exception {
        SemaphoreCap ticks = Semaphore.create(root, 20, "ticks", 0).orThrow();
        SemaphoreCap keys = Semaphore.create(root, 21, "keys", 0).orThrow();
        Component timer = component(30, "timer", RestartPolicy.bounded(3, Duration.ofSeconds(10)), Ticker::new);
        Component console = component(31, "console", RestartPolicy.bounded(3, Duration.ofSeconds(10)),
                () -> new Console(5));
        giveSemaphore(timer, 20);
        giveSemaphore(console, 21);
        timer.start();
        console.start();

        // The console faults after 5 keys on each incarnation; it is restarted each time.
        waitFor(() -> console.incarnation() >= 3, "console restarted twice");
        // The timer was never disturbed and keeps ticking while the console restarts.
        long before = drain(ticks);
        assertTrue(before > 0);
        assertEquals(Status.SUCCESS, ticks.down(TimeUnit.SECONDS.toNanos(2)));
        assertEquals(1, timer.incarnation());
        assertEquals(0, timer.restarts());
        assertTrue(keys.count() >= 10, "keys from the first two incarnations: " + keys.count());

        List<String> consoleLines = log.stream().filter(l -> l.contains("component console")).toList();
        assertTrue(consoleLines.size() >= 2, log.toString());
        String first = consoleLines.get(0);
        assertTrue(first.contains("ec console#1 faulted: java.lang.IllegalStateException: host terminal gone at")
                && first.contains("restart 1 in 10 ms"), first);
        assertTrue(consoleLines.get(1).contains("restart 2 in 20 ms"), consoleLines.get(1));
        assertTrue(log.stream().noneMatch(l -> l.contains("\n")));
        assertTrue(log.stream().noneMatch(l -> l.contains("component timer")));

        // Past the policy's limit the console is dead; the timer still runs.
        waitFor(() -> console.availability() == Status.DEAD, "console given up");
        assertTrue(log.get(log.size() - 1).contains("restart limit 3"), log.toString());
        drain(ticks);
        assertEquals(Status.SUCCESS, ticks.down(TimeUnit.SECONDS.toNanos(2)));
        assertEquals(Status.SUCCESS, timer.availability());
        assertEquals(Status.SUCCESS, timer.stop());
        assertEquals(Status.DEAD, timer.availability());
    }

    @Test
    void callersGetUnavailableDuringTheRestartAndFreshStateAfter() throws Exception {
        Component console = component(31, "console",
                new RestartPolicy(5, Duration.ofSeconds(10), Duration.ofMillis(300), Duration.ofSeconds(1)),
                () -> new Console(Integer.MAX_VALUE));
        Semaphore.create(root, 21, "keys", 0).orThrow();
        giveSemaphore(console, 21);
        PortalCap write = console.export(40, "write", Console.WRITE, 0).orThrow();
        // The VMM gets a call-only copy of the portal, as a client would.
        assertEquals(Status.SUCCESS, console.pd().delegate(40, vmm, 40, Perm.PT_CALL));
        PortalCap client = vmm.lookup(40, PortalCap.class, Perm.PT_CALL).orThrow();
        assertEquals(Status.SUCCESS, console.start());
        assertEquals(Status.BUSY, console.start());

        Utcb u = new Utcb();
        u.mr[0] = 'a';
        assertEquals(Status.SUCCESS, client.call(u));
        assertEquals(Status.SUCCESS, client.call(u));
        assertEquals(2, u.mr[1]);

        u.mr[0] = -1; // a request the service chokes on
        assertEquals(Status.ABORTED, client.call(u));
        u.mr[0] = 'b';
        assertEquals(Status.UNAVAILABLE, client.call(u));
        assertEquals(Status.UNAVAILABLE, console.availability());
        assertTrue(log.get(0).contains("portal write faulted: java.lang.IllegalArgumentException: negative byte -1"),
                log.get(0));

        waitFor(() -> console.availability() == Status.SUCCESS, "console back");
        assertEquals(2, console.incarnation());
        assertEquals(Status.SUCCESS, client.call(u));
        assertEquals(1, u.mr[1], "a restarted service starts from fresh state");
        assertEquals(Status.SUCCESS, write.call(u));

        assertEquals(Status.SUCCESS, console.stop());
        assertEquals(Status.DEAD, client.call(u));
    }

    @Test
    void anEcBlockedOnASemaphoreStopsWhenTheComponentStops() throws Exception {
        Semaphore.create(root, 21, "never", 0).orThrow();
        AtomicInteger result = new AtomicInteger(-1);
        Component waiter = component(31, "waiter", RestartPolicy.never(), () -> new Service() {
            @Override
            public void run(Component.Context ctx) {
                SemaphoreCap s = ctx.pd().lookup(SEL_TICK, SemaphoreCap.class, 0).orThrow();
                result.set(s.down().ordinal());
            }
        });
        root.delegate(21, waiter.pd(), SEL_TICK, Perm.ALL);
        waiter.start();
        SemaphoreCap never = root.lookup(21, SemaphoreCap.class, 0).orThrow();
        waitFor(() -> never.count() == -1, "waiter blocked");
        assertEquals(Status.SUCCESS, waiter.stop());
        assertEquals(Status.ABORTED.ordinal(), result.get());
        assertEquals(0, never.count());
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void aComponentThatGivesUpStopsItsEc() throws Exception {
        Semaphore.create(root, 21, "never", 0).orThrow();
        AtomicInteger result = new AtomicInteger(-1);
        Component c = component(31, "svc", RestartPolicy.never(), () -> new Service() {
            @Override
            public void run(Component.Context ctx) {
                SemaphoreCap s = ctx.pd().lookup(SEL_TICK, SemaphoreCap.class, 0).orThrow();
                result.set(s.down().ordinal());
            }

            @Override
            public void call(long id, Utcb u) {
                throw new IllegalStateException("bad request");
            }
        });
        root.delegate(21, c.pd(), SEL_TICK, Perm.ALL);
        PortalCap pt = c.export(40, "req", 0, 0).orThrow();
        c.start();
        SemaphoreCap never = root.lookup(21, SemaphoreCap.class, 0).orThrow();
        waitFor(() -> never.count() == -1, "EC blocked");
        assertEquals(Status.ABORTED, pt.call(new Utcb()));
        assertEquals(Status.DEAD, c.availability());
        waitFor(() -> result.get() >= 0, "EC released");
        assertEquals(Status.ABORTED.ordinal(), result.get());
        assertEquals(Status.DEAD, pt.call(new Utcb()));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("restart limit 0") && log.get(0).contains("component dead"), log.get(0));
    }

    @Test
    void aFactoryThatFailsOnRestartCountsAgainstThePolicy() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Component flaky = component(31, "flaky", RestartPolicy.bounded(2, Duration.ofSeconds(10)), () -> {
            if (made.incrementAndGet() > 1) {
                throw new IllegalStateException("no host device");
            }
            return new Service() {
                @Override
                public void run(Component.Context ctx) {
                    throw new UnsupportedOperationException("first run fails");
                }
            };
        });
        flaky.start();
        waitFor(() -> flaky.availability() == Status.DEAD, "flaky given up");
        assertEquals(3, made.get());
        assertEquals(2, flaky.restarts());
        assertTrue(log.get(1).contains("restart failed: java.lang.IllegalStateException: no host device"),
                log.toString());
        assertTrue(log.get(log.size() - 1).contains("component dead"), log.toString());
    }

    @Test
    void faultsFurtherApartThanTheWindowNeverExhaustThePolicy() throws Exception {
        // One restart allowed per 20 ms; the service faults only after 60 ms of running.
        Component slow = component(31, "slow",
                new RestartPolicy(1, Duration.ofMillis(20), Duration.ofMillis(1), Duration.ofMillis(1)),
                () -> new Service() {
                    @Override
                    public void run(Component.Context ctx) throws Exception {
                        Thread.sleep(60);
                        throw new IllegalStateException("periodic");
                    }
                });
        slow.start();
        waitFor(() -> slow.incarnation() >= 4, "three restarts");
        assertTrue(slow.availability() != Status.DEAD, log.toString());
        assertTrue(log.stream().allMatch(l -> l.contains("restart ")), log.toString());
        slow.stop();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        RestartPolicy p = new RestartPolicy(10, Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(50));
        assertEquals(List.of(10L, 20L, 40L, 50L, 50L),
                List.of(1, 2, 3, 4, 9).stream().map(n -> p.backoff(n).toMillis()).toList());
        assertFalse(RestartPolicy.never().maxRestarts() > 0);
    }

    @Test
    void creationValidatesItsArguments() {
        assertEquals(Status.BAD_PAR,
                Component.create(root, 31, "x", Ec.Kind.VIRTUAL, free, null, Ticker::new).status());
        assertEquals(Status.BUSY,
                Component.create(root, 1, "x", Ec.Kind.VIRTUAL, free, RestartPolicy.never(), Ticker::new).status());
    }

    private static long drain(SemaphoreCap s) {
        long n = 0;
        while (s.down(0).ok()) {
            n++;
        }
        return n;
    }

    private static void waitFor(BooleanSupplier cond, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(2);
        }
    }
}
