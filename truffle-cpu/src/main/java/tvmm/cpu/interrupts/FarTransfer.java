package tvmm.cpu.interrupts;

import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.seg.SegmentChecks;
import tvmm.cpu.seg.SegmentLoader;
import tvmm.cpu.seg.SegmentState;
import tvmm.cpu.seg.Selectors;
import tvmm.cpu.seg.SystemMemory;

/**
 * Far JMP, far CALL and far RET (SDM vol. 2 JMP/CALL/RET operation sections): in real mode
 * and VM86 a plain CS:IP load; in protected and long mode to a code segment directly or
 * through a call gate (16/32-bit gates with parameter copying, 16-byte 64-bit gates), with
 * the stack switch from the TSS for calls to an inner privilege level and the return to an
 * outer level. Everything is checked and pushed before registers change. Task gates and TSS
 * selectors (task switches) stop with {@link UnsupportedGuestFeature}.
 *
 * <p>{@code operandSize} is the instruction's operand size (2, 4 or 8); {@code offset} is
 * the pointer's offset part.
 */
public final class FarTransfer {
    private FarTransfer() {
    }

    public static void jmp(InterruptState s, SystemMemory m, int selector, long offset, int operandSize) {
        transfer(s, m, selector & 0xffff, offset, operandSize, false, 0);
    }

    public static void call(InterruptState s, SystemMemory m, int selector, long offset, int operandSize,
                            long nextRip) {
        transfer(s, m, selector & 0xffff, offset, operandSize, true, nextRip);
    }

    private static long mask(long v, int size) {
        return size == 2 ? v & 0xffff : size == 4 ? v & 0xffff_ffffL : v;
    }

    private static Stack currentStack(InterruptState s, SystemMemory m) {
        if (Selectors.is64BitMode(s)) {
            return new Stack(m, 0, 0, 0, 8, s.rsp(), s.cpl() == 3, 0);
        }
        int attr = s.attributes(SegmentState.SS);
        boolean checked = Selectors.isProtected(s) && !Selectors.isVm86(s);
        return new Stack(m, s.base(SegmentState.SS), s.limit(SegmentState.SS), checked ? attr : -1,
                (attr & Descriptor.ATTR_DB) != 0 ? 4 : 2, s.rsp(), s.cpl() == 3, 0);
    }

    /** A CALL that stays on the current stack pushes CS then the return offset. */
    private static void pushReturnAddress(InterruptState s, SystemMemory m, long nextRip, int size) {
        Stack st = currentStack(s, m);
        st.push(s.selector(SegmentState.CS), size);
        st.push(nextRip, size);
        s.setRsp(st.mergeInto(s.rsp()));
    }

    /** Real mode and VM86: CS = selector with base selector × 16, limit and attributes kept. */
    private static void loadRealModeCs(InterruptState s, int selector) {
        s.loadSegment(SegmentState.CS, selector, (long) selector << 4, s.limit(SegmentState.CS),
                s.attributes(SegmentState.CS));
    }

    private static void transfer(InterruptState s, SystemMemory m, int selector, long offset, int size,
                                 boolean call, long nextRip) {
        if (!Selectors.isProtected(s) || Selectors.isVm86(s)) {
            if (call) {
                pushReturnAddress(s, m, nextRip, size);
            }
            loadRealModeCs(s, selector);
            s.setRip(mask(offset, size));
            return;
        }
        long raw = Selectors.readNonNull(s, m, selector);
        int code = GuestFault.selectorError(selector);
        int attr = Descriptor.attributes(raw);
        int cpl = s.cpl();
        if (Descriptor.isCode(attr)) {
            checkCodeForDirect(s, selector, attr, cpl);
            long target = mask(offset, size);
            checkTarget(s, raw, target);
            if (call) {
                pushReturnAddress(s, m, nextRip, size);
            }
            SegmentLoader.loadCode(s, m, selector, raw, cpl);
            s.setRip(target);
            return;
        }
        if (!Descriptor.isSystem(attr)) {
            throw GuestFault.gp(code);
        }
        int type = Descriptor.type(attr);
        boolean longMode = Selectors.isLongMode(s);
        boolean gate = longMode ? type == Descriptor.SYS_CALL_GATE32
                : type == Descriptor.SYS_CALL_GATE16 || type == Descriptor.SYS_CALL_GATE32;
        if (!gate) {
            if (!longMode && (type == Descriptor.SYS_TASK_GATE || type == Descriptor.SYS_TSS16
                    || type == Descriptor.SYS_TSS32)) {
                throw new UnsupportedGuestFeature("far " + (call ? "CALL" : "JMP") + " to a task");
            }
            throw GuestFault.gp(code);
        }
        int gateDpl = Descriptor.dpl(attr);
        if (gateDpl < cpl || gateDpl < Selectors.rpl(selector)) {
            throw GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(code);
        }
        throughGate(s, m, selector, raw, type, call, nextRip);
    }

