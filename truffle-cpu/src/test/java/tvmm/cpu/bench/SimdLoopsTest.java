package tvmm.cpu.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tvmm.cpu.Vcpu;
import tvmm.cpu.mem.PhysicalMemory;

/** The benchmark's guest loops do what they claim: the copies copy, the strlens measure. */
class SimdLoopsTest {
    @Test
    void copiesCopyAndStrlensMeasure() {
        int n = 4096;
        for (SimdLoops.Kind kind : SimdLoops.Kind.values()) {
            try (PhysicalMemory phys = new PhysicalMemory(SimdLoops.MEMORY)) {
                Vcpu vcpu = SimdLoops.machine(phys, kind, n, 3);
                long r9 = SimdLoops.run(vcpu, kind, n, 3);
                if (kind.name().startsWith("COPY")) {
                    byte[] got = new byte[n];
                    phys.segment().asByteBuffer().slice((int) SimdLoops.DST, n).get(got);
                    assertArrayEquals(SimdLoops.data(n), got, kind.toString());
                } else {
                    assertEquals(3L * (n - 1), r9, kind.toString());
                }
            }
        }
    }
}
