package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Capability spaces, typed lookups, delegation with rights masking and recursive revocation. */
class CapabilityTest {
    private final Kernel kernel = Kernel.boot(line -> { });
    private final PdCap root = kernel.root();

    @Test
    void rootHoldsItselfWithAllRights() {
        Result<PdCap> self = root.lookup(Kernel.SEL_SELF, PdCap.class, Perm.ALL);
        assertTrue(self.ok());
        assertSame(root, self.value());
        assertEquals(Perm.ALL, root.rights());
    }

    @Test
    void typedLookupReportsEveryFailureAsAStatus() {
        SemaphoreCap sm = Semaphore.create(root, 10, "sm", 0).orThrow();
        assertSame(sm, root.lookup(10, SemaphoreCap.class, Perm.SM_UP | Perm.SM_DOWN).value());
        assertEquals(Status.BAD_CAP, root.lookup(11, SemaphoreCap.class, 0).status());
        assertEquals(Status.BAD_TYPE, root.lookup(10, PortalCap.class, 0).status());
        assertEquals(Status.BAD_PAR, root.lookup(-1, SemaphoreCap.class, 0).status());
        assertEquals(Status.BAD_PAR, root.lookup(CapSpace.DEFAULT_SLOTS, SemaphoreCap.class, 0).status());
        // An occupied slot is not overwritten.
        assertEquals(Status.BUSY, Semaphore.create(root, 10, "again", 0).status());
    }

    @Test
    void delegationMasksRightsAndCannotAmplifyThem() {
        PdCap a = Pd.create(root, 20, "a").orThrow();
        PdCap b = Pd.create(root, 21, "b").orThrow();
        Semaphore.create(root, 30, "sm", 0).orThrow();

        assertEquals(Status.SUCCESS, root.delegate(30, a, 5, Perm.SM_UP));
        SemaphoreCap upOnly = a.lookup(5, SemaphoreCap.class, 0).orThrow();
        assertEquals(Perm.SM_UP, upOnly.rights());
        assertEquals(Status.SUCCESS, upOnly.up());
        assertEquals(Status.BAD_PERM, upOnly.down(0));
        assertEquals(Status.BAD_PERM, a.lookup(5, SemaphoreCap.class, Perm.SM_DOWN).status());

        // Re-delegating with a wider mask still yields at most what the source had.
        assertEquals(Status.SUCCESS, a.delegate(5, b, 6, Perm.ALL));
        assertEquals(Perm.SM_UP, b.lookup(6, SemaphoreCap.class, 0).orThrow().rights());
    }

    @Test
    void delegationNeedsControlOfBothSpaces() {
        PdCap a = Pd.create(root, 20, "a").orThrow();
        Semaphore.create(root, 30, "sm", 0).orThrow();
        // A capability to "a" without PD_CTRL, held by root at 22.
        assertEquals(Status.SUCCESS, root.delegate(20, root, 22, Perm.PD_CREATE_SM));
        PdCap weak = root.lookup(22, PdCap.class, 0).orThrow();
        assertEquals(Status.BAD_PERM, root.delegate(30, weak, 1, Perm.ALL));
        assertEquals(Status.BAD_PERM, weak.delegate(0, root, 40, Perm.ALL));
        assertEquals(Status.BAD_CAP, root.delegate(31, a, 1, Perm.ALL));
        assertEquals(Status.BAD_PAR, root.delegate(-5, a, 1, Perm.ALL));
        assertEquals(Status.BAD_PAR, root.delegate(30, a, CapSpace.DEFAULT_SLOTS, Perm.ALL));
        // The weak capability can still create what it was allowed to.
        assertTrue(Semaphore.create(weak, 3, "made-by-weak", 0).ok());
        assertEquals(Status.BAD_PERM, Pd.create(weak, 4, "not-allowed").status());
    }

    @Test
    void revocationIsRecursiveAndReachesKeptReferences() {
        PdCap a = Pd.create(root, 20, "a").orThrow();
        PdCap b = Pd.create(root, 21, "b").orThrow();
        PdCap c = Pd.create(root, 22, "c").orThrow();
        PortalCap pt = Portal.create(root, 30, "pt", 0, 0, (id, u) -> u.mr[0]++).orThrow();

        assertEquals(Status.SUCCESS, root.delegate(30, a, 1, Perm.PT_CALL));
        assertEquals(Status.SUCCESS, a.delegate(1, b, 1, Perm.PT_CALL));
        assertEquals(Status.SUCCESS, b.delegate(1, c, 1, Perm.PT_CALL));
        assertEquals(Status.SUCCESS, root.delegate(30, c, 2, Perm.PT_CALL));
        PortalCap inA = a.lookup(1, PortalCap.class, Perm.PT_CALL).orThrow();
        PortalCap inC = c.lookup(1, PortalCap.class, Perm.PT_CALL).orThrow();
        Utcb u = new Utcb();
        assertEquals(Status.SUCCESS, inC.call(u));
        assertEquals(2, pt.childCount());

        // Revoke what a holds: b's and c's copies derived through a go too; c's direct copy stays.
        assertEquals(Status.SUCCESS, root.revoke(30, false));
        assertTrue(a.empty(1));
        assertTrue(b.empty(1));
        assertTrue(c.empty(1));
        assertTrue(c.empty(2));
        assertEquals(Status.BAD_CAP, inA.call(u));
        assertEquals(Status.BAD_CAP, inC.call(u));
        assertEquals(Status.BAD_CAP, a.lookup(1, PortalCap.class, 0).status());
        // The root's own capability survives a revoke without "self".
        assertFalse(pt.revoked());
        assertEquals(Status.SUCCESS, pt.call(u));
        assertEquals(2, u.mr[0]);
        assertEquals(0, pt.childCount());
    }

    @Test
    void revokingAMiddleCapabilityKeepsItsSiblingsAndParent() {
        PdCap a = Pd.create(root, 20, "a").orThrow();
        PdCap b = Pd.create(root, 21, "b").orThrow();
        SemaphoreCap sm = Semaphore.create(root, 30, "sm", 0).orThrow();
        root.delegate(30, a, 1, Perm.ALL);
        root.delegate(30, b, 1, Perm.ALL);
        a.delegate(1, b, 2, Perm.SM_UP);

        assertEquals(Status.SUCCESS, a.revoke(1, true));
        assertTrue(a.empty(1));
        assertTrue(b.empty(2));
        assertFalse(b.empty(1));
        assertEquals(1, sm.childCount());
        // A revoked capability cannot be delegated any more.
        assertEquals(Status.BAD_CAP, a.delegate(1, b, 3, Perm.ALL));
        assertEquals(Status.BAD_CAP, a.revoke(1, true));
    }

    @Test
    void revokedSourceCannotGrowNewChildrenConcurrently() throws InterruptedException {
        PdCap a = Pd.create(root, 20, "a").orThrow();
        SemaphoreCap sm = Semaphore.create(root, 30, "sm", 0).orThrow();
        root.delegate(30, a, 0, Perm.ALL);
        SemaphoreCap mid = a.lookup(0, SemaphoreCap.class, 0).orThrow();
        Thread t = Thread.ofPlatform().start(() -> {
            for (int i = 1; i < 2000; i++) {
                a.delegate(0, a, i, Perm.ALL);
            }
        });
        Thread.sleep(1);
        a.revoke(0, true);
        t.join();
        // Whatever was delegated before the revoke is gone; nothing could be added after it.
        for (int i = 1; i < 2000; i++) {
            assertTrue(a.empty(i), "slot " + i);
        }
        assertTrue(mid.revoked());
        assertEquals(0, sm.childCount());
    }
}
