package tvmm.cpu.interrupts;

/**
 * The guest asked for something tvmm deliberately does not implement (hardware task
 * switching through task gates or NT-IRET, virtual-8086 mode). Not a guest-visible fault: the
 * engine stops the vCPU and reports this message to the user (issue 03 allows this stop).
 */
public final class UnsupportedGuestFeature extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedGuestFeature(String what) {
        super("unsupported guest feature: " + what);
    }
}
