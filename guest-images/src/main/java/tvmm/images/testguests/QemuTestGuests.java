package tvmm.images.testguests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs every test guest under QEMU TCG — the check that the guests themselves are right
 * before tvmm's CPU runs them. QEMU's isa-debug-exit gives the exit status; with
 * {@code -no-reboot} a triple fault makes QEMU exit with status 0, which is how a shutdown is
 * recognised. Where QEMU TCG knowingly deviates from the manuals the guests say so in a
 * "note:" line (lib/report.inc). Run through {@code guest-images/scripts/qemu-test-guests.sh}.
 */
public final class QemuTestGuests {
    private QemuTestGuests() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean verbose = List.of(args).contains("--verbose");
        TestGuestAssembler assembler = new TestGuestAssembler();
        int failed = 0;
        for (TestGuest guest : TestGuest.values()) {
            Path bin = assembler.binary(guest);
            long start = System.nanoTime();
            Run run = run(bin);
            TestGuestVerdict v = TestGuestVerdict.judge(guest, run.console, run.status == 0 ? -1 : run.status,
                    run.status == 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-11s %-4s %5.2f s  %s%n", guest.fileName(), v.passed() ? "ok" : "FAIL", seconds,
                    v.summary());
            if (verbose || !v.passed()) {
                run.console.lines().forEach(l -> System.out.println("    | " + l));
            }
            if (!v.passed()) {
                failed++;
            }
        }
        System.out.println("qemu-test-guests: guests=" + TestGuest.values().length + " failed=" + failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    record Run(String console, int status) {
    }

    static Run run(Path binary) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-cpu", "max", "-m", "64",
                "-nographic", "-monitor", "none", "-serial", "none", "-no-reboot",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-debugcon", "stdio",
                "-kernel", binary.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IOException("qemu-system-x86_64 is not installed (apt-get install -y qemu-system-x86)", e);
        }
        p.getOutputStream().close();
        // A hung guest would otherwise block readAllBytes forever.
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                p.destroyForcibly();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        int status = p.waitFor();
        killer.interrupt();
        return new Run(out, status);
    }
}
