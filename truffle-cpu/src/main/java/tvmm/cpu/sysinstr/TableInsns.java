package tvmm.cpu.sysinstr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.interrupts.CpuStateView;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.seg.DescriptorInstructions;
import tvmm.cpu.seg.SystemSegments;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * Descriptor-table instructions: LGDT/LIDT/SGDT/SIDT, LLDT/SLDT, LTR/STR, and LAR/LSL/VERR/VERW
 * (which report through ZF instead of faulting).
 */
final class TableInsns {
    static final int GDT = 0;
    static final int IDT = 1;

    private TableInsns() {
    }

    /** LLDT, SLDT, LTR, STR, LAR, LSL, VERR, VERW and ARPL are #UD in real and virtual-8086 mode. */
    static void requireProtectedMode(CpuState s) {
        if ((s.cr0 & ControlBits.CR0_PE) == 0 || (s.rflags & Flags.VM) != 0) {
            throw GuestFault.ud();
        }
    }

    /** LGDT/LIDT m16&32 or m16&64. */
    static final class LoadTable extends Insn {
        private final int table;
        private final MemOperand src;
        private final int operandSize;

        LoadTable(long address, int length, int table, MemOperand src, int operandSize) {
            super(address, length);
            this.table = table;
            this.src = src;
            this.operandSize = operandSize;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            ControlInsns.requireRing0(s);
            boolean m64 = ControlInsns.mode64(s);
            int limit = (int) s.mem.read(SysOperands.at(s, src, 0, 2), 2);
            long rawBase = s.mem.read(SysOperands.at(s, src, 2, m64 ? 8 : 4), m64 ? 8 : 4);
            long base = SystemSegments.tableBase(rawBase, operandSize, m64);
            if (table == GDT) {
                s.gdtrBase = base;
                s.gdtrLimit = limit & 0xffff;
            } else {
                s.idtrBase = base;
                s.idtrLimit = limit & 0xffff;
            }
        }
    }

    /** SGDT/SIDT: limit then base (8 bytes in 64-bit mode, else 4). Not privileged (no UMIP). */
    static final class StoreTable extends Insn {
        private final int table;
        private final MemOperand dst;

        StoreTable(long address, int length, int table, MemOperand dst) {
            super(address, length);
            this.table = table;
            this.dst = dst;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            boolean m64 = ControlInsns.mode64(s);
            long limitAt = SysOperands.at(s, dst, 0, 2);
            long baseAt = SysOperands.at(s, dst, 2, m64 ? 8 : 4);
            long base = table == GDT ? s.gdtrBase : s.idtrBase;
            int limit = table == GDT ? s.gdtrLimit : s.idtrLimit;
            s.mem.readForWrite(baseAt, m64 ? 8 : 4); // both parts are checked before either is written
            s.mem.write(limitAt, 2, limit);
            s.mem.write(baseAt, m64 ? 8 : 4, base);
        }
    }

    /** LLDT and LTR. */
    static final class LoadSystemSegment extends Insn {
        private final boolean tr;
        private final Operand src;

        LoadSystemSegment(long address, int length, boolean tr, Operand src) {
            super(address, length);
            this.tr = tr;
            this.src = src;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            requireProtectedMode(s);
            ControlInsns.requireRing0(s);
            int selector = (int) src.get(s) & 0xffff;
            CpuStateView v = new CpuStateView(s);
            if (tr) {
                SystemSegments.ltr(v, v, selector);
            } else {
                SystemSegments.lldt(v, v, selector);
            }
        }
    }

    /** SLDT and STR: a register gets the zero-extended selector, memory 16 bits. */
    static final class StoreSystemSegment extends RmStoreInsn {
        private final boolean tr;

        StoreSystemSegment(long address, int length, boolean tr, Operand dst) {
            super(address, length, dst);
            this.tr = tr;
        }

        @Override
        public void execute(CpuState s) {
            requireProtectedMode(s);
            dst.set(s, tr ? s.tr.selector : s.ldtr.selector);
        }
    }

    static final int LAR = 0;
    static final int LSL = 1;
    static final int VERR = 2;
    static final int VERW = 3;

    /** LAR/LSL/VERR/VERW: ZF = 1 and (LAR/LSL) the destination written when the descriptor qualifies. */
    static final class CheckDescriptor extends Insn {
        private final int which;
        private final Operand dst;
        private final Operand src;

        CheckDescriptor(long address, int length, int which, Operand dst, Operand src) {
            super(address, length);
            this.which = which;
            this.dst = dst;
            this.src = src;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            requireProtectedMode(s);
            int selector = (int) src.get(s) & 0xffff;
            CpuStateView v = new CpuStateView(s); // folds the lazy flags: ZF is set below
            boolean ok;
            switch (which) {
                case LAR, LSL -> {
                    long r = which == LAR ? DescriptorInstructions.lar(v, v, selector)
                            : DescriptorInstructions.lsl(v, v, selector);
                    ok = r >= 0;
                    if (ok) {
                        dst.set(s, r);
                    }
                }
                case VERR -> ok = DescriptorInstructions.verr(v, v, selector);
                default -> ok = DescriptorInstructions.verw(v, v, selector);
            }
            s.rflags = ok ? s.rflags | Flags.ZF : s.rflags & ~Flags.ZF;
        }
    }
}
