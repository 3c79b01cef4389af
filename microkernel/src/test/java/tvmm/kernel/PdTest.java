package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Protection domains: creation, separate spaces, rights to create objects, fault containment. */
class PdTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Kernel kernel = Kernel.boot(log::add);
    private final PdCap root = kernel.root();

    @Test
    void eachPdHasItsOwnSpace() {
        PdCap a = Pd.create(root, 1, "a").orThrow();
        PdCap b = Pd.create(root, 2, "b", 16).orThrow();
        Semaphore.create(a, 5, "in-a", 0).orThrow();
        assertTrue(a.lookup(5, SemaphoreCap.class, 0).ok());
        assertEquals(Status.BAD_CAP, b.lookup(5, SemaphoreCap.class, 0).status());
        assertEquals(Status.BAD_PAR, Semaphore.create(b, 16, "outside", 0).status());
        assertEquals("b", b.objectName());
        assertEquals(Status.SUCCESS, b.availability());
    }

    @Test
    void creationChecksRightsAndParameters() {
        assertEquals(Status.BAD_PAR, Pd.create(root, 1, "x", 0).status());
        assertEquals(Status.BUSY, Pd.create(root, Kernel.SEL_SELF, "x").status());
        root.delegate(Kernel.SEL_SELF, root, 3, Perm.ALL & ~Perm.PD_CREATE_PD);
        PdCap noPd = root.lookup(3, PdCap.class, 0).orThrow();
        assertEquals(Status.BAD_PERM, Pd.create(noPd, 4, "x").status());
        assertEquals(Status.SUCCESS, Semaphore.create(noPd, 4, "sm", 0).status());
    }

    @Test
    void aFaultInAPlainPdIsContainedInOneLogLine() {
        PdCap vmm = Pd.create(root, 1, "vmm").orThrow();
        PortalCap pt = Portal.create(vmm, 7, "bad", 0, 0, (id, u) -> {
            throw new IllegalStateException("handler bug\nsecond line");
        }).orThrow();
        assertEquals(Status.ABORTED, pt.call(new Utcb()));
        assertEquals(1, log.size());
        String line = log.get(0);
        assertTrue(line.contains("pd vmm") && line.contains("IllegalStateException: handler bug"), line);
        assertTrue(!line.contains("\n"), line);
        // The PD is not a component: it keeps serving.
        assertEquals(Status.SUCCESS, vmm.availability());

        // A fault the guest can repeat (say on every exit) cannot flood the log.
        for (int i = 1; i < 1000; i++) {
            assertEquals(Status.ABORTED, pt.call(new Utcb()));
        }
        // Faults 1-10 one by one, then 16, 32, 64, 128, 256, 512.
        assertEquals(Pd.FAULTS_LOGGED + 6, log.size());
        assertTrue(log.get(log.size() - 1).contains("fault 512"), log.get(log.size() - 1));
    }
}
