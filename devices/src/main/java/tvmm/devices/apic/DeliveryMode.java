package tvmm.devices.apic;

/**
 * Delivery modes of an interrupt message, as encoded in bits 10:8 of the ICR, the LVT
 * entries, the IOAPIC redirection entries and MSI data (SDM vol. 3 §11.6.1).
 */
public final class DeliveryMode {
    public static final int FIXED = 0b000;
    public static final int LOWEST_PRIORITY = 0b001;
    public static final int SMI = 0b010;
    public static final int NMI = 0b100;
    public static final int INIT = 0b101;
    public static final int STARTUP = 0b110;
    /** The 8259A answers the INTA cycle (LINT0 or an IOAPIC pin wired to the PIC). */
    public static final int EXTINT = 0b111;

    private DeliveryMode() {
    }

    public static String name(int mode) {
        return switch (mode & 7) {
            case FIXED -> "fixed";
            case LOWEST_PRIORITY -> "lowest-priority";
            case SMI -> "SMI";
            case NMI -> "NMI";
            case INIT -> "INIT";
            case STARTUP -> "STARTUP";
            case EXTINT -> "ExtINT";
            default -> "reserved";
        };
    }
}
