package tvmm.cpu.difftest;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import tvmm.cpu.difftest.Asm.Rm;
import tvmm.cpu.difftest.FpValues.Type;

/**
 * The mmx, sse, sse2, sse3, ssse3, sse41 and sse42 difftest classes: one form of
 * {@link SimdTable} with register or memory operands, random XMM/MMX/x87/MXCSR state of the
 * form's operand type ({@link FpImage}), and an imm8 that is uniform over 0-255 (so every
 * PCMPxSTRx and ROUNDxx control byte occurs) or, for comparisons and shifts, biased to the
 * defined values.
 */
final class SimdForms {
    private SimdForms() {
    }

    record Form(String name, String isa, int prefix, int[] opcode, char reg, int digit, char rm, int mem, char imm,
            Type type, int osize) {
    }

    static final Map<String, List<Form>> BY_ISA = parse();

    private static Map<String, List<Form>> parse() {
        Map<String, List<Form>> m = new TreeMap<>();
        for (String line : SimdTable.FORMS.lines().toList()) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            int osize = f.length > 9 ? Integer.parseInt(f[9]) : 4;
            Type type = f[8].equals("mx") ? Type.ANY : Type.valueOf(f[8].toUpperCase());
            if (f[2].equals("*")) { // SSSE3: the MMX form and the 66-prefixed XMM form
                add(m, f, 0, 'm', 'M', 8, type, osize);
                add(m, f, 0x66, 'x', 'X', 16, type, osize);
            } else {
                int pfx = f[2].equals("-") ? 0 : Integer.parseInt(f[2], 16);
                add(m, f, pfx, f[4].charAt(0), f[5].charAt(0), Integer.parseInt(f[6]), type, osize);
            }
        }
        return m;
    }

    private static void add(Map<String, List<Form>> m, String[] f, int pfx, char reg, char rm, int mem, Type type, int osize) {
        byte[] op = HexFormat.of().parseHex(f[3]);
        int[] opcode = new int[op.length];
        for (int i = 0; i < op.length; i++) {
            opcode[i] = op[i] & 0xff;
        }
        int digit = f[4].startsWith("/") ? f[4].charAt(1) - '0' : -1;
        Form form = new Form(f[0], f[1], pfx, opcode, digit >= 0 ? '/' : reg, digit, rm, mem, f[7].charAt(0), type, osize);
        m.computeIfAbsent(f[1], k -> new ArrayList<>()).add(form);
    }

    static void generate(GenContext c, String isa) {
        List<Form> forms = BY_ISA.get(isa);
        Form f = forms.get(c.r.nextInt(forms.size()));
        emit(c, f);
    }

    static void emit(GenContext c, Form f) {
        SplittableRandom r = c.r;
        FpImage.random(c, f.type());
        int reg = switch (f.reg()) {
            case '/' -> f.digit();
            case 'm' -> r.nextInt(8);
            case 'g' -> c.reg();
            default -> r.nextInt(16);
        };
        Rm rm;
        char k = f.rm();
        boolean mem = k == '@' || (Character.isUpperCase(k) && r.nextInt(3) == 0);
        if (mem) {
            rm = FpImage.mem(c, f.mem(), f.type());
            if (f.name().equals("ldmxcsr") && r.nextInt(8) != 0 && c.patch.length >= 4) {
                int mx = r.nextInt(65536); // a loadable value usually (reserved bits set: #GP)
                c.patch[0] = (byte) mx;
                c.patch[1] = (byte) (mx >>> 8);
                c.patch[2] = 0;
                c.patch[3] = 0;
            }
        } else if (k == 'm' || k == 'M') {
            rm = Rm.reg(r.nextInt(8));
        } else if (k == 'g' || k == 'R') {
            rm = Rm.reg(c.reg());
        } else {
            rm = Rm.reg(r.nextInt(16));
        }
        if (f.name().startsWith("maskmov")) {
            c.regs[7] = Layout.DATA_BASE + r.nextInt(0, (Layout.DATA_SIZE - 600) / 16) * 16 + (r.nextInt(8) == 0 ? r.nextInt(16) : 0);
        }
        if (f.name().startsWith("pcmpestr")) {
            for (int x : new int[] {0, 2}) {
                c.regs[x] = r.nextInt(3) == 0 ? FpValues.lane(r, f.osize() == 8 ? 8 : 4) : r.nextLong(-20, 21);
            }
        }
        c.asm.op(f.osize() == 2 ? 2 : f.osize() == 8 ? 8 : 4, f.prefix(), false, f.opcode(), reg, rm);
        int immPos = c.asm.size();
        switch (f.imm()) {
            case 'i' -> c.asm.imm(r.nextInt(256), 1);
            case 'c' -> c.asm.imm(r.nextInt(8) == 0 ? r.nextInt(256) : r.nextInt(8), 1);
            case 's' -> c.asm.imm(r.nextInt(4) == 0 ? r.nextInt(256) : r.nextInt(new int[] {8, 16, 32, 64}[r.nextInt(4)] + 2), 1);
            default -> {
            }
        }
        c.approx = f.name().startsWith("rcp") || f.name().startsWith("rsqrt");
        c.label = f.isa() + "/" + f.name() + (mem ? " mem" : "") + (immPos < c.asm.size() ? " imm" : "");
    }
}
