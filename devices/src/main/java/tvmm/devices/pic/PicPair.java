package tvmm.devices.pic;

import tvmm.devices.bus.ByteRegisters;
import tvmm.devices.bus.IoDevice;
import tvmm.devices.bus.IrqLine;

/**
 * The PC's two cascaded 8259A PICs (master at 0x20, slave at 0xA0 on the master's IR2)
 * with the PIIX edge/level control registers (ELCR, 0x4D0/0x4D1). ISA IRQ n enters at
 * {@link #setIrq}; the master's INT output drives {@link #connectIntr the INTR line}
 * (the VMM wires it to LINT0 of the boot CPU's local APIC, ExtINT mode), and the CPU's
 * interrupt-acknowledge cycle is {@link #acknowledge()}.
 *
 * <p>INT is recomputed after every register access and every input change. This is
 * Humbel's lesson (thesis §6.2.2): after an EOI a lower-priority request that waited is
 * presented again at once, so a request never sits in IRR unseen.
 *
 * <p>Power-on state: as a PC BIOS leaves the pair (vectors 0x08/0x70, cascade on IR2,
 * edge-triggered) but with every input masked, so nothing is delivered until the guest
 * programs the PICs itself.
 *
 * <p>Threading: all state is guarded by this object's monitor. Lock order: a device's
 * own lock → this → the INTR receiver. The INTR line is called with this monitor held, so
 * its receiver must not call back into the pair; call {@link #acknowledge()} without
 * holding the receiver's (local APIC's) lock.
 */
public final class PicPair {
    /** Master port offsets (0x20/0x21) and slave (0xA0/0xA1): A0 selects the register. */
    public static final int PORT_COMMAND = 0;
    public static final int PORT_DATA = 1;
    /** Inputs that are always edge-triggered on PIIX: IRQ0, 1, 2 (master) and 8, 13 (slave). */
    static final int ELCR_MASK_MASTER = 0xF8;
    static final int ELCR_MASK_SLAVE = 0xDE;
    static final int CASCADE_IRQ = 2;
    static final int POLL_VALID = 0x80;

    private final Pic8259 master = new Pic8259(true, ELCR_MASK_MASTER);
    private final Pic8259 slave = new Pic8259(false, ELCR_MASK_SLAVE);
    private IrqLine intr = IrqLine.NONE;
    private boolean intrLevel;

    public PicPair() {
        firmwareSetup();
    }

    /**
     * System reset: both chips to their power-on state, then programmed as a PC BIOS leaves
     * them (vectors 08h and 70h, the slave cascaded on IR2, every input masked), because
     * tvmm is the firmware of a directly booted kernel. INTR follows.
     */
    public synchronized void reset() {
        master.reset();
        slave.reset();
        firmwareSetup();
        update();
    }

    private void firmwareSetup() {
        master.vectorBase = 0x08;
        master.cascade = 1 << CASCADE_IRQ;
        master.imr = 0xFF;
        slave.vectorBase = 0x70;
        slave.cascade = CASCADE_IRQ;
        slave.imr = 0xFF;
    }

    /** Connects the master's INT output (the CPU's INTR, through the local APIC's LINT0). */
    public synchronized void connectIntr(IrqLine line) {
        intr = line;
        line.set(intrLevel);
    }

    /** ISA IRQ {@code irq} (0..15) is driven to {@code high}. IRQ2 is the cascade and is ignored. */
    public synchronized void setIrq(int irq, boolean high) {
        if (irq < 0 || irq > 15 || irq == CASCADE_IRQ) {
            return;
        }
        if (irq < 8) {
            master.setInput(irq, high);
        } else {
            slave.setInput(irq - 8, high);
        }
        update();
    }

    /** The level of the INTR output: an unmasked request of sufficient priority is pending. */
    public synchronized boolean intr() {
        return intrLevel;
    }

    /**
     * The CPU's INTA cycle: returns the vector and moves the request into service. With no
     * request left (a level input dropped before INTA) the chip answers with its IR7
     * vector without setting ISR: the spurious IRQ7 (or IRQ15 from the slave, in which
     * case the master's IR2 is in service as the datasheet says).
     */
    public synchronized int acknowledge() {
        int irq = master.pending();
        int vector;
        if (irq < 0) {
            vector = master.vectorBase + 7;
        } else {
            master.acknowledge(irq);
            if (isCascade(irq)) {
                int s = slave.pending();
                if (s < 0) {
                    vector = slave.vectorBase + 7;
                } else {
                    slave.acknowledge(s);
                    vector = slave.vectorBase + s;
                    if (slave.pending() >= 0) {
                        // The slave keeps INT high (AEOI, or a higher request): the master
                        // latches IR2 again so that request is not lost.
                        master.irr |= 1 << CASCADE_IRQ;
                    }
                }
            } else {
                vector = master.vectorBase + irq;
            }
        }
        update();
        return vector;
    }

    private boolean isCascade(int irq) {
        return !master.single && (master.cascade & (1 << irq)) != 0;
    }

    private void update() {
        // The slave's INT is the master's IR2, edge-sensed like any master input: a slave
        // request that vanishes before INTA leaves IR2 latched and yields spurious IRQ15.
        boolean slaveInt = slave.pending() >= 0;
        master.setInput(CASCADE_IRQ, slaveInt);
        boolean level = master.pending() >= 0;
        if (level != intrLevel) {
            intrLevel = level;
            intr.set(level);
        }
    }

    private int read(Pic8259 chip, long offset) {
        if (chip.poll) {
            // Poll command: the next read returns 0x80 | level and acts as an INTA.
            chip.poll = false;
            int irq = chip.pending();
            if (irq < 0) {
                return 0;
            }
            chip.acknowledge(irq);
            update();
            return POLL_VALID | irq;
        }
        return offset == PORT_COMMAND ? chip.readCommand() : chip.imr;
    }

    private void write(Pic8259 chip, long offset, int value) {
        if (offset == PORT_COMMAND) {
            chip.writeCommand(value);
        } else {
            chip.writeData(value);
        }
        update();
    }

    /** Ports 0x20–0x21. */
    public IoDevice masterPorts() {
        return new ChipPorts(master, "pic-master");
    }

    /** Ports 0xA0–0xA1. */
    public IoDevice slavePorts() {
        return new ChipPorts(slave, "pic-slave");
    }

    /** ELCR1/ELCR2 at 0x4D0–0x4D1 (PIIX3 datasheet §4.1.7): 1 = level-triggered. */
    public IoDevice elcrPorts() {
        return new ByteRegisters() {
            @Override
            public int readByte(long offset) {
                synchronized (PicPair.this) {
                    return offset == 0 ? master.elcr : slave.elcr;
                }
            }

            @Override
            public void writeByte(long offset, int value) {
                synchronized (PicPair.this) {
                    (offset == 0 ? master : slave).writeElcr(value & 0xFF);
                    update();
                }
            }

            @Override
            public String name() {
                return "elcr";
            }
        };
    }

    private final class ChipPorts implements ByteRegisters {
        private final Pic8259 chip;
        private final String name;

        ChipPorts(Pic8259 chip, String name) {
            this.chip = chip;
            this.name = name;
        }

        @Override
        public int readByte(long offset) {
            synchronized (PicPair.this) {
                return PicPair.this.read(chip, offset);
            }
        }

        @Override
        public void writeByte(long offset, int value) {
            synchronized (PicPair.this) {
                PicPair.this.write(chip, offset, value & 0xFF);
            }
        }

        @Override
        public String name() {
            return name;
        }
    }
}
