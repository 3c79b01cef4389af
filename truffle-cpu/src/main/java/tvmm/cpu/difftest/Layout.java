package tvmm.cpu.difftest;

/**
 * The address layout shared by the native harness (harness.c) and tvmm's run of a case: a
 * code page, then a data page and a stack page, all in 64-bit user mode. Must match the
 * #defines at the top of harness.c.
 */
public final class Layout {
    public static final long CODE_BASE = 0x10000000L;
    public static final long DATA_BASE = 0x10010000L;
    public static final int DATA_SIZE = 0x2000;
    /** Initial RSP: the middle of the stack page, so pushes and pops both stay mapped. */
    public static final long STACK_TOP = DATA_BASE + 0x1800;
    public static final int MAX_CODE = 256;
    public static final int MAGIC = 0x54444946;

    private Layout() {
    }

    /** splitmix64, as harness.c fills the data pages from a case's memory seed. */
    public static byte[] memory(long seed) {
        byte[] data = new byte[DATA_SIZE];
        long x = seed;
        for (int i = 0; i < DATA_SIZE; i += 8) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            for (int b = 0; b < 8; b++) {
                data[i + b] = (byte) (z >>> (8 * b));
            }
        }
        return data;
    }
}
