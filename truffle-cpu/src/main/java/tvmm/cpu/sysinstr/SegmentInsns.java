package tvmm.cpu.sysinstr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.interrupts.CpuStateView;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.seg.SegmentLoader;
import tvmm.cpu.state.CpuState;

/**
 * Segment-register loads and stores: MOV Sreg, PUSH/POP Sreg, LDS/LES/LFS/LGS/LSS. Loads go
 * through {@link SegmentLoader} (all checks of the mode); loads of SS end the unit (stack size
 * and, for the engine, the MOV SS interrupt shadow). MOV to CS is #UD.
 */
final class SegmentInsns {
    private SegmentInsns() {
    }

    static void load(CpuState s, int sreg, int selector) {
        CpuStateView v = new CpuStateView(s);
        SegmentLoader.load(v, v, sreg, selector & 0xffff);
    }

    /**
     * A load of a segment register (MOV, POP, LDS..LSS). A load of SS ends the unit: the
     * stack size may change, and after MOV SS or POP SS the engine must see the interrupt shadow.
     */
    abstract static class SregLoad extends Insn {
        final int sreg;

        SregLoad(long address, int length, int sreg) {
            super(address, length);
            this.sreg = sreg;
        }

        @Override
        public final byte kind() {
            return sreg == CpuState.SS ? LEAVE : SEQ;
        }

        /**
         * After the load: a load of SS leaves the unit here; with {@code shadow} (MOV SS, POP SS,
         * not LSS) it also holds off events and #DB for one instruction (SDM vol. 3 §6.8.3).
         */
        final void finish(CpuState s, boolean shadow) {
            if (sreg == CpuState.SS) {
                if (shadow) {
                    s.interruptShadow = true;
                    s.debugShadow = true;
                }
                s.rip = next();
            }
        }
    }

    static final class MovToSreg extends SregLoad {
        private final Operand src;

        MovToSreg(long address, int length, int sreg, Operand src) {
            super(address, length, sreg);
            this.src = src;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            load(s, sreg, (int) src.get(s));
            finish(s, true);
        }
    }

    /** MOV r/m, Sreg: memory gets 16 bits, a register the zero-extended selector. */
    static final class MovFromSreg extends RmStoreInsn {
        private final int sreg;

        MovFromSreg(long address, int length, int sreg, Operand dst) {
            super(address, length, dst);
            this.sreg = sreg;
        }

        @Override
        public void execute(CpuState s) {
            dst.set(s, s.seg[sreg].selector);
        }
    }

    /** SS:sp as a linear address, checked for a push ({@code write}) or a pop. */
    static long stackLinear(CpuState s, long sp, int size, boolean write) {
        int ss = s.codeSize == 8 ? 8 : s.stackSize;
        long off = ss == 2 ? sp & 0xffff : ss == 4 ? sp & 0xffff_ffffL : sp;
        return MemOperand.linear(s, CpuState.SS, off, size, s.codeSize == 8, write);
    }

    static long newSp(CpuState s, long sp) {
        int ss = s.codeSize == 8 ? 8 : s.stackSize;
        long old = s.gpr[CpuState.RSP];
        return ss == 2 ? (old & ~0xffffL) | (sp & 0xffff) : ss == 4 ? sp & 0xffff_ffffL : sp;
    }

    static final class PushSreg extends Insn {
        private final int sreg;
        private final int size;

        PushSreg(long address, int length, int sreg, int size) {
            super(address, length);
            this.sreg = sreg;
            this.size = size;
        }

        @Override
        public byte kind() {
            return STORE;
        }

        @Override
        public void execute(CpuState s) {
            long sp = s.gpr[CpuState.RSP] - size;
            s.mem.write(stackLinear(s, sp, size, true), size, s.seg[sreg].selector);
            s.gpr[CpuState.RSP] = newSp(s, sp);
        }
    }

    static final class PopSreg extends SregLoad {
        private final int size;

        PopSreg(long address, int length, int sreg, int size) {
            super(address, length, sreg);
            this.size = size;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            long sp = s.gpr[CpuState.RSP];
            int selector = (int) s.mem.read(stackLinear(s, sp, size, false), size) & 0xffff;
            load(s, sreg, selector); // faults leave RSP unchanged
            s.gpr[CpuState.RSP] = newSp(s, sp + size);
            finish(s, true);
        }
    }

    /** LDS/LES/LFS/LGS/LSS r, m16:16/32/64: the offset, then the selector after it. */
    static final class LoadFarPointer extends SregLoad {
        private final RegOperand dst;
        private final MemOperand src;

        LoadFarPointer(long address, int length, int sreg, RegOperand dst, MemOperand src) {
            super(address, length, sreg);
            this.dst = dst;
            this.src = src;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            int w = dst.size;
            long offset = s.mem.read(SysOperands.at(s, src, 0, w), w);
            int selector = (int) s.mem.read(SysOperands.at(s, src, w, 2), 2);
            load(s, sreg, selector);
            dst.set(s, offset);
            finish(s, false);
        }
    }

    /** ARPL r/m16, r16 (protected mode, not 64-bit): raises the destination's RPL to the source's, ZF = adjusted. */
    static final class Arpl extends RmStoreInsn {
        private final Operand src;

        Arpl(long address, int length, Operand dst, Operand src) {
            super(address, length, dst);
            this.src = src;
        }

        @Override
        public void execute(CpuState s) {
            TableInsns.requireProtectedMode(s);
            long loc = dst.locate(s);
            long d = dst.readForWrite(s, loc);
            int rpl = (int) src.get(s) & 3;
            tvmm.cpu.state.Flags.materialize(s);
            if ((d & 3) < rpl) {
                dst.write(s, loc, (d & ~3L) | rpl);
                s.rflags |= tvmm.cpu.state.Flags.ZF;
            } else {
                s.rflags &= ~tvmm.cpu.state.Flags.ZF;
            }
        }
    }

    /** RDPMC: no performance counters exist (CPUID leaf 0xA reports none), so every counter is #GP(0). */
    static final class Rdpmc extends Insn {
        Rdpmc(long address, int length) {
            super(address, length);
        }

        @Override
        public void execute(CpuState s) {
            throw GuestFault.gp(0);
        }
    }

    static final class Invalid extends Insn {
        Invalid(long address, int length) {
            super(address, length);
        }

        @Override
        public void execute(CpuState s) {
            throw GuestFault.ud();
        }
    }
}
