package tvmm.cpu.mmu;

import tvmm.cpu.cpuid.CpuFeatures;
import tvmm.cpu.interrupts.GuestFault;

/**
 * The checks and side effects of MOV to CR0/CR3/CR4/CR8 and LMSW (SDM vol. 2 "MOV—Move
 * to/from Control Registers", vol. 3 §2.5, §9.8.5 for entering and leaving long mode). Pure
 * functions: the engine's instruction node checks here, stores the result, then calls
 * {@link Mmu#controlRegistersChanged} or {@link Mmu#cr3Written} for the TLB and PDPTEs.
 */
public final class ControlRegisters {
    /** CR0 bits that exist; writes to other bits of 31:0 are ignored, bits 63:32 fault. */
    static final long CR0_DEFINED = ControlBits.CR0_PE | ControlBits.CR0_MP | ControlBits.CR0_EM
            | ControlBits.CR0_TS | ControlBits.CR0_ET | ControlBits.CR0_NE | ControlBits.CR0_WP
            | ControlBits.CR0_AM | ControlBits.CR0_NW | ControlBits.CR0_CD | ControlBits.CR0_PG;

    private ControlRegisters() {
    }

    /**
     * Checks a MOV to CR0 and returns the value CR0 takes (ET reads as 1 on every processor
     * since the i486). {@code mode64}: the instruction runs in 64-bit mode (CS.L with LMA).
     */
    public static long checkCr0(long value, long cr4, long efer, boolean mode64) {
        if ((value >>> 32) != 0) {
            throw GuestFault.gp(0);
        }
        if ((value & ControlBits.CR0_PG) != 0 && (value & ControlBits.CR0_PE) == 0) {
            throw GuestFault.gp(0);
        }
        if ((value & ControlBits.CR0_NW) != 0 && (value & ControlBits.CR0_CD) == 0) {
            throw GuestFault.gp(0);
        }
        boolean pg = (value & ControlBits.CR0_PG) != 0;
        if (pg && (efer & ControlBits.EFER_LME) != 0 && (cr4 & ControlBits.CR4_PAE) == 0) {
            throw GuestFault.gp(0); // long mode needs PAE (SDM §9.8.5)
        }
        if (!pg && mode64) {
            throw GuestFault.gp(0); // paging can only be turned off from compatibility mode
        }
        return (value & CR0_DEFINED) | ControlBits.CR0_ET;
    }

    /** EFER after CR0 changed: LMA follows PG while LME is set (long mode activates/deactivates). */
    public static long eferAfterCr0(long newCr0, long efer) {
        boolean active = (newCr0 & ControlBits.CR0_PG) != 0 && (efer & ControlBits.EFER_LME) != 0;
        return active ? efer | ControlBits.EFER_LMA : efer & ~ControlBits.EFER_LMA;
    }

    /** Checks a MOV to CR4: unknown/unadvertised bits, PAE off in long mode, LA57 changes. */
    public static long checkCr4(long value, long cr4, long efer) {
        if ((value & ~CpuFeatures.cr4ValidMask()) != 0) {
            throw GuestFault.gp(0);
        }
        boolean lma = (efer & ControlBits.EFER_LMA) != 0;
        if (lma && (value & ControlBits.CR4_PAE) == 0) {
            throw GuestFault.gp(0);
        }
        if (lma && ((value ^ cr4) & ControlBits.CR4_LA57) != 0) {
            throw GuestFault.gp(0);
        }
        return value;
    }

    /**
     * Checks a MOV to CR3. In long mode bits 63:MAXPHYADDR are reserved (PCID is not
     * advertised, so bit 63 is too); outside it the register holds 32 bits.
     */
    public static long checkCr3(long value, long efer) {
        if ((efer & ControlBits.EFER_LMA) == 0) {
            return value & 0xffff_ffffL;
        }
        if ((value >>> CpuFeatures.PHYS_ADDR_BITS) != 0) {
            throw GuestFault.gp(0);
        }
        return value;
    }

    /** CR8 is the task-priority register: bits 63:4 are reserved. */
    public static long checkCr8(long value) {
        if ((value & ~0xfL) != 0) {
            throw GuestFault.gp(0);
        }
        return value;
    }

    /** LMSW: loads MP, EM, TS and can set — but never clear — PE (SDM vol. 2 LMSW). */
    public static long lmsw(long cr0, int source) {
        long low = source & 0xf;
        long pe = (cr0 | low) & ControlBits.CR0_PE;
        return (cr0 & ~0xfL) | (low & 0xe) | pe;
    }

    /** Which CRs exist for MOV: 0, 2, 3, 4, 8; others are #UD (SDM vol. 2 MOV CR). */
    public static boolean exists(int cr) {
        return cr == 0 || cr == 2 || cr == 3 || cr == 4 || cr == 8;
    }
}
