package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.ExitCode;

/**
 * The TSC as the system layer and the engine share it: WRMSR IA32_TSC / IA32_TSC_AUX reach what
 * RDTSC / RDTSCP read (SDM vol. 3 §18.17), CPUID 15h/16h report the frequency the TSC runs at,
 * the TSC counts the clock the VMM installs, and CR8 is the platform's TPR[7:4] (SDM vol. 3 §10.8.6.5).
 */
class TscAndCr8Test {
    private static void halts(RunResult r) {
        assertEquals(ExitCode.HLT, r.exit() == null ? -1 : r.exit().code, r.toString());
    }

    private static long edxEax(CpuState s) {
        return s.gpr[CpuState.RDX] << 32 | s.gpr[CpuState.RAX];
    }

    @Test
    void wrmsrTscIsWhatRdtscCountsFrom() {
        try (SysCpu c = new SysCpu().long64()) {
            // mov ecx,0x10 ; mov eax,0 ; mov edx,0x100 ; wrmsr ; rdtsc ; hlt
            c.load(0x1000, 0xb9, 0x10, 0, 0, 0, 0xb8, 0, 0, 0, 0, 0xba, 0, 1, 0, 0, 0x0f, 0x30, 0x0f, 0x31, 0xf4);
            halts(c.run(0x1000));
            long since = edxEax(c.s) - (0x100L << 32);
            assertTrue(since >= 0 && since < SysCpu.TSC_HZ, "RDTSC continues from the written value: +" + since);
            assertEquals(c.s.tscOffset, c.platform.tscOffsetSeen, "the platform heard of the new offset");
        }
    }

    @Test
    void tscAuxIsWhatRdtscpReturns() {
        try (SysCpu c = new SysCpu().long64()) {
            // mov ecx,0xc0000103 ; mov eax,0x1234 ; xor edx,edx ; wrmsr ; rdtscp ; hlt
            c.load(0x1000, 0xb9, 0x03, 0x01, 0x00, 0xc0, 0xb8, 0x34, 0x12, 0, 0, 0x31, 0xd2, 0x0f, 0x30,
                    0x0f, 0x01, 0xf9, 0xf4);
            halts(c.run(0x1000));
            assertEquals(0x1234, c.s.gpr[CpuState.RCX]);
            assertEquals(0x1234, c.sys.msrs.read(0xc000_0103));
        }
    }

    @Test
    void cpuidReportsTheFrequencyTheTscRunsAt() {
        try (SysCpu c = new SysCpu().long64()) {
            assertEquals(SysCpu.TSC_HZ, c.s.tscHz);
            int[] leaf15 = c.sys.cpuid.query(0x15, 0, 0, 0);
            assertEquals(c.s.tscHz, (long) leaf15[2] * leaf15[1] / leaf15[0], "crystal × ratio");
            assertEquals(c.s.tscHz / 1_000_000, c.sys.cpuid.query(0x16, 0, 0, 0)[0], "base MHz");
        }
    }

    @Test
    void theTscCountsTheInstalledClock() {
        try (SysCpu c = new SysCpu().long64()) {
            c.s.setTscClock(() -> 2_500_000_000L); // 2.5 s of virtual time, standing still
            c.load(0x1000, 0x0f, 0x31, 0xf4); // rdtsc ; hlt
            halts(c.run(0x1000));
            assertEquals(SysCpu.TSC_HZ * 5 / 2, edxEax(c.s));
            c.sys.msrs.write(0x10, 7);
            assertEquals(7, c.s.readTsc(), "a WRMSR offsets the virtual clock's count");
        }
    }

    @Test
    void cr8IsTheTaskPriority() {
        try (SysCpu c = new SysCpu().long64()) {
            // mov eax,5 ; mov cr8,rax ; hlt
            c.load(0x1000, 0xb8, 5, 0, 0, 0, 0x44, 0x0f, 0x22, 0xc0, 0xf4);
            halts(c.run(0x1000));
            assertEquals(0x50, c.platform.tpr, "TPR[7:4] = CR8, TPR[3:0] = 0");
            c.platform.tpr = 0x9c; // the guest raised the TPR through the APIC
            c.load(0x1010, 0x44, 0x0f, 0x20, 0xc1, 0xf4); // mov rcx,cr8 ; hlt
            halts(c.run(0x1010));
            assertEquals(9, c.s.gpr[CpuState.RCX]);
        }
    }
}
