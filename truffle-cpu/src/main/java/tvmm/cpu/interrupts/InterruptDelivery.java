package tvmm.cpu.interrupts;

import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.seg.SegmentLoader;
import tvmm.cpu.seg.SegmentState;
import tvmm.cpu.seg.Selectors;
import tvmm.cpu.seg.SystemMemory;
import tvmm.cpu.state.Flags;

/**
 * Delivers one interrupt or exception through the IVT (real mode), a 16/32-bit IDT gate
 * (protected mode) or a 64-bit IDT gate (long mode), following the INT n/INTO/INT3/INT1
 * pseudo-code of SDM vol. 2 and §6.12/§6.14 of vol. 3. Every check and every push happens
 * before any register changes, so a fault during delivery leaves the vCPU as it was and
 * {@link EventDelivery} can promote it to #DF. Task gates and delivery from VM86 stop with
 * {@link UnsupportedGuestFeature}.
 */
public final class InterruptDelivery {
    private InterruptDelivery() {
    }

    /**
     * @param software   INT n, INT3, INTO: the gate DPL is checked against CPL and the error
     *                   codes of faults raised here have EXT = 0
     * @param returnRip  the RIP pushed: the faulting instruction for faults, the next one for
     *                   traps and software interrupts
     */
    public static void deliver(InterruptState s, SystemMemory m, int vector, boolean software,
                               boolean hasErrorCode, int errorCode, long returnRip) {
        if (!Selectors.isProtected(s)) {
            realMode(s, m, vector, returnRip);
        } else if (Selectors.isLongMode(s)) {
            longMode(s, m, vector, software, hasErrorCode, errorCode, returnRip);
        } else {
            protectedMode(s, m, vector, software, hasErrorCode, errorCode, returnRip);
        }
    }

    /** Real mode: 4-byte IVT entries, FLAGS/CS/IP pushed on a 16-bit stack. */
    private static void realMode(InterruptState s, SystemMemory m, int vector, long returnRip) {
        if (vector * 4L + 3 > (s.idtLimit() & 0xffffL)) {
            throw GuestFault.gp(0);
        }
        long entry = m.readLinear((s.idtBase() + vector * 4L) & 0xffff_ffffL, 4, false);
        Stack stack = new Stack(m, s.base(SegmentState.SS), s.limit(SegmentState.SS), -1, 2, s.rsp(), false, 0);
        stack.push(s.rflags() & 0xffff, 2);
        stack.push(s.selector(SegmentState.CS), 2);
        stack.push(returnRip & 0xffff, 2);
        int selector = (int) (entry >>> 16) & 0xffff;
        s.setRsp(stack.mergeInto(s.rsp()));
        s.setRflags(s.rflags() & ~(Flags.IF | Flags.TF | Flags.AC | Flags.RF));
        s.loadSegment(SegmentState.CS, selector, (long) selector << 4, s.limit(SegmentState.CS),
                s.attributes(SegmentState.CS));
        s.setRip(entry & 0xffff);
    }

    /** The gate checks common to both IDT formats: type, software DPL, presence. */
    private static int gateAttributes(InterruptState s, long low, int vector, boolean software, boolean longMode,
                                      int ext) {
        int attr = Descriptor.attributes(low);
        int type = Descriptor.type(attr);
        int idtCode = GuestFault.idtError(vector, ext != 0);
        boolean valid = !Descriptor.isSystem(attr) ? false : longMode
                ? type == Descriptor.SYS_INT_GATE32 || type == Descriptor.SYS_TRAP_GATE32
                : switch (type) {
                    case Descriptor.SYS_TASK_GATE, Descriptor.SYS_INT_GATE16, Descriptor.SYS_TRAP_GATE16,
                            Descriptor.SYS_INT_GATE32, Descriptor.SYS_TRAP_GATE32 -> true;
                    default -> false;
                };
        if (!valid) {
            throw GuestFault.gp(idtCode);
        }
        if (software && Descriptor.dpl(attr) < s.cpl()) {
            throw GuestFault.gp(idtCode);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(idtCode);
        }
        return attr;
    }

