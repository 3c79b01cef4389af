package tvmm.cpu.cpuid;

/**
 * Every CPUID feature flag tvmm knows, with where it lives and whether tvmm implements it.
 * CPUID advertises exactly the flags marked implemented (DESIGN.md §3: never advertise a
 * feature that is not implemented). To advertise a new extension once its instructions exist,
 * flip its flag here; CR4 validity ({@link CpuFeatures#cr4ValidMask}) follows automatically.
 */
public enum Feature {
    // Leaf 1 EDX
    FPU(1, Reg.EDX, 0, true),           // x87: instr.X87/X87Mem over tvmm.cpu.fpu
    VME(1, Reg.EDX, 1, false),          // virtual-8086 extensions: VM86 unsupported
    DE(1, Reg.EDX, 2, false),
    PSE(1, Reg.EDX, 3, true),           // 4 MiB pages (PageWalker)
    TSC(1, Reg.EDX, 4, true),
    MSR(1, Reg.EDX, 5, true),
    PAE(1, Reg.EDX, 6, true),
    MCE(1, Reg.EDX, 7, false),
    CX8(1, Reg.EDX, 8, true),
    APIC(1, Reg.EDX, 9, true),
    SEP(1, Reg.EDX, 11, true),          // SYSENTER/SYSEXIT
    MTRR(1, Reg.EDX, 12, true),         // MsrFile keeps the MTRRs
    PGE(1, Reg.EDX, 13, true),          // global pages (SoftTlb)
    MCA(1, Reg.EDX, 14, false),
    CMOV(1, Reg.EDX, 15, true),
    PAT(1, Reg.EDX, 16, true),
    PSE36(1, Reg.EDX, 17, true),
    CLFSH(1, Reg.EDX, 19, true),
    MMX(1, Reg.EDX, 23, true),          // instr.MmxTranslate/MmxOp over simd.MmxOps
    FXSR(1, Reg.EDX, 24, true),         // instr.FxImage over fpu.X87Images
    SSE(1, Reg.EDX, 25, true),          // instr.SseTranslate/SseOp/SseXfer/SseMoves
    SSE2(1, Reg.EDX, 26, true),
    // Leaf 1 ECX
    SSE3(1, Reg.ECX, 0, true),
    PCLMULQDQ(1, Reg.ECX, 1, false),
    MONITOR(1, Reg.ECX, 3, false),
    SSSE3(1, Reg.ECX, 9, true),
    CX16(1, Reg.ECX, 13, true),
    PCID(1, Reg.ECX, 17, false),
    SSE41(1, Reg.ECX, 19, true),
    SSE42(1, Reg.ECX, 20, true),        // PCMPxSTRx, CRC32, PCMPGTQ
    X2APIC(1, Reg.ECX, 21, true),
    MOVBE(1, Reg.ECX, 22, true),
    POPCNT(1, Reg.ECX, 23, true),
    TSC_DEADLINE(1, Reg.ECX, 24, true),
    XSAVE(1, Reg.ECX, 26, true),        // x87 and SSE components only; XSAVEOPT in leaf 0xD
    OSXSAVE(1, Reg.ECX, 27, false),     // dynamic: mirrors CR4.OSXSAVE when XSAVE exists
    RDRAND(1, Reg.ECX, 30, true),
    HYPERVISOR(1, Reg.ECX, 31, true),
    // Leaf 7.0 EBX
    FSGSBASE(7, Reg.EBX, 0, false),
    BMI1(7, Reg.EBX, 3, true),          // ANDN, BEXTR, BLS*, TZCNT: engine, difftested
    SMEP(7, Reg.EBX, 7, true),          // PageWalker, ControlRegisters (CR4), TLB flush on change
    BMI2(7, Reg.EBX, 8, true),          // BZHI, MULX, PDEP, PEXT, RORX, SARX/SHLX/SHRX: engine
    ERMS(7, Reg.EBX, 9, false),
    INVPCID(7, Reg.EBX, 10, false),
    RDSEED(7, Reg.EBX, 18, true),
    ADX(7, Reg.EBX, 19, true),          // ADCX, ADOX: engine, difftested
    SMAP(7, Reg.EBX, 20, true),         // PageWalker, Mmu (AC on a miss, override tables), STAC/CLAC, implicit accesses
    // Leaf 7.0 ECX
    UMIP(7, Reg.ECX, 2, false),
    LA57(7, Reg.ECX, 16, false),        // 5-level paging: not implemented
    RDPID(7, Reg.ECX, 22, false),
    // Leaf 7.0 EDX
    IBRS_IBPB(7, Reg.EDX, 26, true),    // IA32_SPEC_CTRL.IBRS and IA32_PRED_CMD: MsrFile (no predictor to control)
    STIBP(7, Reg.EDX, 27, true),        // IA32_SPEC_CTRL.STIBP
    ARCH_CAPABILITIES(7, Reg.EDX, 29, true), // IA32_ARCH_CAPABILITIES: MsrFile.ARCH_CAPABILITIES
    SSBD(7, Reg.EDX, 31, true),         // IA32_SPEC_CTRL.SSBD
    // Leaf 7.2 EDX
    BHI_CTRL(7, 2, Reg.EDX, 4, true),   // IA32_SPEC_CTRL.BHI_DIS_S: Linux sets it once instead of a BHB-clearing loop per syscall
    // Leaf 0x80000001 ECX
    LAHF_LM(0x8000_0001, Reg.ECX, 0, true),
    ABM(0x8000_0001, Reg.ECX, 5, true), // LZCNT
    PREFETCHW(0x8000_0001, Reg.ECX, 8, false),
    // Leaf 0x80000001 EDX
    SYSCALL(0x8000_0001, Reg.EDX, 11, true),
    NX(0x8000_0001, Reg.EDX, 20, true),
    PAGE1GB(0x8000_0001, Reg.EDX, 26, true),
    RDTSCP(0x8000_0001, Reg.EDX, 27, true),
    LM(0x8000_0001, Reg.EDX, 29, true),
    // Leaf 0x80000007 EDX
    INVARIANT_TSC(0x8000_0007, Reg.EDX, 8, true),
    // Leaf 6 EAX
    ARAT(6, Reg.EAX, 2, true);          // the emulated APIC timer never stops in C-states

    /** CPUID output register. */
    public enum Reg { EAX, EBX, ECX, EDX }

    public final int leaf;
    /** ECX input (sub-leaf) for leaf 7; 0 elsewhere. */
    public final int subleaf;
    public final Reg reg;
    public final int bit;
    public final boolean implemented;

    Feature(int leaf, Reg reg, int bit, boolean implemented) {
        this(leaf, 0, reg, bit, implemented);
    }

    Feature(int leaf, int subleaf, Reg reg, int bit, boolean implemented) {
        this.leaf = leaf;
        this.subleaf = subleaf;
        this.reg = reg;
        this.bit = bit;
        this.implemented = implemented;
    }

    /** The mask of implemented features in one leaf register (sub-leaf 0). */
    public static int mask(int leaf, Reg reg) {
        return mask(leaf, 0, reg);
    }

    /** The mask of implemented features in one register of a leaf's sub-leaf. */
    public static int mask(int leaf, int subleaf, Reg reg) {
        int m = 0;
        for (Feature f : values()) {
            if (f.leaf == leaf && f.subleaf == subleaf && f.reg == reg && f.implemented) {
                m |= 1 << f.bit;
            }
        }
        return m;
    }
}
