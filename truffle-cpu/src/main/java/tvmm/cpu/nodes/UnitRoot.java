package tvmm.cpu.nodes;

import com.oracle.truffle.api.CompilerAsserts;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.HostCompilerDirectives.BytecodeInterpreterSwitch;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.BytecodeOSRNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.RootNode;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.state.CpuState;

/**
 * A translation unit: the guest code decoded from one physical start address in one mode
 * (DESIGN.md §3), as a Truffle root. The dispatch loop is exploded with MERGE_EXPLODE: the
 * instruction index is a partial-evaluation constant, so branches between instructions of
 * the unit become real control flow in compiled code, and loops inside the unit become
 * compiled loops (OSR makes a long-running one compile while it runs).
 *
 * <p>State lives in {@link CpuState} (the unit's vCPU, a constant): nodes write the fields
 * directly, and Graal forwards stores to loads within the unit, so lazily recorded flags that
 * nobody reads are never computed. RIP is implicit inside the unit (every node knows its own
 * address) and is written only when the unit returns or an instruction faults.
 */
public final class UnitRoot extends RootNode implements BytecodeOSRNode {
    /** Returned by every execution (the result lives in CpuState). */
    public static final Object DONE = Boolean.TRUE;

    @Children private final Insn[] insns;
    @CompilationFinal(dimensions = 1) private final byte[] kinds;
    /** For BRANCH/JUMP: index of the target inside the unit, or -1 when it leaves the unit. */
    @CompilationFinal(dimensions = 1) private final int[] targets;
    /** Linear address after the last instruction (where falling off the end continues). */
    private final long end;
    private final long start;
    @CompilationFinal private Object osrMetadata;
    /**
     * The vCPU this unit belongs to (units live in a per-vCPU cache): a constant for partial
     * evaluation, so the chain state → memory path → RAM segment folds into the compiled code.
     */
    private final CpuState state;

    public UnitRoot(TruffleLanguage<?> language, CpuState state, long start, Insn[] insns, long end) {
        super(language, new FrameDescriptor());
        this.state = state;
        this.start = start;
        this.insns = insns;
        this.end = end;
        this.kinds = new byte[insns.length];
        this.targets = new int[insns.length];
        for (int i = 0; i < insns.length; i++) {
            kinds[i] = insns[i].kind();
            targets[i] = -1;
            if (kinds[i] == Insn.BRANCH || kinds[i] == Insn.JUMP) {
                long t = insns[i].target();
                for (int j = 0; j < insns.length; j++) {
                    if (insns[j].address == t) {
                        targets[i] = j;
                        break;
                    }
                }
            }
        }
    }

    public int size() {
        return insns.length;
    }

    public long start() {
        return start;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return dispatch(frame, 0, state);
    }

    /** Counts back edges; an object rather than a local so that explosion states still merge. */
    static final class BackEdges {
        int count;
    }

    @ExplodeLoop(kind = ExplodeLoop.LoopExplosionKind.MERGE_EXPLODE)
    @BytecodeInterpreterSwitch
    private Object dispatch(VirtualFrame frame, int startIndex, CpuState s) {
        BackEdges backEdges = new BackEdges();
        int i = startIndex;
        while (true) {
            CompilerAsserts.partialEvaluationConstant(i);
            if (i >= insns.length) {
                s.rip = end;
                return leave(backEdges);
            }
            Insn n = insns[i];
            switch (kinds[i]) {
                case Insn.SEQ:
                    execute(n, s);
                    i = i + 1;
                    break;
                case Insn.STORE:
                    execute(n, s);
                    if (s.codeModified) {
                        // This store rewrote translated code: continue in a fresh unit.
                        s.rip = n.next();
                        return leave(backEdges);
                    }
                    i = i + 1;
                    break;
                case Insn.BRANCH:
                case Insn.JUMP: {
                    boolean taken = kinds[i] == Insn.JUMP || taken(n, s);
                    if (!taken) {
                        i = i + 1;
                        break;
                    }
                    int t = targets[i];
                    if (t < 0) {
                        s.rip = n.target();
                        return leave(backEdges);
                    }
                    if (t <= i) {
                        // A back edge inside the unit: poll events and OSR here.
                        backEdges.count++;
                        if (s.eventsActionable()) {
                            s.rip = n.target();
                            return leave(backEdges);
                        }
                        if (CompilerDirectives.inInterpreter() && BytecodeOSRNode.pollOSRBackEdge(this)) {
                            Object r = BytecodeOSRNode.tryOSR(this, t, s, null, frame);
                            if (r != null) {
                                return r;
                            }
                        }
                    }
                    i = t;
                    break;
                }
                default:
                    execute(n, s);
                    return leave(backEdges);
            }
        }
    }

    /**
     * Runs one node. Precise exceptions: a node that faults has changed nothing, so RIP is set
     * to the faulting instruction here, and only here (not around the OSR call, whose own
     * frames have already set it for the instruction that faulted).
     */
    private static void execute(Insn n, CpuState s) {
        try {
            n.execute(s);
        } catch (GuestFault f) {
            s.rip = n.address;
            throw f;
        }
    }

    private static boolean taken(Insn n, CpuState s) {
        try {
            return n.taken(s);
        } catch (GuestFault f) {
            s.rip = n.address;
            throw f;
        }
    }

    private Object leave(BackEdges backEdges) {
        if (CompilerDirectives.hasNextTier() && backEdges.count > 0) {
            LoopNode.reportLoopCount(this, backEdges.count);
        }
        return DONE;
    }

    // region OSR

    @Override
    public Object executeOSR(VirtualFrame osrFrame, int target, Object interpreterState) {
        return dispatch(osrFrame, target, (CpuState) interpreterState);
    }

    @Override
    public Object getOSRMetadata() {
        return osrMetadata;
    }

    @Override
    public void setOSRMetadata(Object osrMetadata) {
        this.osrMetadata = osrMetadata;
    }

    // endregion

    @Override
    public String getName() {
        return "x86@" + Long.toHexString(start);
    }

    @Override
    public String toString() {
        return getName();
    }
}
