package tvmm.vmm.svm;

import tvmm.cpu.svm.IoioInfo;
import tvmm.cpu.svm.Vmcb;
import tvmm.devices.apic.LocalApic;
import tvmm.devices.platform.Layout;
import tvmm.kernel.Mtd;

/**
 * The VMM's exit handlers, each the code behind one portal of every vCPU's event window.
 * They see the guest through the VMCB and the message ({@link VcpuUtcb}), as an SVM
 * hypervisor does, and reach devices only through the buses.
 */
final class ExitHandlers {
    private final Vmm vmm;
    private final VmmPlatform platform;

    ExitHandlers(Vmm vmm, VmmPlatform platform) {
        this.vmm = vmm;
        this.platform = platform;
    }

    /** IOIO (0x7B): EXITINFO1 names port, direction and size; the data is in the message. */
    void ioio(VirtualCpu v, VcpuUtcb u) {
        long info = u.exitInfo1();
        int port = IoioInfo.port(info);
        int size = IoioInfo.sizeBytes(info);
        if (IoioInfo.isIn(info)) {
            u.data = platform.ports().read(port, size);
            return;
        }
        platform.ports().write(port, size, u.data);
        if (isPicPort(port)) {
            // An EOI or unmask can leave the next request pending with INTR still high (no new
            // edge, so no kick): look again before re-entering the guest (Humbel's lesson).
            v.kick();
        }
    }

    private static boolean isPicPort(int port) {
        return port >= Layout.PIC_MASTER && port < Layout.PIC_MASTER + Layout.PIC_MASTER_LEN
                || port >= Layout.PIC_SLAVE && port < Layout.PIC_SLAVE + Layout.PIC_SLAVE_LEN;
    }

    /** NPF (0x400) on an MMIO hole: this vCPU's local APIC page, else the MMIO bus. */
    void npf(VirtualCpu v, VcpuUtcb u) {
        long gpa = u.exitInfo2();
        boolean write = (u.exitInfo1() & VcpuExitPort.NPF_WRITE) != 0;
        if (v.isApicPage(gpa)) {
            LocalApic apic = v.apic();
            long apicBase = v.apicPage();
            if (write) {
                apic.mmio().write(gpa - apicBase, u.size, u.data);
                // EOI, TPR or SVR changes can make a held-back interrupt deliverable.
                v.kick();
            } else {
                u.data = apic.mmio().read(gpa - apicBase, u.size);
            }
            return;
        }
        if (write) {
            platform.memory().mmioWrite(gpa, u.size, u.data);
        } else {
            u.data = platform.memory().mmioRead(gpa, u.size);
        }
    }

    /** HLT (0x78): RIP is already past the instruction; park until an event wakes the CPU. */
    void hlt(VirtualCpu v, VcpuUtcb u) {
        v.halt();
        u.mtd(0);
    }

    /**
     * SHUTDOWN (0x7F): a triple fault. A PC's chipset answers the shutdown cycle with RESET#,
     * so the machine reboots (as QEMU does) with one line saying why; with no reboot it stops.
     */
    void shutdown(VirtualCpu v, VcpuUtcb u) {
        String why = v.svm().shutdownReason();
        String what = String.format("vcpu%d: %s", v.index(),
                why.isEmpty() ? "triple fault at rip 0x" + Long.toHexString(u.vmcb.read64(Vmcb.RIP)) : why);
        vmm.guestReset(Stop.shutdown(what), "guest shut down (" + what + ")");
        u.mtd(0);
    }

    /**
     * VMMCALL (0x81): the hypercall interface. RAX = 0 is the null call the world-switch
     * benchmark measures (returns 0); other functions return -1 (unknown) in RAX.
     */
    void vmmcall(VirtualCpu v, VcpuUtcb u) {
        hypercall(u);
        u.mtd(Mtd.GPR_ACDB);
    }

    /** Hypercall functions: 0 = null call, 1 = timestamp mark (benchmarks); RAX = 0, or -1 if unknown. */
    static final int HC_NULL = 0;
    static final int HC_MARK = 1;

    private void hypercall(VcpuUtcb u) {
        long function = u.rax();
        if (function == HC_MARK) {
            vmm.mark();
        }
        u.setRax(function == HC_NULL || function == HC_MARK ? 0 : -1L);
    }

    /** INTR and VINTR: nothing to do here; the vCPU loop injects before the next vmrun. */
    void nothing(VirtualCpu v, VcpuUtcb u) {
    }

    /** The CPU reached its stop address (tests and the benchmark's end marker). */
    void stopAddress(VirtualCpu v, VcpuUtcb u) {
        vmm.stop(Stop.host(String.format("vcpu%d reached its stop address 0x%x", v.index(),
                u.vmcb.read64(Vmcb.RIP))));
        u.mtd(0);
    }
}
