package tvmm.cpu.sysinstr;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARPL and RDPMC as a guest sees them (SDM vol. 2). */
class SegmentInsnsTest {
    @TempDir
    Path tmp;

    @Test
    void arplRaisesRplAndSetsZf() throws Exception {
        MiniGuest.run(tmp, """
                    xor ecx, ecx
                    mov cx, 0x10
                    mov dx, 0x2b
                    arpl cx, dx
                    jz .adjusted
                    FAIL "ZF after an adjusting ARPL"
                .adjusted:
                    EXPECT ecx, 0x13, "RPL raised to 3"
                    arpl cx, dx
                    jnz .same
                    FAIL "ZF after ARPL with nothing to adjust"
                .same:
                    EXPECT_FAULT .pmc
                    xor ecx, ecx
                    rdpmc
                .pmc:
                    EXPECT [last_vector], 13, "RDPMC without counters"
                """);
    }
}
