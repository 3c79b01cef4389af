package tvmm.vmm.svm;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tvmm.vmm.boot.InitialCpuState;

/**
 * A machine reset in which every vCPU thread takes part, as the PC's RESET# reaches every CPU
 * and device at once. Any thread may request one (the i8042's 0xFE pulse, the reset register,
 * a triple fault); each vCPU notices it at its next loop turn (it is kicked out of the guest,
 * out of HLT and out of wait-for-SIPI) and arrives at a phaser. The last to arrive resets the
 * platform (devices, the boot state in RAM) while the others wait, so no guest code runs
 * against half-reset devices; then each vCPU resets its own CPU and VMCB on its own thread
 * (Humbel's rule: nobody touches a vCPU's VMCB from another thread).
 */
final class ResetRendezvous {
    private static final long POLL_MILLIS = 50;

    private final Vmm vmm;
    private final PlatformReset platform;
    private final AtomicLong requested = new AtomicLong();
    private volatile long completed;
    private volatile String reason = "";
    private volatile InitialCpuState entry;
    private volatile Phaser phaser;
    private final AtomicLong count = new AtomicLong();

    ResetRendezvous(Vmm vmm, PlatformReset platform) {
        this.vmm = vmm;
        this.platform = platform;
    }

    /** Before the vCPUs start: every one of them must arrive for a reset to go ahead. */
    void start(int vcpus) {
        phaser = new Phaser(vcpus) {
            @Override
            protected boolean onAdvance(int phase, int parties) {
                resetPlatform();
                return false;
            }
        };
    }

    /** Asks for a reset; one already pending absorbs the request (one RESET# pulse). */
    boolean request(String why) {
        long c = completed;
        if (!requested.compareAndSet(c, c + 1)) {
            return false;
        }
        reason = why;
        return true;
    }

    boolean pending() {
        return requested.get() != completed;
    }

    /** Resets completed since the machine was made. */
    long count() {
        return count.get();
    }

    /**
     * Called by every vCPU that saw {@link #pending()}: waits for the others and the platform
     * reset; returns the BSP's entry state, or null when the machine stopped meanwhile.
     */
    InitialCpuState arrive() {
        Phaser p = phaser;
        int phase = p.arrive();
        while (!vmm.stopping()) {
            try {
                p.awaitAdvanceInterruptibly(phase, POLL_MILLIS, TimeUnit.MILLISECONDS);
                return vmm.stopping() ? null : entry;
            } catch (TimeoutException e) {
                // poll for a stop: a vCPU that died or Ctrl-A x must not leave the others waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** On the last vCPU to arrive, while the others wait. */
    private void resetPlatform() {
        try {
            entry = platform.reset(reason);
            count.incrementAndGet();
        } catch (Exception | AssertionError e) {
            vmm.stop(Stop.error("machine reset failed: " + e.getMessage()));
        } finally {
            completed = requested.get();
        }
    }
}
