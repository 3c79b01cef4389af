package tvmm.cpu.exit;

/**
 * How the CPU leaves for the VMM on an access it cannot complete itself: port I/O (the SVM
 * IOIO exit) and accesses to guest-physical addresses that are not RAM (the NPF exit that
 * an SVM hypervisor uses for MMIO). The CPU knows no device: it calls the VMM's handler on
 * the vCPU's own thread (a portal call, DESIGN.md §5) and the instruction completes with
 * the value returned, so the VMM never has to emulate the instruction.
 *
 * <p>Sizes are in bytes (1, 2, 4, 8). Values are zero-extended.
 */
public interface ExitPort {
    /** IN / INS: IOIO exit with the direction bit set. */
    long ioIn(int port, int size);

    /** OUT / OUTS: IOIO exit. */
    void ioOut(int port, int size, long value);

    /**
     * One element of INS (with REP: one iteration): the IOIO exit with the string bits of
     * EXITINFO1 (APM vol. 2 §15.10.2) — {@code rep}, the address size in bytes (2, 4, 8).
     */
    default long ioInString(int port, int size, boolean rep, int addrSize) {
        return ioIn(port, size);
    }

    /** One element of OUTS, as {@link #ioInString}, plus the effective segment (0 = ES … 5 = GS). */
    default void ioOutString(int port, int size, long value, boolean rep, int addrSize, int segment) {
        ioOut(port, size, value);
    }

    /** A read of a guest-physical address that is not RAM (NPF exit, EXITINFO2 = gpa). */
    long mmioRead(long gpa, int size);

    /** A write to a guest-physical address that is not RAM or is read-only. */
    void mmioWrite(long gpa, int size, long value);

    /** An exit port with nothing behind it: reads float high as on an empty bus, writes vanish. */
    ExitPort NONE = new ExitPort() {
        @Override
        public long ioIn(int port, int size) {
            return size == 8 ? -1L : (1L << (size * 8)) - 1;
        }

        @Override
        public void ioOut(int port, int size, long value) {
        }

        @Override
        public long mmioRead(long gpa, int size) {
            return size == 8 ? -1L : (1L << (size * 8)) - 1;
        }

        @Override
        public void mmioWrite(long gpa, int size, long value) {
        }
    };
}
