package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Scheduling contexts: validation of placement and priority, 1:1 binding, gang placement. */
class ScTest {
    private final Kernel kernel = Kernel.boot(line -> { });
    private final PdCap root = kernel.root();

    @Test
    void placementAndPriorityAreValidated() {
        int[] cores = kernel.hostCores();
        int last = cores[cores.length - 1];
        assertEquals(Status.BAD_CPU, Sc.create(root, 1, "x", Sc.Policy.PINNED, last + 1, 5).status());
        assertEquals(Status.BAD_CPU, Sc.create(root, 1, "x", Sc.Policy.PINNED, -1, 5).status());
        assertEquals(Status.BAD_CPU, Sc.create(root, 1, "x", Sc.Policy.GANG, -2, 5).status());
        assertEquals(Status.BAD_PAR, Sc.create(root, 1, "x", Sc.Policy.FREE, -1, 0).status());
        assertEquals(Status.BAD_PAR, Sc.create(root, 1, "x", Sc.Policy.FREE, -1, 11).status());
        assertEquals(Status.BAD_PAR, Sc.create(root, 1, "x", null, -1, 5).status());
        ScCap sc = Sc.create(root, 1, "ok", Sc.Policy.PINNED, last, 7).orThrow();
        assertEquals(Sc.Policy.PINNED, sc.policy());
        assertEquals(last, sc.core());
        assertEquals(7, sc.priority());
    }

    @Test
    void aPinnedScTakesOneEcAtATime() throws Exception {
        ScCap sc = Sc.create(root, 1, "vcpu0", Sc.Policy.PINNED, kernel.hostCores()[0], 5).orThrow();
        EcCap first = Ec.create(root, 2, "a", Ec.Kind.PLATFORM, sc, -1, self -> { }).orThrow();
        assertEquals(Status.BUSY, Ec.create(root, 3, "b", Ec.Kind.PLATFORM, sc, -1, self -> { }).status());
        // Once the first EC has run to its end, the core is free for another.
        first.start();
        assertEquals(Status.SUCCESS, first.join(java.time.Duration.ofSeconds(5)));
        assertEquals(Status.SUCCESS, Ec.create(root, 3, "b", Ec.Kind.PLATFORM, sc, -1, self -> { }).status());
    }

    @Test
    void gangMembersGetConsecutiveCores() {
        int[] cores = kernel.hostCores();
        ScCap gang = Sc.create(root, 1, "vm", Sc.Policy.GANG, cores[0], 5).orThrow();
        for (int i = 0; i < 3; i++) {
            EcCap ec = Ec.create(root, 10 + i, "vcpu" + i, Ec.Kind.PLATFORM, gang, -1, self -> { }).orThrow();
            assertEquals(cores[i % cores.length], ec.requestedCore());
        }
        ScCap free = Sc.create(root, 2, "svc", Sc.Policy.FREE, -1, 5).orThrow();
        assertEquals(-1, Ec.create(root, 20, "s", Ec.Kind.VIRTUAL, free, -1, self -> { }).orThrow().requestedCore());
    }

    @Test
    void hostCoresComeFromTheCpusetList() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 8, 10, 11}, Affinity.parseCpuList("0-3,8,10-11"));
        assertArrayEquals(new int[] {5}, Affinity.parseCpuList(" 5 "));
        assertArrayEquals(new int[0], Affinity.parseCpuList(""));
        int[] cores = kernel.hostCores();
        assertTrue(cores.length >= 1 && cores.length <= Runtime.getRuntime().availableProcessors() * 64L);
        for (int c : cores) {
            assertTrue(kernel.hasCore(c));
        }
        assertFalse(kernel.hasCore(-1));
    }

    @Test
    void bindingNeedsTheBindRight() {
        Sc.create(root, 1, "sc", Sc.Policy.FREE, -1, 5).orThrow();
        root.delegate(1, root, 2, 0);
        ScCap noBind = root.lookup(2, ScCap.class, 0).orThrow();
        assertEquals(Status.BAD_PERM, Ec.create(root, 3, "e", Ec.Kind.VIRTUAL, noBind, -1, self -> { }).status());
    }
}
