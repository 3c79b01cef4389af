package tvmm.cpu.instr;

import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * NOPs and hints, fences, cache-line flushes, UD0/UD1/UD2 and undecodable bytes, INT n,
 * INT3, INT1, INTO, RDTSC/RDTSCP, RDRAND/RDSEED, HLT (SDM Vol. 2).
 */
final class Misc {
    private Misc() {
    }

    /** NOP, multi-byte NOP, PAUSE, ENDBR, PREFETCHh: no architectural effect. */
    static final class Nop extends Insn {
        Nop(long address, int length) {
            super(address, length);
        }
    }

    /** LFENCE/SFENCE are ordering no-ops under x86-TSO as Java implements it; MFENCE is a full fence. */
    static final class Fence extends Insn {
        private final boolean full;

        Fence(long address, int length, boolean full) {
            super(address, length);
            this.full = full;
        }

        @Override
        public void execute(CpuState s) {
            if (full) {
                VarHandle.fullFence();
            } else {
                VarHandle.acquireFence();
                VarHandle.releaseFence();
            }
        }
    }

    /** CLFLUSH/CLFLUSHOPT/CLWB: no cache to flush, but the address is checked like a read (#PF, #GP). */
    static final class Flush extends Insn {
        private final MemOperand mem;

        Flush(long address, int length, MemOperand mem) {
            super(address, length);
            this.mem = mem;
        }

        @Override
        public void execute(CpuState s) {
            s.mem.read(mem.locate(s), 1);
        }
    }

    static final int FAULT_UD = 0, FAULT_GP = 1;

    /** An instruction that only raises an exception: UD0/1/2, invalid encodings (#UD), >15 bytes (#GP(0)). */
    static final class Fault extends Insn {
        private final int what;

        Fault(long address, int length, int what) {
            super(address, length);
            this.what = what;
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            throw what == FAULT_GP ? GuestFault.gp(0) : GuestFault.ud();
        }
    }

    /** INT n, INT3, INT1: a trap through the IDT; the system layer checks the gate. */
    static final class Interrupt extends Insn {
        private final int vector;
        private final boolean exceptionLike;

        Interrupt(long address, int length, int vector, boolean exceptionLike) {
            super(address, length);
            this.vector = vector;
            this.exceptionLike = exceptionLike;
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            s.rip = next();
            throw SoftwareInterrupt.create(vector, address, exceptionLike);
        }
    }

    /** INTO: #OF as a trap when OF is set (legacy modes; the decoder rejects it in 64-bit mode). */
    static final class Into extends Insn {
        Into(long address, int length) {
            super(address, length);
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            s.rip = next();
            if (Flags.of(s)) {
                throw SoftwareInterrupt.create(Vectors.OF, address, true);
            }
        }
    }

    /** RDTSC / RDTSCP: #GP(0) at CPL > 0 when CR4.TSD is set. RDTSCP also loads ECX = IA32_TSC_AUX. */
    static final class Rdtsc extends Insn {
        private final boolean withAux;

        Rdtsc(long address, int length, boolean withAux) {
            super(address, length);
            this.withAux = withAux;
        }

        @Override
        public void execute(CpuState s) {
            if ((s.cr4 & ControlBits.CR4_TSD) != 0 && s.cpl != 0) {
                throw GuestFault.gp(0);
            }
            long t = s.readTsc();
            s.gpr[CpuState.RAX] = t & 0xffffffffL;
            s.gpr[CpuState.RDX] = t >>> 32;
            if (withAux) {
                s.gpr[CpuState.RCX] = s.tscAux & 0xffffffffL;
            }
        }
    }

    /** RDRAND/RDSEED: always succeed (CF = 1, other flags 0) with a random value. */
    static final class Rdrand extends Insn {
        private final RegOperand dst;

        Rdrand(long address, int length, RegOperand dst) {
            super(address, length);
            this.dst = dst;
        }

        @Override
        public void execute(CpuState s) {
            dst.set(s, ThreadLocalRandom.current().nextLong());
            Flags.setArith(s, Flags.CF);
        }
    }

    /** HLT: privileged; at CPL 0 the vCPU leaves with the HLT exit (RIP after the instruction). */
    static final class Hlt extends Insn {
        Hlt(long address, int length) {
            super(address, length);
        }

        @Override
        public byte kind() {
            return LEAVE;
        }

        @Override
        public void execute(CpuState s) {
            if (s.cpl != 0) {
                throw GuestFault.gp(0);
            }
            s.rip = next();
            throw new VmExit(ExitCode.HLT, 0, 0);
        }
    }
}
