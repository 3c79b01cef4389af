package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tvmm.cpu.RunResult;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.ExitCode;

/** REP OUTSB/INSW and single OUTS/INS on the test machine (a small guest built with the guest library). */
class StringIoTest {
    @TempDir
    Path tmp;

    String run(String body) throws Exception {
        return MiniGuest.run(tmp, body);
    }

    @Test
    void repOutsbWritesTheStringAndAdvances() throws Exception {
        String out = run("""
                    mov esi, text
                    mov ecx, 6
                    mov dx, 0xe9
                    cld
                    rep outsb
                    EXPECT ecx, 0, "rCX counted down"
                    EXPECT esi, text + 6, "rSI advanced"
                    jmp over
                text: db "hello", 10
                over:
                """);
        assertTrue(out.startsWith("hello\n"), out);
    }

    @Test
    void repInswFillsMemoryBackwardsWithDf() throws Exception {
        run("""
                    mov edi, buf + 6
                    mov ecx, 4
                    mov dx, 0x60
                    std
                    rep insw                      ; the empty bus reads 0xFFFF
                    cld
                    EXPECT edi, buf - 2, "rDI stepped down by 2"
                    EXPECT dword [buf], 0xffffffff, "words 0-1"
                    EXPECT dword [buf + 4], 0xffffffff, "words 2-3"
                    EXPECT dword [buf + 8], 0x12345678, "nothing beyond"
                    mov edi, buf + 8
                    insb
                    EXPECT edi, buf + 9, "single INSB"
                    EXPECT dword [buf + 8], 0x123456ff, "one byte"
                    jmp over
                buf: dd 0, 0, 0x12345678
                over:
                """);
    }

    /**
     * A REP OUTS with a huge count must let a pending event in between iterations (found by
     * RandomSystemCodeTest: the kick was never seen and the run hung): the run leaves with
     * RIP still on the instruction and the count partly done.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void repOutsStopsBetweenIterationsForAPendingEvent() {
        try (SysCpu c = new SysCpu().long64()) {
            c.load(0x1000, 0xf3, 0x6e); // rep outsb
            c.s.gpr[CpuState.RCX] = 1L << 40;
            c.s.gpr[CpuState.RSI] = 0x2000;
            c.s.gpr[CpuState.RDX] = 0x80;
            Thread kicker = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(50); // once the instruction is well under way
                } catch (InterruptedException e) {
                    return;
                }
                c.vcpu.kick();
            });
            RunResult r = c.run(0x1000);
            kicker.interrupt();
            assertEquals(ExitCode.INTR, r.exit().code, r.toString());
            assertEquals(0x1000, c.s.rip, "restarts at the instruction");
            long done = (1L << 40) - c.s.gpr[CpuState.RCX];
            assertTrue(done >= 1 && done < 1L << 40, "iterations before the event: " + done);
            assertEquals(0x2000 + done, c.s.gpr[CpuState.RSI]);
        }
    }
}
