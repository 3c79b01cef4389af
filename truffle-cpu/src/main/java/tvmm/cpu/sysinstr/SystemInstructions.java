package tvmm.cpu.sysinstr;

import tvmm.cpu.mmu.ControlRegisters;
import tvmm.cpu.nodes.Insn;
import tvmm.cpu.nodes.InsnFactory;
import tvmm.cpu.nodes.MemOperand;
import tvmm.cpu.nodes.Operand;
import tvmm.cpu.state.CpuState;
import tvmm.decode.Instruction;
import tvmm.decode.Op;
import tvmm.decode.OperandKind;
import tvmm.decode.Prefix;
import tvmm.decode.Reg;
import tvmm.decode.RegClass;

/**
 * The system layer's {@link InsnFactory}, installed with {@code Translator.setSystem}: it
 * builds nodes for the instructions the general-purpose translator leaves out — control,
 * debug and segment registers, descriptor tables, far transfers, IRET, fast system calls,
 * MSRs, CPUID, port I/O, CLI/STI, VMMCALL. Returns null for anything else (the translator then
 * raises #UD). One factory per vCPU: nodes keep the vCPU's {@link SystemCpu}.
 */
public final class SystemInstructions implements InsnFactory {
    private final SystemCpu sys;

    public SystemInstructions(SystemCpu sys) {
        this.sys = sys;
    }

    @Override
    public Insn create(Instruction d, long a, CpuState s) {
        int len = d.length;
        int os = d.operandSize;
        switch (d.op) {
            case MOV:
                return mov(d, a);
            case PUSH:
            case POP:
                if (d.kind(0) != OperandKind.REG || d.reg(0).cls != RegClass.SEG) {
                    return null;
                }
                int sreg = d.reg(0).num;
                if (d.op == Op.POP && sreg == CpuState.CS) {
                    return new SegmentInsns.Invalid(a, len);
                }
                return d.op == Op.PUSH ? new SegmentInsns.PushSreg(a, len, sreg, os)
                        : new SegmentInsns.PopSreg(a, len, sreg, os);
            case LDS: case LES: case LFS: case LGS: case LSS:
                if (!SysOperands.isMem(d, 1)) {
                    return new SegmentInsns.Invalid(a, len);
                }
                return new SegmentInsns.LoadFarPointer(a, len, farSreg(d.op), SysOperands.reg(d.reg(0)),
                        SysOperands.mem(d, os + 2, a));
            case LGDT: case LIDT:
                if (!SysOperands.isMem(d, 0)) {
                    return new SegmentInsns.Invalid(a, len);
                }
                return new TableInsns.LoadTable(a, len, d.op == Op.LGDT ? TableInsns.GDT : TableInsns.IDT,
                        SysOperands.mem(d, d.size(0), a), os);
            case SGDT: case SIDT:
                if (!SysOperands.isMem(d, 0)) {
                    return new SegmentInsns.Invalid(a, len);
                }
                return new TableInsns.StoreTable(a, len, d.op == Op.SGDT ? TableInsns.GDT : TableInsns.IDT,
                        SysOperands.memWritten(d, d.size(0), a));
            case LLDT: case LTR:
                return new TableInsns.LoadSystemSegment(a, len, d.op == Op.LTR, SysOperands.rm(d, 0, a, 2));
            case SLDT: case STR:
                return new TableInsns.StoreSystemSegment(a, len, d.op == Op.STR, SysOperands.rmWritten(d, 0, a, 2));
            case LAR: case LSL:
                return new TableInsns.CheckDescriptor(a, len, d.op == Op.LAR ? TableInsns.LAR : TableInsns.LSL,
                        SysOperands.reg(d.reg(0)), SysOperands.rm(d, 1, a, 2));
            case VERR: case VERW:
                return new TableInsns.CheckDescriptor(a, len, d.op == Op.VERR ? TableInsns.VERR : TableInsns.VERW,
                        null, SysOperands.rm(d, 0, a, 2));
            case LMSW:
                return new ControlInsns.Lmsw(a, len, SysOperands.rm(d, 0, a, 2), sys);
            case SMSW:
                return new ControlInsns.Smsw(a, len, SysOperands.rmWritten(d, 0, a, 2));
            case CLTS:
                return new ControlInsns.Clts(a, len);
            case INVLPG:
                return SysOperands.isMem(d, 0) ? new ControlInsns.Invlpg(a, len, SysOperands.mem(d, 1, a), sys)
                        : new SegmentInsns.Invalid(a, len);
            case WBINVD: case INVD:
                return new ControlInsns.CacheFlush(a, len);
            case RDMSR:
                return new MsrInsns.Rdmsr(a, len, sys);
            case WRMSR:
                return new MsrInsns.Wrmsr(a, len, sys);
            case CPUID:
                return new MsrInsns.Cpuid(a, len, sys);
            case JMP_FAR: case CALL_FAR:
                return far(d, a);
            case RET_FAR:
                return new TransferInsns.FarRet(a, len, os, d.operandCount > 0 ? (int) d.imm & 0xffff : 0);
            case IRET:
                return new TransferInsns.Iretx(a, len, 2);
            case IRETD:
                return new TransferInsns.Iretx(a, len, 4);
            case IRETQ:
                return new TransferInsns.Iretx(a, len, 8);
            case SYSCALL:
                return new TransferInsns.FastCall(a, len, TransferInsns.SYSCALL, os, sys);
            case SYSRET:
                return new TransferInsns.FastCall(a, len, TransferInsns.SYSRET, os, sys);
            case SYSENTER:
                return new TransferInsns.FastCall(a, len, TransferInsns.SYSENTER, os, sys);
            case SYSEXIT:
                return new TransferInsns.FastCall(a, len, TransferInsns.SYSEXIT, os, sys);
            case SWAPGS:
                return new TransferInsns.FastCall(a, len, TransferInsns.SWAPGS, os, sys);
            case IN:
                return new IoInsns.Io(a, len, true, port(d, 1), SysOperands.reg(d.reg(0)));
            case OUT:
                return new IoInsns.Io(a, len, false, port(d, 0), SysOperands.reg(d.reg(1)));
            case INS_B: case INS_W: case INS_D: case OUTS_B: case OUTS_W: case OUTS_D:
                return stringIo(d, a);
            case ARPL:
                return d.mode == 64 ? null : new SegmentInsns.Arpl(a, len, SysOperands.rmWritten(d, 0, a, 2),
                        SysOperands.reg(d.reg(1)));
            case RDPMC:
                return new SegmentInsns.Rdpmc(a, len);
            case CLI:
                return new IoInsns.Cli(a, len);
            case STI:
                return new IoInsns.Sti(a, len);
            case STAC: case CLAC:
                return new SmapInsns.AcFlag(a, len, d.op == Op.STAC);
            case VMMCALL:
                return new Vmmcall(a, len, sys);
            default:
                return null;
        }
    }

