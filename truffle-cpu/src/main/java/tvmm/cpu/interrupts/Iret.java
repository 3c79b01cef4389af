package tvmm.cpu.interrupts;

import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.seg.IoPermission;
import tvmm.cpu.seg.SegmentLoader;
import tvmm.cpu.seg.SegmentState;
import tvmm.cpu.seg.Selectors;
import tvmm.cpu.seg.SystemMemory;
import tvmm.cpu.state.Flags;

/**
 * IRET, IRETD, IRETQ (SDM vol. 2 "IRET/IRETD/IRETQ" operation; AMD APM vol. 3): real mode,
 * protected mode to the same or an outer privilege level, and long mode (where 64-bit mode
 * always pops SS:RSP). All pops and checks happen before registers change. A return with
 * NT = 1 (task return) or to virtual-8086 mode stops with {@link UnsupportedGuestFeature}.
 */
public final class Iret {
    /** Flags IRET may always change at 32/64-bit operand size. */
    private static final long ALWAYS = Flags.CF | Flags.PF | Flags.AF | Flags.ZF | Flags.SF | Flags.TF | Flags.DF
            | Flags.OF | Flags.NT | Flags.RF | Flags.AC | Flags.ID;

    private Iret() {
    }

    /** @param operandSize 2, 4 or 8 bytes (IRET, IRETD, IRETQ) */
    public static void execute(InterruptState s, SystemMemory m, int operandSize) {
        if (!Selectors.isProtected(s)) {
            realMode(s, m, operandSize);
            return;
        }
        long rflags = s.rflags();
        if ((rflags & Flags.VM) != 0) {
            throw new UnsupportedGuestFeature("IRET in virtual-8086 mode");
        }
        if ((rflags & Flags.NT) != 0) {
            if (Selectors.isLongMode(s)) {
                throw GuestFault.gp(0);
            }
            throw new UnsupportedGuestFeature("IRET with NT = 1 (task return)");
        }
        boolean mode64 = Selectors.is64BitMode(s);
        int cpl = s.cpl();
        Stack stack = currentStack(s, m, mode64, cpl);
        int w = operandSize;
        long newRip = stack.pop(w);
        int newCs = (int) stack.pop(w) & 0xffff;
        long popped = stack.pop(w);
        if (w == 4 && (popped & Flags.VM) != 0 && cpl == 0 && !Selectors.isLongMode(s)) {
            throw new UnsupportedGuestFeature("IRET to virtual-8086 mode");
        }
        long csRaw = Selectors.readNonNull(s, m, newCs);
        int rpl = Selectors.rpl(newCs);
        boolean target64 = FarTransfer.checkReturnCode(s, newCs, csRaw, cpl);
        if (w == 2) {
            newRip &= 0xffff;
        } else if (w == 4) {
            newRip &= 0xffff_ffffL;
        }
        boolean popStack = rpl > cpl || mode64;
        long newRsp = 0;
        int newSs = 0;
        long ssRaw = 0;
        if (popStack) {
            newRsp = stack.pop(w);
            newSs = (int) stack.pop(w) & 0xffff;
            if (Selectors.isNull(newSs) && target64 && rpl != 3) {
                ssRaw = 0; // 64-bit mode permits a null SS below ring 3
            } else {
                ssRaw = SegmentLoader.checkStack(s, m, newSs, rpl, false);
            }
        }
        FarTransfer.checkTarget(s, csRaw, newRip);
        // Commit.
        long newFlags = mergeFlags(rflags, popped, w, cpl);
        SegmentLoader.loadCode(s, m, newCs, csRaw, rpl);
        s.setRip(newRip);
        s.setRflags(newFlags);
        if (popStack) {
            SegmentLoader.loadStack(s, m, newSs, ssRaw);
            FarTransfer.setRspForNewStack(s, ssRaw, newRsp);
        } else {
            s.setRsp(stack.mergeInto(s.rsp()));
        }
        if (rpl > cpl) {
            nullifyDataSegments(s, rpl);
        }
    }

