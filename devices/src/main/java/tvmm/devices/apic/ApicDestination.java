package tvmm.devices.apic;

/**
 * Destination matching of interrupt messages (SDM vol. 3 §11.6.2 for the xAPIC,
 * §11.12.9–10 for the x2APIC): physical IDs, the flat and cluster logical models, and
 * the broadcast IDs of each format.
 */
final class ApicDestination {
    private ApicDestination() {
    }

    /** The x2APIC logical ID (§11.12.10.2): cluster ID·2^16 | 1 << (x2APIC ID mod 16). */
    static int x2ApicLogicalId(int x2apicId) {
        return ((x2apicId >>> 4) << 16) | (1 << (x2apicId & 0xF));
    }

    /**
     * @param apicId  the 8-bit APIC ID (ID register bits 31:24)
     * @param logical the 8-bit logical ID (LDR bits 31:24)
     * @param model   DFR bits 31:28: 0xF flat, 0x0 cluster
     */
    static boolean matchesXApic(ApicMessage m, int apicId, int logical, int model) {
        int dest = m.destination() & 0xFF;
        if (dest == 0xFF) {
            return true;                            // broadcast in every mode
        }
        if (!m.logical()) {
            return dest == apicId;
        }
        if (model == 0xF) {
            return (logical & dest) != 0;           // flat: one bit per APIC, up to 8
        }
        // Cluster: high nibble selects the cluster, low nibble the members (up to 4 each).
        return (logical >>> 4) == (dest >>> 4) && (logical & dest & 0xF) != 0;
    }

    /**
     * @param x2apicId  the 32-bit x2APIC ID
     * @param logicalId the derived logical ID: cluster in bits 31:16, member bit in 15:0
     */
    static boolean matchesX2Apic(ApicMessage m, int x2apicId, int logicalId) {
        int dest = m.destination();
        // A message from an IOAPIC or MSI carries an 8-bit ID, where 0xFF is broadcast.
        if (m.isBroadcast()) {
            return true;
        }
        if (!m.logical()) {
            return dest == x2apicId;
        }
        return (dest >>> 16) == (logicalId >>> 16) && (dest & logicalId & 0xFFFF) != 0;
    }
}