    private static Insn stringIo(Instruction d, long a) {
        boolean in = d.op == Op.INS_B || d.op == Op.INS_W || d.op == Op.INS_D;
        int size = switch (d.op) {
            case INS_B, OUTS_B -> 1;
            case INS_W, OUTS_W -> 2;
            default -> 4;
        };
        boolean rep = d.hasPrefix(Prefix.REP) || d.hasPrefix(Prefix.REPNE); // F2 acts as REP for INS/OUTS
        // The decoder's effective segment: in 64-bit mode an ES/CS/SS/DS prefix after FS/GS
        // does not cancel it (APM vol. 3 §1.2.4), so the override as written is not enough.
        int seg = in ? CpuState.ES : d.segment != null ? d.segment.num : CpuState.DS;
        return new StringIoInsns.StringIo(a, d.length, in, size, d.addressSize, seg, rep);
    }

    /** The immediate port of IN/OUT, or -1 for DX. */
    private static int port(Instruction d, int i) {
        return d.kind(i) == OperandKind.IMM ? (int) d.imm & 0xff : -1;
    }

    private static int farSreg(Op op) {
        return switch (op) {
            case LDS -> CpuState.DS;
            case LES -> CpuState.ES;
            case LFS -> CpuState.FS;
            case LGS -> CpuState.GS;
            default -> CpuState.SS;
        };
    }

    private Insn far(Instruction d, long a) {
        int kind = d.op == Op.CALL_FAR ? TransferInsns.CALL : TransferInsns.JMP;
        int os = d.operandSize;
        if (d.kind(0) == OperandKind.FAR) {
            return new TransferInsns.Far(a, d.length, kind, os, null, (int) d.imm2 & 0xffff, d.imm);
        }
        if (!SysOperands.isMem(d, 0)) {
            return new SegmentInsns.Invalid(a, d.length);
        }
        MemOperand pointer = SysOperands.mem(d, os + 2, a);
        return new TransferInsns.Far(a, d.length, kind, os, pointer, 0, 0);
    }

    /** MOV with a control, debug or segment register on either side. */
    private Insn mov(Instruction d, long a) {
        int len = d.length;
        Reg r0 = d.kind(0) == OperandKind.REG ? d.reg(0) : null;
        Reg r1 = d.kind(1) == OperandKind.REG ? d.reg(1) : null;
        if (r0 != null && r0.cls == RegClass.CR) {
            return ControlRegisters.exists(r0.num) ? new ControlInsns.MovToCr(a, len, r0.num, gpr(r1, d), sys)
                    : new SegmentInsns.Invalid(a, len);
        }
        if (r1 != null && r1.cls == RegClass.CR) {
            return ControlRegisters.exists(r1.num) ? new ControlInsns.MovFromCr(a, len, r1.num, gpr(r0, d), sys)
                    : new SegmentInsns.Invalid(a, len);
        }
        if (r0 != null && r0.cls == RegClass.DR) {
            return new ControlInsns.MovDr(a, len, r0.num, gpr(r1, d), true);
        }
        if (r1 != null && r1.cls == RegClass.DR) {
            return new ControlInsns.MovDr(a, len, r1.num, gpr(r0, d), false);
        }
        if (r0 != null && r0.cls == RegClass.SEG) {
            if (r0.num == CpuState.CS || r0.num > CpuState.GS) {
                return new SegmentInsns.Invalid(a, len);
            }
            return new SegmentInsns.MovToSreg(a, len, r0.num, SysOperands.rm(d, 1, a, 2));
        }
        if (r1 != null && r1.cls == RegClass.SEG) {
            if (r1.num > CpuState.GS) {
                return new SegmentInsns.Invalid(a, len);
            }
            Operand dst = SysOperands.rmWritten(d, 0, a, 2);
            return new SegmentInsns.MovFromSreg(a, len, r1.num, dst);
        }
        return null;
    }

    /** CR/DR moves always use a full-width GPR (64 bits in 64-bit mode, else 32). */
    private static tvmm.cpu.nodes.RegOperand gpr(Reg r, Instruction d) {
        return new tvmm.cpu.nodes.RegOperand(r.num, d.mode == 64 ? 8 : 4, false);
    }
}
