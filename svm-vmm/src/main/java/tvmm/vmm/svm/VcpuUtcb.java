package tvmm.vmm.svm;

import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.Vmcb;
import tvmm.kernel.Utcb;

/**
 * The message of one vCPU's exit portals: the VMCB (exit code, EXITINFO1/2, NRIP, EVENTINJ
 * and the state save area) plus the general registers the VMCB does not hold. Before a
 * handler runs, the groups its portal declared are copied from the CPU into the VMCB; after
 * it returns, the groups it named are copied back (NOVA's MTD). Handlers therefore read and
 * write guest state exactly as an SVM hypervisor does, through the VMCB.
 *
 * <p>For the exits the CPU takes in the middle of an instruction (IOIO and NPF, see
 * {@link VcpuExitPort}) the access's data travels in {@link #data}: tvmm's decode assist,
 * so the VMM never emulates the instruction.
 */
public final class VcpuUtcb extends Utcb {
    public final Vmcb vmcb;
    /** RAX..R15 by encoding; RAX and RSP are also in the VMCB, which wins for them. */
    public final long[] gpr = new long[16];
    /** IOIO/NPF data: the value written by the guest, or the value its read returns. */
    public long data;
    /** NPF: the access width in bytes (1, 2, 4, 8); IOIO has it in EXITINFO1. */
    public int size;
    private final CpuState state;
    /** The vCPU's number (0 is the bootstrap processor). */
    public final int vcpu;

    VcpuUtcb(int vcpu, Vmcb vmcb, CpuState state) {
        this.vcpu = vcpu;
        this.vmcb = vmcb;
        this.state = state;
    }

    /** RAX as a handler sees it: the VMCB slot (valid when the portal declared GPR_ACDB). */
    public long rax() {
        return vmcb.read64(Vmcb.RAX);
    }

    public void setRax(long value) {
        vmcb.write64(Vmcb.RAX, value);
    }

    public long exitCode() {
        return vmcb.exitCode();
    }

    public long exitInfo1() {
        return vmcb.exitInfo1();
    }

    public long exitInfo2() {
        return vmcb.exitInfo2();
    }

    @Override
    protected void arrive(int mtd) {
        VmcbState.save(state, vmcb, gpr, mtd);
    }

    @Override
    protected void depart(int mtd) {
        VmcbState.load(vmcb, gpr, state, mtd);
    }
}
