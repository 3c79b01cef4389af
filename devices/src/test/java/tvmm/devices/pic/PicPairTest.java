package tvmm.devices.pic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;

/** Drives the pair through its ports the way Linux's init_8259A and the datasheet do. */
class PicPairTest {
    PicPair pic;
    IoBus bus;
    final List<Boolean> intrEdges = new ArrayList<>();

    @BeforeEach
    void setUp() {
        pic = new PicPair();
        bus = IoBus.portBus();
        bus.register(0x20, 2, pic.masterPorts());
        bus.register(0xA0, 2, pic.slavePorts());
        bus.register(0x4D0, 2, pic.elcrPorts());
        pic.connectIntr(intrEdges::add);
        init(0x01); // ICW4: 8086 mode, normal EOI
        out(0x21, 0x00);
        out(0xA1, 0x00);
        intrEdges.clear();
    }

    /** Linux init_8259A: ICW1 0x11, ICW2 vector base, ICW3 cascade, ICW4. */
    void init(int icw4) {
        out(0x20, 0x11);
        out(0x21, 0x30);
        out(0x21, 0x04);
        out(0x21, icw4);
        out(0xA0, 0x11);
        out(0xA1, 0x38);
        out(0xA1, 0x02);
        out(0xA1, icw4);
    }

    void out(int port, int v) {
        bus.write(port, 1, v);
    }

    int in(int port) {
        return (int) bus.read(port, 1);
    }

    int isr(int port) {
        out(port, 0x0B); // OCW3: read ISR
        return in(port);
    }

    int irr(int port) {
        out(port, 0x0A); // OCW3: read IRR
        return in(port);
    }

    @Test
    void edgeRequestIsDeliveredAndEoiClearsService() {
        pic.setIrq(0, true);
        assertTrue(pic.intr());
        assertEquals(List.of(true), intrEdges);
        assertEquals(0x01, irr(0x20));
        assertEquals(0x30, pic.acknowledge());
        assertFalse(pic.intr());
        assertEquals(0x01, isr(0x20));
        assertEquals(0x00, irr(0x20));
        out(0x20, 0x20); // non-specific EOI
        assertEquals(0x00, isr(0x20));
        // The line is still high: no new edge, no new request.
        assertFalse(pic.intr());
    }

    @Test
    void pendingLowerPriorityRequestIsRedeliveredAfterEoi() {
        pic.setIrq(3, true);
        pic.setIrq(1, true);
        assertEquals(0x31, pic.acknowledge());
        assertFalse(pic.intr(), "IRQ3 must wait while IRQ1 is in service");
        out(0x20, 0x20);
        assertTrue(pic.intr(), "after EOI the waiting IRQ3 is presented again");
        assertEquals(0x33, pic.acknowledge());
    }

    @Test
    void higherPriorityNestsOverInService() {
        pic.setIrq(5, true);
        assertEquals(0x35, pic.acknowledge());
        pic.setIrq(1, true);
        assertTrue(pic.intr());
        assertEquals(0x31, pic.acknowledge());
        assertEquals(0x22, isr(0x20));
        out(0x20, 0x20); // non-specific EOI clears the highest in service: IRQ1
        assertEquals(0x20, isr(0x20));
    }

    @Test
    void maskBlocksAndReadsBack() {
        out(0x21, 0x10);
        assertEquals(0x10, in(0x21));
        pic.setIrq(4, true);
        assertFalse(pic.intr());
        assertEquals(0x10, irr(0x20), "a masked request still shows in IRR");
        out(0x21, 0x00);
        assertTrue(pic.intr());
        assertEquals(0x34, pic.acknowledge());
    }

    @Test
    void slaveCascadesThroughIrq2() {
        pic.setIrq(10, true);
        assertTrue(pic.intr());
        assertEquals(0x3A, pic.acknowledge());
        assertEquals(0x04, isr(0x20));
        assertEquals(0x04, isr(0xA0));
        out(0xA0, 0x20);
        out(0x20, 0x20);
        assertEquals(0, isr(0x20));
        assertEquals(0, isr(0xA0));
    }

    @Test
    void levelRequestThatVanishesGivesSpuriousIrq7And15() {
        out(0x4D0, 0x20); // IRQ5 level
        out(0x4D1, 0x04); // IRQ10 level
        pic.setIrq(5, true);
        pic.setIrq(5, false);
        assertEquals(0x37, pic.acknowledge(), "spurious IRQ7");
        assertEquals(0, isr(0x20), "a spurious IRQ7 is not put in service");
        pic.setIrq(10, true);
        assertTrue(pic.intr());
        pic.setIrq(10, false);
        // The master latched IR2 on the slave's INT edge; the slave has nothing at INTA.
        assertEquals(0x3F, pic.acknowledge(), "spurious IRQ15 from the slave");
        assertEquals(0x04, isr(0x20), "the master's cascade input is in service");
        assertEquals(0, isr(0xA0));
    }

    @Test
    void levelTriggeredInputRequestsAgainWhileHeld() {
        out(0x4D1, 0x08); // IRQ11 level (PCI)
        pic.setIrq(11, true);
        assertEquals(0x3B, pic.acknowledge());
        out(0xA0, 0x20);
        out(0x20, 0x20);
        assertTrue(pic.intr(), "still asserted: requests again");
        assertEquals(0x3B, pic.acknowledge());
        pic.setIrq(11, false);
        out(0xA0, 0x20);
        out(0x20, 0x20);
        assertFalse(pic.intr());
    }

