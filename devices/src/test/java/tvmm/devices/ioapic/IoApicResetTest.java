package tvmm.devices.ioapic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tvmm.devices.apic.ApicBus;

/** RST# of the 82093AA: every redirection entry masked, IOREGSEL 0, the ID as the firmware set it. */
class IoApicResetTest {
    final IoApic ioapic = new IoApic(new ApicBus(), 2);

    int readReg(int reg) {
        ioapic.write(IoApic.IOREGSEL, 4, reg);
        return (int) ioapic.read(IoApic.IOWIN, 4);
    }

    void writeReg(int reg, int value) {
        ioapic.write(IoApic.IOREGSEL, 4, reg);
        ioapic.write(IoApic.IOWIN, 4, value & 0xFFFFFFFFL);
    }

    @Test
    void resetMasksEveryPin() {
        for (int pin = 0; pin < IoApic.PINS; pin++) {
            writeReg(0x11 + 2 * pin, 0x0F00_0000);
            writeReg(0x10 + 2 * pin, 0x0000_A030 + pin); // level, active low, unmasked
        }
        writeReg(0x00, 0x0500_0000);
        ioapic.write(IoApic.IOREGSEL, 4, 0x13);

        ioapic.reset();

        assertEquals(0, ioapic.read(IoApic.IOREGSEL, 4), "IOREGSEL 0");
        assertEquals(0x0200_0000, readReg(0x00), "the ID the MADT names");
        for (int pin = 0; pin < IoApic.PINS; pin++) {
            assertEquals(0x0001_0000, readReg(0x10 + 2 * pin), "pin " + pin + " masked");
            assertEquals(0, readReg(0x11 + 2 * pin));
        }
    }
}
