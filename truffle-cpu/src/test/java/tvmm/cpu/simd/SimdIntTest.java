package tvmm.cpu.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SWAR byte operations, exhaustively over every byte pair in every lane position. */
class SimdIntTest {
    @Test
    void swarByteOperationsAreExactForEveryPair() {
        Random r = new Random(9);
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                int lane = (x * 7 + y) & 7;
                long noiseA = r.nextLong();
                long noiseB = r.nextLong();
                long m = 0xffL << (8 * lane);
                long a = (noiseA & ~m) | ((long) x << (8 * lane));
                long b = (noiseB & ~m) | ((long) y << (8 * lane));
                assertEquals(Math.min(255, x + y), lane(SimdInt.bytes(SimdInt.ADDUS, a, b), lane));
                assertEquals(Math.max(0, x - y), lane(SimdInt.bytes(SimdInt.SUBUS, a, b), lane));
                assertEquals(Math.min(x, y), lane(SimdInt.bytes(SimdInt.MINU, a, b), lane));
                assertEquals(Math.max(x, y), lane(SimdInt.bytes(SimdInt.MAXU, a, b), lane));
                assertEquals((x + y) & 255, lane(SimdInt.paddb(a, b), lane));
                assertEquals((x - y) & 255, lane(SimdInt.psubb(a, b), lane));
                assertEquals(x == y ? 255 : 0, lane(SimdInt.pcmpeqb(a, b), lane));
            }
        }
    }

    static int lane(long v, int i) {
        return (int) (v >>> (8 * i)) & 0xff;
    }
}
