package tvmm.vmm.svm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tvmm.cpu.svm.ExitCode;
import tvmm.devices.apic.LocalApic;
import tvmm.kernel.Ec;
import tvmm.kernel.EcCap;
import tvmm.kernel.Kernel;
import tvmm.kernel.Mtd;
import tvmm.kernel.Pd;
import tvmm.kernel.PdCap;
import tvmm.kernel.Portal;
import tvmm.kernel.Sc;
import tvmm.kernel.ScCap;
import tvmm.kernel.Status;
import tvmm.vmm.memory.GuestMemoryMap;

/**
 * The VMM component on the microkernel (DESIGN.md §4–§5): one protection domain holding, per
 * vCPU, a platform execution context and an event window of exit portals at
 * {@code EXIT_BASE + vcpu · ExitIndex.COUNT}; each portal declares the state groups its
 * handler needs ({@link Mtd}). A VM exit is a portal call on the vCPU's own thread.
 */
public final class Vmm {
    static final int SEL_VMM = 1;
    static final int SEL_SC = 2;
    static final int SEL_EC = 0x10;
    static final int EXIT_BASE = 0x100;
    static final int MAX_VCPUS = 64;
    /** With PINNED placement, vCPU n's own scheduling context is at {@code SEL_SC_PINNED + n}. */
    static final int SEL_SC_PINNED = EXIT_BASE + MAX_VCPUS * ExitIndex.COUNT;
    private static final int SLOTS = SEL_SC_PINNED + MAX_VCPUS;

    private final Kernel kernel;
    private final PdCap pd;
    private final Placement placement;
    /** The vCPUs' shared scheduling context (FREE, GANG); null with PINNED (one SC per vCPU). */
    private final ScCap sharedSc;
    private final VmmPlatform platform;
    private final ExitHandlers handlers;
    private final Consumer<String> log;
    private final List<VirtualCpu> vcpus = new ArrayList<>();
    private final List<EcCap> ecs = new ArrayList<>();
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private volatile CountDownLatch finished = new CountDownLatch(0);
    /** How a guest reset is served: null stops the machine, else a reboot (see {@link #guestReset}). */
    private volatile ResetRendezvous reset;
    private volatile java.util.function.LongConsumer marks = t -> { };
    /** vCPUs halted with IF = 0 or waiting for STARTUP: only another vCPU could wake them. */
    private final java.util.concurrent.atomic.AtomicInteger deadStopped = new java.util.concurrent.atomic.AtomicInteger();
    /** Bumped whenever a vCPU leaves that state, so a check sees whether all stayed put. */
    private final java.util.concurrent.atomic.AtomicLong deadStopEpoch = new java.util.concurrent.atomic.AtomicLong();

    private long candidateEpoch = -1;
    private long candidateSince;

    /** How long every vCPU must stay unwakeable before the machine is declared stopped. */
    static final long DEAD_STOP_GRACE_NANOS = 1_000_000_000L;

    public Vmm(VmmPlatform platform, Consumer<String> log) {
        this(platform, log, Placement.FREE);
    }

    public Vmm(VmmPlatform platform, Consumer<String> log, Placement placement) {
        this.platform = platform;
        this.log = log;
        this.placement = placement;
        this.kernel = Kernel.boot(log);
        this.pd = Pd.create(kernel.root(), SEL_VMM, "vmm", SLOTS).orThrow();
        this.sharedSc = placement == Placement.PINNED ? null
                : Sc.create(pd, SEL_SC, "vcpus", placement.policy, placement == Placement.GANG ? kernel.hostCores()[0] : -1,
                        Thread.NORM_PRIORITY).orThrow();
        this.handlers = new ExitHandlers(this, platform);
    }

    /** The VMM's protection domain: the machine creates its service components in it. */
    public PdCap pd() {
        return pd;
    }

    public GuestMemoryMap memory() {
        return platform.memory();
    }

    public List<VirtualCpu> vcpus() {
        return List.copyOf(vcpus);
    }

    void enterDeadStop() {
        deadStopped.incrementAndGet();
    }

    void leaveDeadStop() {
        deadStopEpoch.incrementAndGet();
        deadStopped.decrementAndGet();
    }

    /**
     * Called by a dead-stopped vCPU after each grace period: when every vCPU has been in that
     * state, without any of them leaving it, for a whole period, the guest can never run again.
     */
    void checkDeadStop(VirtualCpu caller) {
        if (deadStopped.get() < vcpus.size()) {
            return;
        }
        long epoch = deadStopEpoch.get();
        long now = System.nanoTime();
        synchronized (deadStopEpoch) {
            if (candidateEpoch != epoch) {
                candidateEpoch = epoch;
                candidateSince = now;
                return;
            }
            if (now - candidateSince < DEAD_STOP_GRACE_NANOS) {
                return;
            }
        }
        VirtualCpu bsp = vcpus.get(0);
        stop(Stop.halted(String.format("every vCPU halted with interrupts disabled (vcpu0 at rip 0x%x): the guest"
                + " has stopped for good", bsp.state().rip)));
    }

    /** Receives System.nanoTime() of every MARK hypercall (benchmarks time guest phases with it). */
    public void onMark(java.util.function.LongConsumer listener) {
        marks = listener;
    }

    void mark() {
        marks.accept(System.nanoTime());
    }

    void log(String line) {
        log.accept(line);
    }

