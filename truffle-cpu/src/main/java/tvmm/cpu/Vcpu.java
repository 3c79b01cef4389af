package tvmm.cpu;

import com.oracle.truffle.api.TruffleLanguage;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.instr.Translator;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mem.MemoryAccess;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.nodes.InsnFactory;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.nodes.Unit;
import tvmm.cpu.nodes.UnitBuilder;
import tvmm.cpu.nodes.UnitCache;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.DebugRegisters;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * One virtual CPU: its state, memory path and unit cache, and the outer dispatch loop
 * (DESIGN.md §3): between units it polls the event word, finds the unit for the current
 * physical RIP and mode, and calls it. Guest exceptions are handed to the {@link Delivery}
 * (the system layer); without one, {@link #run} returns them (difftest, unit tests).
 * Only the vCPU's own thread calls {@link #run}.
 */
public final class Vcpu {
    public final CpuState state = new CpuState();
    public final MemoryAccess mem;
    private final PhysicalMemory phys;
    private final UnitCache cache = new UnitCache();
    /** One-instruction units for interrupt shadows and single-stepping. */
    private final UnitCache stepCache = new UnitCache();
    private final UnitBuilder builder;
    private final Translator translator = new Translator();
    private Delivery delivery;
    /** run() returns when RIP reaches this linear address (-1: never). */
    private long stopAt = -1;
    private long unitsExecuted;
    private long unitsBuilt;

    public Vcpu(TruffleLanguage<?> language, PhysicalMemory phys, ExitPort exits) {
        this.phys = phys;
        this.mem = new MemoryAccess(state, phys, exits);
        state.mem = mem;
        this.builder = new UnitBuilder(language, translator);
    }

    /** The instruction factory, where the system layer installs its own ({@link Translator#setSystem}). */
    public Translator translator() {
        return translator;
    }

    /**
     * Installs the system layer's instruction factory (descriptor tables, CRs, MSRs, far
     * transfers, I/O…) and drops the units built without it, which would still raise #UD.
     */
    public void setSystemInstructions(InsnFactory system) {
        translator.setSystem(system);
        flushUnits();
    }

    public void setDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    public void setStopAt(long linear) {
        this.stopAt = linear;
    }

    public long unitsExecuted() {
        return unitsExecuted;
    }

    public long unitsBuilt() {
        return unitsBuilt;
    }

    /** Makes {@link #run} return with an INTR exit soon; callable from any thread. */
    public void kick() {
        state.postEvent(CpuState.EVENT_KICK);
    }

    /** Drops every translation (after the guest-physical map changed under all pages). */
    public void flushUnits() {
        cache.clear();
        stepCache.clear();
    }

    /** Runs guest code until a VM exit, an undelivered exception, or the stop address. */
    public RunResult run() {
        CpuState s = state;
        while (true) {
            if (s.rip == stopAt) {
                return RunResult.stop();
            }
            try {
                // Events are taken at every instruction boundary outside an interrupt shadow,
                // also between single-stepped instructions (a kick must end a stepped loop).
                if (!s.interruptShadow && s.eventsActionable()) {
                    if (s.takeEvents(CpuState.EVENT_KICK) != 0) {
                        // Like a physical interrupt under SVM: leave with an INTR exit.
                        return new RunResult(new VmExit(ExitCode.INTR, 0, 0), null, null, false);
                    }
                    if (delivery != null) {
                        delivery.events(s);
                    }
                }
                boolean singleStep = (s.rflags & Flags.TF) != 0;
                boolean breakpoints = DebugRegisters.armed(s.dr[7]);
                mem.setWatchpoints(breakpoints && DebugRegisters.watchesData(s.dr[7]));
                if (s.interruptShadow || singleStep || breakpoints) {
                    step(s, singleStep, breakpoints);
                    continue;
                }
                Unit u = lookup(s);
                s.codeModified = false;
                unitsExecuted++;
                u.target.call();
            } catch (GuestFault f) {
                if (delivery == null) {
                    return new RunResult(null, f, null, false);
                }
                VmExit e = deliverFault(s, f);
                if (e != null) {
                    return new RunResult(e, null, null, false);
                }
            } catch (SoftwareInterrupt i) {
                if (delivery == null) {
                    return new RunResult(null, null, i, false);
                }
                VmExit e = deliverSoftwareInterrupt(s, i);
                if (e != null) {
                    return new RunResult(e, null, null, false);
                }
            } catch (VmExit e) {
                return new RunResult(e, null, null, false);
            }
        }
    }

    /**
     * Hands a fault to the delivery; a VM exit it raises (an intercepted exception, SHUTDOWN
     * on a triple fault) is returned, so {@link #run} reports it like any other exit.
     */
    private VmExit deliverFault(CpuState s, GuestFault f) {
        try {
            delivery.fault(s, f);
            return null;
        } catch (VmExit e) {
            return e;
        }
    }

    /** As {@link #deliverFault} for INT n / INT3 / INTO / INT1. */
    private VmExit deliverSoftwareInterrupt(CpuState s, SoftwareInterrupt i) {
        try {
            delivery.softwareInterrupt(s, i);
            return null;
        } catch (VmExit e) {
            return e;
        }
    }

    /**
     * Runs exactly one instruction: after STI/MOV SS (no event is accepted in between), while
     * RFLAGS.TF is set (then a single-step #DB trap follows, SDM Vol. 3 §17.3.1.4, unless the
     * instruction was MOV SS or POP SS, which defer the trap by one; STI does not) and while DR7
     * enables a breakpoint (SDM vol. 3 §18.3.1): an instruction breakpoint is a #DB fault before
     * the instruction unless RFLAGS.RF = 1; a data breakpoint its accesses matched is a #DB trap
     * after it. RF is cleared as each instruction completes (IRET may load it set); a fault the
     * instruction raises pushes RF = 1, so returning to it does not hit its breakpoint again.
     */
    private void step(CpuState s, boolean singleStep, boolean breakpoints) {
        s.interruptShadow = false;
        s.debugShadow = false;
        Unit u = lookup(s, stepCache, 1);
        if (breakpoints) {
            if ((s.rflags & Flags.RF) == 0) {
                int hits = DebugRegisters.executeHits(s.dr, codeLinear(s, s.rip));
                if (hits != 0) {
                    s.dr[6] = (s.dr[6] & ~DebugRegisters.DR6_HITS) | hits;
                    throw new GuestFault(Vectors.DB, 0, 0); // a fault: RIP stays on the instruction
                }
            }
            s.rflags &= ~Flags.RF;
            s.breakpointHits = 0;
        }
        s.codeModified = false;
        unitsExecuted++;
        try {
            u.target.call();
        } catch (GuestFault f) {
            if (breakpoints) {
                s.breakpointHits = 0; // the instruction did not complete: no data trap
                s.takeEvents(CpuState.EVENT_BREAKPOINT);
                s.rflags |= Flags.RF;
            }
            throw f;
        }
        int dataHits = 0;
        if (breakpoints) {
            dataHits = s.breakpointHits;
            s.breakpointHits = 0;
            s.takeEvents(CpuState.EVENT_BREAKPOINT);
        }
        boolean stepTrap = singleStep && !s.debugShadow && s.rip != stopAt;
        if (stepTrap || dataHits != 0) {
            s.dr[6] = (s.dr[6] & ~DebugRegisters.DR6_HITS) | dataHits | (stepTrap ? DebugRegisters.DR6_BS : 0);
            GuestFault trap = new GuestFault(Vectors.DB, 0, 0);
            // An STI shadow covered the boundary the trap is taken at; it does not reach into the handler.
            s.interruptShadow = false;
            if (delivery == null) {
                throw trap;
            }
            delivery.fault(s, trap); // a trap: RIP already points after the instruction
        }
    }

    private Unit lookup(CpuState s) {
        return lookup(s, cache, UnitBuilder.MAX_INSNS);
    }

    private Unit lookup(CpuState s, UnitCache cache, int maxInsns) {
        long rip = s.rip;
        long linear = codeLinear(s, rip);
        long pa = mem.translateFetch(linear);
        Unit u = cache.get(pa, s.modeKey);
        if (u != null && (u.root.start() != rip || !current(u))) {
            cache.remove(u);
            u = null;
        }
        if (u == null) {
            u = builder.build(s, rip, linear, pa, stopAt, maxInsns);
            unitsBuilt++;
            cache.put(u);
        }
        return u;
    }

    /** CS:RIP as a linear address (CS.base is ignored in 64-bit mode, SDM Vol. 3 §3.4.4). */
    static long codeLinear(CpuState s, long rip) {
        return s.codeSize == 8 ? rip : (s.seg[CpuState.CS].base + rip) & 0xffffffffL;
    }

    /** Whether the unit's code pages are unchanged since it was built. */
    private boolean current(Unit u) {
        if (u.csLimit >= 0 && u.csLimit != (state.seg[CpuState.CS].limit & 0xffffffffL)) {
            return false; // built against another CS.limit
        }
        if (phys.isRam(u.physical) && phys.codeVersion(u.physical) != u.version) {
            return false;
        }
        if (u.physical2 >= 0) {
            long pa2 = mem.translateFetch(u.linear2);
            return pa2 == u.physical2 && (!phys.isRam(pa2) || phys.codeVersion(pa2) == u.version2);
        }
        return true;
    }
}
