package tvmm.vmm.svm;

import java.util.concurrent.locks.LockSupport;
import tvmm.cpu.Vcpu;
import tvmm.cpu.msr.Msrs;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.sysinstr.SystemCpu;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.EventInjection;
import tvmm.cpu.svm.ExitCode;
import tvmm.cpu.svm.Intercept;
import tvmm.cpu.svm.Vmcb;
import tvmm.devices.apic.LocalApic;
import tvmm.devices.pic.PicPair;
import tvmm.kernel.Ec;
import tvmm.kernel.Status;

/**
 * One virtual CPU of the VMM: the CPU, its VMCB and exit message, its local APIC, and the
 * loop its execution context runs: {@code vmrun → exit → portal → vmrun} (DESIGN.md §4).
 *
 * <p>Threading (Humbel's lesson): only this vCPU's thread touches its VMCB and CPU state.
 * Other threads (devices, the timer service, other vCPUs' IPIs) post into the local APIC or
 * the 8259 and then {@link #kick} the vCPU, which sets a bit in the CPU's event word (the
 * running guest leaves with the INTR exit at the next unit boundary) and unparks the thread
 * if it is halted. Before every vmrun the vCPU itself looks at its interrupt sources and
 * injects through EVENTINJ, or asks for the interrupt window (V_IRQ with the VINTR
 * intercept) while the guest has RFLAGS.IF clear.
 */
public final class VirtualCpu {
    private final int index;
    private final boolean bsp;
    private final Vcpu cpu;
    private final Vmcb vmcb = new Vmcb();
    private final Svm svm;
    private final VcpuUtcb utcb;
    private final VcpuExitPort exitPort;
    private final LocalApic apic;
    private final SystemCpu system;
    private final PicPair pic;
    private final Vmm vmm;
    /** Exits by dense index; written only by this vCPU's thread, read racily for statistics. */
    private final long[] exits = new long[ExitIndex.COUNT];
    private volatile Thread thread;
    /** An application processor waits for INIT/STARTUP (SDM vol. 3 §9.4); only its own thread changes this. */
    private boolean waitForSipi;
    private long seenGeneration = -1;
    /** Guest-physical page of this vCPU's xAPIC registers, or -1 (disabled or x2APIC mode). */
    private long apicPage = -1;
    private boolean initIgnoredLogged;
    /**
     * The last look at the interrupt sources found nothing: every source kicks this vCPU when
     * it posts (devices, timers, IPIs, and the VMM after the guest's own EOI/TPR/IMR writes),
     * so until a kick the next vmrun needs no look (and no APIC or PIC lock).
     */
    private boolean quiet;
    private boolean lastExitIntr;

    VirtualCpu(Vmm vmm, int index, VmmPlatform platform, LocalApic apic) {
        PhysicalMemory memory = platform.memory().ram();
        this.vmm = vmm;
        this.index = index;
        this.bsp = index == 0;
        this.apic = apic;
        this.pic = platform.pic();
        this.exitPort = new VcpuExitPort(this);
        this.cpu = new Vcpu(null, memory, exitPort);
        PlatformMsrs msrs = new PlatformMsrs(apic, this::kick);
        msrs.onApicBaseChanged(this::mapApicPage);
        mapApicPage();
        this.system = SystemLayer.install(cpu, memory, platform.cpuCount(), index, platform.tscHz(),
                platform.clock(), msrs);
        this.svm = new Svm(cpu, vmcb);
        system.setVmcb(vmcb);
        this.utcb = new VcpuUtcb(index, vmcb, cpu.state);
        exitPort.attach(utcb);
        this.waitForSipi = !bsp;
        // VMMCALL is the hypercall interface: intercepted (else the guest gets #UD, APM §15.5.1).
        vmcb.setIntercept(tvmm.cpu.svm.Intercept.VMMCALL, true);
        apic.setKick(this::kick);
    }

    public int index() {
        return index;
    }

    public boolean isBsp() {
        return bsp;
    }

    public Vcpu cpu() {
        return cpu;
    }

    public CpuState state() {
        return cpu.state;
    }

    public LocalApic apic() {
        return apic;
    }

    public Vmcb vmcb() {
        return vmcb;
    }

    public Svm svm() {
        return svm;
    }

    /**
     * Starts this vCPU at a loader's entry state (through the VMCB state save area, as an SVM
     * hypervisor starts a guest); an application processor so started does not wait for SIPI.
     * Before {@link Vmm#start}.
     */
    public void enter(tvmm.vmm.boot.InitialCpuState boot) {
        BootEntry.write(boot, vmcb, utcb.gpr);
        VmcbState.load(vmcb, utcb.gpr, cpu.state, BootEntry.GROUPS);
        system.mmu.flushAll();
        waitForSipi = false;
    }

