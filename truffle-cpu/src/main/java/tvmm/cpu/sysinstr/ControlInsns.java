package tvmm.cpu.sysinstr;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.mmu.ControlRegisters;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;

/**
 * Control and debug registers, and cache/TLB maintenance: MOV to/from CR0/2/3/4/8 and DR0–7,
 * CLTS, LMSW, SMSW, INVLPG, WBINVD/INVD. Writes that can change the mode or the code
 * mapping end the unit ({@link Insn#LEAVE}).
 */
final class ControlInsns {
    private ControlInsns() {
    }

    static void requireRing0(CpuState s) {
        if (s.cpl != 0) {
            throw GuestFault.gp(0);
        }
    }

    static boolean mode64(CpuState s) {
        return s.codeSize == 8;
    }

    static final class MovToCr extends LeavingInsn {
        private final int cr;
        private final RegOperand src;
        private final SystemCpu sys;

        MovToCr(long address, int length, int cr, RegOperand src, SystemCpu sys) {
            super(address, length);
            this.cr = cr;
            this.src = src;
            this.sys = sys;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            requireRing0(s);
            long v = src.get(s);
            long oldCr0 = s.cr0;
            long oldCr4 = s.cr4;
            long oldEfer = s.efer;
            switch (cr) {
                case 0 -> {
                    s.cr0 = ControlRegisters.checkCr0(v, s.cr4, s.efer, mode64(s));
                    s.efer = ControlRegisters.eferAfterCr0(s.cr0, s.efer);
                    changed(s, oldCr0, oldCr4, oldEfer);
                }
                case 2 -> s.cr2 = v;
                case 3 -> {
                    long old = s.cr3;
                    s.cr3 = ControlRegisters.checkCr3(v, s.efer);
                    try {
                        sys.mmu.cr3Written();
                    } catch (GuestFault f) {
                        s.cr3 = old; // invalid PAE PDPTEs: the MOV faults without effect
                        throw f;
                    }
                }
                case 4 -> {
                    s.cr4 = ControlRegisters.checkCr4(v, s.cr4, s.efer);
                    changed(s, oldCr0, oldCr4, oldEfer);
                }
                default -> {
                    // CR8 is the local APIC's TPR[7:4]; TPR[3:0] become 0 (SDM vol. 3 §10.8.6.5).
                    s.cr8 = ControlRegisters.checkCr8(v);
                    sys.platform.writeTpr((int) s.cr8 << 4);
                }
            }
            s.updateMode();
            s.rip = next();
        }

        private void changed(CpuState s, long oldCr0, long oldCr4, long oldEfer) {
            try {
                sys.mmu.controlRegistersChanged(oldCr0, oldCr4, oldEfer);
            } catch (GuestFault f) {
                s.cr0 = oldCr0;
                s.cr4 = oldCr4;
                s.efer = oldEfer;
                throw f;
            }
        }
    }

    static final class MovFromCr extends Insn {
        private final int cr;
        private final RegOperand dst;
        private final SystemCpu sys;

        MovFromCr(long address, int length, int cr, RegOperand dst, SystemCpu sys) {
            super(address, length);
            this.cr = cr;
            this.dst = dst;
            this.sys = sys;
        }

        @Override
        public void execute(CpuState s) {
            requireRing0(s);
            long v = switch (cr) {
                case 0 -> s.cr0;
                case 2 -> s.cr2;
                case 3 -> s.cr3;
                case 4 -> s.cr4;
                default -> cr8(s); // the TPR may have been written through the APIC since
            };
            dst.set(s, v);
        }

        @TruffleBoundary
        private long cr8(CpuState s) {
            s.cr8 = (sys.platform.readTpr() >>> 4) & 0xf;
            return s.cr8;
        }
    }

    /**
     * MOV to/from DRn; DR4/5 alias DR6/7 while CR4.DE = 0. A write ends the unit: the engine
     * looks at DR7 between instructions to arm breakpoints ({@link tvmm.cpu.state.DebugRegisters}).
     */
    static final class MovDr extends Insn {
        private final int dr;
        private final RegOperand reg;
        private final boolean toDr;

        MovDr(long address, int length, int dr, RegOperand reg, boolean toDr) {
            super(address, length);
            this.dr = dr;
            this.reg = reg;
            this.toDr = toDr;
        }

        @Override
        public byte kind() {
            return toDr ? LEAVE : SEQ;
        }

        @Override
        public void execute(CpuState s) {
            requireRing0(s);
            int n = dr;
            if (n == 4 || n == 5) {
                if ((s.cr4 & ControlBits.CR4_DE) != 0) {
                    throw GuestFault.ud();
                }
                n += 2;
            }
            if (!toDr) {
                reg.set(s, s.dr[n]);
                return;
            }
            long v = reg.get(s);
            if ((n == 6 || n == 7) && (v >>> 32) != 0) {
                throw GuestFault.gp(0);
            }
            // DR6 and DR7 have fixed bits (SDM vol. 3 §18.2.3-4).
            s.dr[n] = n == 6 ? (v | 0xffff0ff0L) & 0xffff_ffffL : n == 7 ? (v | 0x400) & ~0xd000L & 0xffff_ffffL : v;
            s.rip = next();
        }
    }

    static final class Clts extends Insn {
        Clts(long address, int length) {
            super(address, length);
        }

        @Override
        public void execute(CpuState s) {
            requireRing0(s);
            s.cr0 &= ~ControlBits.CR0_TS;
            s.updateMode(); // every CR0 write does (TS is read by the FPU nodes at run time)
        }
    }

    static final class Lmsw extends LeavingInsn {
        private final Operand src;
        private final SystemCpu sys;

        Lmsw(long address, int length, Operand src, SystemCpu sys) {
            super(address, length);
            this.src = src;
            this.sys = sys;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            requireRing0(s);
            long old = s.cr0;
            s.cr0 = ControlRegisters.lmsw(s.cr0, (int) src.get(s));
            sys.mmu.controlRegistersChanged(old, s.cr4, s.efer);
            s.updateMode();
            s.rip = next();
        }
    }

    /** SMSW: CR0's low bits; a register gets the operand size, memory always 16 bits. */
    static final class Smsw extends RmStoreInsn {
        Smsw(long address, int length, Operand dst) {
            super(address, length, dst);
        }

        @Override
        public void execute(CpuState s) {
            dst.set(s, s.cr0);
        }
    }

    /** INVLPG ends the unit: the current code page's translation may be the one dropped. */
    static final class Invlpg extends LeavingInsn {
        private final MemOperand target;
        private final SystemCpu sys;

        Invlpg(long address, int length, MemOperand target, SystemCpu sys) {
            super(address, length);
            this.target = target;
            this.sys = sys;
        }

        @Override
        @TruffleBoundary(transferToInterpreterOnException = false)
        public void execute(CpuState s) {
            requireRing0(s);
            long ea = target.effectiveAddress(s);
            long linear = mode64(s) ? (target.seg >= CpuState.FS ? s.seg[target.seg].base + ea : ea)
                    : (s.seg[target.seg].base + ea) & 0xffff_ffffL;
            sys.mmu.invlpg(linear); // no fault for any address (SDM INVLPG)
            s.rip = next();
        }
    }

    /** WBINVD/INVD: caches are not modelled; privileged. */
    static final class CacheFlush extends Insn {
        CacheFlush(long address, int length) {
            super(address, length);
        }

        @Override
        public void execute(CpuState s) {
            requireRing0(s);
        }
    }
}
