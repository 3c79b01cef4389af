package tvmm.devices.i8042;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;

/** The 8042 on the PC's reset line: buffer empty, output port 03h, command byte as POST leaves it. */
class I8042ResetTest {
    boolean kbdIrq;
    final I8042 kbc = new I8042(high -> kbdIrq = high, high -> { }, () -> { });
    final IoBus bus = IoBus.portBus();

    I8042ResetTest() {
        bus.register(Layout.I8042_DATA, 1, kbc.dataPort());
        bus.register(Layout.I8042_COMMAND, 1, kbc.commandPort());
    }

    int status() {
        return (int) bus.read(Layout.I8042_COMMAND, 1);
    }

    void command(int c) {
        bus.write(Layout.I8042_COMMAND, 1, c);
    }

    int data() {
        return (int) bus.read(Layout.I8042_DATA, 1);
    }

    @Test
    void resetEmptiesTheBufferAndRestoresTheCommandByteAndOutputPort() {
        command(I8042.CMD_WRITE_RAM);
        bus.write(Layout.I8042_DATA, 1, 0x01); // keyboard interrupt on, SYS and translation off
        command(I8042.CMD_WRITE_OUTPUT);
        bus.write(Layout.I8042_DATA, 1, 0x01); // A20 off
        bus.write(Layout.I8042_DATA, 1, 0xF0); // keyboard: select scan code set ...
        bus.write(Layout.I8042_DATA, 1, 0x03); // ... 3
        assertTrue((status() & I8042.STATUS_OBF) != 0);
        assertTrue(kbdIrq);
        command(I8042.CMD_WRITE_RAM); // a command left waiting for its data byte

        kbc.reset();

        assertFalse(kbdIrq, "IRQ1 released");
        assertEquals(I8042.STATUS_UNLOCKED | I8042.STATUS_SYS, status(), "no output, SYS as after POST");
        command(I8042.CMD_READ_RAM);
        assertEquals(I8042.CTR_KBD_INT | I8042.CTR_SYS | I8042.CTR_AUX_DISABLE | I8042.CTR_XLATE, data());
        command(I8042.CMD_READ_OUTPUT);
        assertEquals(I8042.OUTPUT_RESET | I8042.OUTPUT_A20, data() & 0x03, "CPU running, A20 on");
        bus.write(Layout.I8042_DATA, 1, 0xF0); // the keyboard is back at scan code set 2
        assertEquals(0xFA, data());
        bus.write(Layout.I8042_DATA, 1, 0x00);
        assertEquals(0xFA, data());
        assertEquals(2, data(), "scan code set 2");
    }
}