    /** Direct far JMP/CALL to a code segment: no privilege change (SDM §5.8.1). */
    private static void checkCodeForDirect(InterruptState s, int selector, int attr, int cpl) {
        int code = GuestFault.selectorError(selector);
        int dpl = Descriptor.dpl(attr);
        if (Descriptor.isConforming(attr) ? dpl > cpl : (Selectors.rpl(selector) > cpl || dpl != cpl)) {
            throw GuestFault.gp(code);
        }
        if (Selectors.isLongMode(s) && (attr & Descriptor.ATTR_L) != 0 && (attr & Descriptor.ATTR_DB) != 0) {
            throw GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(code);
        }
    }

    /**
     * The code segment RET or IRET returns to (SDM RET/IRET): code, RPL ≥ CPL, DPL ≤ RPL if
     * conforming else DPL = RPL, not L and D both set in long mode, present. Returns whether
     * it is 64-bit code.
     */
    static boolean checkReturnCode(InterruptState s, int cs, long raw, int cpl) {
        int code = GuestFault.selectorError(cs);
        int attr = Descriptor.attributes(raw);
        int rpl = Selectors.rpl(cs);
        int dpl = Descriptor.dpl(attr);
        if (!Descriptor.isCode(attr) || rpl < cpl || (Descriptor.isConforming(attr) ? dpl > rpl : dpl != rpl)) {
            throw GuestFault.gp(code);
        }
        boolean to64 = Selectors.isLongMode(s) && (attr & Descriptor.ATTR_L) != 0;
        if (to64 && (attr & Descriptor.ATTR_DB) != 0) {
            throw GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(code);
        }
        return to64;
    }

    /** The new RIP must lie in the segment limit, or be canonical for 64-bit code. */
    static void checkTarget(InterruptState s, long raw, long target) {
        boolean to64 = Selectors.isLongMode(s) && (Descriptor.attributes(raw) & Descriptor.ATTR_L) != 0;
        if (to64 ? !SegmentChecks.isCanonical(target) : target > (Descriptor.limit(raw) & 0xffff_ffffL)) {
            throw GuestFault.gp(0);
        }
    }

    private static void throughGate(InterruptState s, SystemMemory m, int gateSelector, long gate, int gateType,
                                    boolean call, long nextRip) {
        boolean longMode = Selectors.isLongMode(s);
        long offset;
        int width;
        if (longMode) {
            if (!Selectors.inLimit(s, gateSelector, 16)) {
                throw GuestFault.gp(GuestFault.selectorError(gateSelector));
            }
            long high = Selectors.readHigh(s, m, gateSelector);
            if (((high >>> 40) & 0x1f) != 0) {
                throw GuestFault.gp(GuestFault.selectorError(gateSelector));
            }
            offset = Descriptor.gateOffset64(gate, high);
            width = 8;
        } else {
            width = gateType == Descriptor.SYS_CALL_GATE32 ? 4 : 2;
            offset = width == 4 ? Descriptor.gateOffset(gate) : gate & 0xffff;
        }
        int selector = Descriptor.gateSelector(gate);
        long raw = Selectors.readNonNull(s, m, selector);
        int code = GuestFault.selectorError(selector);
        int attr = Descriptor.attributes(raw);
        int cpl = s.cpl();
        int dpl = Descriptor.dpl(attr);
        if (!Descriptor.isCode(attr) || dpl > cpl || (!call && !Descriptor.isConforming(attr) && dpl != cpl)) {
            throw GuestFault.gp(code);
        }
        if (longMode && ((attr & Descriptor.ATTR_L) == 0 || (attr & Descriptor.ATTR_DB) != 0)) {
            throw GuestFault.gp(code);
        }
        if (!Descriptor.present(attr)) {
            throw GuestFault.np(code);
        }
        checkTarget(s, raw, offset);
        int newCpl = Descriptor.isConforming(attr) ? cpl : dpl;
        if (!call) {
            SegmentLoader.loadCode(s, m, selector, raw, cpl);
            s.setRip(offset);
            return;
        }
        if (newCpl < cpl) {
            innerCall(s, m, selector, raw, newCpl, gate, width, offset, nextRip);
            return;
        }
        pushReturnAddress(s, m, nextRip, width);
        SegmentLoader.loadCode(s, m, selector, raw, cpl);
        s.setRip(offset);
    }

