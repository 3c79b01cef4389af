package tvmm.devices.ioapic;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.apic.ApicBus;
import tvmm.devices.apic.LocalApic;
import tvmm.devices.time.ManualClock;

/** The IOAPIC through IOREGSEL/IOWIN, delivering to two real local APICs. */
class IoApicTest {
    ApicBus bus;
    LocalApic cpu0;
    LocalApic cpu1;
    IoApic ioapic;

    @BeforeEach
    void setUp() {
        ManualClock clock = new ManualClock();
        bus = new ApicBus();
        cpu0 = LocalApic.create(bus, 0, true, clock, 100_000_000L, 1_000_000_000L);
        cpu1 = LocalApic.create(bus, 1, false, clock, 100_000_000L, 1_000_000_000L);
        cpu0.mmio().write(0xF0, 4, 0x1FF);
        cpu1.mmio().write(0xF0, 4, 0x1FF);
        ioapic = new IoApic(bus, 8);
    }

    int readReg(int reg) {
        ioapic.write(IoApic.IOREGSEL, 4, reg);
        return (int) ioapic.read(IoApic.IOWIN, 4);
    }

    void writeReg(int reg, int value) {
        ioapic.write(IoApic.IOREGSEL, 4, reg);
        ioapic.write(IoApic.IOWIN, 4, value & 0xFFFFFFFFL);
    }

    void program(int pin, long entry) {
        writeReg(0x11 + 2 * pin, (int) (entry >>> 32));
        writeReg(0x10 + 2 * pin, (int) entry);
    }

    /** The CPU takes the interrupt and EOIs it at its local APIC. */
    int takeAndEoi(LocalApic cpu) {
        int v = cpu.acknowledge();
        cpu.mmio().write(0xB0, 4, 0);
        return v;
    }

    @Test
    void identificationRegisters() {
        assertEquals(8 << 24, readReg(0));
        assertEquals(0x00170020, readReg(1), "version 0x20, 24 entries");
        assertEquals(8 << 24, readReg(2), "arbitration ID follows the APIC ID");
        writeReg(0, 0x0A000000);
        assertEquals(0x0A000000, readReg(0));
        writeReg(1, 0);
        assertEquals(0x00170020, readReg(1), "version is read-only");
        assertEquals(0x10000, readReg(0x10 + 2 * 23), "entries are masked at reset");
        assertEquals(0, readReg(0x10 + 2 * 24), "past the table: undefined, reads 0");
    }

    @Test
    void readOnlyBitsOfTheRedirectionEntry() {
        writeReg(0x10, 0xFFFFFFFF);
        writeReg(0x11, 0xFFFFFFFF);
        assertEquals(0x0001AFFF, readReg(0x10), "delivery status and Remote IRR are read-only");
        assertEquals(0xFF000000, readReg(0x11));
    }

    @Test
    void edgePinDeliversOncePerRisingEdge() {
        program(4, (1L << 56) | 0x34);                  // physical dest 1, fixed, edge
        ioapic.setLevel(4, true);
        assertEquals(0x34, cpu1.pendingVector());
        assertEquals(-1, cpu0.pendingVector());
        takeAndEoi(cpu1);
        ioapic.setLevel(4, true);
        assertEquals(-1, cpu1.pendingVector(), "no edge, no interrupt");
        ioapic.setLevel(4, false);
        ioapic.setLevel(4, true);
        assertEquals(0x34, cpu1.pendingVector());
    }

    @Test
    void edgeOnAMaskedPinIsLost() {
        program(4, IoApic.MASKED | 0x34);
        ioapic.setLevel(4, true);
        program(4, 0x34);
        assertEquals(-1, cpu0.pendingVector());
    }

    @Test
    void levelPinUsesRemoteIrrAndIsResentWhileAsserted() {
        program(9, IoApic.TRIGGER_LEVEL | 0x49);        // SCI-like: dest 0, level
        ioapic.setLevel(9, true);
        assertEquals(0x49, cpu0.pendingVector());
        assertTrue((readReg(0x10 + 18) & IoApic.REMOTE_IRR) != 0, "Remote IRR set on delivery");
        assertEquals(0x49, takeAndEoi(cpu0));
        // Still asserted at EOI: sent again, Remote IRR set again.
        assertEquals(0x49, cpu0.pendingVector());
        assertTrue((readReg(0x10 + 18) & IoApic.REMOTE_IRR) != 0);
        ioapic.setLevel(9, false);                      // the device was serviced
        takeAndEoi(cpu0);
        assertEquals(-1, cpu0.pendingVector());
        assertEquals(0, readReg(0x10 + 18) & IoApic.REMOTE_IRR);
    }

