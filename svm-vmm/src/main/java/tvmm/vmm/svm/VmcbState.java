package tvmm.vmm.svm;

import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.state.Segment;
import tvmm.cpu.svm.Vmcb;
import tvmm.kernel.Mtd;

/**
 * Copies groups of guest state ({@link Mtd}) between the running CPU ({@link CpuState}) and
 * the VMCB state save area (AMD APM vol. 2, Appendix B, table B-2). General registers that
 * the VMCB does not hold (all but RAX and RSP, as on real SVM where the VMM saves them
 * itself) travel in the per-vCPU message's {@code gpr} array.
 *
 * <p>NOVA's kernel copies only the groups a portal declares; so does tvmm: a VMCALL
 * handler that declares GPR_ACDB | RIP_LEN costs two field copies, not a full state save.
 */
final class VmcbState {
    private VmcbState() {
    }

    /** CPU → VMCB (and {@code gpr}) for every group in {@code mtd}. */
    static void save(CpuState s, Vmcb v, long[] gpr, int mtd) {
        if ((mtd & Mtd.GPR_ACDB) != 0) {
            v.write64(Vmcb.RAX, s.gpr[CpuState.RAX]);
            System.arraycopy(s.gpr, 0, gpr, 0, 4);
        }
        if ((mtd & Mtd.GPR_BSD) != 0) {
            System.arraycopy(s.gpr, 5, gpr, 5, 3);
        }
        if ((mtd & Mtd.RSP) != 0) {
            v.write64(Vmcb.RSP, s.gpr[CpuState.RSP]);
            gpr[CpuState.RSP] = s.gpr[CpuState.RSP];
        }
        if ((mtd & Mtd.GPR_R8_R15) != 0) {
            System.arraycopy(s.gpr, 8, gpr, 8, 8);
        }
        if ((mtd & Mtd.RIP_LEN) != 0) {
            v.write64(Vmcb.RIP, s.rip);
        }
        if ((mtd & Mtd.RFLAGS) != 0) {
            v.write64(Vmcb.RFLAGS, Flags.read(s));
        }
        if ((mtd & Mtd.DS_ES) != 0) {
            saveSeg(v, Vmcb.Segment.DS, s.seg[CpuState.DS]);
            saveSeg(v, Vmcb.Segment.ES, s.seg[CpuState.ES]);
        }
        if ((mtd & Mtd.FS_GS) != 0) {
            saveSeg(v, Vmcb.Segment.FS, s.seg[CpuState.FS]);
            saveSeg(v, Vmcb.Segment.GS, s.seg[CpuState.GS]);
        }
        if ((mtd & Mtd.CS_SS) != 0) {
            saveSeg(v, Vmcb.Segment.CS, s.seg[CpuState.CS]);
            saveSeg(v, Vmcb.Segment.SS, s.seg[CpuState.SS]);
            v.write8(Vmcb.CPL, s.cpl);
        }
        if ((mtd & Mtd.TR) != 0) {
            saveSeg(v, Vmcb.Segment.TR, s.tr);
        }
        if ((mtd & Mtd.LDTR) != 0) {
            saveSeg(v, Vmcb.Segment.LDTR, s.ldtr);
        }
        if ((mtd & Mtd.GDTR) != 0) {
            v.setSegment(Vmcb.Segment.GDTR, 0, 0, s.gdtrLimit, s.gdtrBase);
        }
        if ((mtd & Mtd.IDTR) != 0) {
            v.setSegment(Vmcb.Segment.IDTR, 0, 0, s.idtrLimit, s.idtrBase);
        }
        if ((mtd & Mtd.CR) != 0) {
            v.write64(Vmcb.CR0, s.cr0);
            v.write64(Vmcb.CR2, s.cr2);
            v.write64(Vmcb.CR3, s.cr3);
            v.write64(Vmcb.CR4, s.cr4);
        }
        if ((mtd & Mtd.DR) != 0) {
            v.write64(Vmcb.DR6, s.dr[6]);
            v.write64(Vmcb.DR7, s.dr[7]);
        }
        if ((mtd & Mtd.EFER) != 0) {
            v.write64(Vmcb.EFER, s.efer);
        }
    }

