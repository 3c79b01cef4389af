package tvmm.cpu.sysinstr;

import tvmm.cpu.cpuid.Feature;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * STAC and CLAC (SDM vol. 2): set or clear RFLAGS.AC, which lets explicit supervisor data
 * accesses reach user pages while CR4.SMAP is set (the MMU reads AC on a TLB miss, see
 * {@link tvmm.cpu.mmu.Mmu}). #UD at CPL > 0 (also in virtual-8086 mode) and when CPUID does not
 * advertise SMAP.
 */
final class SmapInsns {
    private SmapInsns() {
    }

    static final class AcFlag extends Insn {
        private final boolean set;

        AcFlag(long address, int length, boolean set) {
            super(address, length);
            this.set = set;
        }

        @Override
        public void execute(CpuState s) {
            if (!Feature.SMAP.implemented || s.cpl != 0) {
                throw GuestFault.ud();
            }
            s.rflags = set ? s.rflags | Flags.AC : s.rflags & ~Flags.AC;
        }
    }
}