    @Test
    void unmaskingAnAssertedLevelPinDelivers() {
        program(10, IoApic.TRIGGER_LEVEL | IoApic.MASKED | 0x4A);
        ioapic.setLevel(10, true);
        assertEquals(-1, cpu0.pendingVector());
        program(10, IoApic.TRIGGER_LEVEL | 0x4A);
        assertEquals(0x4A, cpu0.pendingVector());
    }

    @Test
    void eoiRegisterClearsRemoteIrr() {
        cpu0.mmio().write(0xF0, 4, 0x11FF);             // suppress the EOI broadcast
        program(11, IoApic.TRIGGER_LEVEL | 0x4B);
        ioapic.setLevel(11, true);
        takeAndEoi(cpu0);
        assertTrue((readReg(0x10 + 22) & IoApic.REMOTE_IRR) != 0, "no broadcast: still waiting");
        ioapic.setLevel(11, false);
        ioapic.write(IoApic.EOI, 4, 0x4B);              // directed EOI (Linux with x2APIC)
        assertEquals(0, readReg(0x10 + 22) & IoApic.REMOTE_IRR);
    }

    @Test
    void logicalDestinationAndNmiMode() {
        cpu0.mmio().write(0xD0, 4, 0x01000000);
        cpu1.mmio().write(0xD0, 4, 0x02000000);
        program(5, (3L << 56) | IoApic.DEST_LOGICAL | 0x55);   // both CPUs
        ioapic.setLevel(5, true);
        assertEquals(0x55, cpu0.pendingVector());
        assertEquals(0x55, cpu1.pendingVector());
        program(6, (1L << 56) | (4 << 8));                     // NMI to APIC 1
        ioapic.setLevel(6, true);
        assertTrue(cpu1.takeNmi());
        program(0, 7 << 8);                                    // ExtINT: the 8259 answers
        ioapic.setLevel(0, true);
        assertTrue(cpu0.takeExtInt());
    }

    @Test
    void levelInterruptFromAnHpetComparatorUntilTheGuestAcknowledgesIt() {
        // The whole chain: HPET level output → IOAPIC pin 8 → LAPIC; EOI → IOAPIC re-sends
        // while the HPET still holds the line; writing the HPET status bit ends it.
        tvmm.devices.time.ManualClock clock = new tvmm.devices.time.ManualClock();
        tvmm.devices.hpet.Hpet hpet = new tvmm.devices.hpet.Hpet(clock, tvmm.devices.bus.IrqLine.NONE,
                tvmm.devices.bus.IrqLine.NONE, gsi -> high -> ioapic.setLevel(gsi, high), 1 << 8);
        program(8, IoApic.TRIGGER_LEVEL | 0x68);
        hpet.write(0x140, 8, (8 << 9) | 4 | 2);        // timer 2: GSI 8, level, enabled
        hpet.write(0x148, 8, 1_000);
        hpet.write(0x010, 8, 1);
        clock.advance(10_000);
        assertEquals(0x68, takeAndEoi(cpu0));
        assertEquals(0x68, cpu0.pendingVector(), "line still asserted: re-sent on EOI");
        hpet.write(0x020, 8, 1 << 2);                  // the handler clears the HPET status
        assertEquals(0x68, takeAndEoi(cpu0));
        assertEquals(-1, cpu0.pendingVector());
    }

    @Test
    void guestNonsenseIsHarmless() {
        ioapic.setLevel(99, true);
        ioapic.setLevel(-1, true);
        ioapic.write(0x20, 1, 5);
        assertEquals(0xFF, ioapic.read(0x10, 1));
        writeReg(0xFF, 1);
        assertEquals(0, readReg(0xFF));
    }

    @Test
    void randomGuestAccessesNeverThrow() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            int size = 1 << rnd.nextInt(4);
            long offset = rnd.nextInt(0x50) - 4;
            if (rnd.nextBoolean()) {
                ioapic.write(offset, size, rnd.nextLong());
            } else {
                ioapic.read(offset, size);
            }
            ioapic.setLevel(rnd.nextInt(30) - 3, rnd.nextBoolean());
            if (cpu0.hasPendingInterrupt()) {
                takeAndEoi(cpu0);
            }
        }
        assertEquals(0x00170020, readReg(1), "still an IOAPIC");
    }
}
