package tvmm.cpu.fpu;

/**
 * Case counts and seeds of the oracle tests. The unit run uses the defaults; a long run is a
 * command: {@code mvn -o -q -B -pl truffle-cpu test -Dtest='tvmm.cpu.fpu.**,tvmm.cpu.simd.**'
 * -Dtvmm.fpu.scale=20 -Dtvmm.fpu.seed=7} multiplies every random case count and reseeds.
 */
public final class Scale {
    private Scale() {
    }

    public static int count(int n) {
        return n * Math.max(1, Integer.getInteger("tvmm.fpu.scale", 1));
    }

    public static long seed(long dflt) {
        Long s = Long.getLong("tvmm.fpu.seed");
        return s == null ? dflt : dflt ^ (s * 0x9E3779B97F4A7C15L);
    }
}
