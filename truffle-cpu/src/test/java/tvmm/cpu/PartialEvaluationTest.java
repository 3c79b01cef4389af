package tvmm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves that the test JVM runs Truffle's optimizing runtime and that the Graal
 * compiler really turns a Truffle root into machine code: the root reports through
 * {@link CompilerDirectives#inCompiledCode()} which tier executed it.
 */
class PartialEvaluationTest {

    /** Sums 0..n-1 and answers whether this execution ran as compiled code. */
    static final class CompiledProbeRoot extends RootNode {
        CompiledProbeRoot() {
            super(null);
        }

        @Override
        public Object execute(VirtualFrame frame) {
            int n = (Integer) frame.getArguments()[0];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += i;
            }
            return CompilerDirectives.inCompiledCode() ? -sum - 1 : sum;
        }
    }

    @Test
    void runtimeIsOptimizing() {
        String name = Truffle.getRuntime().getName();
        assertTrue(name.contains("GraalVM"), "Truffle runtime is " + name + ", expected the optimizing GraalVM runtime");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void rootIsCompiledAndCompiledCodeRuns() {
        var target = new CompiledProbeRoot().getCallTarget();
        long expected = 0;
        for (int i = 0; i < 1000; i++) {
            expected += i;
        }
        // Background compilation on 2 cores finishes after about a second (DESIGN.md §2).
        long interpretedCalls = 0;
        while (true) {
            long result = (Long) target.call(1000);
            if (result < 0) {
                assertEquals(expected, -result - 1, "compiled code computed a different sum");
                break;
            }
            assertEquals(expected, result, "interpreter computed a wrong sum");
            interpretedCalls++;
        }
        assertTrue(interpretedCalls > 0, "the first calls must run in the interpreter");
    }
}
