package tvmm.vmm.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.ControlFlag;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.junit.jupiter.api.Test;

/** Raw mode is QEMU's -nographic stdio setting, derived from a cooked terminal. */
class RawTerminalTest {

    @Test
    void rawModeFromACookedTerminal() {
        // What `stty sane` leaves on a Linux terminal.
        Attributes cooked = new Attributes();
        cooked.setInputFlags(EnumSet.of(InputFlag.BRKINT, InputFlag.ICRNL, InputFlag.IXON, InputFlag.IMAXBEL,
                InputFlag.IUTF8));
        cooked.setOutputFlags(EnumSet.of(OutputFlag.OPOST, OutputFlag.ONLCR));
        cooked.setControlFlags(EnumSet.of(ControlFlag.CS8, ControlFlag.CREAD));
        cooked.setLocalFlags(EnumSet.of(LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.IEXTEN, LocalFlag.ECHO,
                LocalFlag.ECHOE, LocalFlag.ECHOK, LocalFlag.ECHOCTL, LocalFlag.ECHOKE));
        cooked.setControlChar(ControlChar.VINTR, 3);
        cooked.setControlChar(ControlChar.VMIN, 1);
        cooked.setControlChar(ControlChar.VTIME, 0);

        Attributes raw = RawTerminal.raw(cooked);
        for (LocalFlag f : new LocalFlag[] {LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN}) {
            assertFalse(raw.getLocalFlag(f), f + ": keys are bytes for the guest, not signals or edits");
        }
        assertFalse(raw.getInputFlag(InputFlag.ICRNL), "Enter is CR, as a serial terminal sends it");
        assertFalse(raw.getInputFlag(InputFlag.IXON), "Ctrl-S/Ctrl-Q reach the guest");
        assertFalse(raw.getInputFlag(InputFlag.BRKINT));
        assertTrue(raw.getOutputFlag(OutputFlag.OPOST), "output processing stays on, as in QEMU");
        assertTrue(raw.getOutputFlag(OutputFlag.ONLCR));
        assertTrue(raw.getControlFlag(ControlFlag.CS8));
        assertTrue(raw.getControlFlag(ControlFlag.CREAD));
        assertEquals(1, raw.getControlChar(ControlChar.VMIN));
        assertEquals(0, raw.getControlChar(ControlChar.VTIME));
        assertTrue(raw.getInputFlag(InputFlag.IUTF8), "flags raw mode does not concern are kept");
        assertTrue(cooked.getLocalFlag(LocalFlag.ICANON), "the saved settings are not modified");
    }
}