    /** Reads and checks the gate's code segment; returns its raw descriptor. */
    private static long targetCode(InterruptState s, SystemMemory m, int selector, int ext) {
        if (Selectors.isNull(selector)) {
            throw GuestFault.gp(ext);
        }
        int code = GuestFault.selectorError(selector) | ext;
        if (!Selectors.inLimit(s, selector, 8)) {
            throw GuestFault.gp(code);
        }
        long raw = Selectors.read(s, m, selector);
        int attr = Descriptor.attributes(raw);
        if (!Descriptor.isCode(attr) || Descriptor.dpl(attr) > s.cpl()) {
            throw GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(code);
        }
        return raw;
    }

    private static void protectedMode(InterruptState s, SystemMemory m, int vector, boolean software,
                                      boolean hasErrorCode, int errorCode, long returnRip) {
        int ext = software ? 0 : 1;
        if (vector * 8L + 7 > (s.idtLimit() & 0xffffL)) {
            throw GuestFault.gp(GuestFault.idtError(vector, ext != 0));
        }
        long gate = m.readLinear((s.idtBase() + vector * 8L) & 0xffff_ffffL, 8, false);
        int gateAttr = gateAttributes(s, gate, vector, software, false, ext);
        int gateType = Descriptor.type(gateAttr);
        if (gateType == Descriptor.SYS_TASK_GATE) {
            throw new UnsupportedGuestFeature("task gate in IDT entry " + vector);
        }
        boolean gate32 = (gateType & 8) != 0;
        int width = gate32 ? 4 : 2;
        int selector = Descriptor.gateSelector(gate);
        long raw = targetCode(s, m, selector, ext);
        int attr = Descriptor.attributes(raw);
        int dpl = Descriptor.dpl(attr);
        int cpl = s.cpl();
        long offset = gate32 ? Descriptor.gateOffset(gate) : gate & 0xffff;
        if (offset > (Descriptor.limit(raw) & 0xffff_ffffL)) {
            throw GuestFault.gp(ext);
        }
        long rflags = s.rflags();
        boolean vm86 = (rflags & Flags.VM) != 0;
        if (vm86) {
            throw new UnsupportedGuestFeature("interrupt from virtual-8086 mode");
        }
        int newCpl = Descriptor.isConforming(attr) ? cpl : dpl;
        Stack stack;
        long stackRaw = 0;
        int newSs = 0;
        if (newCpl < cpl) {
            // Inner privilege: SS:ESP for the new ring come from the current TSS.
            int trAttr = s.attributes(SegmentState.TR);
            boolean tss32 = (Descriptor.type(trAttr) & 8) != 0;
            long slot = tss32 ? 4 + 8L * newCpl : 2 + 4L * newCpl;
            int slotSize = tss32 ? 8 : 4;
            int trCode = GuestFault.selectorError(s.selector(SegmentState.TR)) | ext;
            if (slot + slotSize - 1 > (s.limit(SegmentState.TR) & 0xffff_ffffL)) {
                throw GuestFault.ts(trCode);
            }
            long trBase = s.base(SegmentState.TR);
            long newSp = tss32 ? m.readLinear(trBase + slot, 4, false) : m.readLinear(trBase + slot, 2, false);
            newSs = (int) m.readLinear(trBase + slot + (tss32 ? 4 : 2), 2, false);
            int ssCode = GuestFault.selectorError(newSs) | ext;
            if (Selectors.isNull(newSs) || !Selectors.inLimit(s, newSs, 8)) {
                throw GuestFault.ts(ssCode);
            }
            stackRaw = Selectors.read(s, m, newSs);
            int ssAttr = Descriptor.attributes(stackRaw);
            if ((newSs & 3) != newCpl || Descriptor.dpl(ssAttr) != newCpl || !Descriptor.isWritableData(ssAttr)) {
                throw GuestFault.ts(ssCode);
            }
            if (!Descriptor.present(ssAttr)) {
                throw GuestFault.ss(ssCode);
            }
            int size = (ssAttr & Descriptor.ATTR_DB) != 0 ? 4 : 2;
            stack = new Stack(m, Descriptor.base(stackRaw), Descriptor.limit(stackRaw), ssAttr, size, newSp,
                    newCpl == 3, ssCode);
            stack.push(s.selector(SegmentState.SS), width);
            stack.push(s.rsp(), width);
        } else if (newCpl == cpl) {
            int ssAttr = s.attributes(SegmentState.SS);
            int size = (ssAttr & Descriptor.ATTR_DB) != 0 ? 4 : 2;
            stack = new Stack(m, s.base(SegmentState.SS), s.limit(SegmentState.SS), ssAttr, size, s.rsp(),
                    cpl == 3, ext);
        } else {
            throw GuestFault.gp(GuestFault.selectorError(selector) | ext);
        }
        stack.push(rflags, width);
        stack.push(s.selector(SegmentState.CS), width);
        stack.push(returnRip, width);
        if (hasErrorCode) {
            stack.push(errorCode, width);
        }
        // Commit: nothing below can fault.
        if (newCpl < cpl) {
            SegmentLoader.loadStack(s, m, newSs, stackRaw);
            s.setRsp(stack.mergeInto(s.rsp()));
        } else {
            s.setRsp(stack.mergeInto(s.rsp()));
        }
        SegmentLoader.loadCode(s, m, selector, raw, newCpl);
        s.setRip(offset);
        long clear = Flags.TF | Flags.NT | Flags.RF | Flags.VM
                | (Descriptor.type(gateAttr) == Descriptor.SYS_INT_GATE16
                        || Descriptor.type(gateAttr) == Descriptor.SYS_INT_GATE32 ? Flags.IF : 0);
        s.setRflags(rflags & ~clear);
    }

