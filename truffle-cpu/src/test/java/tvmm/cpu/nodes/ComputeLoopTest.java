package tvmm.cpu.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tvmm.cpu.bench.ComputeLoop;

/**
 * The benchmark loop computes what its Java model computes, through enough back edges that
 * the loop is OSR-compiled while it runs (the result must not change when it is).
 */
class ComputeLoopTest {
    @Test
    void loopResultMatchesTheJavaModel() {
        try (TestMachine m = new TestMachine()) {
            int n = 300_000;
            byte[] code = ComputeLoop.program(n);
            m.phys.load(0x10000, code);
            for (int round = 0; round < 3; round++) {
                long rax = ComputeLoop.run(m.vcpu, code, 0x10000);
                assertEquals(ComputeLoop.expected(n), rax, "round " + round);
            }
        }
    }
}
