package tvmm.cpu.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soft-TLB fast path partially evaluates: a Truffle root that translates through a
 * warm TLB compiles, and keeps running compiled (a hit never deoptimizes), while a miss still
 * walks behind the boundary and returns the right address.
 *
 * <p>The root runs in an engine of its own with synchronous, single-tier compilation: the call
 * that reaches the threshold waits for the compilation, so no assertion depends on when a
 * background compilation lands or which tier is installed at which call (the old version
 * waited for background multi-tier compilation, all of which depended on the load). The
 * threshold itself still scales with the runtime's shared compile queue (seen: 2, 8, about 50
 * interpreted calls), which does not matter: every call walks the misses and then hits, so
 * one complete call is a complete profile. A compilation failure fails the test.
 */
class TlbPartialEvaluationTest {
    static final long VA = 0x20_0000L;
    /** Calls before the compilation (before the runtime's dynamic scaling). */
    static final int THRESHOLD = 50;

    static final class TranslateRoot extends RootNode {
        private final Mmu mmu;

        TranslateRoot(Mmu mmu) {
            super(null);
            this.mmu = mmu;
        }

        @Override
        public Object execute(VirtualFrame frame) {
            int pages = (Integer) frame.getArguments()[0];
            long sum = 0;
            for (int i = 0; i < 4096; i++) {
                sum += mmu.translate(VA + ((long) (i % pages) << 12) + (i & 0xff8), Access.WRITE);
            }
            return CompilerDirectives.inCompiledCode() ? -sum - 1 : sum;
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void warmTranslationsRunCompiledWithoutDeoptimizing() {
        ByteMemory m = new ByteMemory(1 << 20);
        PageTables pt = new PageTables(m, 0x10000);
        long pml4 = pt.alloc();
        for (int p = 0; p < 17; p++) {
            pt.map64(pml4, VA + ((long) p << 12), 0x40000L + ((long) p << 12), 4096, PageBits.P | PageBits.RW,
                    PageBits.P | PageBits.RW);
        }
        m.cr0 = ControlBits.CR0_PE | ControlBits.CR0_PG;
        m.cr4 = ControlBits.CR4_PAE;
        m.efer = ControlBits.EFER_LME | ControlBits.EFER_LMA;
        m.cr3 = pml4;
        Mmu mmu = new Mmu(m, m);
        long expected = 0;
        for (int i = 0; i < 4096; i++) {
            expected += 0x40000L + ((long) (i % 16) << 12) + (i & 0xff8);
        }
        try (Context engine = Context.newBuilder().allowExperimentalOptions(true)
                .option("engine.BackgroundCompilation", "false")
                .option("engine.MultiTier", "false")
                .option("engine.SingleTierCompilationThreshold", Integer.toString(THRESHOLD))
                .option("engine.CompilationFailureAction", "Throw")
                .build()) {
            // A root without a language belongs to the engine of the context entered when its
            // call target is created.
            engine.enter();
            try {
                runCompiledAndCheck(new TranslateRoot(mmu).getCallTarget(), expected);
            } finally {
                engine.leave();
            }
        }
    }

    private static void runCompiledAndCheck(CallTarget target, long expected) {
        int interpreted = 0;
        while (true) {
            long r = (Long) target.call(16);
            if (r < 0) {
                assertEquals(expected, -r - 1, "compiled translation");
                break;
            }
            assertEquals(expected, r);
            interpreted++;
            assertTrue(interpreted <= 2 * THRESHOLD, "not compiled after " + interpreted + " calls");
        }
        assertTrue(interpreted >= 1, "compiled before one call completed the profile");
        for (int k = 0; k < 200; k++) {
            long r = (Long) target.call(16);
            assertTrue(r < 0, "a TLB hit sent compiled code back to the interpreter (call " + k + ")");
            assertEquals(expected, -r - 1);
        }
        // A 17th page misses in compiled code: the walk behind the boundary still answers right.
        long r = (Long) target.call(17);
        long withMiss = 0;
        for (int i = 0; i < 4096; i++) {
            withMiss += 0x40000L + ((long) (i % 17) << 12) + (i & 0xff8);
        }
        assertEquals(withMiss, r < 0 ? -r - 1 : r);
    }
}
