package tvmm.cpu.simd;

import tvmm.cpu.fpu.X87State;

/**
 * MMX register aliasing onto the x87 registers (SDM Vol. 1 §9.5): MMn is the significand of
 * physical register Rn (not ST(n)). Every MMX instruction except EMMS sets TOP to 0 and all tags
 * valid; a write also sets the register's sign/exponent field to all ones. The MMX arithmetic is
 * {@link SimdInt} on the 64-bit values.
 */
public final class Mmx {
    private Mmx() {
    }

    /** Called by every MMX instruction (after the #NM/#MF checks, before its operation). */
    public static void enter(X87State x) {
        x.top = 0;
        x.empty = 0;
    }

    public static long read(X87State x, int r) {
        return x.sig[r];
    }

    public static void write(X87State x, int r, long v) {
        x.sig[r] = v;
        x.se[r] = 0xffff;
    }

    /** EMMS: all registers empty. */
    public static void emms(X87State x) {
        x.empty = 0xff;
    }
}
