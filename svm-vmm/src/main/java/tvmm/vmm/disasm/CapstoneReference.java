package tvmm.vmm.disasm;

import capstone.Capstone;
import java.util.ArrayList;
import java.util.List;
import tvmm.decode.tools.Reference;

/** capstone 4 (JNA binding over Debian's libcapstone4) as the reference disassembler. */
public final class CapstoneReference implements Reference, AutoCloseable {
    private final Capstone cs;

    /** Opens capstone for x86 in {@code bits} mode; fails with a one-line message if libcapstone is missing. */
    public CapstoneReference(int bits) {
        try {
            cs = new Capstone(Capstone.CS_ARCH_X86,
                    bits == 16 ? Capstone.CS_MODE_16 : bits == 32 ? Capstone.CS_MODE_32 : Capstone.CS_MODE_64);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("cannot load capstone (apt-get install libcapstone4): " + e.getMessage(), e);
        }
    }

    @Override
    public List<Insn> decode(byte[] code, int offset, long address, int max) {
        int n = (int) Math.min(code.length - offset, (long) max * 15);
        byte[] window = offset == 0 && n == code.length ? code : java.util.Arrays.copyOfRange(code, offset, offset + n);
        Capstone.CsInsn[] insns = cs.disasm(window, address, max);
        List<Insn> out = new ArrayList<>(insns == null ? 0 : insns.length);
        if (insns != null) {
            for (Capstone.CsInsn i : insns) {
                out.add(new Insn(i.size, i.mnemonic, i.opStr));
            }
        }
        return out;
    }

    @Override
    public void close() {
        cs.close();
    }
}
