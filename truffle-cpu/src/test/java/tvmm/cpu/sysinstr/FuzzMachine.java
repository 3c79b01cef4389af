package tvmm.cpu.sysinstr;

import java.util.SplittableRandom;
import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.interrupts.SystemDelivery;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.msr.Msrs;
import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;
import tvmm.cpu.svm.ExitCode;

/**
 * A complete little system for random-code fuzzing (issue 03: "a fuzz test runs random code in
 * ring 0 and ring 3 guests"): real memory-resident GDT (Linux's layout), LDT, TSS with RSP0/IST
 * stacks and an I/O bitmap, an IDT whose 256 handlers report their vector on port 0xF5 (and stop)
 * or 0xF6 (and IRET back: #BP, #OF and vectors 32-255), page tables, and SYSCALL/SYSENTER MSRs.
 * One machine runs one snippet, so every outcome depends only on the snippet's seed.
 */
final class FuzzMachine implements AutoCloseable {
    enum Mode { LONG64_RING0, PROT32_RING0, LONG64_RING3, PROT32_PAGED_RING0, REAL }

    static final long RAM = 4 << 20;
    static final long PML4 = 0x1000, PDPT = 0x2000, PD = 0x3000, PT = 0x4000;
    static final long GDT = 0x5000, LDT = 0x5800, IDT = 0x6000, TSS = 0x8000;
    static final long HANDLERS = 0xb000, SYSCALL_ENTRY = 0xc000;
    static final long STACK = 0x30000, CODE = 0x40000, DATA = 0x41000;
    /** Stop port: a handler reports the vector and the run ends; resume port: it IRETs back. */
    static final int STOP_PORT = 0xf5, RESUME_PORT = 0xf6;
    /** Linux's GDT (arch/x86/include/asm/segment.h) plus a TSS, an LDT, a call gate and oddities. */
    static final int KERNEL32_CS = 0x08, KERNEL_CS = 0x10, KERNEL_DS = 0x18, USER32_CS = 0x23, USER_DS = 0x2b,
            USER_CS = 0x33, CODE16 = 0x38, TSS_SEL = 0x40, LDT_SEL = 0x50, CALL_GATE = 0x60, CONFORMING = 0x70,
            EXPAND_DOWN = 0x78;
    /** Selectors worth putting in registers and stack frames. */
    static final int[] SELECTORS = {0, 3, KERNEL32_CS, KERNEL_CS, KERNEL_DS, USER32_CS, USER_DS, USER_CS, CODE16,
        TSS_SEL, LDT_SEL, CALL_GATE | 3, CONFORMING, EXPAND_DOWN, 0x04, 0x0c, 0x0f, 0x18 | 3, 0x10 | 3, 0x80, 0xfff8};

    final PhysicalMemory phys = new PhysicalMemory(RAM);
    final Vcpu vcpu;
    final CpuState s;
    final SystemCpu sys;
    /** Vectors reported by handlers, in order (at most a few: the run stops or is kicked). */
    final StringBuilder vectors = new StringBuilder();
    int lastVector = -1;
    int resumed;
    private final SplittableRandom rnd;

    FuzzMachine(SplittableRandom rnd) {
        this.rnd = rnd;
        ExitPort ports = new ExitPort() {
            @Override
            public long ioIn(int port, int size) {
                return rnd.nextLong();
            }

            @Override
            public void ioOut(int port, int size, long value) {
                if (port == STOP_PORT || port == RESUME_PORT) {
                    lastVector = (int) (value & 0xff);
                    if (vectors.length() < 64) {
                        vectors.append(lastVector).append(' ');
                    }
                    if (port == STOP_PORT || ++resumed > 16) {
                        throw new VmExit(ExitCode.IOIO, port, value);
                    }
                }
            }

            @Override
            public long mmioRead(long gpa, int size) {
                return -1L;
            }

            @Override
            public void mmioWrite(long gpa, int size, long value) {
            }
        };
        vcpu = new Vcpu(null, phys, ports);
        s = vcpu.state;
        sys = new SystemCpu(s, phys, new CpuidModel(1, 2_000_000_000L, 25_000_000L), 0, new BarePlatform());
        vcpu.setSystemInstructions(new SystemInstructions(sys));
        vcpu.setDelivery(new SystemDelivery(null));
    }

