package tvmm.devices.apic;

import static tvmm.devices.apic.ApicRegisters.*;

import java.util.OptionalLong;

/**
 * The MSR face of a local APIC: IA32_APIC_BASE (0x1B), IA32_TSC_DEADLINE (0x6E0) and the
 * x2APIC registers 0x800–0x8FF (SDM vol. 3 §11.12.1.2, table 11-6).
 *
 * <p>An empty read or a false write means the CPU raises #GP(0): x2APIC MSRs outside
 * x2APIC mode, registers the x2APIC does not have (APR, DFR, ICR high, RRD), reads of
 * write-only registers (EOI, SELF_IPI), writes to read-only ones, a non-zero EOI or ESR
 * write, and reserved bits set.
 */
public final class X2ApicMsrs {
    public static final int IA32_APIC_BASE = 0x1B;
    public static final int IA32_TSC_DEADLINE = 0x6E0;
    public static final int X2APIC_FIRST = 0x800;
    public static final int X2APIC_LAST = 0x8FF;

    /** ICR bits that must be zero on an x2APIC write (delivery status is read-only too). */
    private static final long ICR_RESERVED = 0xFFF0_0000L | (1L << 17) | (1L << 16) | (1L << 13) | (1L << 12);

    private final LocalApic apic;

    public X2ApicMsrs(LocalApic apic) {
        this.apic = apic;
    }

    /** True for every MSR this class answers; the CPU sends those here. */
    public static boolean handles(int msr) {
        return msr == IA32_APIC_BASE || msr == IA32_TSC_DEADLINE
                || (msr >= X2APIC_FIRST && msr <= X2APIC_LAST);
    }

    public OptionalLong read(int msr) {
        if (msr == IA32_APIC_BASE) {
            return OptionalLong.of(apic.apicBase());
        }
        if (msr == IA32_TSC_DEADLINE) {
            return OptionalLong.of(apic.tscDeadline());
        }
        int reg = register(msr);
        if (reg < 0 || !readable(reg)) {
            return OptionalLong.empty();
        }
        if (reg == ICR_LOW) {
            long low = apic.readRegister(ICR_LOW, true);
            long high = apic.readRegister(ICR_HIGH, true);
            return OptionalLong.of(high << 32 | low);
        }
        long v = apic.readRegister(reg, true);
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public boolean write(int msr, long value) {
        if (msr == IA32_APIC_BASE) {
            return apic.writeApicBase(value);
        }
        if (msr == IA32_TSC_DEADLINE) {
            apic.setTscDeadline(value);
            return true;
        }
        int reg = register(msr);
        if (reg < 0 || !writable(reg)) {
            return false;
        }
        long reserved = switch (reg) {
            case ICR_LOW -> ICR_RESERVED;
            case TPR -> ~0xFFL;
            case SELF_IPI -> ~0xFFL;
            case TIMER_DIVIDE -> ~0xBL;
            case EOI, ESR -> -1L;    // only 0 may be written (SDM §11.12.1.2)
            default -> 0xFFFF_FFFF_0000_0000L;
        };
        if ((value & reserved) != 0) {
            return false;
        }
        apic.writeRegister(reg, value, true).run(apic);
        return true;
    }

    /** The xAPIC offset of an x2APIC MSR, or -1 when not in x2APIC mode or not an APIC MSR. */
    private int register(int msr) {
        if (msr < X2APIC_FIRST || msr > X2APIC_LAST || !apic.isX2ApicMode()) {
            return -1;
        }
        return (msr - X2APIC_FIRST) << 4;
    }

    private static boolean readable(int reg) {
        if (reg >= ISR && reg < IRR + 0x80) {
            return true;
        }
        return switch (reg) {
            case ID, VERSION, TPR, PPR, LDR, SVR, ESR, ICR_LOW, LVT_TIMER, LVT_THERMAL, LVT_PERF,
                 LVT_LINT0, LVT_LINT1, LVT_ERROR, TIMER_INITIAL, TIMER_CURRENT, TIMER_DIVIDE -> true;
            default -> false;
        };
    }

    private static boolean writable(int reg) {
        return switch (reg) {
            case TPR, EOI, SVR, ESR, ICR_LOW, LVT_TIMER, LVT_THERMAL, LVT_PERF, LVT_LINT0,
                 LVT_LINT1, LVT_ERROR, TIMER_INITIAL, TIMER_DIVIDE, SELF_IPI -> true;
            default -> false;
        };
    }
}
