package tvmm.vmm.svm;

import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.svm.ExitCode;
import tvmm.cpu.svm.IoioInfo;
import tvmm.kernel.Ec;
import tvmm.kernel.Status;

/**
 * The exits the CPU takes in the middle of an instruction: port I/O (IOIO, EXITINFO1 as APM
 * vol. 2 §15.10.2 encodes it) and accesses to guest-physical holes (NPF, EXITINFO1 = the
 * nested page-fault error code, EXITINFO2 = the guest-physical address). Each is delivered
 * as a call of the vCPU's exit portal on its own thread; the handler completes the access
 * through {@link VcpuUtcb#data} and the CPU finishes the instruction, so no instruction is
 * ever emulated by the VMM.
 *
 * <p>The instruction's RIP is not committed at this point (the CPU is inside a translation
 * unit), so these portals may declare only {@link tvmm.kernel.Mtd#QUAL}.
 */
final class VcpuExitPort implements ExitPort {
    /** NPF error code bits (APM §15.25.6): write access; the fault was on the final guest-physical access. */
    static final long NPF_WRITE = 1L << 1;
    static final long NPF_FINAL_ADDRESS = 1L << 32;

    private final VirtualCpu owner;
    private VcpuUtcb u;
    private Ec ec;

    VcpuExitPort(VirtualCpu owner) {
        this.owner = owner;
    }

    /** The message is made after the CPU (it wraps the CPU's state), so it is attached here. */
    void attach(VcpuUtcb utcb) {
        this.u = utcb;
    }

    void bind(Ec ec) {
        this.ec = ec;
    }

    private static long ones(int size) {
        return size >= 8 ? -1L : (1L << (size * 8)) - 1;
    }

    @Override
    public long ioIn(int port, int size) {
        return in(IoioInfo.encode(port, true, size, false, false, addressSize(), 0), size);
    }

    @Override
    public void ioOut(int port, int size, long value) {
        out(IoioInfo.encode(port, false, size, false, false, addressSize(), 0), size, value);
    }

    @Override
    public long ioInString(int port, int size, boolean rep, int addrSize) {
        return in(IoioInfo.encode(port, true, size, true, rep, addrSize, 0), size); // INS writes ES:rDI
    }

    @Override
    public void ioOutString(int port, int size, long value, boolean rep, int addrSize, int segment) {
        out(IoioInfo.encode(port, false, size, true, rep, addrSize, segment), size, value);
    }

    /**
     * IN/OUT have no memory operand: EXITINFO1 reports the mode's default address size (the
     * code size; 64-bit mode's is 8). An address-size prefix on them changes nothing else.
     */
    private int addressSize() {
        return owner.state().codeSize;
    }

    private long in(long info, int size) {
        u.vmcb.setExit(ExitCode.IOIO, info, 0);
        u.data = ones(size);
        deliver(ExitIndex.IOIO);
        return u.data & ones(size);
    }

    private void out(long info, int size, long value) {
        u.vmcb.setExit(ExitCode.IOIO, info, 0);
        u.data = value & ones(size);
        deliver(ExitIndex.IOIO);
    }

    @Override
    public long mmioRead(long gpa, int size) {
        u.vmcb.setExit(ExitCode.NPF, NPF_FINAL_ADDRESS, gpa);
        u.size = size;
        u.data = ones(size);
        deliver(ExitIndex.NPF);
        return u.data & ones(size);
    }

    @Override
    public void mmioWrite(long gpa, int size, long value) {
        u.vmcb.setExit(ExitCode.NPF, NPF_FINAL_ADDRESS | NPF_WRITE, gpa);
        u.size = size;
        u.data = value & ones(size);
        deliver(ExitIndex.NPF);
    }

    private void deliver(int index) {
        owner.countExit(index);
        Ec e = ec;
        if (e == null) {
            return; // not running on an EC (a unit test of the CPU alone): the floating bus
        }
        Status s = e.deliver(index, u);
        if (s != Status.SUCCESS) {
            owner.exitFailed(index, s);
        }
    }
}
