package tvmm.devices.apic;

/**
 * The events a local APIC latches for its CPU besides fixed interrupts: NMI, INIT,
 * STARTUP (with its vector), SMI and ExtINT. Each stays pending until the CPU takes it.
 * Not thread-safe by itself: the owning {@link LocalApic} calls it under its lock.
 */
final class ApicEvents {
    private boolean nmi;
    private boolean init;
    private boolean sipi;
    private int sipiVector;
    private boolean smi;
    private boolean extInt;

    /** Latches a message of delivery mode {@code mode}; returns false for modes not handled here. */
    boolean latch(int mode, int vector) {
        switch (mode) {
            case DeliveryMode.NMI -> nmi = true;
            case DeliveryMode.INIT -> init = true;
            case DeliveryMode.STARTUP -> {
                sipi = true;
                sipiVector = vector & 0xFF;
            }
            case DeliveryMode.SMI -> smi = true;        // latched; tvmm has no SMM
            case DeliveryMode.EXTINT -> extInt = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    boolean any() {
        return nmi || init || sipi || smi || extInt;
    }

    boolean nmiPending() {
        return nmi;
    }

    /** Takes the event of {@code mode} (not STARTUP): true if it was pending. */
    boolean take(int mode) {
        boolean was;
        switch (mode) {
            case DeliveryMode.NMI -> {
                was = nmi;
                nmi = false;
            }
            case DeliveryMode.INIT -> {
                was = init;
                init = false;
            }
            case DeliveryMode.SMI -> {
                was = smi;
                smi = false;
            }
            case DeliveryMode.EXTINT -> {
                was = extInt;
                extInt = false;
            }
            default -> was = false;
        }
        return was;
    }

    /** The STARTUP vector, or -1. */
    int takeSipi() {
        if (!sipi) {
            return -1;
        }
        sipi = false;
        return sipiVector;
    }

    /** What an INIT discards: the CPU restarts, so NMI, SMI and ExtINT are gone; STARTUP is kept. */
    void clearForInit() {
        nmi = false;
        smi = false;
        extInt = false;
    }

    void clear() {
        clearForInit();
        init = false;
        sipi = false;
    }
}
