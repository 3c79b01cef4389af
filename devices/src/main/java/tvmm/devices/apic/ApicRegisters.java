package tvmm.devices.apic;

/**
 * Offsets of the local APIC registers in the 4 KiB xAPIC page (SDM vol. 3 table 11-1).
 * In x2APIC mode the same register is MSR {@code 0x800 + offset / 16} (table 11-6).
 */
final class ApicRegisters {
    static final int ID = 0x020;
    static final int VERSION = 0x030;
    static final int TPR = 0x080;
    static final int APR = 0x090;
    static final int PPR = 0x0A0;
    static final int EOI = 0x0B0;
    static final int RRD = 0x0C0;
    static final int LDR = 0x0D0;
    static final int DFR = 0x0E0;
    static final int SVR = 0x0F0;
    static final int ISR = 0x100;
    static final int TMR = 0x180;
    static final int IRR = 0x200;
    static final int ESR = 0x280;
    static final int LVT_CMCI = 0x2F0;
    static final int ICR_LOW = 0x300;
    static final int ICR_HIGH = 0x310;
    static final int LVT_TIMER = 0x320;
    static final int LVT_THERMAL = 0x330;
    static final int LVT_PERF = 0x340;
    static final int LVT_LINT0 = 0x350;
    static final int LVT_LINT1 = 0x360;
    static final int LVT_ERROR = 0x370;
    static final int TIMER_INITIAL = 0x380;
    static final int TIMER_CURRENT = 0x390;
    static final int TIMER_DIVIDE = 0x3E0;
    /** x2APIC only (MSR 0x83F). */
    static final int SELF_IPI = 0x3F0;

    /** LVT indices in {@code LocalApic.lvt}, in register order. */
    static final int LVT_INDEX_TIMER = 0;
    static final int LVT_INDEX_THERMAL = 1;
    static final int LVT_INDEX_PERF = 2;
    static final int LVT_INDEX_LINT0 = 3;
    static final int LVT_INDEX_LINT1 = 4;
    static final int LVT_INDEX_ERROR = 5;

    static final int LVT_MASKED = 1 << 16;
    /** Writable bits per LVT (SDM figure 11-8): timer, thermal, perf, LINT0, LINT1, error. */
    static final int[] LVT_WRITABLE = {0x000700FF, 0x000107FF, 0x000107FF, 0x0001A7FF, 0x0001A7FF, 0x000100FF};

    /** Version 0x14 (integrated APIC), 6 LVT entries, EOI-broadcast suppression supported. */
    static final int VERSION_VALUE = 0x01050014;

    /** SVR bits (SDM figure 11-23). */
    static final int SVR_ENABLE = 1 << 8;
    static final int SVR_FOCUS_DISABLED = 1 << 9;
    static final int SVR_SUPPRESS_EOI_BROADCAST = 1 << 12;
    static final int SVR_WRITABLE = 0x13FF;

    /** ICR low writable bits: vector, mode, destination mode, level, trigger, shorthand. */
    static final int ICR_LOW_WRITABLE = 0x000CCFFF;

    /** ESR bits (SDM figure 11-9). */
    static final int ESR_SEND_ILLEGAL_VECTOR = 1 << 5;
    static final int ESR_RECEIVE_ILLEGAL_VECTOR = 1 << 6;
    static final int ESR_ILLEGAL_REGISTER = 1 << 7;

    /** IA32_APIC_BASE bits (SDM figure 11-5). */
    static final long BASE_BSP = 1L << 8;
    static final long BASE_EXTD = 1L << 10;
    static final long BASE_ENABLE = 1L << 11;
    static final long BASE_ADDRESS_MASK = 0x000F_FFFF_FFFF_F000L;
    static final long DEFAULT_BASE = 0xFEE0_0000L;

    private ApicRegisters() {
    }
}
