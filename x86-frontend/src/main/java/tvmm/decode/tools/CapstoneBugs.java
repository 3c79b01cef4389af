package tvmm.decode.tools;

import tvmm.decode.Decoder;
import tvmm.decode.Encoding;
import tvmm.decode.Instruction;
import tvmm.decode.Op;
import tvmm.decode.Prefix;
import tvmm.decode.Status;

/**
 * The written list of capstone 4.0.2 errors (x86-frontend/CAPSTONE-BUGS.md) as code: the
 * only way a comparison may exclude an instruction. Each rule returns the id of its entry.
 */
public final class CapstoneBugs {
    private CapstoneBugs() {
    }

    /** The id of the documented capstone bug this position shows, or null. */
    public static String match(byte[] code, int pos, Instruction ours, Reference.Insn theirs) {
        boolean theirsOk = theirs.length() > 0;
        String tm = theirs.mnemonic();
        if (ours.status == Status.OK) {
            if (!theirsOk && isAvx512(ours)) {
                return "avx512-missing";
            }
            if (theirsOk && ours.encoding == Encoding.EVEX && (ours.modrm >> 6) == 3
                    && theirs.length() == ours.length + 1 && theirs.operands().contains("sae}")) {
                return "evex-rounding-length";
            }
            if (theirsOk && ours.encoding == Encoding.EVEX && ours.index != null && ours.index.isGpr()
                    && theirs.operands().matches(".*\\[[^]]*[xyz]mm\\d+[^]]*\\].*")) {
                return "evex-vprime-index";
            }
            if (theirsOk && ours.mode == 64 && ours.segment != null && ours.segment.num >= 4
                    && ours.segmentOverride != null && ours.segmentOverride.num < 4
                    && theirs.operands().contains(ours.segmentOverride.text + ":")) {
                return "seg-override-64"; // an ignored ES/CS/SS/DS after FS/GS printed as the segment
            }
            if (!theirsOk && ours.op == Op.MOV && ours.map == 0 && (ours.opcode == 0x8C || ours.opcode == 0x8E)
                    && (ours.rex & 4) != 0) {
                return "sreg-rex-r";
            }
            switch (ours.op) {
                case UD1:
                case UD0:
                    return !theirsOk || tm.equals("ud2b") || tm.equals("ud0") ? "ud0-ud1-modrm" : null;
                case CALL: case JMP: case RET:
                case JO: case JNO: case JB: case JAE: case JE: case JNE: case JBE: case JA:
                case JS: case JNS: case JP: case JNP: case JL: case JGE: case JLE: case JG:
                    return theirsOk && theirs.length() != ours.length && ours.mode == 64
                            && (ours.hasPrefix(Prefix.OPSIZE) || ours.hasPrefix(Prefix.ADDRSIZE)) ? "near-branch-size" : null;
                case MOVSXD:
                    return ours.operandSize != 8 && theirsOk && theirs.operands().startsWith("r") ? "movsxd-r32" : null;
                case CBW:
                case CWD:
                    return ours.operandSize == 2 && (tm.equals("cwde") || tm.equals("cdq")) ? "cbw-cwd-16" : null;
                case NOP:
                    return !theirsOk && ours.map == 1 && ours.opcode >= 0x18 && ours.opcode <= 0x1F
                            && (ours.modrm >> 6) == 3 ? "reserved-nop-reg" : null;
                case PREFETCH:
                    return !theirsOk ? "amd-prefetch" : null;
                case RDPKRU: case WRPKRU: case MONITORX: case MWAITX: case PREFETCHWT1:
                    return !theirsOk ? "unknown-valid" : null;
                case RDPID:
                    return tm.equals("rdseed") ? "rdpid" : null;
                case LFENCE: case MFENCE: case SFENCE:
                    return !theirsOk ? "fence-forms" : null;
                default:
                    return null;
            }
        }
        if (ours.status != Status.INVALID || !theirsOk) {
            return null;
        }
        if (ours.map == 1 && (ours.opcode == 0x0F || ours.opcode == 0x0E) && ours.encoding == Encoding.LEGACY) {
            return "3dnow";
        }
        if (ours.map == 1 && (ours.opcode == 0xA6 || ours.opcode == 0xA7) && ours.encoding == Encoding.LEGACY
                && (tm.startsWith("xcrypt") || tm.startsWith("xsha") || tm.equals("montmul") || tm.equals("xstore"))) {
            return "via-padlock";
        }
        if (ours.map == 0 && ours.opcode == 0x8F && tm.startsWith("v")) {
            return "fma4"; // AMD XOP (8F escape)
        }
        if (ours.encoding == Encoding.VEX && ours.map == 3 && ours.opcode >= 0x5C && ours.opcode <= 0x7F
                && theirs.mnemonic().startsWith("vf")) {
            return "fma4";
        }
        if (ours.encoding == Encoding.EVEX && evexReservedLength(code, pos)) {
            return "evex-reserved-ll";
        }
        if (ours.encoding != Encoding.LEGACY && vexAfterLegacyPrefix(code, pos)) {
            return "vex-legacy-prefix";
        }
        if (ours.encoding == Encoding.VEX && ours.map == 2 && ours.opcode >= 0x90 && ours.opcode <= 0x93
                && tm.contains("gather") && (ours.modrm & 7) != 4) {
            return "vsib-without-sib";
        }
        if (ours.encoding == Encoding.VEX && ours.map == 3 && (ours.opcode == 0x48 || ours.opcode == 0x49)) {
            return "fma4";
        }
        if (tm.equals("mov") && ours.map == 1 && ours.opcode >= 0x20 && ours.opcode <= 0x23) {
            return "reserved-cr-dr";
        }
        if (tm.equals("mov") && ours.map == 0 && ours.opcode == 0x8E && ours.encoding == Encoding.LEGACY
                && theirs.operands().startsWith("cs,")) {
            return "mov-cs";
        }
        if (withoutPrefix(code, pos, ours.mode, theirs, 0xF0)) {
            return "lock-validity";
        }
        if (withoutPrefix(code, pos, ours.mode, theirs, 0xF3) || withoutPrefix(code, pos, ours.mode, theirs, 0xF2)) {
            return "np-prefix";
        }
        return null;
    }

