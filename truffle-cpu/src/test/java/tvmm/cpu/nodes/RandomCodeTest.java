package tvmm.cpu.nodes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;

/**
 * Random bytes executed as ring-3 code must only ever end in guest-visible outcomes: an
 * exception for the guest, a VM exit, or the stop address; never a Java exception
 * (issue 03: "No Java exception escapes for any byte sequence executed as guest code").
 */
class RandomCodeTest {
    @Test
    void randomBytesOnlyRaiseGuestExceptions() {
        SplittableRandom rnd = new SplittableRandom(42);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try (TestMachine m = new TestMachine()) {
            for (int i = 0; i < 3000; i++) {
                byte[] code = new byte[32];
                rnd.nextBytes(code);
                m.phys.load(0x4000, code);
                for (int r = 0; r < 16; r++) {
                    m.vcpu.state.gpr[r] = rnd.nextInt(3) == 0 ? rnd.nextLong() : rnd.nextLong(0, 1 << 20);
                }
                m.vcpu.state.gpr[4] = 0x80000;
                m.vcpu.state.gpr[1] = rnd.nextInt(64); // keep REP and LOOP counts short
                // Random code may loop forever (jmp $): a watchdog kicks the vCPU out.
                ScheduledFuture<?> kick = watchdog.scheduleAtFixedRate(m.vcpu::kick, 50, 50, TimeUnit.MILLISECONDS);
                RunResult r = m.run(0x4000, 0x4000 + 32);
                kick.cancel(false);
                m.vcpu.state.takeEvents(-1);
                assertTrue(r.stopped() || r.fault() != null || r.interrupt() != null || r.exit() != null, r.toString());
            }
        } finally {
            watchdog.shutdownNow();
        }
    }
}
