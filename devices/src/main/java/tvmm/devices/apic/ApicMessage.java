package tvmm.devices.apic;

/**
 * One interrupt message on the APIC bus (on modern parts: the system bus): what an ICR
 * write, an IOAPIC redirection entry or an MSI write puts on the wire.
 *
 * @param destination   physical APIC ID or logical destination; 8 bits in xAPIC format,
 *                      32 bits in x2APIC format
 * @param logical       destination mode: false physical, true logical
 * @param deliveryMode  one of {@link DeliveryMode}
 * @param vector        interrupt vector (STARTUP: the page number of the start address)
 * @param levelTriggered trigger mode: the target sets its TMR bit and broadcasts an EOI
 * @param assertLevel   the ICR's level bit: false only for the INIT level de-assert message
 * @param shorthand     {@link #NO_SHORTHAND}, {@link #SELF}, {@link #ALL_INCLUDING_SELF}
 *                      or {@link #ALL_EXCLUDING_SELF} (ICR bits 19:18)
 * @param x2apicFormat  the destination is 32 bits wide (sent by an APIC in x2APIC mode), so
 *                      the broadcast ID is 0xFFFFFFFF instead of 0xFF
 */
public record ApicMessage(int destination, boolean logical, int deliveryMode, int vector,
                          boolean levelTriggered, boolean assertLevel, int shorthand,
                          boolean x2apicFormat) {

    public static final int NO_SHORTHAND = 0;
    public static final int SELF = 1;
    public static final int ALL_INCLUDING_SELF = 2;
    public static final int ALL_EXCLUDING_SELF = 3;

    /** A message from an IOAPIC pin or an MSI: 8-bit destination, no shorthand. */
    public static ApicMessage fromIoApic(int destination, boolean logical, int deliveryMode,
                                         int vector, boolean levelTriggered) {
        return new ApicMessage(destination & 0xFF, logical, deliveryMode & 7, vector & 0xFF,
                levelTriggered, true, NO_SHORTHAND, false);
    }

    /**
     * The message of an ICR (SDM figure 11-12): low word vector 7:0, delivery mode 10:8,
     * destination mode 11, level 14, trigger 15, shorthand 19:18; the destination is
     * ICR high bits 31:24 (xAPIC) or all 32 bits (x2APIC).
     */
    public static ApicMessage fromIcr(int low, int high, boolean x2apic) {
        return new ApicMessage(x2apic ? high : high >>> 24, (low & (1 << 11)) != 0, (low >>> 8) & 7,
                low & 0xFF, (low & (1 << 15)) != 0, (low & (1 << 14)) != 0, (low >>> 18) & 3, x2apic);
    }

    /** INIT with the level bit clear and level trigger: the legacy "INIT level de-assert". */
    public boolean isInitDeassert() {
        return deliveryMode == DeliveryMode.INIT && !assertLevel && levelTriggered;
    }

    /** The broadcast destination ID in this message's format. */
    public boolean isBroadcast() {
        return x2apicFormat ? destination == 0xFFFFFFFF : (destination & 0xFF) == 0xFF;
    }
}