    /** Builds the tables and the CPU state for {@code mode}, then places the code and random registers. */
    FuzzMachine setUp(Mode mode, byte[] code) {
        boolean wide = mode == Mode.LONG64_RING0 || mode == Mode.LONG64_RING3;
        gdt(wide);
        idt(mode);
        tss(wide);
        handlers();
        if (wide) {
            pages64();
        } else {
            pages32();
        }
        phys.load(CODE, code);
        data();
        stateFor(mode);
        msrs();
        registers();
        return this;
    }

    private void w64(long pa, long v) {
        phys.ramWrite(pa, 8, v);
    }

    private void w32(long pa, long v) {
        phys.ramWrite(pa, 4, v);
    }

    private void gdt(boolean wide) {
        w64(GDT + KERNEL32_CS, Descriptor.build(0, 0xfffff, 0xc9b));
        w64(GDT + KERNEL_CS, Descriptor.build(0, 0xfffff, 0xa9b));
        w64(GDT + KERNEL_DS, Descriptor.build(0, 0xfffff, 0xc93));
        w64(GDT + (USER32_CS & ~3), Descriptor.build(0, 0xfffff, 0xcfb));
        w64(GDT + (USER_DS & ~3), Descriptor.build(0, 0xfffff, 0xcf3));
        w64(GDT + (USER_CS & ~3), Descriptor.build(0, 0xfffff, 0xafb));
        w64(GDT + CODE16, Descriptor.build(0, 0xffff, 0x09b));
        long tssLimit = 0x68 + 0x2000;
        w64(GDT + TSS_SEL, Descriptor.build(TSS, (int) tssLimit, wide ? 0x89 : 0x89));
        w64(GDT + TSS_SEL + 8, 0);
        w64(GDT + LDT_SEL, Descriptor.build(LDT, 0x3f, 0x82));
        w64(GDT + LDT_SEL + 8, 0);
        int gateCs = wide ? KERNEL_CS : KERNEL32_CS;
        w64(GDT + CALL_GATE, Descriptor.gate(gateCs, SYSCALL_ENTRY + 0x40, 0xec, wide ? 0 : 2));
        w64(GDT + CALL_GATE + 8, 0);
        w64(GDT + CONFORMING, Descriptor.build(0, 0xfffff, wide ? 0xa9f : 0xc9f));
        w64(GDT + EXPAND_DOWN, Descriptor.build(0, 0x0ff, 0xc97));
        // The LDT: a ring-3 data segment, a ring-0 code segment and a not-present one.
        w64(LDT, Descriptor.build(0x1000, 0xff, 0xcf3));
        w64(LDT + 8, Descriptor.build(0, 0xfffff, wide ? 0xa9b : 0xc9b));
        w64(LDT + 16, Descriptor.build(0, 0xfffff, 0x413));
        // Slots 0x80-0xf8: random descriptors (any type, gates with random targets).
        for (long sel = 0x80; sel < 0x100; sel += 8) {
            w64(GDT + sel, rnd.nextInt(3) == 0 ? Descriptor.gate(SELECTORS[rnd.nextInt(SELECTORS.length)],
                    CODE + rnd.nextInt(48), 0x80 | rnd.nextInt(0x80), rnd.nextInt(32)) : rnd.nextLong());
        }
        s.gdtrBase = GDT;
        s.gdtrLimit = 0xff;
    }

