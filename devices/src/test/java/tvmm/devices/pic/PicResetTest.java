package tvmm.devices.pic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;

/** A system reset returns both 8259As to power-on (ICW1) state as the BIOS programs them, ELCR 00h. */
class PicResetTest {
    final PicPair pic = new PicPair();
    final IoBus bus = IoBus.portBus();
    boolean intr;

    PicResetTest() {
        bus.register(0x20, 2, pic.masterPorts());
        bus.register(0xA0, 2, pic.slavePorts());
        bus.register(0x4D0, 2, pic.elcrPorts());
        pic.connectIntr(level -> intr = level);
    }

    void out(int port, int v) {
        bus.write(port, 1, v);
    }

    int in(int port) {
        return (int) bus.read(port, 1);
    }

    @Test
    void resetClearsRequestsServiceMasksElcrAndVectors() {
        // Linux's init_8259A with auto-EOI, vectors 0x30/0x38, everything unmasked, level IRQ 9.
        int[] init = {0x11, 0x30, 0x04, 0x03};
        out(0x20, init[0]);
        out(0x21, init[1]);
        out(0x21, init[2]);
        out(0x21, init[3]);
        out(0xA0, 0x11);
        out(0xA1, 0x38);
        out(0xA1, 0x02);
        out(0xA1, 0x01);
        out(0x21, 0x00);
        out(0xA1, 0x00);
        out(0x4D1, 0x02);
        pic.setIrq(1, true);
        pic.setIrq(3, true);
        assertEquals(0x31, pic.acknowledge());
        out(0x20, 0x68); // OCW3: special mask mode on
        assertTrue(intr);

        pic.reset();

        assertFalse(intr, "INTR drops with the requests");
        assertEquals(0xFF, in(0x21), "IMR: every input masked (BIOS)");
        assertEquals(0xFF, in(0xA1));
        out(0x20, 0x0A);
        assertEquals(0x00, in(0x20), "IRR: the edge latches are cleared");
        out(0x20, 0x0B);
        assertEquals(0x00, in(0x20), "ISR empty");
        assertEquals(0x00, in(0x4D0), "ELCR 00h (PIIX reset value)");
        assertEquals(0x00, in(0x4D1));
        // The BIOS vectors: a new edge on IRQ 4 after unmasking is vector 0x0C, and it stays in
        // service (normal EOI again, no auto-EOI, no special mask).
        out(0x21, 0xEF);
        pic.setIrq(4, true);
        assertTrue(intr);
        assertEquals(0x0C, pic.acknowledge());
        out(0x20, 0x0B);
        assertEquals(0x10, in(0x20));
        // The slave is cascaded on IR2 with vector base 0x70.
        out(0x21, 0xEB);
        out(0xA1, 0xFE);
        pic.setIrq(8, true);
        out(0x20, 0x20);
        assertEquals(0x70, pic.acknowledge());
    }
}
