package tvmm.cpu.fpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast division and square-root cores (two-digit long division, estimate-and-correct root)
 * against exact big-number references on many more operands than the host oracle runs,
 * concentrating on significands near all-ones and powers of two where corrections happen.
 */
class FpArithCoreTest {
    static long sig(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> -1L - r.nextInt(1000);
            case 1 -> Long.MIN_VALUE + r.nextInt(1000);
            case 2 -> Long.MIN_VALUE | (r.nextLong() >>> r.nextInt(64));
            default -> Long.MIN_VALUE | r.nextLong();
        };
    }

    static BigDecimal value(long s) {
        return new BigDecimal(new BigInteger(Long.toUnsignedString(s)));
    }

    @Test
    void divisionAndSquareRootAreCorrectlyRounded() {
        Random r = new Random(77);
        FpEnv e = new FpEnv();
        FpEnv ref = new FpEnv();
        MathContext mc = new MathContext(150); // enough for every exact quotient of 64-bit significands
        for (int i = 0; i < 30000; i++) {
            long a = sig(r);
            long b = sig(r);
            int rc = r.nextInt(4);
            e.loadFcw(0x37f | (rc << 10));
            ref.loadFcw(0x37f | (rc << 10));
            e.clear();
            long q = FpArith.div80(e, a, 0x3fff, b, 0x3fff);
            // roundBig rounds the 150-digit quotient: exact when a/b terminates, far from ties otherwise.
            BigDecimal exact = value(a).divide(value(b), mc);
            long rq = FpTranscendental.roundBig(ref, 0, exact, 0);
            assertEquals(rq, q, () -> Long.toHexString(a) + " / " + Long.toHexString(b));
            assertEquals(ref.se, e.se);

            int odd = r.nextInt(2);
            e.clear();
            long s = FpArith.sqrt80(e, a, 0x3fff + odd);
            BigDecimal x = value(a).multiply(BigDecimal.valueOf(odd + 1)).divide(value(Long.MIN_VALUE));
            BigDecimal root = x.sqrt(mc);
            long rs = FpTranscendental.roundBig(ref, 0, root, 0);
            assertEquals(rs, s, () -> "sqrt " + Long.toHexString(a) + " odd=" + odd);
            assertEquals(ref.se, e.se);
        }
    }

    @Test
    void divluMatchesBigInteger() {
        Random r = new Random(78);
        FpEnv e = new FpEnv();
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        for (int i = 0; i < 200000; i++) {
            long v = sig(r);
            long u1 = r.nextBoolean() ? v - 1 - (r.nextLong() >>> r.nextInt(64) & Long.MAX_VALUE) % 7 : r.nextLong() >>> 1;
            if (Long.compareUnsigned(u1, v) >= 0) {
                u1 = v - 1;
            }
            long u0 = r.nextLong();
            long q = FpArith.divlu(e, u1, u0, v);
            BigInteger n = new BigInteger(Long.toUnsignedString(u1)).multiply(two64).add(new BigInteger(Long.toUnsignedString(u0)));
            BigInteger[] qr = n.divideAndRemainder(new BigInteger(Long.toUnsignedString(v)));
            assertEquals(qr[0].longValue(), q);
            assertEquals(qr[1].longValue(), e.wLo);
        }
    }
}
