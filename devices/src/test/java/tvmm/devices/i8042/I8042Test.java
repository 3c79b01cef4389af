package tvmm.devices.i8042;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;

/** The controller through ports 0x60/0x64 as Linux's i8042 and atkbd drivers probe it. */
class I8042Test {
    IoBus bus;
    I8042 kbc;
    int resets;
    int kbdRises;
    int auxRises;
    boolean kbdIrq;
    boolean auxIrq;

    @BeforeEach
    void setUp() {
        kbc = new I8042(high -> {
            if (high && !kbdIrq) {
                kbdRises++;
            }
            kbdIrq = high;
        }, high -> {
            if (high && !auxIrq) {
                auxRises++;
            }
            auxIrq = high;
        }, () -> resets++);
        bus = IoBus.portBus();
        bus.register(Layout.I8042_DATA, 1, kbc.dataPort());
        bus.register(Layout.I8042_COMMAND, 1, kbc.commandPort());
    }

    int status() {
        return (int) bus.read(Layout.I8042_COMMAND, 1);
    }

    void command(int c) {
        bus.write(Layout.I8042_COMMAND, 1, c);
    }

    void data(int v) {
        bus.write(Layout.I8042_DATA, 1, v);
    }

    /** i8042_wait_read + inb(0x60). */
    int readByte() {
        assertEquals(I8042.STATUS_OBF, status() & I8042.STATUS_OBF, "output buffer full");
        return (int) bus.read(Layout.I8042_DATA, 1);
    }

    @Test
    void linuxControllerProbe() {
        assertEquals(0, status() & (I8042.STATUS_OBF | I8042.STATUS_IBF), "empty and ready");
        command(I8042.CMD_SELF_TEST);
        assertEquals(0x55, readByte());
        command(I8042.CMD_READ_RAM);
        int ctr = readByte();
        assertEquals(I8042.CTR_KBD_INT | I8042.CTR_SYS | I8042.CTR_AUX_DISABLE | I8042.CTR_XLATE, ctr);
        command(I8042.CMD_WRITE_RAM);
        data(ctr & ~I8042.CTR_KBD_INT);
        command(I8042.CMD_READ_RAM);
        assertEquals(ctr & ~I8042.CTR_KBD_INT, readByte());
        command(I8042.CMD_KBD_TEST);
        assertEquals(0x00, readByte());
        command(I8042.CMD_AUX_TEST);
        assertEquals(0x00, readByte());
        assertEquals(0, status() & I8042.STATUS_OBF);
        assertEquals(I8042.STATUS_CMD | I8042.STATUS_SYS | I8042.STATUS_UNLOCKED, status());
    }

    @Test
    void enableDisableBitsInTheCommandByte() {
        command(I8042.CMD_KBD_DISABLE);
        command(I8042.CMD_AUX_ENABLE);
        command(I8042.CMD_READ_RAM);
        int ctr = readByte();
        assertEquals(I8042.CTR_KBD_DISABLE, ctr & I8042.CTR_KBD_DISABLE);
        assertEquals(0, ctr & I8042.CTR_AUX_DISABLE);
        command(I8042.CMD_KBD_ENABLE);
        command(I8042.CMD_AUX_DISABLE);
        command(I8042.CMD_READ_RAM);
        ctr = readByte();
        assertEquals(0, ctr & I8042.CTR_KBD_DISABLE);
        assertEquals(I8042.CTR_AUX_DISABLE, ctr & I8042.CTR_AUX_DISABLE);
    }

    @Test
    void auxLoopbackAndAbsentMouse() {
        command(I8042.CMD_WRITE_RAM);
        data(I8042.CTR_KBD_INT | I8042.CTR_AUX_INT | I8042.CTR_SYS);
        command(I8042.CMD_WRITE_AUX_OBUF); // i8042_check_aux: loop 0x5A through the aux port
        data(0x5A);
        assertEquals(I8042.STATUS_AUX_OBF, status() & I8042.STATUS_AUX_OBF);
        assertTrue(auxIrq, "IRQ12 for aux data");
        assertFalse(kbdIrq);
        assertEquals(0x5A, readByte());
        assertFalse(auxIrq);
        command(I8042.CMD_WRITE_AUX);
        data(0xFF); // reset the mouse: nobody answers
        assertEquals(I8042.STATUS_AUX_OBF | I8042.STATUS_TIMEOUT, status() & 0x60);
        assertEquals(0xFE, readByte());
        assertEquals(2, auxRises, "one IRQ12 edge per aux byte");
    }

    @Test
    void keyboardIdentifiesAndResets() {
        data(Ps2Keyboard.IDENTIFY);
        assertEquals(0xFA, readByte());
        assertEquals(0xAB, readByte());
        assertEquals(0x41, readByte(), "ID byte seen through set 2 → 1 translation");
        assertEquals(3, kbdRises, "IRQ1 rises for each byte");
        data(Ps2Keyboard.RESET);
        assertEquals(0xFA, readByte());
        assertEquals(0xAA, readByte());
        data(Ps2Keyboard.SET_LEDS);
        assertEquals(0xFA, readByte());
        data(0x02);
        assertEquals(0xFA, readByte());
        data(Ps2Keyboard.SCANCODE_SET);
        assertEquals(0xFA, readByte());
        data(0);
        assertEquals(0xFA, readByte());
        assertEquals(2, readByte());
        data(Ps2Keyboard.ECHO);
        assertEquals(0xEE, readByte());
        data(0x01); // not a keyboard command
        assertEquals(0xFE, readByte());
    }

    @Test
    void hostKeysReachTheGuestUnlessDisabled() {
        kbc.injectKeyboard(0x1E); // 'a' make, set 1
        assertTrue(kbdIrq);
        assertEquals(0x1E, readByte());
        command(I8042.CMD_KBD_DISABLE);
        kbc.injectKeyboard(0x9E);
        assertEquals(0, status() & I8042.STATUS_OBF);
    }

    @Test
    void pulseResetAndOutputPortReset() {
        command(0xFE);
        assertEquals(1, resets);
        command(0xFF); // pulse nothing
        assertEquals(1, resets);
        command(I8042.CMD_READ_OUTPUT);
        int port = readByte();
        assertEquals(I8042.OUTPUT_RESET | I8042.OUTPUT_A20, port & 3);
        command(I8042.CMD_WRITE_OUTPUT);
        data(port & ~I8042.OUTPUT_RESET);
        assertEquals(2, resets);
    }
}
