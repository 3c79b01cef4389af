package tvmm.devices.apic;

import static tvmm.devices.apic.ApicRegisters.*;

/**
 * The rules of IA32_APIC_BASE writes (SDM vol. 3 §11.4.4, §11.12.5): which bits exist and
 * which transitions between the disabled, xAPIC and x2APIC states are legal.
 */
final class ApicBaseMsr {
    private static final long RESERVED = ~(BASE_ADDRESS_MASK | BASE_ENABLE | BASE_EXTD | BASE_BSP);

    private ApicBaseMsr() {
    }

    /**
     * Whether writing {@code value} over {@code old} is legal; false means #GP: reserved
     * bits, EXTD without EN, x2APIC → xAPIC, and disabled → x2APIC.
     */
    static boolean isLegalWrite(long old, long value) {
        if ((value & RESERVED) != 0) {
            return false;
        }
        boolean oldEnable = (old & BASE_ENABLE) != 0;
        boolean oldX2 = oldEnable && (old & BASE_EXTD) != 0;
        boolean newEnable = (value & BASE_ENABLE) != 0;
        boolean newX2 = (value & BASE_EXTD) != 0;
        if (newX2 && !newEnable) {
            return false;
        }
        if (oldX2 && newEnable && !newX2) {
            return false;
        }
        return oldEnable || !newX2;
    }
}
