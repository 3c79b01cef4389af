package tvmm.cpu.sysinstr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.state.CpuState;

/** RDMSR, WRMSR (through {@link tvmm.cpu.msr.MsrFile}) and CPUID (the {@link tvmm.cpu.cpuid.CpuidModel}). */
final class MsrInsns {
    private MsrInsns() {
    }

    static final class Rdmsr extends Insn {
        private final SystemCpu sys;

        Rdmsr(long address, int length, SystemCpu sys) {
            super(address, length);
            this.sys = sys;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            ControlInsns.requireRing0(s);
            long v = sys.msrs.read((int) s.gpr[CpuState.RCX]);
            s.gpr[CpuState.RAX] = v & 0xffff_ffffL;
            s.gpr[CpuState.RDX] = v >>> 32;
        }
    }

    /** WRMSR ends the unit: EFER (NXE, LME) and the FS/GS bases feed the mode and translations. */
    static final class Wrmsr extends LeavingInsn {
        private final SystemCpu sys;

        Wrmsr(long address, int length, SystemCpu sys) {
            super(address, length);
            this.sys = sys;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            ControlInsns.requireRing0(s);
            long v = (s.gpr[CpuState.RDX] << 32) | (s.gpr[CpuState.RAX] & 0xffff_ffffL);
            sys.msrs.write((int) s.gpr[CpuState.RCX], v);
            s.rip = next();
        }
    }

    static final class Cpuid extends Insn {
        private final SystemCpu sys;

        Cpuid(long address, int length, SystemCpu sys) {
            super(address, length);
            this.sys = sys;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            int[] r = sys.cpuid.query((int) s.gpr[CpuState.RAX], (int) s.gpr[CpuState.RCX], sys.apicId, s.cr4,
                    s.xcr0);
            s.gpr[CpuState.RAX] = r[0] & 0xffff_ffffL;
            s.gpr[CpuState.RBX] = r[1] & 0xffff_ffffL;
            s.gpr[CpuState.RCX] = r[2] & 0xffff_ffffL;
            s.gpr[CpuState.RDX] = r[3] & 0xffff_ffffL;
        }
    }
}
