package tvmm.cpu.state;

/**
 * The breakpoint conditions of DR0-DR3 under DR7 (SDM vol. 3 §18.2.4, AMD APM vol. 2 §13.1.1):
 * per breakpoint an enable pair L/G (bits 2n, 2n+1), R/W at bits 16+4n (00 execute, 01 write,
 * 11 read or write; 10 is an I/O breakpoint, not implemented: it never matches) and LEN at bits
 * 18+4n (00 one byte, 01 two, 11 four, 10 eight), the address aligned down to LEN. The engine
 * runs instruction by instruction while any breakpoint is enabled (see {@link tvmm.cpu.Vcpu}).
 */
public final class DebugRegisters {
    /** DR6.BS: the #DB came from single-stepping. */
    public static final long DR6_BS = 1L << 14;
    /** DR6.B0-B3: which breakpoints matched. */
    public static final long DR6_HITS = 0xf;

    private static final int RW_EXECUTE = 0, RW_IO = 2;

    private DebugRegisters() {
    }

    /** Whether any of the four breakpoints is enabled (locally or globally). */
    public static boolean armed(long dr7) {
        return (dr7 & 0xff) != 0;
    }

    private static boolean enabled(long dr7, int n) {
        return ((dr7 >>> (2 * n)) & 3) != 0;
    }

    private static int rw(long dr7, int n) {
        return (int) (dr7 >>> (16 + 4 * n)) & 3;
    }

    private static int length(long dr7, int n) {
        return switch ((int) (dr7 >>> (18 + 4 * n)) & 3) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 8;
            default -> 4;
        };
    }

    /** Whether an enabled breakpoint watches data accesses (then memory accesses are checked). */
    public static boolean watchesData(long dr7) {
        for (int n = 0; n < 4; n++) {
            int rw = rw(dr7, n);
            if (enabled(dr7, n) && rw != RW_EXECUTE && rw != RW_IO) {
                return true;
            }
        }
        return false;
    }

    /** DR6.Bn bits of the instruction breakpoints at linear address {@code rip}. */
    public static int executeHits(long[] dr, long rip) {
        long dr7 = dr[7];
        int hits = 0;
        for (int n = 0; n < 4; n++) {
            if (enabled(dr7, n) && rw(dr7, n) == RW_EXECUTE && dr[n] == rip) {
                hits |= 1 << n;
            }
        }
        return hits;
    }

    /** DR6.Bn bits of the data breakpoints a {@code size}-byte access at {@code linear} matches. */
    public static int dataHits(long[] dr, long linear, int size, boolean write) {
        long dr7 = dr[7];
        int hits = 0;
        for (int n = 0; n < 4; n++) {
            int rw = rw(dr7, n);
            if (!enabled(dr7, n) || rw == RW_EXECUTE || rw == RW_IO || (rw == 1 && !write)) {
                continue;
            }
            int len = length(dr7, n);
            long start = dr[n] & -len;
            if (linear < start + len && start < linear + size) {
                hits |= 1 << n;
            }
        }
        return hits;
    }
}
