package tvmm.kernel;

/** Which throwables a component fault may contain. */
final class Faults {
    private Faults() {
    }

    /**
     * Everything a faulty component can cause is contained, including a stack overflow; other
     * VirtualMachineErrors (out of memory, internal errors) mean the JVM itself is in trouble and
     * are passed on.
     */
    static boolean containable(Throwable t) {
        return !(t instanceof VirtualMachineError) || t instanceof StackOverflowError;
    }
}
