package tvmm.cpu.cpuid;

import java.nio.charset.StandardCharsets;
import tvmm.cpu.cpuid.Feature.Reg;

/**
 * The CPU model CPUID reports: vendor "GenuineIntel" (the MSR set the guest expects —
 * MISC_ENABLE, TSC_DEADLINE — and the TSC/crystal leaves 0x15/0x16 are Intel's; Linux takes
 * its Intel paths), family 6 model 0x2A stepping 7, brand "tvmm virtual CPU", a hypervisor
 * leaf 0x40000000 with signature "tvmmtvmmtvmm", and exactly the {@link Feature}s marked
 * implemented. Topology: one core per vCPU, one thread per core, x2APIC id = vCPU index.
 *
 * <p>Linux derives both the TSC rate and the local APIC timer rate from leaf 0x15
 * (native_calibrate_tsc sets lapic_timer_period from the crystal): {@code crystalHz} must be
 * the rate the emulated APIC timer counts at.
 */
public final class CpuidModel {
    public static final String VENDOR = "GenuineIntel";
    public static final String HYPERVISOR_SIGNATURE = "tvmmtvmmtvmm";
    public static final String BRAND = "tvmm virtual CPU";
    public static final int FAMILY = 6;
    public static final int MODEL = 0x2a;
    public static final int STEPPING = 7;
    static final int MAX_LEAF = 0x16;
    static final int MAX_EXT_LEAF = 0x8000_0008;
    /** Leaf 7 has sub-leaves 0 to 2 (2: BHI_CTRL in EDX). */
    static final int MAX_LEAF7_SUBLEAF = 2;

    private final int vcpus;
    private final long tscHz;
    private final long crystalHz;

    public CpuidModel(int vcpus, long tscHz, long crystalHz) {
        if (vcpus < 1 || vcpus > 255 || tscHz <= 0 || crystalHz <= 0 || tscHz % crystalHz != 0) {
            throw new IllegalArgumentException("vcpus 1..255, tscHz a positive multiple of crystalHz");
        }
        this.vcpus = vcpus;
        this.tscHz = tscHz;
        this.crystalHz = crystalHz;
    }

    public long tscHz() {
        return tscHz;
    }

    public long crystalHz() {
        return crystalHz;
    }

    /**
     * Executes CPUID for vCPU {@code apicId}; {@code cr4} supplies the OSXSAVE mirror bit.
     * Returns {EAX, EBX, ECX, EDX}. Leaves above the maximum return the highest basic leaf's
     * values, as Intel CPUs do (SDM vol. 2 CPUID).
     */
    public int[] query(int leaf, int subleaf, int apicId, long cr4) {
        return query(leaf, subleaf, apicId, cr4, 1);
    }

    /** CPUID with the current XCR0 too (leaf 0xD sub-leaf 0 EBX depends on it). */
    public int[] query(int leaf, int subleaf, int apicId, long cr4, long xcr0) {
        if (leaf >= 0x4000_0000 && leaf < 0x4000_0100) {
            return hypervisor(leaf);
        }
        if (Integer.compareUnsigned(leaf, MAX_EXT_LEAF) > 0
                || (Integer.compareUnsigned(leaf, MAX_LEAF) > 0 && Integer.compareUnsigned(leaf, 0x8000_0000) < 0)) {
            leaf = MAX_LEAF;
            subleaf = 0;
        }
        return switch (leaf) {
            case 0 -> withVendor(MAX_LEAF, VENDOR);
            case 1 -> leaf1(apicId, cr4);
            case 2 -> new int[] {0x0000_0001, 0, 0, 0}; // no descriptors: see leaf 4
            case 4 -> cache(subleaf);
            case 6 -> new int[] {Feature.mask(6, Reg.EAX), 0, 0, 0};
            case 7 -> switch (subleaf) { // sub-leaf 0's EAX: the highest sub-leaf
                case 0 -> new int[] {MAX_LEAF7_SUBLEAF, Feature.mask(7, Reg.EBX), Feature.mask(7, Reg.ECX),
                    Feature.mask(7, Reg.EDX)};
                case 2 -> new int[] {0, 0, 0, Feature.mask(7, 2, Reg.EDX)};
                default -> new int[4];
            };
            case 0xb -> topology(subleaf, apicId);
            case 0xd -> xsave(subleaf, xcr0);
            case 0x15 -> new int[] {1, (int) (tscHz / crystalHz), (int) crystalHz, 0};
            case 0x16 -> new int[] {(int) (tscHz / 1_000_000), (int) (tscHz / 1_000_000),
                (int) (crystalHz / 1_000_000), 0};
            case 0x8000_0000 -> new int[] {MAX_EXT_LEAF, 0, 0, 0};
            case 0x8000_0001 -> new int[] {0, 0, Feature.mask(0x8000_0001, Reg.ECX),
                Feature.mask(0x8000_0001, Reg.EDX)};
            case 0x8000_0002, 0x8000_0003, 0x8000_0004 -> brand(leaf - 0x8000_0002);
            case 0x8000_0006 -> new int[] {0, 0, (256 << 16) | (6 << 12) | 64, 0}; // 256 KiB L2, 8-way, 64 B
            case 0x8000_0007 -> new int[] {0, 0, 0, Feature.mask(0x8000_0007, Reg.EDX)};
            case 0x8000_0008 -> new int[] {CpuFeatures.PHYS_ADDR_BITS | (CpuFeatures.LINEAR_ADDR_BITS << 8), 0, 0, 0};
            default -> new int[4]; // reserved or unimplemented leaves (3, 5, 0xA, 0xD, …): all zero
        };
    }