    /** CALL through a gate to a more privileged ring: stack from the TSS, parameters copied. */
    private static void innerCall(InterruptState s, SystemMemory m, int selector, long raw, int newCpl, long gate,
                                  int width, long offset, long nextRip) {
        int trCode = GuestFault.selectorError(s.selector(SegmentState.TR));
        long trBase = s.base(SegmentState.TR);
        long trLimit = s.limit(SegmentState.TR) & 0xffff_ffffL;
        Stack stack;
        int newSs;
        long ssRaw = 0;
        if (Selectors.isLongMode(s)) {
            long slot = 4 + 8L * newCpl;
            if (slot + 7 > trLimit) {
                throw GuestFault.ts(trCode);
            }
            newSs = newCpl; // null selector with RPL = new CPL
            stack = new Stack(m, 0, 0, 0, 8, m.readLinear(trBase + slot, 8, false), false, 0);
        } else {
            boolean tss32 = (Descriptor.type(s.attributes(SegmentState.TR)) & 8) != 0;
            long slot = tss32 ? 4 + 8L * newCpl : 2 + 4L * newCpl;
            if (slot + (tss32 ? 7 : 3) > trLimit) {
                throw GuestFault.ts(trCode);
            }
            long newSp = m.readLinear(trBase + slot, tss32 ? 4 : 2, false);
            newSs = (int) m.readLinear(trBase + slot + (tss32 ? 4 : 2), 2, false);
            ssRaw = SegmentLoader.checkStack(s, m, newSs, newCpl, true);
            int ssAttr = Descriptor.attributes(ssRaw);
            stack = new Stack(m, Descriptor.base(ssRaw), Descriptor.limit(ssRaw), ssAttr,
                    (ssAttr & Descriptor.ATTR_DB) != 0 ? 4 : 2, newSp, false, GuestFault.selectorError(newSs));
        }
        Stack old = currentStack(s, m);
        stack.push(s.selector(SegmentState.SS), width);
        stack.push(s.rsp(), width);
        if (!Selectors.isLongMode(s)) {
            // Copy the gate's parameter count of words/dwords from the caller's stack, deepest first.
            int count = Descriptor.gateParamCount(gate);
            for (int i = count - 1; i >= 0; i--) {
                stack.push(old.peek(i * width, width), width);
            }
        }
        stack.push(s.selector(SegmentState.CS), width);
        stack.push(nextRip, width);
        SegmentLoader.loadStack(s, m, newSs, ssRaw);
        s.setRsp(stack.mergeInto(s.rsp()));
        SegmentLoader.loadCode(s, m, selector, raw, newCpl);
        s.setRip(offset);
    }

    /** After SS is loaded for an outer ring: RSP, written at the new stack's size (a 16-bit stack keeps RSP's upper bits). */
    static void setRspForNewStack(InterruptState s, long ssRaw, long newRsp) {
        int ssSize = Selectors.is64BitMode(s) ? 8 : (Descriptor.attributes(ssRaw) & Descriptor.ATTR_DB) != 0 ? 4 : 2;
        s.setRsp(ssSize == 2 ? (s.rsp() & ~0xffffL) | (newRsp & 0xffff) : ssSize == 4 ? newRsp & 0xffff_ffffL : newRsp);
    }

    /** RETF [imm16]: {@code release} bytes of parameters are dropped from the stack(s). */
    public static void ret(InterruptState s, SystemMemory m, int operandSize, int release) {
        Stack st = currentStack(s, m);
        int w = operandSize;
        long rip = mask(st.pop(w), w);
        int cs = (int) st.pop(w) & 0xffff;
        if (!Selectors.isProtected(s) || Selectors.isVm86(s)) {
            st.release(release);
            s.setRsp(st.mergeInto(s.rsp()));
            loadRealModeCs(s, cs);
            s.setRip(rip);
            return;
        }
        long raw = Selectors.readNonNull(s, m, cs);
        int cpl = s.cpl();
        int rpl = Selectors.rpl(cs);
        boolean to64 = checkReturnCode(s, cs, raw, cpl);
        checkTarget(s, raw, rip);
        if (rpl == cpl) {
            st.release(release);
            SegmentLoader.loadCode(s, m, cs, raw, cpl);
            s.setRsp(st.mergeInto(s.rsp()));
            s.setRip(rip);
            return;
        }
        // Return to an outer ring: the caller's SS:RSP follow the released parameters.
        st.release(release);
        long newRsp = st.pop(w);
        int newSs = (int) st.pop(w) & 0xffff;
        long ssRaw = 0;
        if (!(Selectors.isNull(newSs) && to64 && rpl != 3)) {
            ssRaw = SegmentLoader.checkStack(s, m, newSs, rpl, false);
        }
        SegmentLoader.loadCode(s, m, cs, raw, rpl);
        s.setRip(rip);
        SegmentLoader.loadStack(s, m, newSs, ssRaw);
        setRspForNewStack(s, ssRaw, newRsp + release);
        Iret.nullifyDataSegments(s, rpl);
    }
}
