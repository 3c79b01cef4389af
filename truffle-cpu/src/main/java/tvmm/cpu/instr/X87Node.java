package tvmm.cpu.instr;

import tvmm.cpu.fpu.X87State;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * The part every x87 (and MMX) node shares: the device-not-available and pending-exception
 * checks that come before the operation (SDM Vol. 1 §8.7, Vol. 3 §2.5 CR0.EM/TS/NE), the
 * FIP/FCS/FOP and FDP/FDS bookkeeping after it (SDM Vol. 1 §8.1.8-8.1.9), and guest-memory
 * helpers for operands wider than 8 bytes.
 */
abstract class X87Node extends Insn {
    /** FOP: the low 3 bits of the first opcode byte and the ModRM byte (11 bits). */
    private final int fop;

    X87Node(long address, int length, int opcode, int modrm) {
        super(address, length);
        this.fop = ((opcode & 7) << 8) | (modrm & 0xff);
    }

    /** #NM when CR0.EM or CR0.TS is set; for waiting instructions then #MF for a pending unmasked exception. */
    static X87State enter(CpuState s, boolean waiting) {
        if ((s.cr0 & (ControlBits.CR0_EM | ControlBits.CR0_TS)) != 0) {
            throw GuestFault.of(Vectors.NM, 0);
        }
        X87State x = s.x87;
        if (waiting) {
            pending(s, x);
        }
        return x;
    }

    /**
     * A pending unmasked exception: #MF when CR0.NE = 1. With NE = 0 (MS-DOS compatible mode)
     * the CPU signals FERR# to the chipset instead; tvmm has no IRQ13 wiring and lets the
     * instruction run, as with IGNNE# asserted.
     */
    static void pending(CpuState s, X87State x) {
        if (x.pendingException() && (s.cr0 & ControlBits.CR0_NE) != 0) {
            throw GuestFault.of(Vectors.MF, 0);
        }
    }

    /** Records FIP/FCS/FOP of this instruction (non-control x87 instructions). */
    final void noteIp(CpuState s, X87State x) {
        long base = s.seg[CpuState.CS].base;
        x.fip = realMode(s) ? address & 0xffffffffL : s.codeSize == 8 ? address : (address - base) & 0xffffffffL;
        x.fcs = s.seg[CpuState.CS].selector;
        x.fop = fop;
    }

    /** Records FDP/FDS for a memory operand. */
    static void noteDp(CpuState s, X87State x, MemOperand m) {
        long ea = m.effectiveAddress(s);
        x.fdp = realMode(s) ? (s.seg[m.seg].base + ea) & 0xffffffffL : ea;
        x.fds = s.seg[m.seg].selector;
    }

    static boolean realMode(CpuState s) {
        return (s.cr0 & ControlBits.CR0_PE) == 0 || (s.rflags & Flags.VM) != 0;
    }

    /** Checks that all of [loc, loc+size) may be written (before any state changes), one probe per end. */
    static void probeWrite(CpuState s, long loc, int size) {
        s.mem.readForWrite(loc, 1);
        if (size > 1) {
            // The first byte of the last page: a fault there reports that address in CR2, as the processor does.
            s.mem.readForWrite(Math.max(loc, (loc + size - 1) & ~0xfffL), 1);
        }
    }

    /** Reads {@code n} bytes (n even) of guest memory. */
    static byte[] readBytes(CpuState s, long loc, int n) {
        byte[] b = new byte[n];
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            put(b, i, s.mem.read(loc + i, 8), 8);
        }
        for (; i < n; i += 2) {
            put(b, i, s.mem.read(loc + i, 2), 2);
        }
        return b;
    }

    /** Writes {@code n} bytes (n even); the caller probed the range first. */
    static void writeBytes(CpuState s, long loc, byte[] b, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            s.mem.write(loc + i, 8, get(b, i, 8));
        }
        for (; i < n; i += 2) {
            s.mem.write(loc + i, 2, get(b, i, 2));
        }
    }

    private static void put(byte[] b, int o, long v, int n) {
        for (int k = 0; k < n; k++) {
            b[o + k] = (byte) (v >>> (8 * k));
        }
    }

    private static long get(byte[] b, int o, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            v |= (b[o + k] & 0xffL) << (8 * k);
        }
        return v;
    }
}
