package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
