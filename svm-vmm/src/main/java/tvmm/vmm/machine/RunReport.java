package tvmm.vmm.machine;

import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.ExitCode;
import tvmm.vmm.svm.ExitIndex;
import tvmm.vmm.svm.VirtualCpu;

/** The {@code --stats} lines: exit counts per vCPU and where each vCPU stopped. */
public final class RunReport {
    private RunReport() {
    }

    public static String of(Machine m) {
        StringBuilder sb = new StringBuilder();
        for (VirtualCpu v : m.vcpus()) {
            CpuState s = v.state();
            String cores = m.vmm().hostCoresOf(v.index());
            sb.append(String.format("tvmm: vcpu%d: rip 0x%x cs 0x%x cr0 0x%x cr3 0x%x efer 0x%x, units run %d built %d,"
                    + " host cores %s (%s)%n", v.index(), s.rip, s.seg[CpuState.CS].selector, s.cr0, s.cr3, s.efer,
                    v.cpu().unitsExecuted(), v.cpu().unitsBuilt(), cores.isEmpty() ? "?" : cores,
                    m.vmm().placement().label()));
            sb.append(String.format("tvmm: vcpu%d exits:", v.index()));
            for (int code = 0; code < 0x100; code++) {
                long n = v.exitCount(ExitIndex.of(code));
                if (n > 0) {
                    sb.append(' ').append(ExitCode.name(code)).append('=').append(n);
                }
            }
            long npf = v.exitCount(ExitIndex.NPF);
            if (npf > 0) {
                sb.append(" NPF=").append(npf);
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
