package tvmm.cpu.difftest;

import java.util.LinkedHashMap;
import java.util.Map;
import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mem.LinearTranslator;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.mmu.Access;
import tvmm.cpu.state.CpuState;

/**
 * tvmm's side of difftest: runs a case on a {@link Vcpu} in 64-bit user mode with the
 * harness's layout. The translator mirrors the harness process's mappings: the code page
 * is readable and executable, the data and stack pages readable and writable but not
 * executable, everything else not present; the #PF error codes are what Linux reports.
 * One runner is reused for many cases (one per thread).
 */
public final class CpuRunner implements AutoCloseable {
    private static final long CODE_PA = 0;
    private static final long DATA_PA = 0x1000;

    private final PhysicalMemory phys = new PhysicalMemory(0x4000);
    private final Vcpu vcpu = new Vcpu(null, phys, ExitPort.NONE);
    /** Guest instructions executed are not counted; units executed are, for the speed report. */
    private long cases;

    public CpuRunner() {
        vcpu.mem.setTranslator(new HarnessMappings());
    }

    /** The harness process's page mappings (see harness.c). */
    static final class HarnessMappings implements LinearTranslator {
        @Override
        public long translate(long linear, int access) {
            long page = linear & ~0xfffL;
            boolean write = (access & Access.WRITE) != 0;
            boolean fetch = (access & Access.FETCH) != 0;
            int err = (access & (Access.WRITE | Access.USER | Access.FETCH));
            if (page == Layout.CODE_BASE) {
                if (write) {
                    throw GuestFault.pf(err | Access.PF_P, linear);
                }
                return CODE_PA + (linear & 0xfff);
            }
            if (page >= Layout.DATA_BASE && page < Layout.DATA_BASE + Layout.DATA_SIZE) {
                if (fetch) {
                    throw GuestFault.pf(err | Access.PF_P, linear);
                }
                return DATA_PA + (linear - Layout.DATA_BASE);
            }
            throw GuestFault.pf(err, linear);
        }
    }

    public Outcome run(Case c) {
        cases++;
        phys.load(CODE_PA, Layout.codePage(c.code(), c.mode()));
        byte[] initial = c.initialMemory();
        phys.load(DATA_PA, initial);
        CpuState s = vcpu.state;
        if (c.mode() == 32) {
            s.setCompat32User();
        } else {
            s.setFlat64User();
        }
        // The harness runs snippets with these FS/GS bases (WRFSBASE/WRGSBASE in harness.c).
        s.seg[CpuState.FS].base = Layout.FS_BASE;
        s.seg[CpuState.GS].base = Layout.GS_BASE;
        // Linux runs user code with CR0.MP and CR4.OSXMMEXCPT set (unmasked SIMD exceptions are #XM).
        s.cr0 |= tvmm.cpu.mmu.ControlBits.CR0_MP;
        s.cr4 |= tvmm.cpu.mmu.ControlBits.CR4_OSXMMEXCPT;
        s.updateMode();
        if (c.fx() != null) {
            tvmm.cpu.fpu.X87Images.fxrstor(s.x87, s.sse, c.fx(), 0, true, 16);
        }
        System.arraycopy(c.regs(), 0, s.gpr, 0, 16);
        s.rflags = c.rflags() | 2;
        s.flagOp = 0;
        s.rip = Layout.CODE_BASE;
        long end = Layout.CODE_BASE + c.code().length;
        vcpu.setStopAt(end);
        RunResult r = vcpu.run();
        int vector = -1;
        long error = 0;
        long addr = 0;
        if (r.fault() != null) {
            vector = r.fault().vector();
            error = r.fault().hasErrorCode() ? r.fault().errorCode() : 0;
            addr = r.fault().faultAddress();
        } else if (r.interrupt() != null) {
            vector = r.interrupt().vector;
        } else if (!r.stopped()) {
            vector = 256; // a VM exit: the harness cannot produce one, so it always mismatches
        }
        byte[] after = new byte[Layout.DATA_SIZE];
        phys.segment().asByteBuffer().slice((int) DATA_PA, Layout.DATA_SIZE).get(after);
        Map<Integer, Byte> changed = new LinkedHashMap<>();
        for (int i = 0; i < after.length; i++) {
            if (after[i] != initial[i]) {
                changed.put(i, after[i]);
            }
        }
        long flags = tvmm.cpu.state.Flags.read(s);
        byte[] fx = null;
        if (c.fx() != null) {
            fx = new byte[512];
            tvmm.cpu.fpu.X87Images.fxsave(s.x87, s.sse, fx, 0, true, 16);
        }
        return new Outcome(vector, error, addr, s.rip, s.gpr.clone(), flags, changed, fx);
    }

    @Override
    public void close() {
        phys.close();
    }
}
