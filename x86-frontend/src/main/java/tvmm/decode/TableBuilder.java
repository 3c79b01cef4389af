package tvmm.decode;

/**
 * Builds {@link Entry} trees from the opcode table text. A line is
 * {@code OPCODE [selectors] OP [operands] [flags]}, e.g. {@code 80 /0 ADD Eb,Ib lock} or
 * {@code 10 F3 MOVSS Vss,Wss}. Selectors: /0-/7 (ModRM.reg), mem, reg, rm0-rm7 (mod=3
 * and ModRM.rm), NP/66/F3/F2 (mandatory prefix), W0/W1, o16/o32/o64 (operand size),
 * n64/x64 (outside/inside 64-bit mode), L0/L1/L2 (vector length), a16/a32/a64.
 * A later line for a path that a general line already covers overrides it there.
 */
final class TableBuilder {
    private TableBuilder() {
    }

    /** Adds every line of {@code text} to {@code map}. */
    static void addAll(Entry[] map, String text) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                add(map, line);
            } catch (RuntimeException e) {
                throw new IllegalStateException("opcode table line '" + line + "': " + e.getMessage(), e);
            }
        }
    }

    private static void add(Entry[] map, String line) {
        String[] t = line.split("\\s+");
        int opcode = Integer.parseInt(t[0], 16);
        int[] selKind = new int[8];
        int[] selIdx = new int[8];
        int n = 0;
        int i = 1;
        Op op = null;
        for (; i < t.length; i++) {
            String s = t[i];
            if (s.length() == 2 && s.charAt(0) == '/') {
                selKind[n] = Entry.SEL_REG; selIdx[n++] = s.charAt(1) - '0';
            } else if (s.equals("mem")) {
                selKind[n] = Entry.SEL_MOD; selIdx[n++] = 0;
            } else if (s.equals("reg")) {
                selKind[n] = Entry.SEL_MOD; selIdx[n++] = 1;
            } else if (s.length() == 3 && s.startsWith("rm")) {
                selKind[n] = Entry.SEL_MOD; selIdx[n++] = 1;
                selKind[n] = Entry.SEL_RM; selIdx[n++] = s.charAt(2) - '0';
            } else if (s.equals("NP") || s.equals("66") || s.equals("F3") || s.equals("F2")) {
                selKind[n] = Entry.SEL_PREFIX;
                selIdx[n++] = s.equals("NP") ? 0 : s.equals("66") ? 1 : s.equals("F3") ? 2 : 3;
            } else if (s.equals("W0") || s.equals("W1")) {
                selKind[n] = Entry.SEL_W; selIdx[n++] = s.charAt(1) - '0';
            } else if (s.equals("o16") || s.equals("o32") || s.equals("o64")) {
                selKind[n] = Entry.SEL_OSIZE; selIdx[n++] = s.equals("o16") ? 0 : s.equals("o32") ? 1 : 2;
            } else if (s.equals("a16") || s.equals("a32") || s.equals("a64")) {
                selKind[n] = Entry.SEL_ASIZE; selIdx[n++] = s.equals("a16") ? 0 : s.equals("a32") ? 1 : 2;
            } else if (s.equals("n64") || s.equals("x64")) {
                selKind[n] = Entry.SEL_MODE; selIdx[n++] = s.equals("x64") ? 1 : 0;
            } else if (s.equals("L0") || s.equals("L1") || s.equals("L2")) {
                selKind[n] = Entry.SEL_L; selIdx[n++] = s.charAt(1) - '0';
            } else {
                op = Op.valueOf(s);
                i++;
                break;
            }
        }
        if (op == null) {
            throw new IllegalArgumentException("no operation");
        }
        int[] ops = new int[0];
        int flags = 0;
        int tuple = 0;
        for (; i < t.length; i++) {
            String s = t[i];
            int f = flag(s);
            if (f != 0) {
                flags |= f;
            } else if (s.startsWith("t=")) {
                tuple = Integer.parseInt(s.substring(2));
            } else {
                String[] parts = s.split(",");
                ops = new int[parts.length];
                for (int k = 0; k < parts.length; k++) {
                    ops[k] = Spec.parse(parts[k]);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (selKind[k] == Entry.SEL_REG || selKind[k] == Entry.SEL_MOD || selKind[k] == Entry.SEL_RM) {
                flags |= Entry.F_MODRM;
            }
        }
        for (int spec : ops) {
            if (needsModrm(Spec.method(spec))) {
                flags |= Entry.F_MODRM;
            }
            if (Spec.method(spec) == Spec.RR) {
                flags |= Entry.F_MODREG;
            }
        }
        boolean usesVvvv = false;
        for (int spec : ops) {
            int m = Spec.method(spec);
            usesVvvv |= m == Spec.H || m == Spec.B || m == Spec.KH;
        }
        if (!usesVvvv) {
            flags |= Entry.F_NOVVVV;
        }
        Entry form = new Entry(op, ops, flags, tuple);
        map[opcode] = insert(map[opcode], selKind, selIdx, n, 0, form);
    }

    private static int flag(String s) {
        switch (s) {
            case "lock": return Entry.F_LOCK;
            case "d64": return Entry.F_D64;
            case "f64": return Entry.F_F64;
            case "i64": return Entry.F_I64;
            case "o64": return Entry.F_O64;
            case "cc": return Entry.F_CC;
            case "rep": return Entry.F_REP;
            case "modrm": return Entry.F_MODRM;
            case "novvvv": return Entry.F_NOVVVV;
            case "b4": return Entry.F_BCST4;
            case "b8": return Entry.F_BCST8;
            case "er": return Entry.F_ER;
            case "sae": return Entry.F_SAE;
            case "nomask": return Entry.F_NOMASK;
            case "lig": return Entry.F_LIG;
            default: return 0;
        }
    }

    static boolean needsModrm(int method) {
        switch (method) {
            case Spec.E: case Spec.M: case Spec.R: case Spec.G: case Spec.SEGR: case Spec.C:
            case Spec.D: case Spec.V: case Spec.W: case Spec.U: case Spec.P: case Spec.Q:
            case Spec.N: case Spec.STI: case Spec.KR: case Spec.KM: case Spec.KU: case Spec.VSIB:
            case Spec.GR: case Spec.RR:
                return true;
            default:
                return false;
        }
    }

    private static Entry insert(Entry cur, int[] kind, int[] idx, int n, int depth, Entry form) {
        if (depth == n) {
            if (cur == null || cur.kind == Entry.FORM) {
                return form;
            }
            fill(cur, form);
            return cur;
        }
        if (cur == null) {
            cur = new Entry(kind[depth], Entry.children(kind[depth]));
        } else if (cur.kind == Entry.FORM) {
            Entry old = cur;
            cur = new Entry(kind[depth], Entry.children(kind[depth]));
            java.util.Arrays.fill(cur.next, old);
        } else if (cur.kind != kind[depth]) {
            // A differently keyed selector already sits here: descend into every child.
            for (int c = 0; c < cur.next.length; c++) {
                cur.next[c] = insert(cur.next[c], kind, idx, n, depth, form);
            }
            return cur;
        }
        cur.next[idx[depth]] = insert(cur.next[idx[depth]], kind, idx, n, depth + 1, form);
        return cur;
    }

    private static void fill(Entry node, Entry form) {
        for (int c = 0; c < node.next.length; c++) {
            if (node.next[c] == null) {
                node.next[c] = form;
            } else if (node.next[c].kind != Entry.FORM) {
                fill(node.next[c], form);
            }
        }
    }

    /**
     * Where a VEX/EVEX opcode is defined for only one value of W, the other value decodes
     * to the same form (W is ignored), as capstone and current processors do.
     */
    static void wIgnoredWhereUnpaired(Entry e) {
        if (e == null || e.kind == Entry.FORM) {
            return;
        }
        if (e.kind == Entry.SEL_W) {
            if (e.next[0] == null) {
                e.next[0] = e.next[1];
            } else if (e.next[1] == null) {
                e.next[1] = e.next[0];
            }
        }
        for (Entry c : e.next) {
            wIgnoredWhereUnpaired(c);
        }
    }

    /** True when any form under {@code e} has a ModRM byte. */
    static boolean hasModrm(Entry e) {
        if (e == null) {
            return false;
        }
        if (e.kind == Entry.FORM) {
            return (e.flags & Entry.F_MODRM) != 0;
        }
        if (e.kind == Entry.SEL_REG || e.kind == Entry.SEL_MOD || e.kind == Entry.SEL_RM) {
            return true;
        }
        for (Entry c : e.next) {
            if (hasModrm(c)) {
                return true;
            }
        }
        return false;
    }
}
