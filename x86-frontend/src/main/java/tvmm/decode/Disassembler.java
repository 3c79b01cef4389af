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
        boolean hle = in.op == Op.XCHG && in.kind(0) == OperandKind.MEM || in.hasPrefix(Prefix.LOCK);
        if (hle && in.hasPrefix(Prefix.REPNE)) {
            sb.append("xacquire "); // F2 on a locked operation: HLE hint (SDM Vol. 1 §16.3.1)
        } else if (hle && in.hasPrefix(Prefix.REP)) {
            sb.append("xrelease ");
        }
        if (in.hasPrefix(Prefix.LOCK)) {
            sb.append("lock ");
        }
        if (!in.hasPrefix(Prefix.MANDATORY_F2F3)) {
            if (isString(in.op)) {
                if (in.hasPrefix(Prefix.REP)) {
                    sb.append(isCompareString(in.op) ? "repe " : "rep ");
                } else if (in.hasPrefix(Prefix.REPNE) && !isMovs(in.op)) {
                    sb.append("repne "); // capstone omits F2 on MOVS only
                }
            } else if (in.hasPrefix(Prefix.REPNE) && isBranch(in.op) && !hle) {
                sb.append("bnd "); // F2 on a near branch: MPX BND prefix (SDM Vol. 1 §17.5)
            }
        }
        if (in.encoding != Encoding.LEGACY && !in.op.mnemonic.startsWith("v") && !in.op.mnemonic.startsWith("k")
                && !GPR_VEX.contains(in.op)) {
            sb.append('v');
        }
        String pseudo = comparePseudoOp(in);
        sb.append(pseudo != null ? pseudo : baseMnemonic(in));
        return sb.toString();
    }

    /** VEX-encoded general-purpose operations (BMI1/2): no "v" in their mnemonic. */
    private static final java.util.EnumSet<Op> GPR_VEX = java.util.EnumSet.of(Op.ANDN, Op.BEXTR, Op.BLSI, Op.BLSMSK,
            Op.BLSR, Op.BZHI, Op.PDEP, Op.PEXT, Op.MULX, Op.SARX, Op.SHLX, Op.SHRX, Op.RORX);

    private static final String[] PREDICATES = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord",
        "eq_uq", "nge", "ngt", "false", "neq_oq", "ge", "gt", "true", "eq_os", "lt_oq", "le_oq", "unord_s",
        "neq_us", "nlt_uq", "nle_uq", "ord_s", "eq_us", "nge_uq", "ngt_uq", "false_os", "neq_os", "ge_oq",
        "gt_oq", "true_us"};

    /** CMPPS/CMPPD/CMPSS/CMPSD with a known predicate print as "cmpltps" etc., without the immediate. */
    private static String comparePseudoOp(Instruction in) {
        if (!hasPseudoCompare(in)) {
            return null;
        }
        String m = in.op.mnemonic;
        if (m.startsWith("vpcmp")) {
            return "vpcmp" + INT_PREDICATES[(int) in.imm] + m.substring(5);
        }
        return "cmp" + PREDICATES[(int) in.imm] + m.substring(3);
    }

    private static final String[] ROUNDING = {"rn", "rd", "ru", "rz"};

    private static final String[] INT_PREDICATES = {"eq", "lt", "le", "false", "neq", "nlt", "nle", "true"};

    private static boolean hasPseudoCompare(Instruction in) {
        switch (in.op) {
            case CMPPS: case CMPPD: case CMPSS: case CMPSD:
                return in.imm >= 0 && in.imm < (in.encoding == Encoding.LEGACY ? 8 : 32);
            case VPCMPB: case VPCMPUB: case VPCMPW: case VPCMPUW: case VPCMPD: case VPCMPUD: case VPCMPQ: case VPCMPUQ:
                return in.imm >= 0 && in.imm < 8 && in.imm != 3 && in.imm != 7;
            default:
                return false;
        }
    }

    private static boolean isString(Op op) {
        return op.ordinal() >= Op.MOVS_B.ordinal() && op.ordinal() <= Op.OUTS_D.ordinal();
    }

    private static boolean isMovs(Op op) {
        return op == Op.MOVS_W || op == Op.MOVS_D || op == Op.MOVS_Q;
    }

    private static boolean isBranch(Op op) {
        switch (op) {
            case JMP: case CALL: case RET: case RET_FAR: case JCXZ: case JECXZ: case JRCXZ:
                return true;
            default:
                return Tables.condition(op) >= 0 && op.name().startsWith("J");
        }
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
        if (in.op == Op.MOV && (in.kind(1) == OperandKind.IMM && in.size(1) == 8
                || (in.kind(0) == OperandKind.MOFFS || in.kind(1) == OperandKind.MOFFS) && in.addressSize == 8)) {
            return "movabs";
        }
        if (in.encoding == Encoding.VEX && in.kind(1) == OperandKind.MEM && in.vectorLength == 16
                && (in.op == Op.CVTPD2DQ || in.op == Op.CVTTPD2DQ || in.op == Op.CVTPD2PS)) {
            return in.op.mnemonic + "x"; // capstone marks the 128-bit memory form
        }
        if (in.op == Op.RET_FAR && in.operandSize == 8) {
            return "retfq";
        }
        return in.op.mnemonic;
    }

    /** The operands, comma separated. */
    public static String operands(Instruction in, long ip) {
        StringBuilder sb = new StringBuilder();
        int skip = hasPseudoCompare(in) ? in.operandCount - 1 : x87Implicit(in);
        if ((in.op == Op.AAD || in.op == Op.AAM) && in.imm == 10) {
            skip = 0; // the default base 10 is not printed
        }
        boolean first = true;
        for (int i = 0; i < in.operandCount; i++) {
            if (i == skip) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            operand(sb, in, i, ip);
            if (i == 0 && in.mask != null) {
                sb.append(" {").append(in.mask.text).append('}');
            }
            if (i == 0 && in.zeroing) {
                sb.append(" {z}");
            }
        }
        if (in.rounding >= 0 && in.rounding < 4) {
            sb.append(", {").append(ROUNDING[in.rounding]).append("-sae}"); // EVEX static rounding
        }
        return sb.toString();
    }

    /**
     * capstone leaves out ST(0) where the form implies it: D8 xx register forms, the
     * popping DE forms, FUCOMI/FCOMI(P). Returns the operand index to leave out, or -1.
     */
    private static int x87Implicit(Instruction in) {
        if (in.map != 0 || in.modrm < 0 || (in.modrm >> 6) != 3 || in.opcode < 0xD8 || in.opcode > 0xDF) {
            return -1;
        }
        if (in.operandCount == 2 && in.reg(0) == Reg.ST0 && (in.opcode == 0xD8
                || in.op == Op.FUCOMI || in.op == Op.FCOMI || in.op == Op.FUCOMIP || in.op == Op.FCOMIP)) {
            return 0;
        }
        if (in.operandCount == 2 && in.opcode == 0xDE && in.op != Op.FCOMP && in.reg(1) == Reg.ST0) {
            return 1;
        }
        return -1;
    }

    private static void operand(StringBuilder sb, Instruction in, int i, long ip) {
        switch (in.kind(i)) {
            case REG:
                sb.append(in.reg(i).text);
                break;
            case IMM:
                imm(sb, immValue(in, i), in.size(i), in);
                break;
            case REL: {
                long target = ip + in.length + in.imm;
                int os = in.operandSize;
                if (os == 2) {
                    target &= 0xffff;
                } else if (os == 4 || in.mode != 64) {
                    target &= 0xffffffffL;
                }
                unsigned(sb, target);
                break;
            }
            case FAR:
                unsigned(sb, in.imm2);
                sb.append(':');
                hex(sb, in.imm);
                break;
            case MEM:
                memory(sb, in, in.size(i));
                if (in.broadcast) {
                    sb.append("{1to").append(in.vectorLength / Math.max(1, in.size(i))).append('}');
                }
                break;
            case MOFFS:
                sizePtr(sb, in.size(i));
                segmentPrefix(sb, in);
                sb.append('[');
                unsigned(sb, in.addressSize == 8 ? in.disp : in.disp & ((1L << (8 * in.addressSize)) - 1));
                sb.append(']');
                break;
            case STR_SRC:
                sizePtr(sb, in.size(i));
                segmentPrefix(sb, in);
                sb.append('[').append(Reg.gpr(in.addressSize, 6, true).text).append(']');
                break;
            case STR_DST:
                sizePtr(sb, in.size(i));
                sb.append(in.mode == 64 ? "[" : "es:[").append(Reg.gpr(in.addressSize, 7, true).text).append(']');
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

    /**
     * capstone (LLVM) keeps an immediate as wide as the encoding when it fills the operand
     * (printed unsigned) and sign-extends a narrower one (printed signed), except that
     * AND/OR/XOR show a sign-extended mask as the operand-size value.
     */
    private static void imm(StringBuilder sb, long v, int enc, Instruction in) {
        int os = in.operandSize;
        if (in.op == Op.ENTER || in.op == Op.RET_FAR && os == 8) {
            v = enc == 2 ? (short) v : (byte) v;
        } else if (enc >= os || enc == 8) {
            v = enc == 8 ? v : v & ((1L << (8 * enc)) - 1);
            if (v < 0) {
                hex(sb, v);
                return;
            }
        } else if (v < 0 && (in.op == Op.AND || in.op == Op.OR || in.op == Op.XOR)) {
            hex(sb, os == 8 ? v : v & ((1L << (8 * os)) - 1));
            return;
        }
        num(sb, v);
    }

    /** capstone's number format: decimal up to 9, hexadecimal above, negatives with a minus sign. */
    static void num(StringBuilder sb, long v) {
        if (v < 0 && v != Long.MIN_VALUE) {
            sb.append('-');
            v = -v;
        }
        if (v >= 0 && v <= 9) {
            sb.append(v);
        } else {
            hex(sb, v);
        }
    }

    static void unsigned(StringBuilder sb, long v) {
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

    private static void segmentPrefix(StringBuilder sb, Instruction in) {
        Reg s = in.segmentOverride;
        if (s != null && in.mode == 64 && in.segment != null && in.segment.num >= 4) {
            s = in.segment; // 64 3E: the DS prefix is ignored, the access uses FS (capstone prints ds:)
        }
        if (s != null) {
            sb.append(s.text).append(':');
        }
    }

    private static void memory(StringBuilder sb, Instruction in, int size) {
        switch (in.op) {
            // capstone's (LLVM's) size names for opaque state areas.
            case FRSTOR: case FNSAVE:
                sb.append("dword ptr ");
                break;
            case XSAVE: case XSAVE64: case XRSTOR: case XRSTOR64: case XSAVEOPT: case XSAVEOPT64:
            case XSAVEC: case XSAVEC64: case XSAVES: case XSAVES64: case XRSTORS: case XRSTORS64:
            case FXSAVE64: case FXRSTOR64:
                sb.append("ptr ");
                break;
            case LGDT: case SGDT: case LIDT: case SIDT: case JMP_FAR: case CALL_FAR:
                break; // capstone prints no size for pseudo-descriptors and far pointers
            case LDS: case LES: case LFS: case LGS: case LSS:
                sb.append("ptr ");
                break;
            case FBLD: case FBSTP:
                sb.append("tbyte ptr ");
                break;
            case FNSTSW:
                sb.append("dword ptr ");
                break;
            case NOP:
                sizePtr(sb, Math.min(size, 4)); // capstone shows REX.W hint NOPs as dword
                break;
            case COMISS: case COMISD:
                sb.append(in.encoding == Encoding.LEGACY ? "xmmword ptr " : in.op == Op.COMISS ? "dword ptr " : "qword ptr ");
                break;
            default:
                sizePtr(sb, size);
                break;
        }
        segmentPrefix(sb, in);
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
            if (in.scale != 1) {
                sb.append('*').append(in.scale);
            }
            any = true;
        }
        long d = in.disp;
        if (!any) {
            long mask = in.addressSize == 8 ? -1L : (1L << (8 * in.addressSize)) - 1;
            unsigned(sb, d & mask);
        } else if (d != 0) {
            if (d < 0) {
                sb.append(" - ");
                num(sb, -d);
            } else {
                sb.append(" + ");
                num(sb, d);
            }
        }
        sb.append(']');
    }
}
