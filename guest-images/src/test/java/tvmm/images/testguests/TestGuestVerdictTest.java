package tvmm.images.testguests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a guest's console, exit status and shutdown are judged. */
class TestGuestVerdictTest {
    @Test
    void passNeedsStatusOneAndPassLast() {
        assertTrue(TestGuestVerdict.judge(TestGuest.PAGING, "paging: x\nPASS\n", 1, false).passed());
        assertFalse(TestGuestVerdict.judge(TestGuest.PAGING, "paging: x\nPASS\n", 3, false).passed());
        assertFalse(TestGuestVerdict.judge(TestGuest.PAGING, "paging: x\n", 1, false).passed());
        assertFalse(TestGuestVerdict.judge(TestGuest.PAGING, "PASS\n", 1, true).passed(), "shutdown is not a pass");
    }

    @Test
    void failLineWinsAndIsReported() {
        TestGuestVerdict v = TestGuestVerdict.judge(TestGuest.FAULTS, "FAIL: #PF error (got 2, expected 3)\n", 3, false);
        assertFalse(v.passed());
        assertEquals("FAIL: #PF error (got 2, expected 3)", v.summary());
    }

    @Test
    void notesAreCounted() {
        TestGuestVerdict v = TestGuestVerdict.judge(TestGuest.FAULTS, "note: skipped\nPASS\n", 1, false);
        assertTrue(v.passed());
        assertEquals("PASS (1 note)", v.summary());
    }

    @Test
    void tripleFaultGuestMustShutDown() {
        assertTrue(TestGuestVerdict.judge(TestGuest.TRIPLE, "triple: expecting shutdown\n", -1, true).passed());
        assertFalse(TestGuestVerdict.judge(TestGuest.TRIPLE, "triple: expecting shutdown\n", 3, false).passed());
        assertFalse(TestGuestVerdict.judge(TestGuest.TRIPLE, "FAIL: continued\n", -1, true).passed());
    }
}
