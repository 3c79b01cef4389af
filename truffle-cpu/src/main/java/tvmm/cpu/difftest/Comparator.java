package tvmm.cpu.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.state.Flags;

/**
 * Compares the host CPU's outcome of a case with tvmm's: exception vector (and for #PF/#GP
 * the error code, for #PF the address), RIP, all sixteen registers, the flags user code can
 * see minus the ones the generator marked undefined, and every byte of the data pages.
 */
public final class Comparator {
    private static final String[] NAMES = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10",
        "r11", "r12", "r13", "r14", "r15"};
    /** CF PF AF ZF SF TF IF DF OF NT AC ID: RF is set by the kernel in a signal frame, VM/VIF/VIP are not user state. */
    static final long VISIBLE = Flags.ARITH | Flags.TF | Flags.IF | Flags.DF | Flags.NT | Flags.AC | Flags.ID;

    private Comparator() {
    }

    /** The differences, one per line; empty when the outcomes agree. */
    public static List<String> diff(Case c, Outcome host, Outcome cpu) {
        List<String> d = new ArrayList<>();
        if (host.vector() != cpu.vector()) {
            d.add("exception: host " + vec(host.vector()) + " tvmm " + vec(cpu.vector()));
        } else if (host.vector() == Vectors.PF || host.vector() == Vectors.GP) {
            // Whether a kernel-half page is present depends on the host kernel's own page
            // tables, not on the CPU: ignore P there (user access to it faults either way).
            long ignore = host.vector() == Vectors.PF && host.faultAddress() < 0 ? 1 : 0;
            if (((host.errorCode() ^ cpu.errorCode()) & ~ignore) != 0) {
                d.add("error code: host " + host.errorCode() + " tvmm " + cpu.errorCode());
            }
            if (host.vector() == Vectors.PF && host.faultAddress() != cpu.faultAddress()) {
                d.add(String.format("cr2: host %x tvmm %x", host.faultAddress(), cpu.faultAddress()));
            }
        }
        // In compatibility mode only the low halves are architectural (SDM Vol. 1 §3.4.1.1).
        long regMask = c.mode() == 32 ? 0xffffffffL : -1L;
        if (((host.rip() ^ cpu.rip()) & regMask) != 0) {
            d.add(String.format("rip: host %x tvmm %x", host.rip(), cpu.rip()));
        }
        for (int i = 0; i < (c.mode() == 32 ? 8 : 16); i++) {
            if (((host.regs()[i] ^ cpu.regs()[i]) & regMask) != 0) {
                d.add(String.format("%s: host %016x tvmm %016x (was %016x)", NAMES[i], host.regs()[i], cpu.regs()[i], c.regs()[i]));
            }
        }
        long mask = VISIBLE & ~c.undefinedFlags();
        if (((host.rflags() ^ cpu.rflags()) & mask) != 0) {
            d.add(String.format("rflags: host %s tvmm %s (was %s, undefined %s)", flags(host.rflags()), flags(cpu.rflags()),
                    flags(c.rflags()), flags(c.undefinedFlags())));
        }
        if (!host.memory().equals(cpu.memory())) {
            TreeSet<Integer> offs = new TreeSet<>(host.memory().keySet());
            offs.addAll(cpu.memory().keySet());
            StringBuilder sb = new StringBuilder("memory:");
            int shown = 0;
            for (int off : offs) {
                Byte h = host.memory().get(off);
                Byte t = cpu.memory().get(off);
                if (h == null ? t != null : !h.equals(t)) {
                    if (shown++ < 16) {
                        sb.append(String.format(" [%x] host %s tvmm %s;", Layout.DATA_BASE + off, b(h), b(t)));
                    }
                }
            }
            d.add(sb.toString());
        }
        if (c.fx() != null) {
            FxCompare.diff(c, host.fx(), cpu.fx(), d);
        }
        return d;
    }

    private static String b(Byte v) {
        return v == null ? "unchanged" : String.format("%02x", v & 0xff);
    }

    private static String vec(int v) {
        return v < 0 ? "none" : v == 255 ? "timeout" : "#" + v;
    }

    static String flags(long f) {
        StringBuilder sb = new StringBuilder();
        String[] n = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF"};
        for (int i = 0; i < n.length; i++) {
            if (!n[i].isEmpty() && (f & (1L << i)) != 0) {
                sb.append(sb.isEmpty() ? "" : "|").append(n[i]);
            }
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }

    static Map<Integer, Byte> none() {
        return Map.of();
    }
}
