package tvmm.cpu.msr;

import tvmm.cpu.cpuid.CpuFeatures;
import tvmm.cpu.interrupts.GuestFault;

/**
 * Storage for the MTRRs with the write checks of SDM vol. 3 §12.11: memory types 0 (UC),
 * 1 (WC), 4 (WT), 5 (WP), 6 (WB); reserved bits #GP. tvmm does not model caching, so the
 * values only need to read back as written (Linux's mtrr code and the firmware check that).
 */
final class Mtrrs {
    /** VCNT = 8, FIX = 1, WC = 1, no SMRR. */
    static final long CAP = Msrs.MTRR_VARIABLE_COUNT | 1L << 8 | 1L << 10;
    private static final long PHYS_HIGH_RESERVED = ~((1L << CpuFeatures.PHYS_ADDR_BITS) - 1);

    private long defType;
    private final long[] fixed = new long[11];
    private final long[] variable = new long[2 * Msrs.MTRR_VARIABLE_COUNT];

    static boolean isValidType(long type) {
        return type == 0 || type == 1 || type == 4 || type == 5 || type == 6;
    }

    private static boolean allBytesValid(long v) {
        for (int i = 0; i < 8; i++) {
            if (!isValidType((v >>> (8 * i)) & 0xff)) {
                return false;
            }
        }
        return true;
    }

    static boolean handles(int msr) {
        return msr == Msrs.IA32_MTRRCAP || msr == Msrs.IA32_MTRR_DEF_TYPE || fixedIndex(msr) >= 0
                || (msr >= Msrs.IA32_MTRR_PHYSBASE0 && msr < Msrs.IA32_MTRR_PHYSBASE0 + variable());
    }

    private static int variable() {
        return 2 * Msrs.MTRR_VARIABLE_COUNT;
    }

    private static int fixedIndex(int msr) {
        if (msr == Msrs.IA32_MTRR_FIX64K_00000) {
            return 0;
        }
        if (msr == Msrs.IA32_MTRR_FIX16K_80000 || msr == Msrs.IA32_MTRR_FIX16K_A0000) {
            return 1 + msr - Msrs.IA32_MTRR_FIX16K_80000;
        }
        if (msr >= Msrs.IA32_MTRR_FIX4K_C0000 && msr <= Msrs.IA32_MTRR_FIX4K_C0000 + 7) {
            return 3 + msr - Msrs.IA32_MTRR_FIX4K_C0000;
        }
        return -1;
    }

    long read(int msr) {
        if (msr == Msrs.IA32_MTRRCAP) {
            return CAP;
        }
        if (msr == Msrs.IA32_MTRR_DEF_TYPE) {
            return defType;
        }
        int f = fixedIndex(msr);
        return f >= 0 ? fixed[f] : variable[msr - Msrs.IA32_MTRR_PHYSBASE0];
    }

    void write(int msr, long value) {
        if (msr == Msrs.IA32_MTRRCAP) {
            throw GuestFault.gp(0);
        }
        if (msr == Msrs.IA32_MTRR_DEF_TYPE) {
            // Bits 7:0 default type, 10 FE, 11 E; the rest reserved.
            if ((value & ~0xcffL) != 0 || !isValidType(value & 0xff)) {
                throw GuestFault.gp(0);
            }
            defType = value;
            return;
        }
        int f = fixedIndex(msr);
        if (f >= 0) {
            if (!allBytesValid(value)) {
                throw GuestFault.gp(0);
            }
            fixed[f] = value;
            return;
        }
        int v = msr - Msrs.IA32_MTRR_PHYSBASE0;
        boolean base = (v & 1) == 0;
        // PHYSBASE: type in 7:0, 11:8 reserved; PHYSMASK: valid bit 11, 10:0 reserved.
        long reserved = PHYS_HIGH_RESERVED | (base ? 0xf00L : 0x7ffL);
        if ((value & reserved) != 0 || (base && !isValidType(value & 0xff))) {
            throw GuestFault.gp(0);
        }
        variable[v] = value;
    }
}
