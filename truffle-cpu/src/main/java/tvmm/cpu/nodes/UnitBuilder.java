package tvmm.cpu.nodes;

import com.oracle.truffle.api.TruffleLanguage;
import java.util.ArrayList;
import java.util.List;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.mem.MemoryAccess;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.state.CpuState;
import tvmm.decode.Decoder;
import tvmm.decode.Instruction;
import tvmm.decode.Status;

/**
 * Decodes guest code into a {@link UnitRoot}: straight-line from the start address up to an
 * instruction that leaves (indirect branch, call, return, mode change), an unconditional
 * jump, the end of the page, or {@link #MAX_INSNS}. Conditional branches stay inside: a
 * target that is an instruction of the unit becomes a jump between its nodes.
 *
 * <p>The page is marked as holding code before its bytes are read, so a later store to it is
 * seen by the self-modifying-code check.
 */
public final class UnitBuilder {
    public static final int MAX_INSNS = 256;

    private final TruffleLanguage<?> language;
    private final InsnFactory factory;
    private final Decoder decoder = new Decoder();
    private final byte[] buf = new byte[(int) PhysicalMemory.PAGE_SIZE + Decoder.MAX_LENGTH];

    public UnitBuilder(TruffleLanguage<?> language, InsnFactory factory) {
        this.language = language;
        this.factory = factory;
    }

    /**
     * Builds the unit starting at {@code rip} (an offset in CS; at {@code linear}, physical
     * {@code pa}); {@code stopAt} is a RIP the unit must not include (-1 for none).
     */
    public Unit build(CpuState s, long rip, long linear, long pa, long stopAt) {
        return build(s, rip, linear, pa, stopAt, MAX_INSNS);
    }

    /** As above with at most {@code maxInsns} instructions (1 for single-stepping). */
    public Unit build(CpuState s, long rip, long linear, long pa, long stopAt, int maxInsns) {
        MemoryAccess mem = s.mem;
        PhysicalMemory phys = mem.physical();
        int version = phys.isRam(pa) ? phys.markCode(pa) : 0;
        int inPage = (int) (PhysicalMemory.PAGE_SIZE - (pa & PhysicalMemory.PAGE_MASK));
        for (int i = 0; i < inPage; i++) {
            buf[i] = (byte) readCode(mem, phys, pa + i);
        }
        int bits = s.codeSize * 8;
        List<Insn> insns = new ArrayList<>();
        int off = 0;
        long linear2 = -1;
        long physical2 = -1;
        int version2 = 0;
        // Outside 64-bit mode every instruction byte must lie within CS.limit (SDM Vol. 3
        // §5.3): an instruction that does not raises #GP(0) when it is reached.
        long csLimit = s.codeSize == 8 ? -1 : s.seg[CpuState.CS].limit & 0xffffffffL;
        while (off < inPage && insns.size() < maxInsns) {
            long address = rip + off;
            if (address == stopAt) {
                break;
            }
            if (csLimit >= 0 && address > csLimit) {
                if (insns.isEmpty()) {
                    insns.add(beyondLimit(address));
                    off += 1;
                }
                break;
            }
            Instruction d = decoder.decode(buf, off, inPage - off, bits);
            if (d.status == Status.TRUNCATED) {
                if (!insns.isEmpty()) {
                    break; // the next unit starts with the page-crossing instruction
                }
                // The first instruction crosses the page: fetch the next page (may raise #PF
                // with CR2 = the next page's address, as the hardware's fetch does).
                linear2 = linear + inPage;
                physical2 = mem.translateFetch(linear2);
                version2 = phys.isRam(physical2) ? phys.markCode(physical2) : 0;
                for (int i = 0; i < Decoder.MAX_LENGTH; i++) {
                    buf[inPage + i] = (byte) readCode(mem, phys, physical2 + i);
                }
                d = decoder.decode(buf, off, inPage - off + Decoder.MAX_LENGTH, bits);
            }
            if (csLimit >= 0 && address + Math.max(1, d.length) - 1 > csLimit) {
                if (insns.isEmpty()) {
                    insns.add(beyondLimit(address));
                    off += 1;
                }
                break;
            }
            Insn n = create(d, address, s);
            insns.add(n);
            off += Math.max(1, d.length);
            byte k = n.kind();
            if (k == Insn.LEAVE || k == Insn.JUMP || physical2 >= 0) {
                break;
            }
        }
        UnitRoot root = new UnitRoot(language, s, rip, insns.toArray(new Insn[0]), rip + off);
        return new Unit(root, pa, s.modeKey, version, linear2, physical2, version2, csLimit);
    }

    /** An instruction fetched (partly) beyond CS.limit: #GP(0) at its address. */
    private static Insn beyondLimit(long address) {
        return new Insn(address, 1) {
            @Override
            public byte kind() {
                return LEAVE;
            }

            @Override
            public void execute(CpuState st) {
                throw GuestFault.gp(0);
            }
        };
    }

    /**
     * The factory's node, or a #UD node if building it failed: an instruction tvmm cannot
     * build must not take the VMM down (logged once per unit build).
     */
    private Insn create(Instruction d, long address, CpuState s) {
        try {
            return factory.create(d, address, s);
        } catch (RuntimeException e) {
            System.err.println("tvmm: cpu: cannot build " + d + " at " + Long.toHexString(address) + " (" + e + "): #UD");
            return new Insn(address, Math.max(1, d.length)) {
                @Override
                public byte kind() {
                    return LEAVE;
                }

                @Override
                public void execute(CpuState st) {
                    throw GuestFault.ud();
                }
            };
        }
    }

    private static int readCode(MemoryAccess mem, PhysicalMemory phys, long pa) {
        if (phys.isPlainRead(pa)) {
            return phys.ram8(pa);
        }
        // Code in an MMIO hole (e.g. a flash device): fetch through the exit port.
        return (int) mem.exits().mmioRead(pa, 1) & 0xff;
    }

    /** Raised as #GP(0) for an instruction longer than 15 bytes (SDM Vol. 2 §2.3.11). */
    public static GuestFault tooLong() {
        return GuestFault.gp(0);
    }
}
