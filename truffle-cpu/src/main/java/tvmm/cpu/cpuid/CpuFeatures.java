package tvmm.cpu.cpuid;

import tvmm.cpu.mmu.ControlBits;

/**
 * Compile-time facts of the CPU model that other packages depend on (the walker's reserved
 * bits, CR4 validity). Derived from {@link Feature} so the two cannot disagree.
 */
public final class CpuFeatures {
    /** MAXPHYADDR: CPUID 0x80000008 EAX[7:0]. 40 bits = 1 TiB of guest-physical space. */
    public static final int PHYS_ADDR_BITS = 40;
    /** Linear address width (4-level paging; LA57 is not implemented). */
    public static final int LINEAR_ADDR_BITS = 48;
    public static final boolean PAGE_1GB = Feature.PAGE1GB.implemented;
    public static final boolean NX = Feature.NX.implemented;

    private CpuFeatures() {
    }

    /** CR4 bits a MOV to CR4 may set; any other bit set is #GP(0) (SDM §2.5). */
    public static long cr4ValidMask() {
        long m = ControlBits.CR4_TSD | ControlBits.CR4_PSE | ControlBits.CR4_PAE | ControlBits.CR4_PGE
                | ControlBits.CR4_PCE;
        m |= bit(Feature.VME, ControlBits.CR4_VME | ControlBits.CR4_PVI);
        m |= bit(Feature.DE, ControlBits.CR4_DE);
        m |= bit(Feature.MCE, ControlBits.CR4_MCE);
        m |= bit(Feature.FXSR, ControlBits.CR4_OSFXSR);
        m |= bit(Feature.SSE, ControlBits.CR4_OSXMMEXCPT);
        m |= bit(Feature.UMIP, ControlBits.CR4_UMIP);
        m |= bit(Feature.LA57, ControlBits.CR4_LA57);
        m |= bit(Feature.FSGSBASE, ControlBits.CR4_FSGSBASE);
        m |= bit(Feature.PCID, ControlBits.CR4_PCIDE);
        m |= bit(Feature.XSAVE, ControlBits.CR4_OSXSAVE);
        m |= bit(Feature.SMEP, ControlBits.CR4_SMEP);
        m |= bit(Feature.SMAP, ControlBits.CR4_SMAP);
        return m;
    }

    /** EFER bits a WRMSR may set (SCE, LME, NXE; LMA is read-only and kept by the CPU). */
    public static long eferWritableMask() {
        return ControlBits.EFER_SCE | ControlBits.EFER_LME | ControlBits.EFER_LMA
                | (NX ? ControlBits.EFER_NXE : 0);
    }

    private static long bit(Feature f, long bits) {
        return f.implemented ? bits : 0;
    }
}