    /**
     * Segments the outer ring may not use become null (SDM IRET: "RETURN-TO-OUTER-PRIVILEGE-LEVEL").
     * An FS/GS that already holds a null selector is left alone: in 64-bit mode its base is the
     * one WRMSR IA32_FS_BASE/GS_BASE wrote (Linux TLS: null selector, MSR base, IRETQ to ring 3),
     * and hardware keeps it (QEMU's validate_seg does the same).
     */
    static void nullifyDataSegments(SegmentState s, int newCpl) {
        for (int sreg : new int[] {SegmentState.ES, SegmentState.DS, SegmentState.FS, SegmentState.GS}) {
            if ((sreg == SegmentState.FS || sreg == SegmentState.GS) && (s.selector(sreg) & 0xfffc) == 0) {
                continue;
            }
            int attr = s.attributes(sreg);
            boolean dataOrNonConforming = Descriptor.isData(attr) || !Descriptor.isConforming(attr);
            if (dataOrNonConforming && Descriptor.dpl(attr) < newCpl) {
                s.loadSegment(sreg, 0, 0, 0, 0);
            }
        }
    }

    /** EFLAGS update rules: IF needs CPL ≤ IOPL, IOPL/VIF/VIP need CPL 0. */
    static long mergeFlags(long old, long popped, int w, int cpl) {
        long mask = ALWAYS;
        if (cpl <= IoPermission.iopl(old)) {
            mask |= Flags.IF;
        }
        if (cpl == 0) {
            mask |= Flags.IOPL | Flags.VIF | Flags.VIP;
        }
        if (w == 2) {
            mask &= 0xffff;
        }
        // Reserved bits 3, 5, 15 and 63:22 read as 0, bit 1 as 1.
        return ((old & ~mask) | (popped & mask)) & 0x3f_7fd5L | Flags.FIXED1;
    }

    private static Stack currentStack(InterruptState s, SystemMemory m, boolean mode64, int cpl) {
        if (mode64) {
            return new Stack(m, 0, 0, 0, 8, s.rsp(), cpl == 3, 0);
        }
        int attr = s.attributes(SegmentState.SS);
        int size = (attr & Descriptor.ATTR_DB) != 0 ? 4 : 2;
        return new Stack(m, s.base(SegmentState.SS), s.limit(SegmentState.SS), attr, size, s.rsp(), cpl == 3, 0);
    }

    private static void realMode(InterruptState s, SystemMemory m, int w) {
        Stack stack = new Stack(m, s.base(SegmentState.SS), s.limit(SegmentState.SS), -1,
                (s.attributes(SegmentState.SS) & Descriptor.ATTR_DB) != 0 ? 4 : 2, s.rsp(), false, 0);
        long ip = stack.pop(w);
        int cs = (int) stack.pop(w) & 0xffff;
        long popped = stack.pop(w);
        if (ip > (s.limit(SegmentState.CS) & 0xffff_ffffL)) {
            throw GuestFault.gp(0);
        }
        long old = s.rflags();
        long flags;
        if (w == 2) {
            flags = (old & ~0xffffL) | (popped & 0xffff);
        } else {
            // Real-mode IRETD keeps VM, VIF, VIP (SDM: tempEFLAGS AND 257FD5H) OR (EFLAGS AND 1A0000H).
            flags = (popped & 0x257fd5L) | (old & 0x1a_0000L);
        }
        s.setRsp(stack.mergeInto(s.rsp()));
        s.loadSegment(SegmentState.CS, cs, (long) cs << 4, s.limit(SegmentState.CS), s.attributes(SegmentState.CS));
        s.setRip(ip & 0xffff_ffffL);
        s.setRflags((flags & 0x3f_7fd5L) | Flags.FIXED1);
    }
}
