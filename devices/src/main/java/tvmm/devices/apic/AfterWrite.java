package tvmm.devices.apic;

/**
 * What a register write must do once the writing APIC's lock is released: broadcast an
 * EOI to the IOAPICs, send an IPI over the fabric, kick the vCPU. Deferring these keeps
 * every APIC lock a leaf lock, so crossed IPIs cannot deadlock.
 */
final class AfterWrite {
    ApicMessage send;
    int eoiVector = -1;
    boolean kick;

    void run(LocalApic apic) {
        if (eoiVector >= 0) {
            apic.bus().broadcastEoi(eoiVector);
        }
        if (send != null) {
            apic.bus().send(send, apic);
        }
        if (kick) {
            apic.kick();
        }
    }
}
