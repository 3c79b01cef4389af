package tvmm.cpu.instr;

import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.InsnFactory;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.nodes.RegOperand;
import tvmm.cpu.state.CpuState;
import tvmm.decode.Instruction;
import tvmm.decode.Op;
import tvmm.decode.OperandKind;
import tvmm.decode.Prefix;
import tvmm.decode.Status;

/**
 * Decoded instruction → node: the one switch over {@link Op} for the general-purpose ISA.
 * Operations it does not know go to the system layer's factory ({@link #setSystem}), and
 * what neither knows raises #UD (as a CPU without the feature would).
 */
public final class Translator implements InsnFactory {
    private InsnFactory system;

    /** Installs the factory for system instructions (descriptor tables, CRs, MSRs, far transfers…). */
    public void setSystem(InsnFactory system) {
        this.system = system;
    }

    @Override
    public Insn create(Instruction d, long address, CpuState s) {
        if (d.status != Status.OK) {
            return d.status == Status.TOO_LONG ? new Misc.Fault(address, Math.max(1, d.length), Misc.FAULT_GP)
                    : new Misc.Fault(address, Math.max(1, d.length), Misc.FAULT_UD);
        }
        Insn n = general(d, address, s);
        if (n == null && system != null) {
            n = system.create(d, address, s);
        }
        return n != null ? n : new Misc.Fault(address, d.length, Misc.FAULT_UD);
    }

    private static boolean lock(Instruction d) {
        return d.hasPrefix(Prefix.LOCK);
    }

