package tvmm.cpu.sysinstr;

import tvmm.cpu.exit.VmExit;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.ExitCode;
import tvmm.cpu.svm.Intercept;

/**
 * VMMCALL (0F 01 D9), the guest's call to its hypervisor (AMD APM vol. 3 VMMCALL): at any CPL,
 * the VMMCALL exit when the VMM intercepts it, else #UD (APM vol. 2 §15.5.1: the instruction
 * is undefined unless intercepted). The exit leaves RIP after the instruction (NRIP): the VMM
 * completes the call and the guest resumes behind it.
 */
final class Vmmcall extends LeavingInsn {
    private final SystemCpu sys;

    Vmmcall(long address, int length, SystemCpu sys) {
        super(address, length);
        this.sys = sys;
    }

    @Override
    public void execute(CpuState s) {
        if (!sys.intercepts(Intercept.VMMCALL)) {
            throw GuestFault.ud();
        }
        s.rip = next();
        throw new VmExit(ExitCode.VMMCALL, 0, 0);
    }
}
