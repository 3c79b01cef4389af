package tvmm.cpu.instr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.CpuState;

/**
 * SSE/SSE2/MMX/FXSAVE instructions through the engine: operand routing (register, memory,
 * general register), alignment #GP, CR4.OSFXSR #UD, #XM vs #UD by CR4.OSXMMEXCPT, and the
 * MMX aliasing. The lane arithmetic itself is checked against the host in the simd tests;
 * here the expected values are Java integer/IEEE-double arithmetic on the same inputs.
 */
class SseTest {
    private static final long OUT = FpMachine.DATA + 0x100;

    @Test
    void unalignedLoadsPadddAndStore() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 0x0000000200000001L);
            m.put64(FpMachine.DATA + 8, 0x00000004ffffffffL);
            m.put64(FpMachine.DATA + 16, 0x0000001000000010L);
            m.put64(FpMachine.DATA + 24, 0x0000001000000001L);
            // movdqu xmm0,[rsi]; movdqu xmm1,[rsi+16]; paddd xmm0,xmm1; movdqu [rdi],xmm0
            RunResult r = m.run(0xf3, 0x0f, 0x6f, 0x06, 0xf3, 0x0f, 0x6f, 0x4e, 0x10, 0x66, 0x0f, 0xfe, 0xc1,
                    0xf3, 0x0f, 0x7f, 0x07);
            assertNull(r.fault(), r.toString());
            assertEquals(0x0000001200000011L, m.get64(OUT));
            assertEquals(0x0000001400000000L, m.get64(OUT + 8), "lane 2 wrapped, no carry into lane 3");
        }
    }

    @Test
    void scalarDoubleMultiplyAndTruncate() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, Double.doubleToRawLongBits(2.75));
            m.put64(FpMachine.DATA + 8, Double.doubleToRawLongBits(-3.5));
            // movsd xmm0,[rsi]; mulsd xmm0,[rsi+8]; cvttsd2si eax,xmm0
            RunResult r = m.run(0xf2, 0x0f, 0x10, 0x06, 0xf2, 0x0f, 0x59, 0x46, 0x08, 0xf2, 0x0f, 0x2c, 0xc0);
            assertNull(r.fault(), r.toString());
            assertEquals(2.75 * -3.5, Double.longBitsToDouble(m.s.sse.lo(0)));
            assertEquals((long) (int) (2.75 * -3.5) & 0xffffffffL, m.s.gpr[CpuState.RAX]);
        }
    }

    @Test
    void alignedFormFaultsOnMisalignedOperand() {
        try (FpMachine m = new FpMachine()) {
            RunResult r = m.run(0x0f, 0x28, 0x46, 0x04); // movaps xmm0,[rsi+4]
            assertNotNull(r.fault());
            assertEquals(Vectors.GP, r.fault().vector());
            r = m.run(0x0f, 0x28, 0x46, 0x10); // movaps xmm0,[rsi+16]
            assertNull(r.fault(), r.toString());
        }
    }

    @Test
    void osfxsrClearIsUndefined() {
        try (FpMachine m = new FpMachine()) {
            m.s.cr4 &= ~ControlBits.CR4_OSFXSR;
            RunResult r = m.run(0x66, 0x0f, 0xef, 0xc9); // pxor xmm1,xmm1
            assertEquals(Vectors.UD, r.fault().vector());
            m.s.cr4 |= ControlBits.CR4_OSFXSR;
            m.s.cr0 |= ControlBits.CR0_TS;
            r = m.run(0x66, 0x0f, 0xef, 0xc9);
            assertEquals(Vectors.NM, r.fault().vector());
        }
    }

    @Test
    void strlenStyleCompareAndMask() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 0x0041414141414141L); // "AAAAAAA\0"
            m.put64(FpMachine.DATA + 8, 0x4100414141414141L);
            // pxor xmm1,xmm1; pcmpeqb xmm1,[rsi]; pmovmskb eax,xmm1
            RunResult r = m.run(0x66, 0x0f, 0xef, 0xc9, 0x66, 0x0f, 0x74, 0x0e, 0x66, 0x0f, 0xd7, 0xc1);
            assertNull(r.fault(), r.toString());
            assertEquals((1 << 7) | (1 << 14), m.s.gpr[CpuState.RAX]);
        }
    }

    @Test
    void unmaskedDivideByZeroIsXmOrUd() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 0x1f80 & ~0x200); // ZM cleared
            m.s.sse.set(0, Float.floatToRawIntBits(1f), 0);
            m.s.sse.set(1, 0, 0);
            // ldmxcsr [rsi]; divss xmm0,xmm1
            RunResult r = m.run(0x0f, 0xae, 0x16, 0xf3, 0x0f, 0x5e, 0xc1);
            assertEquals(Vectors.UD, r.fault().vector(), "CR4.OSXMMEXCPT clear");
            m.s.cr4 |= ControlBits.CR4_OSXMMEXCPT;
            r = m.run(0xf3, 0x0f, 0x5e, 0xc1);
            assertEquals(Vectors.XM, r.fault().vector());
            assertEquals(Float.floatToRawIntBits(1f), (int) m.s.sse.lo(0), "destination unchanged");
            assertEquals(0x4, m.s.sse.mxcsr & 0x3f, "ZE flagged");
        }
    }

    @Test
    void movqBetweenGprAndXmm() {
        try (FpMachine m = new FpMachine()) {
            m.s.gpr[CpuState.RAX] = 0x1122334455667788L;
            m.s.sse.set(2, -1, -1);
            // movq xmm2, rax; movq rbx, xmm2 (66 48 0F 7E D3)
            RunResult r = m.run(0x66, 0x48, 0x0f, 0x6e, 0xd0, 0x66, 0x48, 0x0f, 0x7e, 0xd3);
            assertNull(r.fault(), r.toString());
            assertEquals(0L, m.s.sse.hi(2), "upper quadword zeroed");
            assertEquals(0x1122334455667788L, m.s.gpr[CpuState.RBX]);
        }
    }

    @Test
    void fxsaveFxrstorRoundTrip() {
        try (FpMachine m = new FpMachine()) {
            m.s.sse.set(15, 0x1234, 0x5678);
            // fxsave [rdi]; pxor xmm15,xmm15 (66 45 0F EF FF); fxrstor [rdi]
            RunResult r = m.run(0x0f, 0xae, 0x07, 0x66, 0x45, 0x0f, 0xef, 0xff, 0x0f, 0xae, 0x0f);
            assertNull(r.fault(), r.toString());
            assertEquals(0x1234, m.s.sse.lo(15));
            assertEquals(0x5678, m.s.sse.hi(15));
            assertEquals(0x1f80, m.s.mem.read(OUT + 24, 4), "MXCSR in the image");
        }
    }

    @Test
    void mmxAddAliasesTheX87Registers() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 0x0001_7fff_ffff_0002L);
            m.put64(FpMachine.DATA + 8, 0x0001_0001_0001_0001L);
            // movq mm0,[rsi]; paddw mm0,[rsi+8]; movq [rdi],mm0
            RunResult r = m.run(0x0f, 0x6f, 0x06, 0x0f, 0xfd, 0x46, 0x08, 0x0f, 0x7f, 0x07);
            assertNull(r.fault(), r.toString());
            assertEquals(0x0002_8000_0000_0003L, m.get64(OUT));
            assertEquals(0, m.s.x87.empty, "MMX marks all registers valid");
            assertEquals(0xffff, m.s.x87.se[0], "exponent field set to all ones");
            r = m.run(0x0f, 0x77); // emms
            assertNull(r.fault(), r.toString());
            assertEquals(0xff, m.s.x87.empty);
        }
    }

    @Test
    void ssse3PshufbReversesBytes() {
        try (FpMachine m = new FpMachine()) {
            m.s.sse.set(0, 0x1122334455667788L, 0x99aabbccddeeff00L);
            m.s.sse.set(1, 0x0001020304050607L, 0x08090a0b0c0d0e0fL);
            RunResult r = m.run(0x66, 0x0f, 0x38, 0x00, 0xc1); // pshufb xmm0, xmm1
            assertNull(r.fault(), r.toString());
            assertEquals(Long.reverseBytes(0x1122334455667788L), m.s.sse.lo(0));
            assertEquals(Long.reverseBytes(0x99aabbccddeeff00L), m.s.sse.hi(0));
        }
    }

    @Test
    void sse42Crc32MatchesJavaCrc32c() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, 0x5a);
            m.s.gpr[CpuState.RAX] = 0xffffffffL;
            RunResult r = m.run(0xf2, 0x0f, 0x38, 0xf0, 0x06); // crc32 eax, byte [rsi]
            assertNull(r.fault(), r.toString());
            java.util.zip.CRC32C c = new java.util.zip.CRC32C();
            c.update(0x5a);
            assertEquals(c.getValue(), m.s.gpr[CpuState.RAX] ^ 0xffffffffL);
        }
    }

    @Test
    void sse42PcmpistriFindsASubstring() {
        try (FpMachine m = new FpMachine()) {
            m.s.sse.set(0, 'l' | 'o' << 8, 0);
            byte[] hello = "hello world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long lo = 0;
            long hi = 0;
            for (int i = 0; i < hello.length; i++) {
                if (i < 8) {
                    lo |= (hello[i] & 0xffL) << (8 * i);
                } else {
                    hi |= (hello[i] & 0xffL) << (8 * (i - 8));
                }
            }
            m.s.sse.set(1, lo, hi);
            RunResult r = m.run(0x66, 0x0f, 0x3a, 0x63, 0xc1, 0x0c); // pcmpistri xmm0, xmm1, equal-ordered
            assertNull(r.fault(), r.toString());
            assertEquals("hello world".indexOf("lo"), m.s.gpr[CpuState.RCX]);
        }
    }

    @Test
    void sse41PtestAndPminud() {
        try (FpMachine m = new FpMachine()) {
            m.s.sse.set(0, 0xffffffff00000005L, 7);
            m.s.sse.set(1, 0x0000000100000009L, 0xfffffffe00000003L);
            // pminud xmm0, xmm1 (66 0F 38 3B C1); ptest xmm0, xmm0 (66 0F 38 17 C0)
            RunResult r = m.run(0x66, 0x0f, 0x38, 0x3b, 0xc1, 0x66, 0x0f, 0x38, 0x17, 0xc0);
            assertNull(r.fault(), r.toString());
            assertEquals(0x0000000100000005L, m.s.sse.lo(0));
            assertEquals(0x0000000000000003L, m.s.sse.hi(0));
            assertEquals(false, tvmm.cpu.state.Flags.zf(m.s), "nonzero: ZF clear");
        }
    }

    @Test
    void cvtpi2pdFromMemory() {
        try (FpMachine m = new FpMachine()) {
            m.put64(FpMachine.DATA, (7L & 0xffffffffL) | ((long) -3 << 32));
            RunResult r = m.run(0x66, 0x0f, 0x2a, 0x06); // cvtpi2pd xmm0, qword [rsi]
            assertNull(r.fault(), r.toString());
            assertEquals(7.0, Double.longBitsToDouble(m.s.sse.lo(0)));
            assertEquals(-3.0, Double.longBitsToDouble(m.s.sse.hi(0)));
        }
    }
}
