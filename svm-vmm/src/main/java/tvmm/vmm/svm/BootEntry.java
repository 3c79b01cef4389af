package tvmm.vmm.svm;

import tvmm.cpu.svm.Vmcb;
import tvmm.kernel.Mtd;
import tvmm.vmm.boot.InitialCpuState;
import tvmm.vmm.boot.SegmentState;

/**
 * Puts a loader's initial CPU state into a vCPU the way an SVM hypervisor starts a guest:
 * written into the VMCB state save area, then loaded into the CPU as VMRUN would.
 */
final class BootEntry {
    private BootEntry() {
    }

    /** Every group the boot state sets. */
    static final int GROUPS = Mtd.GPRS | Mtd.RIP_LEN | Mtd.RFLAGS | Mtd.SEGS | Mtd.DTRS | Mtd.CR | Mtd.EFER;

    static void write(InitialCpuState b, Vmcb v, long[] gpr) {
        java.util.Arrays.fill(gpr, 0);
        gpr[3] = b.rbx(); // RBX
        gpr[6] = b.rsi(); // RSI
        v.write64(Vmcb.RAX, b.rax());
        v.write64(Vmcb.RSP, b.rsp());
        v.write64(Vmcb.RIP, b.rip());
        v.write64(Vmcb.RFLAGS, b.rflags());
        v.write64(Vmcb.CR0, b.cr0());
        v.write64(Vmcb.CR2, 0);
        v.write64(Vmcb.CR3, b.cr3());
        v.write64(Vmcb.CR4, b.cr4());
        v.write64(Vmcb.EFER, b.efer());
        v.write8(Vmcb.CPL, b.cs().selector() & 3);
        seg(v, Vmcb.Segment.CS, b.cs());
        seg(v, Vmcb.Segment.DS, b.ds());
        seg(v, Vmcb.Segment.ES, b.es());
        seg(v, Vmcb.Segment.FS, b.fs());
        seg(v, Vmcb.Segment.GS, b.gs());
        seg(v, Vmcb.Segment.SS, b.ss());
        seg(v, Vmcb.Segment.TR, b.tr());
        seg(v, Vmcb.Segment.LDTR, b.ldtr());
        v.setSegment(Vmcb.Segment.GDTR, 0, 0, b.gdtrLimit(), b.gdtrBase());
        v.setSegment(Vmcb.Segment.IDTR, 0, 0, b.idtrLimit(), b.idtrBase());
    }

    private static void seg(Vmcb v, Vmcb.Segment slot, SegmentState s) {
        v.setSegment(slot, s.selector(), s.attributes(), s.limit(), s.base());
    }
}
