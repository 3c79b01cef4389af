package tvmm.devices.pic;

import tvmm.devices.bus.GuestLog;

/**
 * One Intel 8259A programmable interrupt controller (datasheet 231468, "8259A
 * Programmable Interrupt Controller"), in 8086 mode. Registers and priority logic only;
 * the cascade, the INTA cycle and locking live in {@link PicPair}, which calls every
 * method here with its monitor held.
 */
final class Pic8259 {
    // A0 = 0 writes: ICW1 when D4 = 1, OCW3 when D4 = 0 and D3 = 1, otherwise OCW2.
    static final int ICW1_IC4 = 0x01;     // ICW4 needed
    static final int ICW1_SNGL = 0x02;    // single (no ICW3)
    static final int ICW1_LTIM = 0x08;    // level-triggered inputs
    static final int ICW1_SELECT = 0x10;
    static final int OCW3_SELECT = 0x08;
    static final int OCW3_RIS = 0x01;     // read ISR instead of IRR
    static final int OCW3_RR = 0x02;      // RIS is valid
    static final int OCW3_POLL = 0x04;
    static final int OCW3_SMM = 0x20;     // special mask mode on/off (with ESMM)
    static final int OCW3_ESMM = 0x40;
    static final int ICW4_UPM = 0x01;     // 8086 mode
    static final int ICW4_AEOI = 0x02;
    static final int ICW4_SFNM = 0x10;    // special fully nested mode
    // OCW2 R/SL/EOI commands (bits 7..5).
    static final int OCW2_ROTATE_AEOI_CLEAR = 0;
    static final int OCW2_NONSPECIFIC_EOI = 1;
    static final int OCW2_NOP = 2;
    static final int OCW2_SPECIFIC_EOI = 3;
    static final int OCW2_ROTATE_AEOI_SET = 4;
    static final int OCW2_ROTATE_NONSPECIFIC_EOI = 5;
    static final int OCW2_SET_PRIORITY = 6;
    static final int OCW2_ROTATE_SPECIFIC_EOI = 7;

    final boolean master;
    private final GuestLog log;
    int lines;          // current level of IR0..IR7 as driven by the devices
    int irr;            // interrupt request register
    int isr;            // in-service register
    int imr;            // interrupt mask register (OCW1)
    int elcr;           // PIIX edge/level control (ports 0x4D0/0x4D1): 1 = level
    final int elcrMask; // inputs whose ELCR bit is writable
    int lowestPriority = 7; // rotation: the IR with the lowest priority
    int vectorBase;     // ICW2 T7..T3
    int initStep;       // 0 = ready, 1..3 = expecting ICW2..ICW4
    boolean needIcw4;
    boolean single;
    boolean ltim;
    boolean autoEoi;
    boolean rotateOnAutoEoi;
    boolean specialFullyNested;
    boolean specialMask;
    boolean readIsr;
    boolean poll;
    int cascade;        // ICW3 as written (slave mask on the master, slave id on the slave)

    Pic8259(boolean master, int elcrMask) {
        this.master = master;
        this.log = new GuestLog(master ? "pic-master" : "pic-slave");
        this.elcrMask = elcrMask;
    }

    /**
     * Power-on state. The 8259A has no reset pin (datasheet: it must be initialized by ICW1
     * before use); this is the state ICW1 leaves, with IMR 0 and rotation at its default,
     * plus the PIIX's ELCR reset value 00h (all edge). The input wires ({@code lines}) are
     * driven by the devices and kept.
     */
    void reset() {
        irr = 0;
        isr = 0;
        imr = 0;
        elcr = 0;
        lowestPriority = 7;
        vectorBase = 0;
        initStep = 0;
        needIcw4 = false;
        single = false;
        ltim = false;
        autoEoi = false;
        rotateOnAutoEoi = false;
        specialFullyNested = false;
        specialMask = false;
        readIsr = false;
        poll = false;
        cascade = 0;
    }

    private boolean levelTriggered(int irq) {
        return ltim || (elcr & (1 << irq)) != 0;
    }

    /** The device drives input {@code irq} to {@code high}. */
    void setInput(int irq, boolean high) {
        int bit = 1 << irq;
        boolean was = (lines & bit) != 0;
        lines = high ? lines | bit : lines & ~bit;
        if (levelTriggered(irq)) {
            // Level mode: IRR follows the wire; a request that goes away before INTA is lost.
            irr = high ? irr | bit : irr & ~bit;
        } else if (high && !was) {
            irr |= bit; // the edge-sense latch catches the low-to-high transition
        }
        // Edge mode keeps the latched request when the wire drops again: the bus contract
        // lets a device signal an edge with IrqLine.pulse(), which a real 8259A would only
        // see if the line stayed high until INTA. Only level inputs can vanish (→ IR7 spurious).
    }

