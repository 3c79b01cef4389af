package tvmm.vmm.machine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tvmm.devices.bus.IoDevice;
import tvmm.kernel.Component;
import tvmm.kernel.Ec;
import tvmm.kernel.PdCap;
import tvmm.kernel.PortalCap;
import tvmm.kernel.RestartPolicy;
import tvmm.kernel.ScCap;
import tvmm.kernel.Service;
import tvmm.kernel.Status;
import tvmm.kernel.Utcb;

/**
 * A port device run as a restartable service component of the microkernel (DESIGN.md §4): the
 * bus reaches it through a portal, so an exception inside the device model is a component fault,
 * logged in one line by the kernel, and a fresh instance of the device starts after a backoff
 * while the VM keeps running. An access that found the component faulting or restarting is
 * replayed once it serves again (a NOVA VMM re-sends the message its server lost); the fault
 * is taken to have happened before the device acted, which holds for the injected fault and
 * for stateless devices such as the debug console. When the component is given up for dead,
 * reads return all ones and writes are dropped, as on an empty bus.
 */
final class ServedPort implements IoDevice {
    static final long READ = 0;
    static final long WRITE = 1;
    /** A guest access waits at most this long for a restarting component. */
    static final Duration REPLAY_LIMIT = Duration.ofSeconds(5);

    private final String name;
    private final Component component;
    private final PortalCap portal;
    private final Consumer<String> log;
    private final AtomicBoolean faultNext = new AtomicBoolean();
    private final AtomicBoolean deadLogged = new AtomicBoolean();

    /** The component's code: one fresh device per incarnation. */
    private final class DeviceService implements Service {
        private final IoDevice device;

        DeviceService(IoDevice device) {
            this.device = device;
        }

        @Override
        public void call(long id, Utcb u) {
            if (faultNext.getAndSet(false)) {
                throw new IllegalStateException("injected fault in " + name);
            }
            if (u.mr[0] == READ) {
                u.mr[3] = device.read(u.mr[1], (int) u.mr[2]);
            } else {
                device.write(u.mr[1], (int) u.mr[2], u.mr[3]);
            }
        }
    }

    /**
     * Creates and starts the component at {@code sel} of {@code pd}, its portal at {@code sel + 1}
     * of the component's own PD; {@code device} makes the model for each incarnation.
     */
    ServedPort(PdCap pd, ScCap sc, int sel, String name, Supplier<IoDevice> device, Consumer<String> log) {
        this.name = name;
        this.log = log;
        this.component = Component.create(pd, sel, name, Ec.Kind.VIRTUAL, sc,
                RestartPolicy.bounded(5, Duration.ofMinutes(1)), () -> new DeviceService(device.get())).orThrow();
        this.portal = component.export(Component.SEL_EC + 1, name + "-io", 0, 0).orThrow();
        Status s = component.start();
        if (!s.ok()) {
            throw new IllegalStateException("service " + name + " did not start: " + s);
        }
    }

    /** Test hook: the next access throws inside the component (a fault to be contained). */
    void injectFault() {
        faultNext.set(true);
    }

    /** Restarts of the component so far. */
    int restarts() {
        return component.restarts();
    }

    void stop() {
        component.stop();
    }

    @Override
    public long read(long offset, int size) {
        Utcb u = call(READ, offset, size, 0);
        return u == null ? (size >= 8 ? -1L : (1L << (8 * size)) - 1) : u.mr[3];
    }

    @Override
    public void write(long offset, int size, long value) {
        call(WRITE, offset, size, value);
    }

    /** Calls the portal, replaying while the component restarts; null when it is gone. */
    private Utcb call(long op, long offset, int size, long value) {
        long deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
        for (;;) {
            Utcb u = new Utcb();
            u.mr[0] = op;
            u.mr[1] = offset;
            u.mr[2] = size;
            u.mr[3] = value;
            Status s = portal.call(u);
            if (s == Status.SUCCESS) {
                return u;
            }
            if (s == Status.DEAD || s == Status.BAD_CAP || System.nanoTime() > deadline) {
                if (!deadLogged.getAndSet(true)) {
                    log.accept("service " + name + " is not serving (" + s + "): its port reads as all ones");
                }
                return null;
            }
            LockSupport.parkNanos(1_000_000L); // ABORTED or UNAVAILABLE: the component is restarting
        }
    }

    @Override
    public String name() {
        return name;
    }
}
