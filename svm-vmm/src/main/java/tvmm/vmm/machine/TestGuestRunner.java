package tvmm.vmm.machine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import tvmm.images.testguests.TestGuest;
import tvmm.images.testguests.TestGuestAssembler;
import tvmm.images.testguests.TestGuestVerdict;
import tvmm.vmm.boot.BootException;
import tvmm.vmm.svm.Stop;

/**
 * Boots one of guest-images' assembly test guests on a fresh machine (as {@code tvmm run
 * -kernel guest.bin} does) and judges it with the same rules as under QEMU
 * ({@link TestGuestVerdict}): debug console output, isa-debug-exit status, triple fault.
 */
public final class TestGuestRunner {
    /** RAM of the test machine (the guests assume at least 4 MiB). */
    public static final long RAM = 32L << 20;

    /** What happened, with the verdict. */
    public record Result(TestGuest guest, TestGuestVerdict verdict, Stop stop, String console) {
    }

    private TestGuestRunner() {
    }

    public static Result run(TestGuest guest, Path binary, Duration timeout)
            throws BootException, InterruptedException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = MachineConfig.forTest(RAM, 1, b -> {
            synchronized (console) {
                console.write(b);
            }
        });
        Stop stop;
        try (Machine m = new Machine(config)) {
            m.load(binary, null, null);
            stop = m.run(timeout);
        }
        String text;
        synchronized (console) {
            text = console.toString(StandardCharsets.ISO_8859_1);
        }
        int status = stop.kind() == Stop.Kind.DEBUG_EXIT ? stop.status() : -1;
        TestGuestVerdict v = TestGuestVerdict.judge(guest, text, status, stop.kind() == Stop.Kind.SHUTDOWN);
        if (!v.passed() && stop.kind() != Stop.Kind.DEBUG_EXIT && stop.kind() != Stop.Kind.SHUTDOWN) {
            v = new TestGuestVerdict(false, v.summary() + " [" + stop.reason() + "]");
        }
        return new Result(guest, v, stop, text);
    }

    /** Assembles (cached) and runs {@code guest}. */
    public static Result run(TestGuest guest, Duration timeout) throws IOException, BootException, InterruptedException {
        return run(guest, new TestGuestAssembler().binary(guest), timeout);
    }
}