    /** Adds vCPU n (0 is the bootstrap processor) with its local APIC; before {@link #start}. */
    public VirtualCpu addVcpu(LocalApic apic) {
        int n = vcpus.size();
        if (n >= MAX_VCPUS) {
            throw new IllegalArgumentException("at most " + MAX_VCPUS + " vCPUs");
        }
        VirtualCpu v = new VirtualCpu(this, n, platform, apic);
        int base = EXIT_BASE + n * ExitIndex.COUNT;
        portal(base, v, ExitCode.IOIO, "ioio", Mtd.QUAL, handlers::ioio);
        portal(base, v, ExitCode.NPF, "npf", Mtd.QUAL, handlers::npf);
        portal(base, v, ExitCode.HLT, "hlt", Mtd.RFLAGS, handlers::hlt);
        portal(base, v, ExitCode.SHUTDOWN, "shutdown", Mtd.RIP_LEN, handlers::shutdown);
        portal(base, v, ExitCode.VMMCALL, "vmmcall", Mtd.GPR_ACDB, handlers::vmmcall);
        portal(base, v, ExitCode.INTR, "intr", 0, handlers::nothing);
        portal(base, v, ExitCode.VINTR, "vintr", 0, handlers::nothing);
        portal(base, v, ExitCode.INVALID, "stopped", Mtd.RIP_LEN, handlers::stopAddress);
        EcCap ec = Ec.create(pd, SEL_EC + n, "vcpu" + n, Ec.Kind.PLATFORM, schedulingContext(n), base, v::run)
                .orThrow();
        ec.onRecall(v::kick);
        vcpus.add(v);
        ecs.add(ec);
        return v;
    }

    /** vCPU n's scheduling context: the shared one, or with PINNED its own on the n-th host core. */
    private ScCap schedulingContext(int n) {
        if (sharedSc != null) {
            return sharedSc;
        }
        int[] cores = kernel.hostCores();
        if (n >= cores.length) {
            throw new IllegalArgumentException(String.format(
                    "--placement pinned needs a host core per vCPU: vCPU %d, but only %d host cores", n, cores.length));
        }
        return Sc.create(pd, SEL_SC_PINNED + n, "vcpu" + n, placement.policy, cores[n], Thread.NORM_PRIORITY)
                .orThrow();
    }

    public Placement placement() {
        return placement;
    }

    /**
     * Where vCPU n's host thread may run, as Linux reports it once the thread started
     * ("0-1", "1"), or "" before that or where the host does not say.
     */
    public String hostCoresOf(int n) {
        return ecs.get(n).allowedCores();
    }

    /** What a handler does with the vCPU's message. */
    @FunctionalInterface
    interface ExitHandler {
        void handle(VirtualCpu vcpu, VcpuUtcb utcb);
    }

    private void portal(int base, VirtualCpu v, long code, String name, int mtd, ExitHandler h) {
        int sel = base + ExitIndex.of(code);
        Portal.create(pd, sel, "vcpu" + v.index() + "-" + name, mtd, code,
                (id, u) -> h.handle(v, (VcpuUtcb) u)).orThrow();
    }

    /**
     * Makes a guest reset reboot the machine through {@code platform} (null: a reset stops the
     * machine, as {@code -no-reboot}). Before {@link #start}.
     */
    public void setPlatformReset(PlatformReset platform) {
        reset = platform == null ? null : new ResetRendezvous(this, platform);
    }

    /**
     * The guest reset the machine (reset register, i8042 pulse, triple fault): every vCPU and
     * device is reset and the guest boots again, or, without a platform reset, the machine
     * stops with {@code noReboot}. Safe from any thread; returns at once.
     */
    public void guestReset(Stop noReboot, String why) {
        ResetRendezvous r = reset;
        if (r == null) {
            stop(noReboot);
        } else if (r.request(why)) {
            for (VirtualCpu v : vcpus) {
                v.kick();
            }
        }
    }

    /** Machine resets (reboots) completed so far. */
    public long resets() {
        ResetRendezvous r = reset;
        return r == null ? 0 : r.count();
    }

    boolean resetPending() {
        ResetRendezvous r = reset;
        return r != null && r.pending();
    }

    /** A vCPU takes part in the pending reset; the BSP's entry state, or null if the machine stopped. */
    tvmm.vmm.boot.InitialCpuState joinReset() {
        return reset.arrive();
    }

    /** Starts every vCPU; the application processors wait for INIT/STARTUP. */
    public void start() {
        finished = new CountDownLatch(1);
        if (reset != null) {
            reset.start(vcpus.size());
        }
        for (EcCap ec : ecs) {
            Status s = ec.start();
            if (!s.ok()) {
                throw new IllegalStateException("vCPU EC did not start: " + s);
            }
        }
    }

    public boolean stopping() {
        return stop.get() != null;
    }

    /** Stops the machine (the first reason wins) and kicks every vCPU out of the guest. */
    public void stop(Stop reason) {
        if (stop.compareAndSet(null, reason)) {
            for (VirtualCpu v : vcpus) {
                v.kick();
            }
            finished.countDown();
        }
    }

    public Stop stopReason() {
        return stop.get();
    }

    /** Waits until the machine stops, then for the vCPU threads to leave; null on timeout. */
    public Stop awaitStop(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        for (EcCap ec : ecs) {
            ec.join(Duration.ofSeconds(5));
        }
        return stop.get();
    }
}
