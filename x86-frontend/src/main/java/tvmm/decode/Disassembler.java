package tvmm.decode;

/**
 * Intel-syntax text of a decoded instruction, following capstone's conventions (lower case,
 * "dword ptr [rbp - 8]", hexadecimal above 9) so the two can be compared operand by operand.
 * Only tools call this; the decoder itself never builds strings.
 */
public final class Disassembler {
    private Disassembler() {
    }

    /** The full text: mnemonic (with rep/lock prefixes) and operands; {@code ip} is the instruction's address. */
    public static String format(Instruction in, long ip) {
        String m = mnemonic(in);
        String o = operands(in, ip);
        return o.isEmpty() ? m : m + " " + o;
    }

    /** The mnemonic including printed prefixes ("rep stosq", "lock add"). */
    public static String mnemonic(Instruction in) {
        if (in.status != Status.OK) {
            return "(bad)";
        }
        StringBuilder sb = new StringBuilder();
        if (in.hasPrefix(Prefix.LOCK)) {
            sb.append("lock ");
        }
        if (!in.hasPrefix(Prefix.MANDATORY_F2F3)) {
            if (in.hasPrefix(Prefix.REP)) {
                sb.append(isCompareString(in.op) ? "repe " : "rep ");
            } else if (in.hasPrefix(Prefix.REPNE)) {
                sb.append("repne ");
            }
        }
        if (in.encoding != Encoding.LEGACY && !in.op.mnemonic.startsWith("v") && !in.op.mnemonic.startsWith("k")) {
            sb.append('v');
        }
        sb.append(baseMnemonic(in));
        return sb.toString();
    }

    private static boolean isCompareString(Op op) {
        switch (op) {
            case CMPS_B: case CMPS_W: case CMPS_D: case CMPS_Q:
            case SCAS_B: case SCAS_W: case SCAS_D: case SCAS_Q:
                return true;
            default:
                return false;
        }
    }

    private static String baseMnemonic(Instruction in) {
        if (in.op == Op.MOV && in.mode == 64
                && (in.kind(1) == OperandKind.IMM && in.size(1) == 8 || in.kind(0) == OperandKind.MOFFS
                || in.kind(1) == OperandKind.MOFFS)) {
            return "movabs";
        }
        return in.op.mnemonic;
    }

    /** The operands, comma separated. */
    public static String operands(Instruction in, long ip) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < in.operandCount; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            operand(sb, in, i, ip);
            if (i == 0 && in.mask != null) {
                sb.append(" {").append(in.mask.text).append('}');
            }
            if (i == 0 && in.zeroing) {
                sb.append(" {z}");
            }
        }
        return sb.toString();
    }

    private static void operand(StringBuilder sb, Instruction in, int i, long ip) {
        switch (in.kind(i)) {
            case REG:
                sb.append(in.reg(i).text);
                break;
            case IMM:
                imm(sb, immValue(in, i), in);
                break;
            case REL: {
                long target = ip + in.length + in.imm;
                int os = in.operandSize;
                if (os == 2) {
                    target &= 0xffff;
                } else if (os == 4 || in.mode != 64) {
                    target &= 0xffffffffL;
                }
                hex(sb, target);
                break;
            }
            case FAR:
                hex(sb, in.imm2);
                sb.append(':');
                hex(sb, in.imm);
                break;
            case MEM:
                memory(sb, in, in.size(i));
                break;
            case MOFFS:
                sizePtr(sb, in.size(i));
                segmentPrefix(sb, in, true);
                sb.append('[');
                hex(sb, in.addressSize == 8 ? in.disp : in.disp & ((1L << (8 * in.addressSize)) - 1));
                sb.append(']');
                break;
            case STR_SRC:
                sizePtr(sb, in.size(i));
                segmentPrefix(sb, in, true);
                sb.append('[').append(Reg.gpr(in.addressSize, 6, true).text).append(']');
                break;
            case STR_DST:
                sizePtr(sb, in.size(i));
                sb.append("es:[").append(Reg.gpr(in.addressSize, 7, true).text).append(']');
                break;
            default:
                break;
        }
    }

    private static long immValue(Instruction in, int i) {
        int first = -1;
        for (int k = 0; k < in.operandCount; k++) {
            if (in.kind(k) == OperandKind.IMM) {
                first = k;
                break;
            }
        }
        return first == i ? in.imm : in.imm2;
    }

    private static void imm(StringBuilder sb, long v, Instruction in) {
        if (v < 0) {
            int size = in.operandSize;
            if (size < 8) {
                v &= (1L << (8 * size)) - 1;
            }
        }
        if (v >= 0 && v <= 9) {
            sb.append(v);
        } else {
            hex(sb, v);
        }
    }

    static void hex(StringBuilder sb, long v) {
        sb.append("0x").append(Long.toHexString(v));
    }

    private static void sizePtr(StringBuilder sb, int size) {
        switch (size) {
            case 1: sb.append("byte ptr "); break;
            case 2: sb.append("word ptr "); break;
            case 4: sb.append("dword ptr "); break;
            case 6: sb.append("fword ptr "); break;
            case 8: sb.append("qword ptr "); break;
            case 10: sb.append("xword ptr "); break;
            case 16: sb.append("xmmword ptr "); break;
            case 32: sb.append("ymmword ptr "); break;
            case 64: sb.append("zmmword ptr "); break;
            default: break;
        }
    }

    private static void segmentPrefix(StringBuilder sb, Instruction in, boolean always) {
        if (in.hasPrefix(Prefix.SEGMENT) && in.segment != null) {
            sb.append(in.segment.text).append(':');
        }
    }

    private static void memory(StringBuilder sb, Instruction in, int size) {
        sizePtr(sb, size);
        segmentPrefix(sb, in, false);
        sb.append('[');
        boolean any = false;
        if (in.base != null) {
            sb.append(in.base.text);
            any = true;
        }
        if (in.index != null) {
            if (any) {
                sb.append(" + ");
            }
            sb.append(in.index.text);
            sb.append('*').append(in.scale);
            any = true;
        }
        long d = in.disp;
        if (!any) {
            long mask = in.addressSize == 8 ? -1L : (1L << (8 * in.addressSize)) - 1;
            hex(sb, d & mask);
        } else if (d != 0) {
            if (d < 0) {
                sb.append(" - ");
                hex(sb, -d);
            } else {
                sb.append(" + ");
                hex(sb, d);
            }
        }
        sb.append(']');
    }
}