    /** Gate for vector v: most are interrupt gates, some trap gates, some use an IST stack, #BP/INT 0x80 DPL 3. */
    private void idt(Mode mode) {
        for (int v = 0; v < 256; v++) {
            long handler = HANDLERS + v * 8L;
            int dpl = v == 3 || v == 4 || v == 0x80 || rnd.nextInt(8) == 0 ? 3 : 0;
            int type = rnd.nextInt(4) == 0 ? 0xf : 0xe;
            int attr = 0x80 | dpl << 5 | type;
            if (rnd.nextInt(64) == 0) {
                attr &= ~0x80; // not present: #NP while delivering
            }
            switch (mode) {
                case LONG64_RING0, LONG64_RING3 -> {
                    int ist = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(7) : 0;
                    w64(IDT + v * 16L, Descriptor.gate(KERNEL_CS, handler, attr, ist));
                    w64(IDT + v * 16L + 8, 0);
                }
                case REAL -> w32(v * 4L, (HANDLERS >> 4) << 16 | v * 8L);
                default -> w64(IDT + v * 8L, Descriptor.gate(KERNEL32_CS, handler, attr, 0));
            }
        }
        if (mode == Mode.REAL) {
            s.idtrBase = 0;
            s.idtrLimit = 0x3ff;
        } else {
            s.idtrBase = IDT;
            s.idtrLimit = mode == Mode.LONG64_RING0 || mode == Mode.LONG64_RING3 ? 0xfff : 0x7ff;
        }
    }

    /** Handler v at HANDLERS + 8v: MOV AL, v; OUT port, AL; then IRETQ (REX.W IRET; DEC EAX; IRET in legacy modes) or HLT. */
    private void handlers() {
        for (int v = 0; v < 256; v++) {
            boolean resume = v == 3 || v == 4 || v >= 32;
            byte[] h = {(byte) 0xb0, (byte) v, (byte) 0xe6, (byte) (resume ? RESUME_PORT : STOP_PORT),
                (byte) (resume ? 0x48 : 0xf4), (byte) 0xcf, (byte) 0xf4, (byte) 0xf4};
            phys.load(HANDLERS + v * 8L, h);
        }
        // SYSCALL/SYSENTER/call-gate entries: report 0xFF / 0xFE / 0xFD and stop.
        phys.load(SYSCALL_ENTRY, new byte[] {(byte) 0xb0, (byte) 0xff, (byte) 0xe6, (byte) STOP_PORT, (byte) 0xf4});
        phys.load(SYSCALL_ENTRY + 0x20, new byte[] {(byte) 0xb0, (byte) 0xfe, (byte) 0xe6, (byte) STOP_PORT, (byte) 0xf4});
        phys.load(SYSCALL_ENTRY + 0x40, new byte[] {(byte) 0xb0, (byte) 0xfd, (byte) 0xe6, (byte) STOP_PORT, (byte) 0xf4});
    }

    private void tss(boolean wide) {
        if (wide) {
            w64(TSS + 4, STACK + 0x1000 + rnd.nextInt(16));      // RSP0 (not always aligned)
            w64(TSS + 12, STACK + 0x2000);                        // RSP1
            w64(TSS + 20, STACK + 0x3000);                        // RSP2
            for (int i = 1; i <= 7; i++) {
                w64(TSS + 0x24 + (i - 1) * 8L, i == 7 ? rnd.nextLong() : STACK + 0x4000 + i * 0x400L); // IST7: garbage
            }
            phys.ramWrite(TSS + 0x66, 2, 0x68);
        } else {
            w32(TSS + 4, STACK + 0x1000);   // ESP0
            w32(TSS + 8, KERNEL_DS);        // SS0
            w32(TSS + 12, STACK + 0x2000);  // ESP1
            w32(TSS + 16, rnd.nextInt(3) == 0 ? rnd.nextInt(0x80) : KERNEL_DS | 1);
            phys.ramWrite(TSS + 0x66, 2, 0x68);
        }
        for (long p = TSS + 0x68; p < TSS + 0x68 + 0x2000; p += 8) {
            w64(p, rnd.nextInt(2) == 0 ? 0 : rnd.nextLong());
        }
        phys.ramWrite(TSS + 0x68 + 0x2000, 1, 0xff);
    }

    /** 4-level: the first 2 MiB in 4-KiB pages (some with random U/W/NX), the next 2 MiB as one large page. */
    private void pages64() {
        w64(PML4, PDPT | 7);
        w64(PDPT, PD | 7);
        w64(PD, PT | 7);
        w64(PD + 8, 0x200000 | 0x87);
        for (int i = 0; i < 512; i++) {
            long pte = (long) i << 12 | 0x7;
            if (i >= 0x42 && i < 0x60) {
                pte = (long) i << 12 | rnd.nextInt(0x200) | (rnd.nextInt(4) == 0 ? 1L << 63 : 0);
            }
            w64(PT + i * 8L, pte);
        }
    }

