package tvmm.cpu.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.state.CpuState;

/** RDTSC counts at {@link CpuState#tscHz} of host time; RDTSCP adds IA32_TSC_AUX (SDM Vol. 2 RDTSC/RDTSCP). */
class TimeStampCounterTest {
    private static long rdtsc(TestMachine m) {
        RunResult r = m.run(0x1000, 0x1002);
        assertTrue(r.stopped(), r.toString());
        return (m.reg(2) << 32) | (m.reg(0) & 0xffffffffL);
    }

    @Test
    void countsAtTheConfiguredFrequency() throws InterruptedException {
        try (TestMachine m = new TestMachine()) {
            m.load(0x1000, 0x0f, 0x31); // rdtsc
            m.vcpu.state.tscHz = 1_000_000_000L;
            long t0 = rdtsc(m);
            long h0 = System.nanoTime();
            Thread.sleep(50);
            long t1 = rdtsc(m);
            long h1 = System.nanoTime();
            long ticks = t1 - t0;
            long ns = h1 - h0;
            assertTrue(Math.abs(ticks - ns) < ns / 5 + 5_000_000, "1 GHz TSC: " + ticks + " ticks in " + ns + " ns");
            m.vcpu.state.tscOffset = 1L << 40;
            assertTrue(rdtsc(m) > 1L << 40, "IA32_TSC writes move the counter");
        }
    }

    @Test
    void rdtscpReturnsTscAux() {
        try (TestMachine m = new TestMachine()) {
            m.load(0x1000, 0x0f, 0x01, 0xf9); // rdtscp
            m.vcpu.state.tscAux = 0x1234_5678_9abcL;
            m.vcpu.state.gpr[1] = -1;
            RunResult r = m.run(0x1000, 0x1003);
            assertTrue(r.stopped(), r.toString());
            assertEquals(0x5678_9abcL, m.reg(1), "ECX = TSC_AUX[31:0], upper half cleared");
        }
    }
}