    /** Priority rank of the highest set bit in {@code mask} (0 = highest), 8 if none. */
    private int rank(int mask) {
        if (mask == 0) {
            return 8;
        }
        int rank = 0;
        while ((mask & (1 << ((rank + lowestPriority + 1) & 7))) == 0) {
            rank++;
        }
        return rank;
    }

    /** The IR the chip would present on INTA now, or -1 (its INT output is low). */
    int pending() {
        int request = rank(irr & ~imr);
        if (request == 8) {
            return -1;
        }
        int inService = isr;
        if (specialMask) {
            inService &= ~imr; // special mask mode: masked in-service levels do not block
        }
        if (master && specialFullyNested) {
            inService &= ~cascade; // SFNM: a slave's higher request may nest on its cascade IR
        }
        if (request < rank(inService)) {
            return (request + lowestPriority + 1) & 7;
        }
        return -1;
    }

    /** The INTA (or poll) side effects for {@code irq}: ISR set (unless AEOI), edge latch cleared. */
    void acknowledge(int irq) {
        int bit = 1 << irq;
        if (autoEoi) {
            if (rotateOnAutoEoi) {
                lowestPriority = irq;
            }
        } else {
            isr |= bit;
        }
        if (!levelTriggered(irq)) {
            irr &= ~bit;
        }
    }

    /** Writes to A0 = 0 (port 0x20 / 0xA0). */
    void writeCommand(int value) {
        if ((value & ICW1_SELECT) != 0) {
            // ICW1 starts initialisation: IMR cleared, IR7 lowest priority, special mask
            // mode off, status read = IRR, and the edge-sense latches reset so an input
            // that is already high must go low and high again to request.
            irr = 0;
            isr = 0;
            imr = 0;
            lowestPriority = 7;
            specialMask = false;
            readIsr = false;
            poll = false;
            autoEoi = false;
            rotateOnAutoEoi = false;
            specialFullyNested = false;
            needIcw4 = (value & ICW1_IC4) != 0;
            single = (value & ICW1_SNGL) != 0;
            ltim = (value & ICW1_LTIM) != 0;
            if (ltim) {
                irr = lines; // level mode: present inputs request at once
            }
            initStep = 1;
        } else if ((value & OCW3_SELECT) != 0) {
            if ((value & OCW3_POLL) != 0) {
                poll = true;
            }
            if ((value & OCW3_RR) != 0) {
                readIsr = (value & OCW3_RIS) != 0;
            }
            if ((value & OCW3_ESMM) != 0) {
                specialMask = (value & OCW3_SMM) != 0;
            }
        } else {
            ocw2(value >>> 5, value & 7);
        }
    }

    private void ocw2(int command, int level) {
        switch (command) {
            case OCW2_ROTATE_AEOI_CLEAR -> rotateOnAutoEoi = false;
            case OCW2_ROTATE_AEOI_SET -> rotateOnAutoEoi = true;
            case OCW2_NONSPECIFIC_EOI, OCW2_ROTATE_NONSPECIFIC_EOI -> {
                // Non-specific EOI resets the highest-priority in-service bit.
                int rank = rank(isr);
                if (rank != 8) {
                    int irq = (rank + lowestPriority + 1) & 7;
                    isr &= ~(1 << irq);
                    if (command == OCW2_ROTATE_NONSPECIFIC_EOI) {
                        lowestPriority = irq;
                    }
                }
            }
            case OCW2_SPECIFIC_EOI -> isr &= ~(1 << level);
            case OCW2_ROTATE_SPECIFIC_EOI -> {
                isr &= ~(1 << level);
                lowestPriority = level;
            }
            case OCW2_SET_PRIORITY -> lowestPriority = level;
            default -> { } // OCW2_NOP
        }
    }

    /** Writes to A0 = 1 (port 0x21 / 0xA1): ICW2..4 during initialisation, else OCW1. */
    void writeData(int value) {
        switch (initStep) {
            case 1 -> {
                vectorBase = value & 0xF8;
                initStep = single ? (needIcw4 ? 3 : 0) : 2;
            }
            case 2 -> {
                cascade = value;
                initStep = needIcw4 ? 3 : 0;
            }
            case 3 -> {
                if ((value & ICW4_UPM) == 0) {
                    log.warn("icw4", "MCS-80/85 mode requested, staying in 8086 mode");
                }
                autoEoi = (value & ICW4_AEOI) != 0;
                specialFullyNested = (value & ICW4_SFNM) != 0;
                initStep = 0;
            }
            default -> imr = value & 0xFF;
        }
    }

    /** Reads of A0 = 0: IRR or ISR as selected by OCW3 (the poll word is handled by the pair). */
    int readCommand() {
        return readIsr ? isr : irr;
    }

    void writeElcr(int value) {
        elcr = value & elcrMask;
        // Inputs switched to level now request from their present level.
        irr = (irr & ~elcr) | (lines & elcr);
    }
}
