package tvmm.vmm.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLineTest {
    @Test
    void parsesAMeasurementWithItsExtraFields() {
        ResultLine r = ResultLine.parse("tvmm-bench name=compute unit=ms value=85.2134 iterations=500 checksum=0x7329").orElseThrow();
        assertEquals("compute", r.name());
        assertEquals("ms", r.unit());
        assertEquals(85.2134, r.value());
        assertEquals(500, r.iterations());
        assertTrue(r.ok());
        assertEquals(Map.of("checksum", "0x7329"), r.extras());
    }

    @Test
    void toleratesTheConsolesCarriageReturnAndAKernelMessageBeforeIt() {
        ResultLine r = ResultLine.parse("[    3.1] random: crng init done\rtvmm-bench name=syscall unit=ms value=12 iterations=40000\r")
                .orElseThrow();
        assertEquals("syscall", r.name());
        assertEquals(12.0, r.value());
    }

    @Test
    void parsesUnsupportedAndFailedWithoutANumber() {
        ResultLine u = ResultLine.parse("tvmm-bench name=vmmcall status=unsupported reason=vmmcall-faults").orElseThrow();
        assertTrue(u.unsupported());
        assertTrue(Double.isNaN(u.value()));
        assertEquals("vmmcall-faults", u.reason());
        ResultLine f = ResultLine.parse("tvmm-bench name=memcpy status=failed reason=copy-mismatch").orElseThrow();
        assertEquals("failed", f.status());
        assertEquals(Outcome.Kind.FAILED, Outcome.of(f).kind());
    }

    @Test
    void rejectsLinesThatAreNotCompleteResults() {
        for (String bad : new String[] {"tvmm-bench: start compute", "tvmm-bench name=compute unit=ms val",
                "tvmm-bench name=compute unit=ms iterations=3", "tvmm-bench name=compute unit=ms value=abc iterations=3",
                "tvmm-bench name=compute unit=ms value=NaN iterations=3", "tvmm-bench name=compute unit=ms value=1e400 iterations=3",
                "tvmm-bench name=compute unit=ms value=-1 iterations=3", "tvmm-bench name=compute unit=ms value=1 iterations=0",
                "tvmm-bench name=compute unit=ms value=1 value=2 iterations=3", "tvmm-bench name=a/b unit=ms value=1 iterations=3",
                "tvmm-bench name=x status=weird reason=r", "tvmm-bench name=x status=failed", "hello"}) {
            assertTrue(ResultLine.parse(bad).isEmpty(), bad);
        }
    }
}