    /**
     * Re-reads IA32_APIC_BASE after a write (on this vCPU's thread): the xAPIC page is mapped
     * only while the APIC is enabled in xAPIC mode, so an NPF needs no APIC lock to decide.
     */
    private void mapApicPage() {
        apicPage = apic.isHardwareEnabled() && !apic.isX2ApicMode() ? apic.apicBaseAddress() : -1;
    }

    /** Whether {@code gpa} lies in this vCPU's xAPIC page. */
    boolean isApicPage(long gpa) {
        long page = apicPage;
        return page >= 0 && gpa >= page && gpa < page + tvmm.devices.platform.Layout.LAPIC_SIZE;
    }

    long apicPage() {
        return apicPage;
    }

    /** Exits taken so far by dense index (for the statistics line and the benchmark). */
    public long exitCount(int denseIndex) {
        return exits[denseIndex];
    }

    void countExit(int denseIndex) {
        exits[denseIndex]++;
    }

    /** Forces the vCPU to the VMM's attention; safe from any thread. */
    public void kick() {
        cpu.kick();
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** The EC body: runs until the machine stops. */
    void run(Ec self) {
        thread = Thread.currentThread();
        exitPort.bind(self);
        try {
            loop(self);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // A VMM bug must not leave the machine hanging: stop it with one line.
            vmm.stop(Stop.error(String.format("vcpu%d: internal error at rip 0x%x: %s", index, cpu.state.rip, e)));
        }
    }

    private void loop(Ec self) {
        CpuState s = cpu.state;
        while (!vmm.stopping()) {
            if (vmm.resetPending()) {
                tvmm.vmm.boot.InitialCpuState entry = vmm.joinReset();
                if (entry != null) {
                    powerOnReset(entry);
                }
                continue;
            }
            if (waitForSipi) {
                waitForStartup();
                continue;
            }
            long gen = vmm.memory().generation();
            if (gen != seenGeneration) {
                // The nested map changed: drop translations made under the old one.
                cpu.flushUnits();
                seenGeneration = gen;
            }
            injectPending(s);
            long code = svm.vmrun();
            lastExitIntr = code == ExitCode.INTR;
            int dense = ExitIndex.of(code);
            countExit(dense);
            Status st = self.deliver(dense, utcb);
            if (st != Status.SUCCESS) {
                exitFailed(dense, st);
            }
        }
    }

    /**
     * This vCPU's part of a machine reset, on its own thread after the platform reset: the CPU
     * in its RESET state (SDM vol. 3 §9.1.1 table 9-1), no event pending in the VMCB, every
     * translation dropped; then the BSP enters {@code entry} (tvmm is its firmware) and an AP
     * waits for INIT/STARTUP. The local APIC was reset with the platform.
     */
    private void powerOnReset(tvmm.vmm.boot.InitialCpuState entry) {
        CpuState s = cpu.state;
        Startup.powerOn(s);
        s.x87.init();
        java.util.Arrays.fill(s.sse.xmm, 0);
        s.sse.setMxcsr(tvmm.cpu.simd.SseState.MXCSR_DEFAULT);
        s.cr8 = 0;
        s.interruptShadow = false;
        s.takeEvents(~0);
        for (int msr : new int[] {Msrs.IA32_SYSENTER_CS, Msrs.IA32_SYSENTER_ESP, Msrs.IA32_SYSENTER_EIP,
                Msrs.IA32_STAR, Msrs.IA32_LSTAR, Msrs.IA32_CSTAR, Msrs.IA32_FMASK, Msrs.IA32_KERNEL_GS_BASE}) {
            system.msrs.write(msr, 0);
        }
        system.msrs.write(Msrs.IA32_PAT, tvmm.cpu.msr.MsrFile.PAT_DEFAULT);
        vmcb.setEventInj(0);
        vmcb.clearVirtualIrq();
        vmcb.setIntercept(Intercept.VINTR, false);
        quiet = false;
        lastExitIntr = false;
        mapApicPage();
        cpu.flushUnits();
        system.mmu.flushAll();
        if (bsp) {
            enter(entry);
        } else {
            waitForSipi = true;
        }
    }

    void exitFailed(int dense, Status st) {
        if (st == Status.ABORTED) {
            return; // the handler faulted: the kernel logged it in one line; the guest goes on
        }
        long code = vmcb.exitCode();
        vmm.stop(Stop.error(String.format("vcpu%d: %s exit at rip 0x%x not handled (%s)", index,
                ExitCode.name(code), cpu.state.rip, st)));
    }

    // region interrupt injection (APM vol. 2 §15.20, §15.21)

    /** Chooses what the next vmrun delivers: NMI, then a fixed interrupt, then the 8259's. */
    private void injectPending(CpuState s) {
        // Anything posted after this is seen by the next poll. A kick while the guest ran was
        // taken by the engine itself and shows as the INTR exit.
        boolean kicked = s.takeEvents(Svm.EVENT_KICK) != 0 || lastExitIntr;
        if (quiet && !kicked && !EventInjection.isValid(vmcb.eventInj()) && !vmcb.virtualIrqPending()) {
            return; // nothing was pending at the last look and nobody posted since: skip the locks
        }
        quiet = false;
        if (!bsp) {
            apic.takeSipi(); // a running CPU ignores STARTUP (Linux sends two; the second finds it running)
        }
        if (apic.takeInit()) {
            if (!bsp) {
                waitForSipi = true;
                return;
            }
            if (!initIgnoredLogged) {
                initIgnoredLogged = true; // once: a guest must not be able to flood the log
                vmm.log("vcpu0: INIT on the bootstrap processor ignored (no firmware to restart)");
            }
        }
        if (EventInjection.isValid(vmcb.eventInj())) {
            return; // a handler injected something itself
        }
        if (apic.takeNmi()) {
            // Latched in the CPU, which takes it once NMIs are not blocked (after the previous
            // NMI handler's IRET, SDM vol. 3 §6.7.1), like AMD's virtual NMI (APM §15.21.10).
            s.postEvent(CpuState.EVENT_NMI);
        }
        if (!interruptPending()) {
            vmcb.clearVirtualIrq();
            vmcb.setIntercept(Intercept.VINTR, false);
            quiet = true;
            return;
        }
        // Inside an STI/MOV SS shadow the CPU takes no interrupt yet: wait for the window.
        if ((Flags.read(s) & Flags.IF) != 0 && !s.interruptShadow) {
            int vector = acknowledge();
            if (vector >= 0) {
                vmcb.setEventInj(EventInjection.of(EventInjection.TYPE_INTR, vector));
            }
            vmcb.clearVirtualIrq();
            vmcb.setIntercept(Intercept.VINTR, false);
        } else {
            // Exit as soon as the guest can take it, then acknowledge (the vector may change by then).
            vmcb.setVirtualIrq(0, 0);
            vmcb.setIntercept(Intercept.VINTR, true);
        }
    }

    private boolean picPending() {
        return bsp && apic.acceptsPicInterrupts() && pic.intr();
    }

    private boolean interruptPending() {
        return apic.hasPendingInterrupt() || picPending();
    }

    /** The INTA cycle: the local APIC's highest vector, else the 8259's (ExtINT). */
    private int acknowledge() {
        if (apic.hasPendingInterrupt()) {
            return apic.acknowledge();
        }
        boolean extInt = apic.takeExtInt();
        if (picPending() || extInt) {
            return pic.acknowledge();
        }
        return -1;
    }

    // endregion

    // region HLT and wait-for-SIPI

    /** HLT: parks the thread until something would wake a halted CPU (SDM vol. 2 HLT). */
    void halt() {
        CpuState s = cpu.state;
        quiet = false; // the kicks that end the halt are consumed here
        boolean counted = false;
        try {
            while (!vmm.stopping() && !vmm.resetPending()) {
                s.takeEvents(Svm.EVENT_KICK);
                boolean ifSet = (Flags.read(s) & Flags.IF) != 0;
                boolean nmiLatched = (s.events() & CpuState.EVENT_NMI) != 0 && !s.nmiBlocked;
                if (apic.hasPendingNmi() || nmiLatched || (ifSet && interruptPending())) {
                    return;
                }
                if (!bsp && apic.hasPendingEvent() && !apic.hasPendingInterrupt()) {
                    return; // INIT or STARTUP: the loop handles it
                }
                if (!ifSet && !counted) {
                    counted = true;
                    vmm.enterDeadStop();
                }
                parkOrGiveUp(counted);
            }
        } finally {
            if (counted) {
                vmm.leaveDeadStop();
            }
        }
    }

    /**
     * Parks until kicked. A vCPU that can only be woken by another vCPU (halted with IF = 0,
     * or waiting for STARTUP) checks every {@link Vmm#DEAD_STOP_GRACE_NANOS} whether every
     * vCPU is in that state: then nothing can ever wake the machine (no device sends NMIs or
     * INITs by itself), and it stops with a reason instead of idling forever.
     */
    private void parkOrGiveUp(boolean deadStop) {
        if (!deadStop) {
            LockSupport.park(this);
            return;
        }
        LockSupport.parkNanos(this, Vmm.DEAD_STOP_GRACE_NANOS);
        vmm.checkDeadStop(this);
    }

    private void waitForStartup() {
        quiet = false;
        vmm.enterDeadStop();
        try {
            while (!vmm.stopping() && !vmm.resetPending()) {
                cpu.state.takeEvents(Svm.EVENT_KICK);
                apic.takeInit();
                int vector = apic.takeSipi();
                if (vector >= 0) {
                    Startup.enterAt(cpu.state, vector);
                    vmcb.setEventInj(0);
                    waitForSipi = false;
                    cpu.flushUnits();
                    system.mmu.flushAll(); // paging is off again: no old translation may survive
                    return;
                }
                parkOrGiveUp(true);
            }
        } finally {
            vmm.leaveDeadStop();
        }
    }

    // endregion
}
