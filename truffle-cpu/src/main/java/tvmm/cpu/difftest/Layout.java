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
    /** FS.base and GS.base while a snippet runs (64-bit mode; in compatibility mode FS and GS are null). */
    public static final long FS_BASE = DATA_BASE;
    public static final long GS_BASE = DATA_BASE + 0x1000;
    public static final int MAX_CODE = 256;
    public static final int MAGIC = 0x54444946;
    /** Offset in the code page of the harness's 64-bit trampoline to its exit stub. */
    public static final int TRAMPOLINE = 0xF00;

    /**
     * The code page as both sides hold it: the snippet, the harness's jump to its trampoline
     * (JMP rel32 in 64-bit mode, JMP FAR 33:trampoline from compatibility mode), the
     * trampoline (JMP [RIP]; its 8-byte target, the host stub's address, is left 0 here), and
     * INT3 everywhere else.
     */
    public static byte[] codePage(byte[] snippet, int mode) {
        byte[] page = new byte[4096];
        java.util.Arrays.fill(page, (byte) 0xcc);
        System.arraycopy(snippet, 0, page, 0, snippet.length);
        int n = snippet.length;
        if (mode == 32) {
            int tramp = (int) (CODE_BASE + TRAMPOLINE);
            page[n] = (byte) 0xea;
            for (int i = 0; i < 4; i++) {
                page[n + 1 + i] = (byte) (tramp >>> (8 * i));
            }
            page[n + 5] = 0x33;
            page[n + 6] = 0;
        } else {
            int rel = TRAMPOLINE - (n + 5);
            page[n] = (byte) 0xe9;
            for (int i = 0; i < 4; i++) {
                page[n + 1 + i] = (byte) (rel >>> (8 * i));
            }
        }
        page[TRAMPOLINE] = (byte) 0xff;
        page[TRAMPOLINE + 1] = 0x25;
        for (int i = 2; i < 14; i++) {
            page[TRAMPOLINE + i] = 0;
        }
        return page;
    }

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
