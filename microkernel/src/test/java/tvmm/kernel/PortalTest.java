package tvmm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Portals: same-thread calls, ids, message transfer descriptors, containment of handler faults. */
class PortalTest {
    private final List<String> log = new ArrayList<>();
    private final Kernel kernel = Kernel.boot(log::add);
    private final PdCap vmm = Pd.create(kernel.root(), 1, "vmm").orThrow();

    /** A stand-in for the VMM's per-vCPU message: records what the kernel asked it to move. */
    static final class RecordingUtcb extends Utcb {
        final List<String> moves = new ArrayList<>();
        long rax = 7;
        long vmcbRax = 7;

        @Override
        protected void arrive(int mtd) {
            moves.add("in " + Mtd.toString(mtd));
            if (Mtd.has(mtd, Mtd.GPR_ACDB)) {
                rax = vmcbRax;
            }
        }

        @Override
        protected void depart(int mtd) {
            moves.add("out " + Mtd.toString(mtd));
            if (Mtd.has(mtd, Mtd.GPR_ACDB)) {
                vmcbRax = rax;
            }
        }
    }

    @Test
    void callRunsTheHandlerOnTheCallersThreadWithTheId() {
        Thread[] ran = new Thread[1];
        long[] seen = new long[1];
        PortalCap pt = Portal.create(vmm, 0x72, "cpuid", 0, 0x72, (id, u) -> {
            ran[0] = Thread.currentThread();
            seen[0] = id;
            u.mr[1] = u.mr[0] * 2;
        }).orThrow();
        Utcb u = new Utcb();
        u.mr[0] = 21;
        assertEquals(Status.SUCCESS, pt.call(u));
        assertSame(Thread.currentThread(), ran[0]);
        assertEquals(0x72, seen[0]);
        assertEquals(42, u.mr[1]);

        assertEquals(Status.SUCCESS, pt.id(99));
        pt.call(u);
        assertEquals(99, seen[0]);
    }

    @Test
    void onlyTheDeclaredGroupsTravelAndOnlyTheReportedOnesReturn() {
        int declared = Mtd.GPR_ACDB | Mtd.RIP_LEN | Mtd.QUAL;
        PortalCap pt = Portal.create(vmm, 0x7b, "ioio", declared, 0x7b, (id, u) -> {
            assertEquals(declared, u.mtd());
            ((RecordingUtcb) u).rax = 0xff; // e.g. an IN instruction's result
            u.mtd(Mtd.GPR_ACDB | Mtd.RIP_LEN);
        }).orThrow();
        RecordingUtcb u = new RecordingUtcb();
        assertEquals(Status.SUCCESS, pt.call(u));
        assertEquals(List.of("in GPR_ACDB|RIP_LEN|QUAL", "out GPR_ACDB|RIP_LEN"), u.moves);
        assertEquals(0xff, u.vmcbRax);
        assertEquals(declared, pt.mtd());

        // A handler that reports nothing changed writes nothing back.
        PortalCap quiet = Portal.create(vmm, 0x78, "hlt", Mtd.GPR_ACDB, 0x78, (id, u2) -> {
            ((RecordingUtcb) u2).rax = 1;
            u2.mtd(0);
        }).orThrow();
        RecordingUtcb v = new RecordingUtcb();
        quiet.call(v);
        assertEquals(7, v.vmcbRax);
        assertEquals(List.of("in GPR_ACDB", "out NONE"), v.moves);
    }

    @Test
    void aThrowingHandlerAbortsTheCallWithoutWritingBack() {
        PortalCap pt = Portal.create(vmm, 3, "bad", Mtd.GPR_ACDB, 0, (id, u) -> {
            ((RecordingUtcb) u).rax = 1;
            throw new ArithmeticException("divide");
        }).orThrow();
        RecordingUtcb u = new RecordingUtcb();
        assertEquals(Status.ABORTED, pt.call(u));
        assertEquals(7, u.vmcbRax);
        assertEquals(List.of("in GPR_ACDB"), u.moves);
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("portal bad") && log.get(0).contains("ArithmeticException"), log.get(0));
    }

    @Test
    void aStackOverflowInAHandlerIsContained() {
        PortalCap pt = Portal.create(vmm, 3, "deep", 0, 0, (id, u) -> recurse(1)).orThrow();
        assertEquals(Status.ABORTED, pt.call(new Utcb()));
        assertTrue(log.get(0).contains("StackOverflowError"), log.get(0));
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void rightsAndParametersAreChecked() {
        assertEquals(Status.BAD_PAR, Portal.create(vmm, 1, "x", 1 << 30, 0, (id, u) -> { }).status());
        assertEquals(Status.BAD_PAR, Portal.create(vmm, 1, "x", 0, 0, null).status());
        Portal.create(vmm, 1, "pt", 0, 5, (id, u) -> u.mr[0] = id).orThrow();
        PdCap client = Pd.create(kernel.root(), 2, "client").orThrow();
        vmm.delegate(1, client, 1, Perm.PT_CTRL);
        vmm.delegate(1, client, 2, Perm.PT_CALL);
        PortalCap ctrlOnly = client.lookup(1, PortalCap.class, 0).orThrow();
        PortalCap callOnly = client.lookup(2, PortalCap.class, 0).orThrow();
        Utcb u = new Utcb();
        assertEquals(Status.BAD_PERM, ctrlOnly.call(u));
        assertEquals(Status.SUCCESS, callOnly.call(u));
        assertEquals(5, u.mr[0]);
        assertEquals(Status.BAD_PERM, callOnly.id(6));
        assertEquals(Status.SUCCESS, ctrlOnly.id(6));
        callOnly.call(u);
        assertEquals(6, u.mr[0]);
        // Creating a portal needs PD_CREATE_PT.
        PdCap root = kernel.root();
        assertEquals(Status.SUCCESS, root.delegate(1, root, 50, Perm.ALL & ~Perm.PD_CREATE_PT));
        PdCap noPt = root.lookup(50, PdCap.class, 0).orThrow();
        assertEquals(Status.BAD_PERM, Portal.create(noPt, 3, "x", 0, 0, (id, v) -> { }).status());
    }

    @Test
    void mtdNamesGroupsAndRejectsUnknownBits() {
        assertEquals("GPR_ACDB|GPR_BSD|RSP|GPR_R8_R15", Mtd.toString(Mtd.GPRS));
        assertEquals("NONE", Mtd.toString(0));
        assertTrue(Mtd.valid(Mtd.ALL));
        assertTrue(!Mtd.valid(Mtd.ALL + 1));
        assertTrue(Mtd.toString(1 << 31).contains("0x80000000"));
        assertTrue(Mtd.has(Mtd.SEGS | Mtd.CR, Mtd.CS_SS | Mtd.CR));
    }
}