    private int[] leaf1(int apicId, long cr4) {
        int eax = STEPPING | (MODEL & 0xf) << 4 | FAMILY << 8 | (MODEL >> 4) << 16;
        // EBX: CLFLUSH line 8×8 bytes, logical processors per package, initial APIC id.
        int ebx = 8 << 8 | (vcpus & 0xff) << 16 | (apicId & 0xff) << 24;
        int ecx = Feature.mask(1, Reg.ECX);
        if (Feature.XSAVE.implemented && (cr4 & tvmm.cpu.mmu.ControlBits.CR4_OSXSAVE) != 0) {
            ecx |= 1 << Feature.OSXSAVE.bit;
        }
        return new int[] {eax, ebx, ecx, Feature.mask(1, Reg.EDX)};
    }

    /**
     * Leaf 0xD (SDM Vol. 1 §13.2): sub-leaf 0 — the XCR0 bits that may be set (x87, SSE), the
     * area size for the bits set in XCR0 and for all of them (both 576: the legacy region and the
     * header hold x87 and SSE); sub-leaf 1 — XSAVEOPT only (no XSAVEC, XGETBV with ECX = 1,
     * XSAVES; no IA32_XSS bits). Components 0 and 1 live in the legacy region, so their own
     * sub-leaves are zero like every other.
     */
    private static int[] xsave(int subleaf, long xcr0) {
        if (!Feature.XSAVE.implemented) {
            return new int[4];
        }
        return switch (subleaf) {
            case 0 -> new int[] {3, 576, 576, 0};
            case 1 -> new int[] {1, 0, 0, 0};
            default -> new int[4];
        };
    }

    /** Deterministic cache parameters: 32K L1d, 32K L1i, 256K L2 per core, 8M shared L3. */
    private int[] cache(int subleaf) {
        int level;
        int type;
        int ways;
        int sets;
        switch (subleaf) {
            case 0 -> { level = 1; type = 1; ways = 8; sets = 64; }
            case 1 -> { level = 1; type = 2; ways = 8; sets = 64; }
            case 2 -> { level = 2; type = 3; ways = 8; sets = 512; }
            case 3 -> { level = 3; type = 3; ways = 16; sets = 8192; }
            default -> { return new int[4]; }
        }
        int sharing = level == 3 ? vcpus - 1 : 0;
        int coresPerPackage = vcpus - 1;
        int eax = type | level << 5 | 1 << 8 | sharing << 14 | coresPerPackage << 26;
        int ebx = (64 - 1) | 0 << 12 | (ways - 1) << 22;
        return new int[] {eax, ebx, sets - 1, 0};
    }

    /** Leaf 0xB: SMT level of one thread, core level of {@code vcpus} cores. */
    private int[] topology(int subleaf, int apicId) {
        int coreShift = 32 - Integer.numberOfLeadingZeros(Math.max(vcpus - 1, 0));
        return switch (subleaf) {
            case 0 -> new int[] {0, 1, 1 << 8, apicId};
            case 1 -> new int[] {coreShift, vcpus, 2 << 8 | 1, apicId};
            default -> new int[] {0, 0, subleaf & 0xff, apicId};
        };
    }

    private int[] hypervisor(int leaf) {
        if (leaf == 0x4000_0000) {
            int[] r = withVendor(0x4000_0001, HYPERVISOR_SIGNATURE);
            // The hypervisor leaf puts the signature in EBX, ECX, EDX (in that order).
            return new int[] {r[0], r[1], r[3], r[2]};
        }
        return new int[4];
    }

    /** Basic leaf 0 order: EBX, EDX, ECX hold the 12 characters. */
    private static int[] withVendor(int eax, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return new int[] {eax, le(b, 0), le(b, 8), le(b, 4)};
    }

    private static int[] brand(int part) {
        byte[] all = new byte[48];
        byte[] text = BRAND.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, all, 0, text.length);
        int o = part * 16;
        return new int[] {le(all, o), le(all, o + 4), le(all, o + 8), le(all, o + 12)};
    }

    private static int le(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }
}