    /** Long mode (64-bit and compatibility): 16-byte gates, IST, RSPn, 16-byte alignment. */
    private static void longMode(InterruptState s, SystemMemory m, int vector, boolean software,
                                 boolean hasErrorCode, int errorCode, long returnRip) {
        int ext = software ? 0 : 1;
        int idtCode = GuestFault.idtError(vector, ext != 0);
        if (vector * 16L + 15 > (s.idtLimit() & 0xffffL)) {
            throw GuestFault.gp(idtCode);
        }
        long low = m.readLinear(s.idtBase() + vector * 16L, 8, false);
        int gateAttr = gateAttributes(s, low, vector, software, true, ext);
        long high = m.readLinear(s.idtBase() + vector * 16L + 8, 8, false);
        int selector = Descriptor.gateSelector(low);
        long raw = targetCode(s, m, selector, ext);
        int attr = Descriptor.attributes(raw);
        if ((attr & Descriptor.ATTR_L) == 0 || (attr & Descriptor.ATTR_DB) != 0) {
            throw GuestFault.gp(GuestFault.selectorError(selector) | ext);
        }
        long offset = Descriptor.gateOffset64(low, high);
        if (!tvmm.cpu.seg.SegmentChecks.isCanonical(offset)) {
            throw GuestFault.gp(ext);
        }
        int cpl = s.cpl();
        int newCpl = Descriptor.isConforming(attr) ? cpl : Descriptor.dpl(attr);
        int ist = Descriptor.gateIst(low);
        long rsp = s.rsp();
        if (newCpl < cpl || ist != 0) {
            long slot = ist != 0 ? 0x24 + 8L * (ist - 1) : 4 + 8L * newCpl;
            if (slot + 7 > (s.limit(SegmentState.TR) & 0xffff_ffffL)) {
                throw GuestFault.ts(GuestFault.selectorError(s.selector(SegmentState.TR)) | ext);
            }
            rsp = m.readLinear(s.base(SegmentState.TR) + slot, 8, false);
        } else if (newCpl > cpl) {
            throw GuestFault.gp(GuestFault.selectorError(selector) | ext);
        }
        Stack stack = new Stack(m, 0, 0, 0, 8, rsp & ~0xfL, newCpl == 3, ext);
        stack.push(s.selector(SegmentState.SS), 8);
        stack.push(s.rsp(), 8);
        stack.push(s.rflags(), 8);
        stack.push(s.selector(SegmentState.CS), 8);
        stack.push(returnRip, 8);
        if (hasErrorCode) {
            stack.push(errorCode & 0xffff_ffffL, 8);
        }
        if (newCpl < cpl) {
            // SS becomes a null selector whose RPL is the new CPL (SDM §6.14.4).
            SegmentLoader.loadStack(s, m, newCpl, 0);
        }
        s.setRsp(stack.sp);
        SegmentLoader.loadCode(s, m, selector, raw, newCpl);
        s.setRip(offset);
        long clear = Flags.TF | Flags.NT | Flags.RF | Flags.VM
                | (Descriptor.type(gateAttr) == Descriptor.SYS_INT_GATE32 ? Flags.IF : 0);
        s.setRflags(s.rflags() & ~clear);
    }
}