    /** 2-level 32-bit paging (used only in the paged protected mode): 4 MiB in 4-KiB pages, a few random. */
    private void pages32() {
        w32(PD, PT | 7);
        w32(PD + 4, 0x400000 | 0x87); // a 4-MiB page beyond RAM (with CR4.PSE)
        for (int i = 0; i < 1024; i++) {
            long pte = (long) i << 12 | 0x7;
            if (i >= 0x42 && i < 0x60) {
                pte = (long) i << 12 | rnd.nextInt(0x200);
            }
            w32(PT + i * 4L, pte);
        }
    }

    /** Plausible values near the stack pointer and in the data page: frames for IRET, RETF, far pointers. */
    private void data() {
        for (long p = STACK - 0x100; p < STACK + 0x100; p += 8) {
            w64(p, interesting());
        }
        for (long p = DATA; p < DATA + 0x1000; p += 8) {
            w64(p, interesting());
        }
    }

    long interesting() {
        return switch (rnd.nextInt(8)) {
            case 0 -> rnd.nextInt(4) == 0 ? 0x80 + rnd.nextInt(0x80) : SELECTORS[rnd.nextInt(SELECTORS.length)];
            case 1 -> CODE + rnd.nextInt(48);
            case 2 -> Flags.FIXED1 | (rnd.nextInt(4) == 0 ? rnd.nextLong() & 0x3f7fd7 : rnd.nextInt(2) * Flags.IF);
            case 3 -> STACK - rnd.nextInt(0x100);
            case 4 -> rnd.nextLong();
            case 5 -> rnd.nextInt(1 << 22);
            case 6 -> (long) SELECTORS[rnd.nextInt(SELECTORS.length)] << 16 | CODE + rnd.nextInt(48) & 0xffff;
            default -> rnd.nextInt(256);
        };
    }

    private void stateFor(Mode mode) {
        s.ldtr.set(LDT_SEL, LDT, 0x3f, 0x82);
        s.tr.set(TSS_SEL, TSS, 0x68 + 0x2000, 0x8b);
        w64(GDT + TSS_SEL, Descriptor.build(TSS, 0x68 + 0x2000, 0x8b)); // busy, as after LTR
        s.rflags = Flags.FIXED1 | (rnd.nextBoolean() ? Flags.IF : 0) | (rnd.nextInt(8) == 0 ? 3L << 12 : 0);
        s.flagOp = Flags.NONE;
        s.cr4 = ControlBits.CR4_OSFXSR | ControlBits.CR4_OSXMMEXCPT;
        s.cr3 = PML4;
        switch (mode) {
            case LONG64_RING0, LONG64_RING3 -> {
                s.efer = ControlBits.EFER_LME | ControlBits.EFER_LMA | ControlBits.EFER_SCE | ControlBits.EFER_NXE;
                s.cr0 = ControlBits.CR0_PE | ControlBits.CR0_ET | ControlBits.CR0_NE | ControlBits.CR0_PG
                        | (rnd.nextBoolean() ? ControlBits.CR0_WP : 0);
                s.cr4 |= ControlBits.CR4_PAE | (rnd.nextBoolean() ? ControlBits.CR4_PGE : 0);
                boolean user = mode == Mode.LONG64_RING3;
                s.seg[CpuState.CS].set(user ? USER_CS : KERNEL_CS, 0, 0xffffffff, user ? 0xafb : 0xa9b);
                int ds = user ? USER_DS : KERNEL_DS;
                for (int i : new int[] {CpuState.ES, CpuState.SS, CpuState.DS}) {
                    s.seg[i].set(ds, 0, 0xffffffff, user ? 0xcf3 : 0xc93);
                }
                s.seg[CpuState.FS].set(0, rnd.nextInt(1 << 20), 0, 0);
                s.seg[CpuState.GS].set(0, rnd.nextInt(1 << 20), 0, 0);
                s.cpl = user ? 3 : 0;
            }
            case PROT32_RING0, PROT32_PAGED_RING0 -> {
                boolean paged = mode == Mode.PROT32_PAGED_RING0;
                s.efer = 0;
                s.cr0 = ControlBits.CR0_PE | ControlBits.CR0_ET | ControlBits.CR0_NE | (paged ? ControlBits.CR0_PG : 0);
                s.cr3 = PD;
                s.cr4 |= paged ? ControlBits.CR4_PSE : 0;
                s.seg[CpuState.CS].set(KERNEL32_CS, 0, 0xffffffff, 0xc9b);
                for (int i : new int[] {CpuState.ES, CpuState.SS, CpuState.DS, CpuState.FS, CpuState.GS}) {
                    s.seg[i].set(KERNEL_DS, 0, 0xffffffff, 0xc93);
                }
                s.cpl = 0;
            }
            case REAL -> {
                s.efer = 0;
                s.cr0 = ControlBits.CR0_ET;
                s.seg[CpuState.CS].set((int) (CODE >> 4), CODE, 0xffff, 0x9b);
                for (int i : new int[] {CpuState.ES, CpuState.SS, CpuState.DS, CpuState.FS, CpuState.GS}) {
                    s.seg[i].set(0x2000, 0x20000, 0xffff, 0x93);
                }
                s.cpl = 0;
            }
        }
        s.updateMode();
        sys.mmu.flushAll();
    }

