package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** NOVA's user semaphore: fast paths, blocking, timeouts, down-all, interruption, races. */
class SemaphoreTest {
    private final Kernel kernel = Kernel.boot(line -> { });
    private final PdCap root = kernel.root();

    private int nextSel = 100;

    private SemaphoreCap sm(long initial, int spin) {
        return Semaphore.create(root, nextSel++, "sm", initial, spin).orThrow();
    }

    @Test
    void countsSignalsWithoutBlocking() {
        SemaphoreCap s = sm(2, 0);
        assertEquals(Status.SUCCESS, s.down());
        assertEquals(Status.SUCCESS, s.down(0));
        assertEquals(Status.TIMEOUT, s.down(0));
        assertEquals(0, s.count());
        s.up();
        s.up();
        assertEquals(2, s.count());
        assertEquals(Status.SUCCESS, s.down(1_000_000));
        assertEquals(1, s.count());
    }

    @Test
    void downBlocksUntilAnUpFromAnotherThread() throws Exception {
        SemaphoreCap s = sm(0, 0);
        AtomicReference<Status> got = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> got.set(s.down()));
        // The waiter registers itself by driving the counter negative (NOVA: -waiters).
        awaitCount(s, -1);
        assertTrue(waiter.isAlive());
        assertEquals(Status.SUCCESS, s.up());
        waiter.join(5000);
        assertEquals(Status.SUCCESS, got.get());
        assertEquals(0, s.count());
    }

    @Test
    void aTimedOutWaiterWithdrawsItsRegistration() {
        SemaphoreCap s = sm(0, 0);
        long t0 = System.nanoTime();
        assertEquals(Status.TIMEOUT, s.down(TimeUnit.MILLISECONDS.toNanos(20)));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(20));
        assertEquals(0, s.count());
        // The next up is a signal, not a wake-up for a waiter that is gone.
        s.up();
        assertEquals(Status.SUCCESS, s.down(0));
        assertEquals(Status.BAD_PAR, s.down(-1));
    }

    @Test
    void anInterruptedWaiterIsAbortedAndWithdrawn() throws Exception {
        SemaphoreCap s = sm(0, 0);
        AtomicReference<Status> got = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> got.set(s.down()));
        awaitCount(s, -1);
        waiter.interrupt();
        waiter.join(5000);
        assertEquals(Status.ABORTED, got.get());
        assertEquals(0, s.count());
    }

    @Test
    void downAllConsumesEveryPendingSignal() throws Exception {
        SemaphoreCap s = sm(0, 0);
        for (int i = 0; i < 5; i++) {
            s.up();
        }
        assertEquals(Status.SUCCESS, s.downAll());
        assertEquals(0, s.count());
        assertEquals(Status.TIMEOUT, s.downAll(TimeUnit.MILLISECONDS.toNanos(5)));
        assertEquals(0, s.count());
        // A blocked down-all returns after the first signal of a burst.
        AtomicReference<Status> got = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> got.set(s.downAll()));
        awaitCount(s, -1);
        s.up();
        waiter.join(5000);
        assertEquals(Status.SUCCESS, got.get());
        assertEquals(Status.BAD_PAR, s.downAll(-1));
    }

    @Test
    void rightsAreCheckedAndRevocationStopsUse() {
        SemaphoreCap s = Semaphore.create(root, 7, "sm", 0).orThrow();
        root.delegate(7, root, 8, Perm.SM_DOWN);
        SemaphoreCap downOnly = root.lookup(8, SemaphoreCap.class, 0).orThrow();
        assertEquals(Status.BAD_PERM, downOnly.up());
        assertEquals(Status.TIMEOUT, downOnly.down(0));
        root.revoke(7, false);
        assertEquals(Status.BAD_CAP, downOnly.down(0));
        assertEquals(Status.BAD_CAP, downOnly.downAll());
        assertEquals(Status.SUCCESS, s.up());
        assertEquals(Status.BAD_PAR, Semaphore.create(root, 9, "neg", -1).status());
    }

    @Test
    void producersAndConsumersNeverLoseOrInventASignal() throws Exception {
        for (int spin : new int[] {0, 100}) {
            SemaphoreCap s = sm(0, spin);
            int producers = 3;
            int perProducer = 20_000;
            AtomicLong consumed = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int c = 0; c < 3; c++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    await(go);
                    // Mix every way of taking a signal; only successful takes are counted.
                    for (int i = 0; consumed.get() < (long) producers * perProducer; i++) {
                        Status st = switch (i % 3) {
                            case 0 -> s.down(TimeUnit.MICROSECONDS.toNanos(50));
                            case 1 -> s.down(0);
                            default -> s.down(TimeUnit.MILLISECONDS.toNanos(1));
                        };
                        if (st.ok()) {
                            consumed.incrementAndGet();
                        }
                    }
                }));
            }
            for (int p = 0; p < producers; p++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    await(go);
                    for (int i = 0; i < perProducer; i++) {
                        s.up();
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join(30_000);
                assertTrue(!t.isAlive(), "stuck: spin=" + spin);
            }
            assertEquals((long) producers * perProducer, consumed.get(), "spin=" + spin);
            assertEquals(0, s.count(), "spin=" + spin);
        }
    }

    @Test
    void pingPongAcrossTwoThreads() throws Exception {
        SemaphoreCap ping = sm(0, 0);
        SemaphoreCap pong = Semaphore.create(root, 9, "pong", 0).orThrow();
        int rounds = 10_000;
        Thread other = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < rounds; i++) {
                ping.down();
                pong.up();
            }
        });
        for (int i = 0; i < rounds; i++) {
            ping.up();
            assertEquals(Status.SUCCESS, pong.down(TimeUnit.SECONDS.toNanos(10)));
        }
        other.join(10_000);
        assertEquals(0, ping.count());
        assertEquals(0, pong.count());
    }

    private static void awaitCount(SemaphoreCap s, long value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (s.count() != value && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(value, s.count());
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
