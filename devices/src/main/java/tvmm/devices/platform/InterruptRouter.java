package tvmm.devices.platform;

import tvmm.devices.bus.GsiSink;
import tvmm.devices.bus.IrqLine;
import tvmm.devices.pic.PicPair;

/**
 * The interrupt wires of the board. An ISA device's IRQ n goes to 8259 input n and, in
 * parallel, to the IOAPIC pin of GSI n, with the PC's one override IRQ0 → GSI 2
 * ({@link Layout#gsiOfIsaIrq}). Lines above 15 (PCI, virtio) reach only the IOAPIC.
 * Which controller the guest listens to is the guest's business (it masks the other), as
 * on real hardware where both see every wire.
 *
 * <p>Threading: stateless apart from the IOAPIC reference, which is volatile so the VMM
 * can connect the IOAPIC after devices exist. Lock order: device → PIC pair → INTR
 * receiver, then device → IOAPIC ({@link GsiSink}); the router takes no lock itself.
 */
public final class InterruptRouter {
    private final PicPair pic;
    private volatile GsiSink ioapic = GsiSink.NONE;

    public InterruptRouter(PicPair pic) {
        this.pic = pic;
    }

    /** Connects the IOAPIC (pin n = GSI n). */
    public void connectIoApic(GsiSink sink) {
        ioapic = sink;
    }

    public PicPair pic() {
        return pic;
    }

    /** The wire of ISA IRQ {@code irq} (0..15). */
    public IrqLine isaIrq(int irq) {
        if (irq < 0 || irq >= Layout.ISA_IRQS) {
            throw new IllegalArgumentException("ISA IRQ " + irq);
        }
        int gsi = Layout.gsiOfIsaIrq(irq);
        return high -> {
            pic.setIrq(irq, high);
            ioapic.setLevel(gsi, high);
        };
    }

    /** A wire that reaches only the IOAPIC (GSIs 16..23 for PCI devices). */
    public IrqLine gsi(int gsi) {
        if (gsi < Layout.ISA_IRQS || gsi >= Layout.IOAPIC_PINS) {
            throw new IllegalArgumentException("GSI " + gsi + " is not a non-ISA IOAPIC pin");
        }
        return high -> ioapic.setLevel(gsi, high);
    }
}
