package tvmm.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tvmm.decode.tools.ElfText;

/**
 * {@link FastPath} gives exactly the general path's result: every public field and every
 * operand slot, over real 64-bit code (busybox, libc, the kernel text when prepared) and
 * random byte strings biased towards legacy prefixes, REX and the one-byte/0F maps, each also
 * cut short (truncation) and through a {@link ByteSource}. The general path itself is checked
 * against capstone by the other tests.
 */
class FastPathTest {
    private final Decoder fast = new Decoder();
    private final Decoder general = new Decoder();
    /** Decodes the fast path answered itself (so that the comparisons are not vacuous). */
    private long fastHits;

    FastPathTest() {
        general.fastPath = false;
    }

    /** The first field in which two results differ, or null (a failed decode defines only status, length, mode). */
    static String difference(Instruction a, Instruction b) {
        if (a.status != Status.OK || b.status != Status.OK) {
            return a.status == b.status && a.length == b.length && a.mode == b.mode ? null
                    : a.status + "/" + a.length + "/" + a.mode + " vs " + b.status + "/" + b.length + "/" + b.mode;
        }
        Object[][] fields = {
            {"status", a.status, b.status}, {"op", a.op, b.op}, {"length", a.length, b.length},
            {"mode", a.mode, b.mode}, {"operandSize", a.operandSize, b.operandSize},
            {"addressSize", a.addressSize, b.addressSize}, {"prefixes", a.prefixes, b.prefixes},
            {"rex", a.rex, b.rex}, {"encoding", a.encoding, b.encoding}, {"map", a.map, b.map},
            {"opcode", a.opcode, b.opcode}, {"modrm", a.modrm, b.modrm}, {"condition", a.condition, b.condition},
            {"operandCount", a.operandCount, b.operandCount}, {"segment", a.segment, b.segment},
            {"segmentOverride", a.segmentOverride, b.segmentOverride}, {"base", a.base, b.base},
            {"index", a.index, b.index}, {"scale", a.scale, b.scale}, {"disp", a.disp, b.disp},
            {"imm", a.imm, b.imm}, {"imm2", a.imm2, b.imm2}, {"vectorLength", a.vectorLength, b.vectorLength},
            {"mask", a.mask, b.mask}, {"zeroing", a.zeroing, b.zeroing}, {"broadcast", a.broadcast, b.broadcast},
            {"rounding", a.rounding, b.rounding},
        };
        for (Object[] f : fields) {
            if (!Objects.equals(f[1], f[2])) {
                return f[0] + " " + f[1] + " vs " + f[2];
            }
        }
        for (int i = 0; i < Instruction.MAX_OPERANDS; i++) {
            if (a.kind(i) != b.kind(i) || a.size(i) != b.size(i) || a.reg(i) != b.reg(i)) {
                return "operand " + i + ": " + a.kind(i) + "/" + a.size(i) + "/" + a.reg(i)
                        + " vs " + b.kind(i) + "/" + b.size(i) + "/" + b.reg(i);
            }
        }
        return null;
    }

    private static String hex(byte[] code, int off, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = off; i < Math.min(code.length, off + n); i++) {
            s.append(String.format("%02x ", code[i] & 0xff));
        }
        return s.toString().trim();
    }

    /** Decodes code[off..] both ways (whole, cut one byte short, from a ByteSource); returns the length. */
    private int same(byte[] code, int off, int available) {
        Instruction g = general.decode(code, off, available, 64);
        Instruction f = fast.decode(code, off, available, 64);
        String d = difference(f, g);
        assertEquals(null, d, () -> "fast vs general at " + hex(code, off, 15) + " (" + g + ")");
        if (g.length > 1) {
            Instruction cut = fast.decode(code, off, g.length - 1, 64);
            assertEquals(null, difference(cut, general.decode(code, off, g.length - 1, 64)),
                    () -> "cut short: " + hex(code, off, g.length));
        }
        int n = Math.min(available, code.length - off);
        if (code.length - off >= FastPath.WINDOW && FastPath.decode64(code, off, n) != null) {
            fastHits++;
        }
        Instruction s = fast.decode(i -> i < n ? code[off + i] & 0xff : -1, 64);
        assertEquals(null, difference(s, g), () -> "byte source: " + hex(code, off, 15));
        return g.length;
    }

    private int sweep(byte[] text) {
        int p = 0;
        int n = 0;
        while (p < text.length) {
            p += same(text, p, text.length - p);
            n++;
        }
        return n;
    }

    private static byte[] text(Path file) throws IOException {
        assumeTrue(Files.isReadable(file), file + " not present");
        return ElfText.sections(Files.readAllBytes(file)).stream()
                .filter(x -> x.name().equals(".text")).findFirst().orElseThrow().bytes();
    }

    @Test
    void busyboxAndLibc() throws IOException {
        for (String file : new String[] {"/bin/busybox", "/lib/x86_64-linux-gnu/libc.so.6"}) {
            fastHits = 0;
            int n = sweep(text(Path.of(file)));
            System.out.printf("%s: %d instructions, %.1f %% on the fast path%n", file, n, 100.0 * fastHits / n);
            assertTrue(n > 100_000 && fastHits > n * 0.8, file + ": fast path " + fastHits + " of " + n);
        }
    }

    @Test
    void kernelText() throws IOException {
        Path vmlinux = Path.of(System.getProperty("user.home"), ".cache", "tvmm", "decoder", "vmlinux");
        int n = sweep(text(vmlinux));
        System.out.printf("kernel: %d instructions, %.1f %% on the fast path%n", n, 100.0 * fastHits / n);
        assertTrue(n > 1_000_000 && fastHits > n * 0.8, "fast path " + fastHits + " of " + n);
    }

    private static final int[] PREFIXES = {0x66, 0x67, 0xF0, 0xF2, 0xF3, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65};

    /** Random strings: 0-6 prefixes (legacy and REX in any order), then a one-byte or 0F opcode. */
    @Test
    void randomLegacyStrings() {
        SplittableRandom rnd = new SplittableRandom(0xfa57);
        byte[] code = new byte[24];
        for (int k = 0; k < 400_000; k++) {
            rnd.nextBytes(code);
            int p = 0;
            int np = rnd.nextInt(7);
            for (int i = 0; i < np; i++) {
                code[p++] = (byte) (rnd.nextInt(3) == 0 ? 0x40 + rnd.nextInt(16) : PREFIXES[rnd.nextInt(PREFIXES.length)]);
            }
            if (rnd.nextBoolean()) {
                code[p] = 0x0F;
            }
            // Sometimes with few bytes available (TRUNCATED, decided by the general path).
            same(code, 0, rnd.nextInt(4) == 0 ? rnd.nextInt(16) : code.length);
        }
        System.out.println("random: " + fastHits + " of 400000 on the fast path");
        assertTrue(fastHits > 100_000, "fast path " + fastHits);
    }

    /** Strings placed at the very end of their array: the fast path needs a window and must defer. */
    @Test
    void nearTheEndOfTheArray() {
        SplittableRandom rnd = new SplittableRandom(0xe0d);
        for (int len = 1; len <= 20; len++) {
            byte[] code = new byte[len];
            for (int k = 0; k < 5_000; k++) {
                rnd.nextBytes(code);
                same(code, 0, len);
                same(code, len - 1, 1);
            }
        }
    }
}
