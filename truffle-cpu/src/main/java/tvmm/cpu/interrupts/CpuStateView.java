package tvmm.cpu.interrupts;

import tvmm.cpu.mmu.Access;
import tvmm.cpu.seg.SystemMemory;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.state.Segment;

/**
 * The system layer's view of the engine's {@link CpuState}: segment registers with their
 * caches, descriptor tables, control registers, RIP/RSP/RFLAGS, and linear memory through the
 * vCPU's {@link tvmm.cpu.mem.MemoryAccess} (so paging, #PF and MMIO behave as for any other
 * access). Creating the view folds the lazy flags into RFLAGS; every change of CS, SS, CPL or
 * RFLAGS recomputes the engine's mode key. Used between units, never inside compiled code.
 */
public final class CpuStateView implements InterruptState, SystemMemory {
    private final CpuState s;

    public CpuStateView(CpuState s) {
        this.s = s;
        Flags.materialize(s);
    }

    private Segment seg(int sreg) {
        return switch (sreg) {
            case LDTR -> s.ldtr;
            case TR -> s.tr;
            default -> s.seg[sreg];
        };
    }

    @Override public int selector(int sreg) { return seg(sreg).selector; }
    @Override public long base(int sreg) { return seg(sreg).base; }
    @Override public int limit(int sreg) { return seg(sreg).limit; }
    @Override public int attributes(int sreg) { return seg(sreg).attr; }

    @Override
    public void loadSegment(int sreg, int selector, long base, int limit, int attributes) {
        seg(sreg).set(selector, base, limit, attributes);
        if (sreg == CS || sreg == SS) {
            s.updateMode();
        }
    }

    @Override public long gdtBase() { return s.gdtrBase; }
    @Override public int gdtLimit() { return s.gdtrLimit; }
    @Override public long idtBase() { return s.idtrBase; }
    @Override public int idtLimit() { return s.idtrLimit; }
    @Override public long cr0() { return s.cr0; }
    @Override public long cr4() { return s.cr4; }
    @Override public long efer() { return s.efer; }
    @Override public long rflags() { return s.rflags | Flags.FIXED1; }
    @Override public int cpl() { return s.cpl; }

    @Override
    public void setCpl(int cpl) {
        s.cpl = cpl;
        s.updateMode();
    }

    @Override public long rip() { return s.rip; }
    @Override public void setRip(long rip) { s.rip = rip; }
    @Override public long rsp() { return s.gpr[CpuState.RSP]; }
    @Override public void setRsp(long rsp) { s.gpr[CpuState.RSP] = rsp; }

    @Override
    public void setRflags(long rflags) {
        s.rflags = rflags | Flags.FIXED1;
        s.flagOp = Flags.NONE;
        s.updateMode();
    }

    @Override public void setCr2(long cr2) { s.cr2 = cr2; }
    @Override public long gpr(int index) { return s.gpr[index]; }
    @Override public void setGpr(int index, long value) { s.gpr[index] = value; }

    @Override
    public long readLinear(long linear, int bytes, boolean user) {
        return s.mem.readAs(linear, bytes, user ? Access.USER : Access.IMPLICIT);
    }

    @Override
    public void writeLinear(long linear, int bytes, long value, boolean user) {
        s.mem.writeAs(linear, bytes, value, user ? Access.USER : Access.IMPLICIT);
    }
}
