package tvmm.images.testguests;

import java.util.List;

/**
 * Judges how a test guest ended, the same way for QEMU and for tvmm: a {@link TestGuest.Expect#PASS}
 * guest passes when it exited through port 0xF4 with 0 (status 1), printed no FAIL line and
 * printed PASS last; a {@link TestGuest.Expect#SHUTDOWN} guest passes when the machine shut
 * down (triple fault) without ever reaching PASS or FAIL.
 *
 * @param passed  whether the guest did what it should
 * @param summary one line for the report
 */
public record TestGuestVerdict(boolean passed, String summary) {

    /**
     * @param console   everything the guest wrote to port 0xE9
     * @param exitStatus the isa-debug-exit status ({@code (v << 1) | 1}), or -1 if the guest never wrote it
     * @param shutdown  whether the machine stopped by a triple fault (SVM SHUTDOWN exit)
     */
    public static TestGuestVerdict judge(TestGuest guest, String console, int exitStatus, boolean shutdown) {
        List<String> lines = console.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String fail = lines.stream().filter(l -> l.startsWith("FAIL")).findFirst().orElse(null);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (guest.expect() == TestGuest.Expect.SHUTDOWN) {
            if (shutdown && fail == null && !lines.contains("PASS")) {
                return new TestGuestVerdict(true, "shutdown as expected");
            }
            return new TestGuestVerdict(false, fail != null ? fail
                    : "expected a shutdown, got exit status " + exitStatus + " (last line: " + last + ")");
        }
        if (fail != null) {
            return new TestGuestVerdict(false, fail);
        }
        if (shutdown) {
            return new TestGuestVerdict(false, "unexpected shutdown (triple fault) after: " + last);
        }
        if (exitStatus != TestGuest.PASS_STATUS || !last.equals("PASS")) {
            return new TestGuestVerdict(false, "exit status " + exitStatus + ", last line: " + last);
        }
        long notes = lines.stream().filter(l -> l.startsWith("note:")).count();
        return new TestGuestVerdict(true, notes == 0 ? "PASS" : "PASS (" + notes + " note" + (notes > 1 ? "s" : "") + ")");
    }
}
