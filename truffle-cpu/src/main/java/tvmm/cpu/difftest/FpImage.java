package tvmm.cpu.difftest;

import java.util.SplittableRandom;
import tvmm.cpu.difftest.Asm.Rm;
import tvmm.cpu.difftest.FpValues.Type;

/**
 * Builds the initial x87/MMX/SSE state of a case as a 64-bit FXSAVE image (SDM Vol. 2
 * FXSAVE, Table 3-56): a random x87 control word (every precision and rounding control,
 * exceptions mostly masked), sticky flags and condition codes, TOP and tags, ST0-ST7 and
 * XMM0-XMM15 holding values of the instruction's operand type, and MXCSR with random
 * rounding, DAZ, FTZ, masks and flags. Also places memory operands with corner-value patches.
 */
final class FpImage {
    private FpImage() {
    }

    static void random(GenContext c, Type type) {
        SplittableRandom r = c.r;
        byte[] f = new byte[512];
        int masks = r.nextInt(10) < 7 ? 0x3f : r.nextInt(64);
        int pc = new int[] {0, 2, 3, 3}[r.nextInt(4)];
        int fcw = 0x40 | masks | pc << 8 | r.nextInt(4) << 10;
        int flags = r.nextInt(2) == 0 ? 0 : r.nextInt(128);
        if (r.nextInt(10) != 0) {
            flags &= masks | 0x40; // usually no exception pending: the first x87 instruction would raise #MF
        }
        int top = type == Type.PS || type == Type.PD || r.nextInt(2) == 0 ? r.nextInt(8) : 0;
        int fsw = flags | (r.nextInt(16) & 0xf) << 8 & 0x700 | (r.nextInt(2) << 14) | top << 11;
        if ((flags & 0x3f & ~masks) != 0) {
            fsw |= 0x8080; // ES and B
        }
        put16(f, 0, fcw);
        put16(f, 2, fsw);
        int valid = switch (r.nextInt(4)) {
            case 0 -> 0xff;
            case 1 -> 0;
            default -> r.nextInt(256);
        };
        f[4] = (byte) valid;
        for (int i = 0; i < 8; i++) {
            int o = 32 + 16 * i;
            if (type.laneBytes <= 8 && type != Type.PS && type != Type.PD && type != Type.SS && type != Type.SD
                    && r.nextInt(3) != 0) {
                put64(f, o, FpValues.qword(r, type)); // an MMX value: exponent all ones, as MMX writes it
                put16(f, o + 8, r.nextInt(4) == 0 ? r.nextInt(65536) : 0xffff);
            } else {
                long[] v = FpValues.f80(r);
                put64(f, o, v[0]);
                put16(f, o + 8, (int) v[1]);
            }
        }
        int mxMasks = r.nextInt(10) < 7 ? 0x3f : r.nextInt(64);
        int mxFlags = r.nextInt(2) == 0 ? 0 : r.nextInt(64);
        int mxcsr = mxFlags | r.nextInt(2) << 6 | mxMasks << 7 | r.nextInt(4) << 13 | r.nextInt(2) << 15;
        if (r.nextInt(3) == 0) {
            mxcsr = 0x1f80; // Linux's default: the common case must work too
        }
        put16(f, 24, mxcsr);
        for (int i = 0; i < 16; i++) {
            put64(f, 160 + 16 * i, FpValues.qword(r, type));
            put64(f, 168 + 16 * i, FpValues.qword(r, type));
        }
        c.fx = f;
    }

    /**
     * A memory operand [base + disp8] for an access of {@code size} bytes: usually aligned to
     * {@code min(size,16)}, sometimes misaligned, sometimes crossing into the unmapped page;
     * the bytes there are patched with values of {@code type}.
     */
    static Rm mem(GenContext c, int size, Type type) {
        SplittableRandom r = c.r;
        if (c.base < 0) {
            do {
                c.base = r.nextInt(16);
            } while (c.base == GenContext.RSP || c.base <= 2 || c.base == 7 || c.used.contains(c.base));
        }
        int align = Math.max(1, Math.min(16, size));
        int p = r.nextInt(100);
        int off;
        if (p < 3) {
            off = Layout.DATA_SIZE - r.nextInt(1, Math.max(2, size)); // crosses into the unmapped page: #PF
        } else if (p < 10) {
            off = r.nextInt(0, Layout.DATA_SIZE - 600) | r.nextInt(1, 16); // misaligned
        } else {
            off = r.nextInt(0, (Layout.DATA_SIZE - 600) / align) * align;
        }
        int disp = r.nextInt(-64, 64);
        c.regs[c.base] = Layout.DATA_BASE + off - disp;
        int n = Math.min(Math.max(size, 16), Layout.DATA_SIZE - off);
        byte[] patch = new byte[n];
        for (int i = 0; i + 8 <= n; i += 8) {
            long v = FpValues.qword(r, type);
            if (size == 10 && i == 8) {
                v = FpValues.f80(r)[1]; // sign and exponent of an 80-bit operand
            }
            put64(patch, i, v);
        }
        if (size == 10 && n >= 10) {
            long[] v = FpValues.f80(r);
            put64(patch, 0, v[0]);
            put16(patch, 8, (int) v[1]);
        }
        c.patchOff = off;
        c.patch = patch;
        return Rm.mem(c.base, disp & 0xff);
    }

    static void put16(byte[] m, int o, int v) {
        m[o] = (byte) v;
        m[o + 1] = (byte) (v >>> 8);
    }

    static void put64(byte[] m, int o, long v) {
        for (int i = 0; i < 8; i++) {
            m[o + i] = (byte) (v >>> (8 * i));
        }
    }
}
