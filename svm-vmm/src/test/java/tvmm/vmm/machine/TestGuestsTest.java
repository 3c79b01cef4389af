package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tvmm.images.testguests.TestGuest;

/**
 * Every assembly test guest of guest-images boots on the whole machine (multiboot loader,
 * VMM, exits through portals to the devices) and must end as it does under QEMU (the same
 * verdict rules as {@code QemuTestGuests}). "shadows" is left out, as in truffle-cpu's own
 * run of the guests: it needs single-step #DB traps, which the CPU does not deliver yet.
 */
class TestGuestsTest {
    @ParameterizedTest
    @EnumSource(value = TestGuest.class, mode = EnumSource.Mode.EXCLUDE, names = "SHADOWS")
    void guestPasses(TestGuest guest) throws Exception {
        TestGuestRunner.Result r = TestGuestRunner.run(guest, Duration.ofSeconds(60));
        assertTrue(r.verdict().passed(), guest + ": " + r.verdict().summary() + "\n--- console:\n" + r.console());
    }
}