    /** VMCB (and {@code gpr}) → CPU for every group in {@code mtd}; recomputes the mode if needed. */
    static void load(Vmcb v, long[] gpr, CpuState s, int mtd) {
        if ((mtd & Mtd.GPR_ACDB) != 0) {
            System.arraycopy(gpr, 0, s.gpr, 0, 4);
            s.gpr[CpuState.RAX] = v.read64(Vmcb.RAX);
        }
        if ((mtd & Mtd.GPR_BSD) != 0) {
            System.arraycopy(gpr, 5, s.gpr, 5, 3);
        }
        if ((mtd & Mtd.RSP) != 0) {
            s.gpr[CpuState.RSP] = v.read64(Vmcb.RSP);
        }
        if ((mtd & Mtd.GPR_R8_R15) != 0) {
            System.arraycopy(gpr, 8, s.gpr, 8, 8);
        }
        if ((mtd & Mtd.RIP_LEN) != 0) {
            s.rip = v.read64(Vmcb.RIP);
        }
        if ((mtd & Mtd.RFLAGS) != 0) {
            s.rflags = v.read64(Vmcb.RFLAGS) | Flags.FIXED1;
            s.flagOp = Flags.NONE;
        }
        if ((mtd & Mtd.DS_ES) != 0) {
            loadSeg(v, Vmcb.Segment.DS, s.seg[CpuState.DS]);
            loadSeg(v, Vmcb.Segment.ES, s.seg[CpuState.ES]);
        }
        if ((mtd & Mtd.FS_GS) != 0) {
            loadSeg(v, Vmcb.Segment.FS, s.seg[CpuState.FS]);
            loadSeg(v, Vmcb.Segment.GS, s.seg[CpuState.GS]);
        }
        if ((mtd & Mtd.CS_SS) != 0) {
            loadSeg(v, Vmcb.Segment.CS, s.seg[CpuState.CS]);
            loadSeg(v, Vmcb.Segment.SS, s.seg[CpuState.SS]);
            s.cpl = v.read8(Vmcb.CPL) & 3;
        }
        if ((mtd & Mtd.TR) != 0) {
            loadSeg(v, Vmcb.Segment.TR, s.tr);
        }
        if ((mtd & Mtd.LDTR) != 0) {
            loadSeg(v, Vmcb.Segment.LDTR, s.ldtr);
        }
        if ((mtd & Mtd.GDTR) != 0) {
            s.gdtrBase = v.base(Vmcb.Segment.GDTR);
            s.gdtrLimit = (int) v.limit(Vmcb.Segment.GDTR) & 0xffff;
        }
        if ((mtd & Mtd.IDTR) != 0) {
            s.idtrBase = v.base(Vmcb.Segment.IDTR);
            s.idtrLimit = (int) v.limit(Vmcb.Segment.IDTR) & 0xffff;
        }
        if ((mtd & Mtd.CR) != 0) {
            s.cr0 = v.read64(Vmcb.CR0);
            s.cr2 = v.read64(Vmcb.CR2);
            s.cr3 = v.read64(Vmcb.CR3);
            s.cr4 = v.read64(Vmcb.CR4);
        }
        if ((mtd & Mtd.DR) != 0) {
            s.dr[6] = v.read64(Vmcb.DR6);
            s.dr[7] = v.read64(Vmcb.DR7);
        }
        if ((mtd & Mtd.EFER) != 0) {
            s.efer = v.read64(Vmcb.EFER);
        }
        if ((mtd & (Mtd.CS_SS | Mtd.CR | Mtd.EFER | Mtd.RFLAGS)) != 0) {
            s.updateMode();
        }
    }

    static void saveSeg(Vmcb v, Vmcb.Segment slot, Segment seg) {
        v.setSegment(slot, seg.selector, seg.attr, Integer.toUnsignedLong(seg.limit), seg.base);
    }

    static void loadSeg(Vmcb v, Vmcb.Segment slot, Segment seg) {
        seg.set(v.selector(slot), v.base(slot), (int) v.limit(slot), v.attributes(slot));
    }
}
