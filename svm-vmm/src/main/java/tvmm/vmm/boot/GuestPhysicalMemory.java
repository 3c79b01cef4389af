package tvmm.vmm.boot;

/**
 * What the boot loaders need from the machine: writing bytes at a guest-physical
 * address. The VMM implements it over its RAM; the loaders never read guest memory and
 * never depend on the CPU. A write outside RAM is a loader bug or a layout that does not
 * fit, reported by the implementation as {@link IllegalArgumentException}; the loaders
 * check their own ranges first and report {@link BootException} instead.
 */
@FunctionalInterface
public interface GuestPhysicalMemory {
    void write(long gpa, byte[] bytes, int offset, int length);

    default void write(long gpa, byte[] bytes) {
        write(gpa, bytes, 0, bytes.length);
    }

    /** Writes {@code length} zero bytes (a kernel's .bss, a cleared table). */
    default void zero(long gpa, long length) {
        byte[] zeros = new byte[(int) Math.min(length, 1 << 16)];
        for (long done = 0; done < length;) {
            int n = (int) Math.min(zeros.length, length - done);
            write(gpa + done, zeros, 0, n);
            done += n;
        }
    }
}