    @Test
    void elcrHonoursPiixWritableBits() {
        out(0x4D0, 0xFF);
        out(0x4D1, 0xFF);
        assertEquals(0xF8, in(0x4D0));
        assertEquals(0xDE, in(0x4D1));
        assertEquals(0xDEF8, bus.read(0x4D0, 2));
    }

    @Test
    void autoEoiLeavesNothingInService() {
        init(0x03);
        out(0x21, 0);
        out(0xA1, 0);
        pic.setIrq(1, true);
        assertEquals(0x31, pic.acknowledge());
        assertEquals(0, isr(0x20));
        pic.setIrq(0, true);
        assertTrue(pic.intr(), "nothing in service blocks IRQ0");
    }

    @Test
    void specificRotationSetsLowestPriority() {
        out(0x20, 0xC3); // OCW2 set priority: IR3 lowest, IR4 highest
        pic.setIrq(1, true);
        pic.setIrq(5, true);
        assertEquals(0x35, pic.acknowledge());
        out(0x20, 0x65); // specific EOI for IR5
        assertEquals(0x31, pic.acknowledge());
    }

    @Test
    void rotateOnNonSpecificEoiMakesServicedLevelLowest() {
        pic.setIrq(0, true);
        pic.setIrq(1, true);
        assertEquals(0x30, pic.acknowledge());
        out(0x20, 0xA0); // rotate on non-specific EOI: IR0 becomes lowest
        pic.setIrq(0, false);
        pic.setIrq(0, true);
        assertEquals(0x31, pic.acknowledge(), "IR1 is now highest");
        out(0x20, 0xA0); // IR1 lowest, IR2 highest ... IR0 next-to-lowest
        assertEquals(0x30, pic.acknowledge());
    }

    @Test
    void rotateInAutoEoiMode() {
        init(0x03);
        out(0x21, 0);
        out(0x20, 0x80); // OCW2: rotate in AEOI mode set
        pic.setIrq(0, true);
        pic.setIrq(1, true);
        assertEquals(0x30, pic.acknowledge());
        pic.setIrq(0, false);
        pic.setIrq(0, true);
        assertEquals(0x31, pic.acknowledge(), "IR0 rotated to lowest");
    }

    @Test
    void specialMaskModeLetsLowerLevelsThrough() {
        pic.setIrq(3, true);
        assertEquals(0x33, pic.acknowledge());
        pic.setIrq(6, true);
        assertFalse(pic.intr());
        out(0x21, 0x08); // mask IR3 (in service)
        out(0x20, 0x68); // OCW3: set special mask mode
        assertTrue(pic.intr(), "in SMM a masked in-service level does not block");
        assertEquals(0x36, pic.acknowledge());
        out(0x20, 0x48); // reset special mask mode
        out(0x20, 0x66);
        out(0x20, 0x63);
        assertEquals(0, isr(0x20));
    }

    @Test
    void pollCommandReturnsLevelAndActsAsInta() {
        pic.setIrq(6, true);
        out(0x20, 0x0C); // OCW3 poll
        assertEquals(0x86, in(0x20));
        assertEquals(0x40, isr(0x20));
        out(0x20, 0x0C);
        assertEquals(0x00, in(0x20), "nothing left to poll");
    }

    @Test
    void icw1ResetsMaskAndEdgeSense() {
        pic.setIrq(4, true);
        out(0x21, 0xFF);
        init(0x01);
        assertEquals(0, in(0x21), "ICW1 clears the IMR");
        assertEquals(0, irr(0x20), "ICW1 clears latched requests");
        pic.setIrq(4, true); // still high: not a new edge
        assertFalse(pic.intr());
    }

    @Test
    void singleModeSkipsIcw3() {
        out(0x20, 0x13); // ICW1: single, ICW4 needed
        out(0x21, 0x50); // ICW2
        out(0x21, 0x01); // ICW4 (no ICW3)
        out(0x21, 0xFB); // OCW1 unmask IR2 only
        assertEquals(0xFB, in(0x21));
        pic.setIrq(10, true); // slave is ignored in single mode: IR2 comes from the master
        out(0xA1, 0);
        assertEquals(0x52, pic.acknowledge());
    }

    @Test
    void specialFullyNestedLetsAHigherSlaveRequestNest() {
        out(0x20, 0x11);
        out(0x21, 0x30);
        out(0x21, 0x04);
        out(0x21, 0x11); // ICW4: SFNM, 8086
        out(0x21, 0x00);
        pic.setIrq(12, true);
        assertEquals(0x3C, pic.acknowledge());
        pic.setIrq(9, true); // higher priority on the same slave
        assertTrue(pic.intr(), "SFNM: the in-service cascade input does not block its own slave");
        assertEquals(0x39, pic.acknowledge());
    }

    @Test
    void withoutSfnmTheCascadeInServiceBlocksTheSlave() {
        pic.setIrq(12, true);
        assertEquals(0x3C, pic.acknowledge());
        pic.setIrq(9, true);
        assertFalse(pic.intr());
        out(0xA0, 0x20);
        out(0x20, 0x20);
        assertEquals(0x39, pic.acknowledge());
    }

    @Test
    void slaveInAutoEoiDeliversBackToBackRequests() {
        out(0xA0, 0x11);
        out(0xA1, 0x38);
        out(0xA1, 0x02);
        out(0xA1, 0x03); // slave AEOI
        out(0xA1, 0x00);
        pic.setIrq(9, true);
        pic.setIrq(12, true);
        assertEquals(0x39, pic.acknowledge());
        out(0x20, 0x20); // EOI to the master only
        assertTrue(pic.intr(), "the slave's second request must not be lost");
        assertEquals(0x3C, pic.acknowledge());
    }
}
