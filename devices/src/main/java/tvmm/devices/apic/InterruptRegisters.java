package tvmm.devices.apic;

/**
 * The interrupt acceptance state of a local APIC (SDM vol. 3 §11.8): IRR, ISR and TMR,
 * the task priority, and the priorities derived from them. Not thread-safe by itself:
 * the owning {@link LocalApic} calls it under its lock.
 */
final class InterruptRegisters {
    final VectorSet irr = new VectorSet();
    final VectorSet isr = new VectorSet();
    final VectorSet tmr = new VectorSet();
    int tpr;

    void reset() {
        irr.clearAll();
        isr.clearAll();
        tmr.clearAll();
        tpr = 0;
    }

    /** Latches {@code vector}; TMR remembers whether its EOI must be broadcast. */
    void request(int vector, boolean levelTriggered) {
        irr.set(vector);
        tmr.set(vector, levelTriggered);
    }

    /** PPR (§11.8.3.1): TPR, or the class of the highest in-service vector if that is higher. */
    int processorPriority() {
        int isrv = Math.max(isr.highest(), 0);
        return (tpr & 0xF0) >= (isrv & 0xF0) ? tpr : isrv & 0xF0;
    }

    /** APR (§11.8.3.2, P6 family); the fabric uses it for lowest-priority arbitration. */
    int arbitrationPriority() {
        int irrv = Math.max(irr.highest(), 0);
        int isrv = Math.max(isr.highest(), 0);
        if ((tpr & 0xF0) >= (irrv & 0xF0) && (tpr & 0xF0) > (isrv & 0xF0)) {
            return tpr;
        }
        return Math.max(tpr & 0xF0, Math.max(isrv & 0xF0, irrv & 0xF0));
    }

    /** The highest requested vector whose class outranks PPR (§11.8.4), or -1. */
    int deliverable() {
        int irrv = irr.highest();
        return irrv >= 0 && (irrv & 0xF0) > (processorPriority() & 0xF0) ? irrv : -1;
    }

    /** INTA: IRR → ISR for the deliverable vector; returns it, or -1. */
    int acknowledge() {
        int v = deliverable();
        if (v >= 0) {
            irr.clear(v);
            isr.set(v);
        }
        return v;
    }

    /**
     * EOI (§11.8.5): retires the highest in-service vector. Returns it when it was
     * level-triggered (its EOI goes to the IOAPICs), else -1.
     */
    int endOfInterrupt() {
        int v = isr.highest();
        if (v < 0) {
            return -1;
        }
        isr.clear(v);
        return tmr.get(v) ? v : -1;
    }

    boolean pendingOrInService(int vector) {
        return irr.get(vector) || isr.get(vector);
    }
}