    private void msrs() {
        sys.msrs.write(Msrs.IA32_STAR, (long) (USER32_CS & ~3) << 48 | (long) KERNEL_CS << 32);
        sys.msrs.write(Msrs.IA32_LSTAR, SYSCALL_ENTRY);
        sys.msrs.write(Msrs.IA32_CSTAR, SYSCALL_ENTRY);
        sys.msrs.write(Msrs.IA32_FMASK, 0x47700);
        sys.msrs.write(Msrs.IA32_SYSENTER_CS, rnd.nextInt(8) == 0 ? 0 : KERNEL32_CS);
        sys.msrs.write(Msrs.IA32_SYSENTER_ESP, STACK + 0x800);
        sys.msrs.write(Msrs.IA32_SYSENTER_EIP, SYSCALL_ENTRY + 0x20);
        sys.msrs.write(Msrs.IA32_KERNEL_GS_BASE, rnd.nextInt(1 << 22));
    }

    private static final int[] MSR_NUMBERS = {Msrs.IA32_EFER, Msrs.IA32_STAR, Msrs.IA32_LSTAR, Msrs.IA32_CSTAR,
        Msrs.IA32_FMASK, Msrs.IA32_FS_BASE, Msrs.IA32_GS_BASE, Msrs.IA32_KERNEL_GS_BASE, Msrs.IA32_TSC_AUX,
        Msrs.IA32_TSC, Msrs.IA32_APIC_BASE, Msrs.IA32_PAT, Msrs.IA32_MTRR_DEF_TYPE, Msrs.IA32_MTRR_PHYSBASE0 + 3,
        Msrs.IA32_SYSENTER_CS, Msrs.IA32_SYSENTER_EIP, Msrs.IA32_MISC_ENABLE, Msrs.IA32_TSC_DEADLINE, 0x830, 0x48,
        0xc001_0114, 0x1234};

    private void registers() {
        for (int r = 0; r < 16; r++) {
            s.gpr[r] = switch (rnd.nextInt(6)) {
                case 0 -> rnd.nextLong();
                case 1 -> MSR_NUMBERS[rnd.nextInt(MSR_NUMBERS.length)];
                case 2 -> rnd.nextInt(1 << 22); // inside RAM, often on a table
                default -> interesting();
            };
        }
        s.gpr[CpuState.RCX] = rnd.nextInt(4) == 0 ? MSR_NUMBERS[rnd.nextInt(MSR_NUMBERS.length)] : rnd.nextInt(64);
        s.gpr[CpuState.RSP] = s.codeSize == 2 ? 0x1000 - rnd.nextInt(0x80) & ~1 : STACK - rnd.nextInt(0x80) & ~7;
    }

    /** Runs from the code's first byte; the stop address is its end. */
    RunResult run(int codeLength) {
        long start = s.codeSize == 2 ? 0 : CODE;
        s.rip = start;
        vcpu.setStopAt(start + codeLength);
        return vcpu.run();
    }

    @Override
    public void close() {
        phys.close();
    }
}
