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
 * <p>Every call to {@link #isaIrq} or {@link #gsi} hands out a new source on that wire,
 * and the wire is the OR of its sources (PCI INTx sharing): one device dropping its line
 * does not drop another's request.
 *
 * <p>Threading: the per-wire source counts are guarded by this object's monitor, which is
 * held while the controllers are driven so levels reach them in order. Lock order:
 * device → router → PIC pair → INTR receiver, and router → IOAPIC ({@link GsiSink}).
 */
public final class InterruptRouter {
    private final PicPair pic;
    private volatile GsiSink ioapic = GsiSink.NONE;
    private final int[] asserted = new int[Layout.IOAPIC_PINS]; // sources driving each GSI high

    public InterruptRouter(PicPair pic) {
        this.pic = pic;
    }

    /** Connects the IOAPIC (pin n = GSI n) and gives it the present level of every wire. */
    public synchronized void connectIoApic(GsiSink sink) {
        ioapic = sink;
        for (int gsi = 0; gsi < asserted.length; gsi++) {
            if (asserted[gsi] > 0) {
                sink.setLevel(gsi, true);
            }
        }
    }

    public PicPair pic() {
        return pic;
    }

    /** A new source on ISA IRQ {@code irq} (0..15). */
    public IrqLine isaIrq(int irq) {
        if (irq < 0 || irq >= Layout.ISA_IRQS) {
            throw new IllegalArgumentException("ISA IRQ " + irq);
        }
        return new Source(irq, Layout.gsiOfIsaIrq(irq));
    }

    /** A new source on a wire that reaches only the IOAPIC (GSIs 16..23, PCI devices). */
    public IrqLine gsi(int gsi) {
        if (gsi < Layout.ISA_IRQS || gsi >= Layout.IOAPIC_PINS) {
            throw new IllegalArgumentException("GSI " + gsi + " is not a non-ISA IOAPIC pin");
        }
        return new Source(-1, gsi);
    }

    private synchronized void drive(int isaIrq, int gsi, boolean high) {
        int before = asserted[gsi];
        asserted[gsi] += high ? 1 : -1;
        boolean level = asserted[gsi] > 0;
        if (level != before > 0 || high) {
            // A repeated high is passed on: an edge-triggered input ignores it, and a
            // level input re-samples the same level, both as the IrqLine contract says.
            if (isaIrq >= 0) {
                pic.setIrq(isaIrq, level);
            }
            ioapic.setLevel(gsi, level);
        }
    }

    /** One device's connection to a wire; remembers its own level for the wired OR. */
    private final class Source implements IrqLine {
        private final int isaIrq;
        private final int gsi;
        private boolean high;

        Source(int isaIrq, int gsi) {
            this.isaIrq = isaIrq;
            this.gsi = gsi;
        }

        @Override
        public void set(boolean level) {
            synchronized (InterruptRouter.this) {
                if (level == high) {
                    return;
                }
                high = level;
                drive(isaIrq, gsi, level);
            }
        }
    }
}
