/**
 * MMX and SSE..SSE4.2 semantics as pure Java over 64-bit halves and an XMM register file.
 *
 * <p><b>State.</b> One {@link tvmm.cpu.simd.SseState} per vCPU: {@code xmm[2n]} / {@code xmm[2n+1]}
 * are the low / high quadwords of XMMn, registers 16 and 17 are scratch slots for memory
 * operands (the node loads the operand there and passes its number as the source), and MXCSR is
 * mirrored into an {@link tvmm.cpu.fpu.FpEnv} by {@link tvmm.cpu.simd.SseState#setMxcsr} (which
 * also rejects reserved bits: #GP for LDMXCSR). MMX registers alias the x87 registers through
 * {@link tvmm.cpu.simd.Mmx}.
 *
 * <p><b>Floating point</b> ({@link tvmm.cpu.simd.SsePacked}, {@link tvmm.cpu.simd.SseConvert},
 * {@link tvmm.cpu.simd.SseApprox}): routines return false when an unmasked exception was raised;
 * the node then raises #XM (or #UD if CR4.OSXMMEXCPT is clear) and the destination is unchanged;
 * MXCSR flags are already updated. Routines that produce a general-register value return it and
 * the node checks {@link tvmm.cpu.simd.SseState#commitFlags()}. The common case (round to nearest,
 * no DAZ/FTZ, normal operands) runs on the host's IEEE arithmetic; the rest uses the exact core.
 *
 * <p><b>Integer</b> ({@link tvmm.cpu.simd.SimdInt} on one 64-bit half — the whole of an MMX op —
 * and {@link tvmm.cpu.simd.SseInt} across 128 bits): op selectors are constants at each call site
 * so the switches fold under partial evaluation. {@link tvmm.cpu.simd.SseString} has PCMPxSTRx
 * (behind a TruffleBoundary), CRC32 and POPCNT.
 *
 * <p>Plain moves (MOVAPS/MOVUPS/MOVDQA/MOVDQU/LDDQU/MOVQ/MOVD/MOVSS/MOVSD/MOVHPS/MOVLPS...,
 * MOVNT*, MASKMOVQ/MASKMOVDQU) raise no floating-point exception and are left to the node.
 */
package tvmm.cpu.simd;