    private static Insn general(Instruction d, long a, CpuState s) {
        int len = d.length;
        int os = d.operandSize;
        boolean m64 = d.mode == 64;
        int ss = m64 ? 8 : s.stackSize;
        // LOCK is only legal on a memory-destination read-modify-write (SDM Vol. 2 LOCK).
        if (lock(d) && !Lockable.allowed(d)) {
            return new Misc.Fault(a, len, Misc.FAULT_UD);
        }
        if (d.map == 0 && (d.opcode >= 0xd8 && d.opcode <= 0xdf || d.op == Op.WAIT)) {
            return X87.create(d, a);
        }
        switch (d.op) {
            case ADD: case ADC: case SUB: case SBB: case AND: case OR: case XOR: case CMP: case TEST:
                return new Alu.Binary(a, len, Alu.code(d.op), Operands.of(d, 0, a), Operands.of(d, 1, a, os), lock(d));
            case INC:
                return new Alu.Unary(a, len, Alu.INC, Operands.of(d, 0, a), lock(d));
            case DEC:
                return new Alu.Unary(a, len, Alu.DEC, Operands.of(d, 0, a), lock(d));
            case NEG:
                return new Alu.Unary(a, len, Alu.NEG, Operands.of(d, 0, a), lock(d));
            case NOT:
                return new Alu.Unary(a, len, Alu.NOT, Operands.of(d, 0, a), lock(d));

            case MOV:
                if (d.kind(0) == OperandKind.REG && !d.reg(0).isGpr() || d.kind(1) == OperandKind.REG && !d.reg(1).isGpr()) {
                    return null; // segment, control and debug registers: system layer
                }
                return new Moves.Move(a, len, Operands.of(d, 0, a), Operands.of(d, 1, a, d.size(0)), Moves.PLAIN);
            case MOVNTI:
                if (d.hasPrefix(Prefix.REP) || d.hasPrefix(Prefix.REPNE) || d.hasPrefix(Prefix.OPSIZE)) {
                    return new Misc.Fault(a, len, Misc.FAULT_UD); // NP 0F C3 (decoder accepts the prefixes)
                }
                return new Moves.Move(a, len, Operands.of(d, 0, a), Operands.of(d, 1, a), Moves.PLAIN);
            case MOVZX:
                return new Moves.Move(a, len, Operands.of(d, 0, a), Operands.of(d, 1, a), Moves.ZERO_EXTEND);
            case MOVSX:
            case MOVSXD:
                return new Moves.Move(a, len, Operands.of(d, 0, a), Operands.of(d, 1, a), Moves.SIGN_EXTEND);
            case MOVBE:
                if (d.hasPrefix(Prefix.REP) || d.hasPrefix(Prefix.REPNE)) {
                    return new Misc.Fault(a, len, Misc.FAULT_UD); // F3 0F38 F0/F1 is undefined (decoder accepts it)
                }
                return new Moves.Move(a, len, Operands.of(d, 0, a), Operands.of(d, 1, a), Moves.BYTE_SWAP);
            case LEA:
                return new Moves.Lea(a, len, (RegOperand) Operands.of(d, 0, a), Operands.mem(d, os, a));
            case CMOVO: case CMOVNO: case CMOVB: case CMOVAE: case CMOVE: case CMOVNE: case CMOVBE: case CMOVA:
            case CMOVS: case CMOVNS: case CMOVP: case CMOVNP: case CMOVL: case CMOVGE: case CMOVLE: case CMOVG:
                return new Moves.CMov(a, len, (RegOperand) Operands.of(d, 0, a), Operands.of(d, 1, a), d.condition);
            case SETO: case SETNO: case SETB: case SETAE: case SETE: case SETNE: case SETBE: case SETA:
            case SETS: case SETNS: case SETP: case SETNP: case SETL: case SETGE: case SETLE: case SETG:
                return new Moves.SetCc(a, len, Operands.of(d, 0, a), d.condition);
            case CBW: case CWDE: case CDQE:
                return new Moves.ExtendAcc(a, len, os);
            case CWD: case CDQ: case CQO:
                return new Moves.SignToDx(a, len, os);
            case XLATB:
                return new Moves.Xlat(a, len, d.segment != null ? d.segment.num : CpuState.DS,
                        d.base != null ? d.base.num : CpuState.RBX, d.addressSize, m64);

            case XCHG: {
                Operand x = Operands.of(d, 0, a);
                Operand y = Operands.of(d, 1, a);
                return x.isMemory() ? new Exchange.Xchg(a, len, x, (RegOperand) y)
                        : y.isMemory() ? new Exchange.Xchg(a, len, y, (RegOperand) x) : new Exchange.Xchg(a, len, x, (RegOperand) y);
            }
            case XADD:
                return new Exchange.Xadd(a, len, Operands.of(d, 0, a), (RegOperand) Operands.of(d, 1, a), lock(d));
            case CMPXCHG:
                return new Exchange.CmpXchg(a, len, Operands.of(d, 0, a), (RegOperand) Operands.of(d, 1, a));
            case CMPXCHG8B:
                return new Exchange.CmpXchgDouble(a, len, Operands.mem(d, 8, a, true), 4);
            case CMPXCHG16B:
                return new Exchange.CmpXchgDouble(a, len, Operands.mem(d, 16, a, true), 8);

            case ROL: case ROR: case RCL: case RCR: case SHL: case SAL: case SHR: case SAR:
                return new Shift.Basic(a, len, Shift.code(d.op), Operands.of(d, 0, a), count(d, 1, a), lock(d));
            case SHLD: case SHRD:
                return new Shift.Double(a, len, d.op == Op.SHLD, Operands.of(d, 0, a), (RegOperand) Operands.of(d, 1, a),
                        count(d, 2, a));
            case SHLX: case SHRX: case SARX:
                return new Shift.Bmi(a, len, d.op == Op.SHLX ? Shift.SHL : d.op == Op.SHRX ? Shift.SHR : Shift.SAR,
                        (RegOperand) Operands.of(d, 0, a), Operands.of(d, 1, a), Operands.of(d, 2, a));
            case RORX:
                return new Shift.Bmi(a, len, Shift.ROR, (RegOperand) Operands.of(d, 0, a), Operands.of(d, 1, a),
                        Operands.of(d, 2, a, 1));

            case MUL: case IMUL: case DIV: case IDIV: case MULX:
                return MulDiv.create(d, a);

            case BT: case BTS: case BTR: case BTC:
                return new Bits.BitTest(a, len, Bits.btCode(d.op), Operands.of(d, 0, a), Operands.of(d, 1, a, 1),
                        d.kind(1) == OperandKind.IMM, lock(d), d.kind(0) == OperandKind.MEM ? Operands.mem(d, os, a, d.op != Op.BT) : null);
            case BSF: case BSR: case LZCNT: case TZCNT: case POPCNT:
                return new Bits.Scan(a, len, Bits.scanCode(d.op), (RegOperand) Operands.of(d, 0, a), Operands.of(d, 1, a));
            case BSWAP:
                return new Bits.Bswap(a, len, (RegOperand) Operands.of(d, 0, a));
            case ANDN: case BEXTR: case BLSI: case BLSMSK: case BLSR: case BZHI: case PDEP: case PEXT:
                return Bits.bmi(d, a);
            case ADCX: case ADOX:
                if (d.hasPrefix(Prefix.REPNE) || d.op == Op.ADCX && d.hasPrefix(Prefix.REP)) {
                    return new Misc.Fault(a, len, Misc.FAULT_UD); // F2 is the mandatory prefix then: undefined
                }
                return new Bits.AddCarry(a, len, d.op == Op.ADOX, (RegOperand) Operands.of(d, 0, a), Operands.of(d, 1, a));

            case JO: case JNO: case JB: case JAE: case JE: case JNE: case JBE: case JA:
            case JS: case JNS: case JP: case JNP: case JL: case JGE: case JLE: case JG:
                return new Branch.Jcc(a, len, d.condition, Branch.truncate(a + len + d.imm, os));
            case JCXZ: case JECXZ: case JRCXZ:
                return new Branch.Loop(a, len, Branch.JCXZ, d.addressSize, Branch.truncate(a + len + d.imm, os));
            case LOOP: case LOOPE: case LOOPNE:
                return new Branch.Loop(a, len, d.op == Op.LOOP ? Branch.LOOP : d.op == Op.LOOPE ? Branch.LOOPE : Branch.LOOPNE,
                        d.addressSize, Branch.truncate(a + len + d.imm, os));
            case JMP:
                if (d.kind(0) == OperandKind.REL) {
                    return new Branch.Jmp(a, len, Branch.truncate(a + len + d.imm, os));
                }
                return new Branch.JmpIndirect(a, len, Operands.of(d, 0, a), m64);
            case CALL:
                if (d.kind(0) == OperandKind.REL) {
                    return new Branch.Call(a, len, null, Branch.truncate(a + len + d.imm, os), os, ss, m64);
                }
                return new Branch.Call(a, len, Operands.of(d, 0, a), 0, os, ss, m64);
            case RET:
                return new Branch.Ret(a, len, d.operandCount > 0 ? (int) d.imm & 0xffff : 0, os, ss, m64);

            case PUSH:
                if (d.kind(0) == OperandKind.REG && !d.reg(0).isGpr()) {
                    return null; // segment registers: system layer
                }
                return new Stack.Push(a, len, Operands.of(d, 0, a, os), os, ss);
            case POP:
                if (d.kind(0) == OperandKind.REG && !d.reg(0).isGpr()) {
                    return null;
                }
                return new Stack.Pop(a, len, Operands.of(d, 0, a), os, ss);
            case PUSHF: case PUSHFD: case PUSHFQ:
                return new Stack.Pushf(a, len, os, ss);
            case POPF: case POPFD: case POPFQ:
                return new Stack.Popf(a, len, os, ss);
            case LEAVE:
                return new Stack.Leave(a, len, os, ss);
            case ENTER:
                return new Stack.Enter(a, len, (int) d.imm, (int) d.imm2, os, ss);
            case PUSHA: case PUSHAD:
                return new Stack.Pusha(a, len, os, ss);
            case POPA: case POPAD:
                return new Stack.Popa(a, len, os, ss);

            case MOVS_B: case MOVS_W: case MOVS_D: case MOVS_Q:
            case CMPS_B: case CMPS_W: case CMPS_D: case CMPS_Q:
            case STOS_B: case STOS_W: case STOS_D: case STOS_Q:
            case LODS_B: case LODS_W: case LODS_D: case LODS_Q:
            case SCAS_B: case SCAS_W: case SCAS_D: case SCAS_Q:
                return Strings.create(d, a);

            case CLC: case STC: case CMC: case CLD: case STD: case LAHF: case SAHF:
                return new FlagOps.Simple(a, len, FlagOps.code(d.op));
            case AAA: case AAS: case AAD: case AAM: case DAA: case DAS:
                return new Bcd.Adjust(a, len, Bcd.code(d.op), (int) d.imm & 0xff);

            case NOP: case PAUSE: case ENDBR32: case ENDBR64: case PREFETCHNTA: case PREFETCHT0: case PREFETCHT1:
            case PREFETCHT2: case PREFETCHW: case PREFETCH: case PREFETCHWT1:
                return new Misc.Nop(a, len);
            case LFENCE: case SFENCE: case MFENCE:
                if (d.hasPrefix(Prefix.REP) || d.hasPrefix(Prefix.REPNE) || d.hasPrefix(Prefix.OPSIZE)) {
                    // 66/F2/F3 0F AE /5-/7 (mod=11) are other instructions (TPAUSE, UMONITOR,
                    // INCSSP, ...) that tvmm does not implement: #UD as on a CPU without them.
                    return new Misc.Fault(a, len, Misc.FAULT_UD);
                }
                return new Misc.Fence(a, len, d.op == Op.MFENCE);
            case CLFLUSH: case CLFLUSHOPT: case CLWB:
                return new Misc.Flush(a, len, Operands.mem(d, 1, a));
            case UD0: case UD1: case UD2:
                return new Misc.Fault(a, len, Misc.FAULT_UD);
            case INT3:
                return new Misc.Interrupt(a, len, 3, true);
            case INT1:
                return new Misc.Interrupt(a, len, 1, true);
            case INT:
                return new Misc.Interrupt(a, len, (int) d.imm & 0xff, false);
            case INTO:
                return new Misc.Into(a, len);
            case RDTSC:
                return new Misc.Rdtsc(a, len, false);
            case RDTSCP:
                return new Misc.Rdtsc(a, len, true);
            case RDRAND: case RDSEED:
                return new Misc.Rdrand(a, len, (RegOperand) Operands.of(d, 0, a));
            case HLT:
                return new Misc.Hlt(a, len);
            default:
                return SseTranslate.create(d, a); // MMX, SSE..SSE4.2, FXSAVE/FXRSTOR, CRC32; null if none

        }
    }

    /** A shift count: CL, 1 (the D0-D3 forms have no count operand), or imm8. */
    private static Operand count(Instruction d, int i, long a) {
        if (d.operandCount <= i) {
            return new tvmm.cpu.nodes.ImmOperand(1, 1);
        }
        return Operands.of(d, i, a, 1);
    }

    static MemOperand memOf(Instruction d, int size, long a) {
        return Operands.mem(d, size, a);
    }
}