    /** An AVX-512 operation (EVEX) or an opmask (K*) instruction. */
    private static boolean isAvx512(Instruction in) {
        return in.encoding == Encoding.EVEX || in.op.ordinal() >= Op.KADDB.ordinal() && in.op.name().startsWith("K");
    }

    /** EVEX.L'L = 11b without EVEX.b on a register form (reserved: #UD). */
    private static boolean evexReservedLength(byte[] code, int pos) {
        int i = pos;
        while (i < code.length && (code[i] & 0xff) != 0x62 && isPrefix(code[i] & 0xff)) {
            i++;
        }
        if (i + 5 >= code.length || (code[i] & 0xff) != 0x62) {
            return false;
        }
        int p2 = code[i + 3] & 0xff;
        boolean regForm = ((code[i + 5] & 0xff) >> 6) == 3;
        return ((p2 >> 5) & 3) == 3 && !((p2 & 0x10) != 0 && regForm);
    }

    /** A 66/F2/F3/LOCK or REX directly before a C4/C5/62 that capstone took as VEX/EVEX. */
    private static boolean vexAfterLegacyPrefix(byte[] code, int pos) {
        int i = pos;
        boolean prefixed = false;
        while (i < code.length && i - pos < 15) {
            int b = code[i] & 0xff;
            if (b == 0xC4 || b == 0xC5 || b == 0x62) {
                return prefixed;
            }
            if (b == 0x66 || b == 0xF2 || b == 0xF3 || b == 0xF0 || (b & 0xF0) == 0x40) {
                prefixed = true;
            } else if (!isPrefix(b)) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** True when the same bytes without their {@code prefix} bytes decode, with capstone's length. */
    private static boolean withoutPrefix(byte[] code, int pos, int bits, Reference.Insn theirs, int prefix) {
        int n = Math.min(theirs.length(), code.length - pos);
        byte[] copy = java.util.Arrays.copyOfRange(code, pos, pos + n);
        boolean any = false;
        for (int i = 0; i < copy.length && (isPrefix(copy[i] & 0xff) || bits == 64 && (copy[i] & 0xF0) == 0x40); i++) {
            if ((copy[i] & 0xff) == prefix) {
                copy[i] = 0x3E; // a DS override: a prefix byte with no effect on validity or length
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        Instruction again = Decoder.decodeOne(copy, 0, copy.length, bits);
        // capstone must have decoded the same operation, just ignoring the prefix.
        return again.status == Status.OK && again.length == theirs.length()
                && bare(tvmm.decode.Disassembler.mnemonic(again)).equals(bare(theirs.mnemonic()));
    }

    private static String bare(String mnemonic) {
        String m = mnemonic;
        for (String p : new String[] {"xacquire ", "xrelease ", "lock ", "rep ", "repe ", "repne ", "bnd "}) {
            if (m.startsWith(p)) {
                m = m.substring(p.length());
            }
        }
        return m;
    }

    private static boolean isPrefix(int b) {
        switch (b) {
            case 0xF0: case 0xF2: case 0xF3: case 0x66: case 0x67:
            case 0x26: case 0x2E: case 0x36: case 0x3E: case 0x64: case 0x65:
                return true;
            default:
                return false;
        }
    }

    /** Operand text normalized for comparison (capstone's stray space before a comma). */
    public static String normalize(String ops) {
        return ops.replace(" ,", ",").strip();
    }
}
